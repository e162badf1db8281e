// The HTML shell of every page (the sidebar and the dashboard): a strict Content Security Policy
// (nothing but our own bundle, run with a fresh nonce) and only dist/ and media/ reachable. Both load
// the same style sheets, so they share one look; the dashboard adds its own layout.
import * as vscode from 'vscode';

export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** Which page: its bundle in dist/ and any style sheets of its own in media/. */
export interface PageAssets {
  script: string;
  styles?: string[];
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, page: PageAssets): string {
  const nonce = makeNonce();
  const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeAttr(vscode.env.language)}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${asset('dist', 'codicon.css')}" id="vscode-codicon-stylesheet">
  <link rel="stylesheet" href="${asset('dist', 'uplot.css')}">
  <link rel="stylesheet" href="${asset('media', 'journal.css')}">
  <link rel="stylesheet" href="${asset('media', 'charts.css')}">
${(page.styles ?? []).map((css) => `  <link rel="stylesheet" href="${asset('media', css)}">\n`).join('')}  <title>${escapeAttr(title)}</title>
</head>
<body>
  <main id="app" aria-busy="true"></main>
  <script nonce="${nonce}" src="${asset('dist', page.script)}"></script>
</body>
</html>`;
}

function makeNonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

function escapeAttr(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
