// WCAG contrast maths that runs inside a page, where page.evaluate cannot import: installed once
// per page as window.__contrast for the contrast and focus suites. Colours are the browser's own
// (a canvas turns any CSS colour, color-mix() included, into rgba numbers).
import type { Page } from 'playwright-core';

export interface InPageContrast {
  /** A CSS colour as [r, g, b, alpha 0–1]; an invalid one reads as black. */
  rgba(css: string): [number, number, number, number];
  /** `top` (with its alpha) drawn over an opaque `bottom`. */
  over(top: readonly number[], bottom: readonly number[]): number[];
  /** Relative luminance of an opaque colour. */
  lum(c: readonly number[]): number;
  /** The page's background as drawn (body over html over white). */
  background(): number[];
  /** Contrast of an opaque colour against the page background, e.g. 4.5. */
  against(color: readonly number[]): number;
}

/** The maths, in the page; call once after the page loaded. */
export async function installContrast(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rgba = (css: string): [number, number, number, number] => {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const over = (top: readonly number[], bottom: readonly number[]) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3]));
    const lum = (c: readonly number[]) => {
      const [r, g, b] = c.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const background = () => over(rgba(getComputedStyle(document.body).backgroundColor), over(rgba(getComputedStyle(document.documentElement).backgroundColor), [255, 255, 255, 1]).concat(1));
    const against = (color: readonly number[]) => {
      const [hi, lo] = [lum(color), lum(background())].sort((a, b) => b - a);
      return (hi + 0.05) / (lo + 0.05);
    };
    (window as unknown as { __contrast: InPageContrast }).__contrast = { rgba, over, lum, background, against };
  });
}
