// Writes the summary PDF of the demo journal (90 days ending 2026-06-30), as "Export Summary as PDF"
// would from `npm start -- --demo`, for the README's page-1 picture. Run by demoSummaryPdf.js.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DEFAULT_RESOURCES } from '../../src/core/safety';
import { buildSummary } from '../../src/core/summary/summary';
import { summaryDoc } from '../../src/core/summary/doc';
import { bundleTranslator } from '../../src/core/summary/lang';
import { rowsFromOps } from '../../src/core/transfer/transfer';
import { demoJournal } from '../fixtures/demoJournal';

/** `lang`: 'es' writes it with the Spanish bundle, as moodDose.summary.language does. */
export async function writeDemoPdf(root: string, out: string, size: 'LETTER' | 'A4', lang?: 'es'): Promise<void> {
  const dist = path.join(root, 'dist');
  const { summaryPdf } = ((await import(pathToFileURL(path.join(dist, 'pdf.js')).href)) as { default: typeof import('../../src/pdf/summaryPdf') }).default;
  const rows = rowsFromOps(demoJournal({ end: '2026-06-30', zone: 'UTC' }).flat());
  const summary = buildSummary(rows, { today: '2026-06-30', medicationName: 'Escitalopram', unit: 'mg', includeNoteIds: [], support: DEFAULT_RESOURCES });
  const fonts = { regular: fs.readFileSync(path.join(dist, 'fonts', 'DejaVuSansCondensed.ttf')), bold: fs.readFileSync(path.join(dist, 'fonts', 'DejaVuSansCondensed-Bold.ttf')) };
  fs.writeFileSync(out, await summaryPdf(summaryDoc(summary, {}, size, lang ? { locale: lang, t: bundleTranslator(JSON.parse(fs.readFileSync(path.join(root, 'l10n', `bundle.l10n.${lang}.json`), 'utf8')) as Record<string, string>) } : undefined), { size, fonts, creationDate: new Date('2026-06-30T12:00:00Z') }));
}
