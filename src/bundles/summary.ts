// dist/summary.js: the prescriber summary (page 1 and the appendix), its figures as SVG, and its
// Markdown and HTML. Pure core code, loaded the first time a summary is prepared. The PDF writer is
// a bundle of its own (dist/pdf.js, src/pdf/summaryPdf.ts), loaded only when a PDF is made.
export { buildSummary, defaultRange, firstEntryDate, selectableNotes } from '../core/summary/summary';
export { summaryDoc } from '../core/summary/doc';
export { htmlOf, markdownOf } from '../core/summary/render';
export { toSvg } from '../core/figures/svg';
