// Loads a bundle of dist/ the first time it is needed. dist/extension.js holds only what
// activate() needs; the journal (storage, sql.js, the panel's handlers and the commands), import
// and export, the summary, the PDF writer and the dashboard's figures each live in a bundle of their own (see esbuild.js). The types come
// from the bundles' entry modules, so a call is checked like an import.
import * as path from 'path';
import type * as journal from '../bundles/journal';
import type * as summary from '../bundles/summary';
import type * as transfer from '../bundles/transfer';
import type * as pdf from '../pdf/summaryPdf';
import type * as figures from '../bundles/figures';

export interface Bundles {
  journal: typeof journal;
  transfer: typeof transfer;
  summary: typeof summary;
  pdf: typeof pdf;
  figures: typeof figures;
}

const loaded = new Map<keyof Bundles, unknown>();

export function loadBundle<K extends keyof Bundles>(name: K): Bundles[K] {
  let exports = loaded.get(name);
  if (exports === undefined) {
    // A real require of a file next to this one: esbuild leaves it alone, Node caches it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- callers need the bundle synchronously
    exports = require(path.join(__dirname, `${name}.js`));
    loaded.set(name, exports);
  }
  return exports as Bundles[K];
}
