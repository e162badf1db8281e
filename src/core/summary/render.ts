// The summary document (summaryDoc.ts) as Markdown and as a self-contained HTML page. Both only
// serialise the same blocks, so they say the same thing as the PDF. All user text is escaped for
// the output format; figures are SVG (linked files next to the Markdown, inline in the HTML).
import { toSvg, escapeXml } from '../figures/svg';
import type { Summary } from './summary';
import type { SummaryLanguage } from './lang';
import { summaryDoc, type Block, type SummaryDoc, type SummaryStrings } from './doc';

export { DEFAULT_STRINGS, type SummaryStrings } from './doc';
export { onsetText } from './words';

export interface RenderOptions {
  strings?: Partial<SummaryStrings>;
  /** Markdown: the file name (relative link) of each figure's .svg, by figure id. Without one, the figure's text alternative is shown. */
  figureLinks?: Readonly<Record<string, string>>;
  /** The language it is written in; English by default. */
  lang?: SummaryLanguage;
}

// ---- Markdown --------------------------------------------------------------------------------

/**
 * Escapes inline Markdown syntax (emphasis, links, HTML, table pipes, entities) in text that must
 * stay on one line (a heading, an italic line, a table cell): any line break becomes a space, so a
 * provider name or title holding "\n# Heading" cannot start a block of its own.
 */
const mdInline = (text: string) => text.replace(/\s*[\r\n\v\f\u0085\u2028\u2029]+\s*/g, ' ').replace(/[\\`*_[\]<>|~#&]/g, '\\$&');

/** Also escapes what would start a block (heading, list item, quote, setext underline) at the start of a line. */
const mdLine = (line: string) =>
  mdInline(line)
    .replace(/^(\s*)([-+=>])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');

const mdLines = (text: string, indent: string) =>
  text
    .split(/\r\n?|[\n\v\f\u0085\u2028\u2029]/)
    .map(mdLine)
    .join(`  \n${indent}`);

/** A heading's text on one line, escaped like any other text. */
const mdHeading = (text: string) => mdLine(text.replace(/\s*\r?\n\s*/g, ' '));

function mdBlock(b: Block, links: Readonly<Record<string, string>>): string {
  switch (b.kind) {
    case 'h1':
      return `# ${mdHeading(b.text)}`;
    case 'h2':
      return `## ${mdHeading(b.text)}`;
    case 'p':
      return mdLines(b.text, '');
    case 'strong':
      return `**${mdInline(b.text)}**`;
    case 'muted':
      return `_${mdInline(b.text)}_`;
    case 'list': {
      const start = b.start ?? 1;
      return b.items.map((item, i) => (b.ordered ? `${start + i}. ${mdLines(item, '   ')}` : `- ${mdLines(item, '  ')}`)).join('\n');
    }
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map((c) => mdInline(c.replace(/\s*\r?\n\s*/g, ' '))).join(' | ')} |`;
      return [row(b.head), `|${b.head.map(() => ' --- |').join('')}`, ...b.rows.map(row)].join('\n');
    }
    case 'figure': {
      const link = links[b.figure.id];
      const picture = link ? `![${mdInline(b.figure.title)}](${encodeURI(link)})` : `_${mdInline(b.figure.desc)}_`;
      return `${picture}\n\n_${mdInline(b.caption)}_`;
    }
  }
}

export function markdownOf(doc: SummaryDoc, links: Readonly<Record<string, string>> = {}): string {
  const out = [...doc.page1.map((b) => mdBlock(b, links)), '---', ...doc.appendix.map((b) => mdBlock(b, links)), '---', doc.footer.map(mdInline).join('\n\n')];
  return out.join('\n\n') + '\n';
}

export function renderMarkdown(summary: Summary, options: RenderOptions = {}): string {
  return markdownOf(summaryDoc(summary, options.strings, 'print', options.lang), options.figureLinks);
}

// ---- HTML ------------------------------------------------------------------------------------

export function escapeHtml(text: string): string {
  return escapeXml(text);
}

const htmlLines = (text: string) => text.split(/\r?\n/).map(escapeHtml).join('<br>');

// Page 1 is laid out for the smaller of US Letter and A4 (A4's width, Letter's height) with 30 pt
// margins, so printing at either size keeps it on one page; the appendix starts on a new page.
const STYLE = `
:root { color-scheme: light; }
body { font: 9pt/1.2 "DejaVu Sans Condensed", "Liberation Sans Narrow", "Arial Narrow", -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; background: #fff; margin: 2rem auto; max-width: 535pt; padding: 0 1rem; }
h1 { font-size: 13pt; margin: 0 0 2pt; }
h2 { font-size: 9.5pt; margin: 4pt 0 1.5pt; border-bottom: 0.5pt solid #bbb; padding-bottom: 1pt; }
p { margin: 1pt 0; }
.strong { font-weight: bold; }
.muted { color: #555; }
table { border-collapse: collapse; width: 100%; margin: 2pt 0; table-layout: fixed; }
th, td { border: 0.5pt solid #bbb; padding: 1pt 2.5pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f2f2f2; font-weight: bold; }
ul, ol { padding-left: 14pt; margin: 1pt 0; }
figure { margin: 2pt 0; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { color: #555; }
footer { margin-top: 4pt; border-top: 0.5pt solid #bbb; padding-top: 2pt; font-size: 7.5pt; line-height: 1.2; color: #444; }
footer p { margin: 0 0 1pt; }
.appendix h2 { margin-top: 10pt; }
@media print {
  @page { margin: 28pt; }
  body { margin: 0; max-width: none; padding: 0; }
  .page1 { break-after: page; page-break-after: always; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, li, figure { break-inside: avoid; page-break-inside: avoid; }
  th { background: none; }
}`;

function htmlBlock(b: Block): string {
  switch (b.kind) {
    case 'h1':
    case 'h2':
      return `<${b.kind}>${escapeHtml(b.text)}</${b.kind}>`;
    case 'p':
      return `<p>${htmlLines(b.text)}</p>`;
    case 'strong':
      return `<p class="strong">${htmlLines(b.text)}</p>`;
    case 'muted':
      return `<p class="muted">${htmlLines(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      const start = b.ordered && b.start && b.start !== 1 ? ` start="${b.start}"` : '';
      return `<${tag}${start}>${b.items.map((i) => `<li>${htmlLines(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const total = b.widths?.reduce((a, w) => a + w, 0) ?? 0;
      const cols = b.widths ? `<colgroup>${b.widths.map((w) => `<col style="width:${((100 * w) / total).toFixed(1)}%">`).join('')}</colgroup>` : '';
      const cells = (tag: string, list: string[]) => `<tr>${list.map((c) => `<${tag}>${htmlLines(c)}</${tag}>`).join('')}</tr>`;
      return `<table>${cols}<thead>${cells('th', b.head)}</thead><tbody>${b.rows.map((r) => cells('td', r)).join('')}</tbody></table>`;
    }
    case 'figure':
      return `<figure>${toSvg(b.figure)}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
  }
}

export function htmlOf(doc: SummaryDoc): string {
  const lines = (list: string[]) => list.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeXml(doc.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<section class="page1" aria-label="Page 1, at a glance">',
    ...doc.page1.map(htmlBlock),
    doc.page1Footer.length ? `<footer class="page1-footer">${lines(doc.page1Footer)}</footer>` : '',
    '</section>',
    '<section class="appendix">',
    ...doc.appendix.map(htmlBlock),
    '</section>',
    '</main>',
    `<footer>${lines(doc.footer)}</footer>`,
    '</body>',
    '</html>',
    ''
  ].join('\n');
}

export function renderHtml(summary: Summary, options: RenderOptions = {}): string {
  return htmlOf(summaryDoc(summary, options.strings, 'print', options.lang));
}
