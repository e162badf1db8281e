// Headless Chromium for the browser pages, launched by the same code and with the same flags as the
// code-server workbench (this machine's network is closed, so Chromium must not try to reach it), and
// the watch every page keeps for errors.
import type { Browser, Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const workbench: { launchChromium(): Promise<Browser> } = require('../codeServer/workbench');

export const launchChromium = (): Promise<Browser> => workbench.launchChromium();

/** Collects what a page should never show: CSP refusals, console errors, page errors, failed or refused requests. */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  return problems;
}
