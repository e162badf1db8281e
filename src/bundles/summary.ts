// dist/summary.js: the prescriber summary, built and rendered to Markdown or HTML. Pure core code,
// loaded the first time a summary is prepared.
export { buildSummary, defaultRange, firstEntryDate, selectableNotes } from '../core/summary';
export { renderHtml, renderMarkdown } from '../core/summaryRender';
