// Writes the summary PDF of each hand-made journal (test/fixtures/doseDayJournals.ts, the old
// handJournals.ts ones too) into out/hand-journals/, so their page 1 can be looked at as a
// prescriber would. Run by handJournalPages.js, which also renders each page 1 to PNG.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DEFAULT_RESOURCES } from '../../src/core/safety';
import { buildSummary } from '../../src/core/summary/summary';
import { summaryDoc } from '../../src/core/summary/doc';
import type { RowsByTable } from '../../src/core/transfer/transfer';
import * as dd from '../fixtures/doseDayJournals';
import * as hj from '../fixtures/handJournals';

const JOURNALS: [string, () => RowsByTable, { from: string; to: string }][] = [
  ['top-up', dd.topUp, dd.TOP_UP],
  ['two-a-day', dd.twoCheckIns, dd.TWO_A_DAY],
  ['gap-then-symptoms', dd.gapThenSymptoms, dd.GAP],
  ['skipped-then-taken', dd.skippedThenTaken, dd.SKIP],
  ['mid-step', dd.midStep, dd.MID],
  ['late-onset', dd.lateOnset, dd.LATE],
  ['other-medication', dd.otherMedication, dd.OTHER],
  ['clean-taper', hj.cleanTaper, hj.CLEAN],
  ['symptoms-after-cuts', hj.symptomsAfterCuts, hj.CUTS],
  ['event-increase-item9', hj.eventIncreaseItem9, hj.EVENT]
];

export async function writeHandJournalPdfs(root: string, outDir: string, size: 'LETTER' | 'A4'): Promise<string[]> {
  const dist = path.join(root, 'dist');
  const { summaryPdf } = ((await import(pathToFileURL(path.join(dist, 'pdf.js')).href)) as { default: typeof import('../../src/pdf/summaryPdf') }).default;
  const fonts = { regular: fs.readFileSync(path.join(dist, 'fonts', 'DejaVuSansCondensed.ttf')), bold: fs.readFileSync(path.join(dist, 'fonts', 'DejaVuSansCondensed-Bold.ttf')) };
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, rows, range] of JOURNALS) {
    const s = buildSummary(rows(), { today: range.to, from: range.from, to: range.to, medicationName: 'Escitalopram', unit: 'mg', includeNoteIds: [], support: DEFAULT_RESOURCES });
    const file = path.join(outDir, `${name}-${size}.pdf`);
    fs.writeFileSync(file, await summaryPdf(summaryDoc(s, {}, size), { size, fonts, creationDate: new Date(`${range.to}T12:00:00Z`) }));
    written.push(file);
  }
  return written;
}
