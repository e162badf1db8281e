// Colours for the canvas, read from VS Code's theme variables. HTML parts use the same variables
// straight from media/charts.css; only the canvas needs them as values.

export interface ChartTheme {
  /** Changes whenever any value below changes: the cue to rebuild the plot. */
  key: string;
  highContrast: boolean;
  mood: string;
  /** The daily mean where a rolling median is drawn over it: the same hue, fainter. */
  moodFaint: string;
  bandFill: string;
  /** A reference range drawn behind the data (the 14 days before a dose change). */
  referenceFill: string;
  dose: string;
  doseMarker: string;
  eventMarker: string;
  foreground: string;
  grid: string;
  font: string;
  lineWidth: number;
  markerWidth: number;
}

const HC_CLASSES = ['vscode-high-contrast', 'vscode-high-contrast-light'];

export function readTheme(): ChartTheme {
  const body = document.body;
  const css = getComputedStyle(body);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const highContrast = HC_CLASSES.some((c) => body.classList.contains(c));
  // Opaque: Light+ and Dark+ give charts.orange at 33% alpha, too faint for a mark (WCAG 1.4.11).
  const mood = opaque(v('--vscode-charts-blue', '#3794ff'));
  const orange = opaque(v('--vscode-charts-orange', '#d18616'));
  const border = v('--vscode-editorWidget-border', v('--vscode-panel-border', v('--vscode-contrastBorder', '#80808059')));
  const size = parseFloat(v('--vscode-font-size', '13')) || 13;
  const theme: Omit<ChartTheme, 'key'> = {
    highContrast,
    mood,
    moodFaint: withAlpha(mood, highContrast ? 0.8 : 0.55),
    bandFill: withAlpha(mood, highContrast ? 0.4 : 0.3),
    referenceFill: withAlpha(v('--vscode-descriptionForeground', v('--vscode-foreground', css.color || '#cccccc')), highContrast ? 0.3 : 0.18),
    dose: orange,
    doseMarker: orange,
    eventMarker: opaque(v('--vscode-charts-purple', '#b180d7')),
    foreground: v('--vscode-descriptionForeground', v('--vscode-foreground', css.color || '#cccccc')),
    // Grid lines stay quiet, even where the border colour is loud (high contrast).
    grid: withAlpha(border, 0.5),
    font: `${Math.max(10, size - 2)}px ${v('--vscode-font-family', 'system-ui, sans-serif')}`,
    lineWidth: highContrast ? 3 : 2,
    markerWidth: highContrast ? 2 : 1
  };
  return { ...theme, key: JSON.stringify(theme) };
}

let probe: CanvasRenderingContext2D | null | undefined;

/** The colour with its alpha multiplied by `alpha`; the canvas normalises any CSS colour for us. */
export function withAlpha(color: string, alpha: number): string {
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe) return color;
  probe.fillStyle = '#000';
  probe.fillStyle = color;
  const c = String(probe.fillStyle);
  if (/^#[0-9a-f]{6}$/i.test(c)) {
    const n = parseInt(c.slice(1), 16);
    return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  }
  const m = /^rgba?\(([^)]+)\)$/.exec(c);
  if (!m) return color;
  const [r, g, b, a = '1'] = m[1].split(',').map((p) => p.trim());
  return `rgba(${r}, ${g}, ${b}, ${+a * alpha})`;
}

/** The colour at full opacity (a theme colour may carry an alpha meant for highlights). */
export function opaque(color: string): string {
  const c = withAlpha(color, 1);
  const m = /^rgba\(([^,]+), ([^,]+), ([^,]+), [^)]+\)$/.exec(c);
  return m ? `#${[m[1], m[2], m[3]].map((x) => Math.round(+x).toString(16).padStart(2, '0')).join('')}` : c;
}

/** Calls back when VS Code switches theme: it sets body classes and data attributes, and the
 *  variables on <html>'s style. Returns the disconnect function. */
export function observeTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'style', 'data-vscode-theme-kind', 'data-vscode-theme-id'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  return () => observer.disconnect();
}
