// Headless Chromium for the browser pages, launched by the same code, with the same flags, as the
// code-server workbench: this machine's network is closed, so Chromium must not try to reach it.
import type { Browser } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const workbench: { launchChromium(): Promise<Browser> } = require('../codeServer/workbench');

export const launchChromium = (): Promise<Browser> => workbench.launchChromium();
