// One rule for every uPlot chart: follow the host's size, but keep the last size while the host is
// hidden (a hidden tab or panel measures 0 wide) until it shows again.
import type uPlot from 'uplot';

export function fitToHost(plot: uPlot | undefined, host: HTMLElement, size: () => { width: number; height: number }): void {
  if (!plot || host.clientWidth === 0) return;
  const { width, height } = size();
  if (width !== plot.width || height !== plot.height) plot.setSize({ width, height });
}
