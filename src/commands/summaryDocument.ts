// A summary shown from memory, for an encrypted journal: a read-only virtual document, so its text
// is never written anywhere in plaintext — not in the data folder, not in VS Code's backups of
// unsaved editors (which an untitled document would get). A readable copy elsewhere stays the
// user's explicit choice (the HTML and PDF exports).
import * as vscode from 'vscode';

export const SUMMARY_SCHEME = 'mood-dose-summary';
/** Summaries shown in this window; a few, so reopening a recent one from its tab still works. */
const KEEP = 10;
const texts = new Map<string, string>();
let registration: vscode.Disposable | undefined;
let shown = 0;

/** Opens `markdown` as `name` (read-only, from memory) and its preview beside it; returns its URI. */
export async function showSummaryFromMemory(name: string, markdown: string): Promise<vscode.Uri> {
  registration ??= vscode.workspace.registerTextDocumentContentProvider(SUMMARY_SCHEME, { provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? '' });
  // A fresh query per summary, so a second one under the same name is a document of its own.
  const uri = vscode.Uri.from({ scheme: SUMMARY_SCHEME, path: `/${name}`, query: String(++shown) });
  texts.set(uri.toString(), markdown);
  while (texts.size > KEEP) texts.delete(texts.keys().next().value!);
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  return uri;
}

/** An SVG figure as a data: URI, which the Markdown preview shows without any file on disk. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
