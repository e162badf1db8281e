// `npm run l10n`: every message in code, in English, into l10n/bundle.l10n.json (or `--out DIR`).
// @vscode/l10n-dev does the extraction. It only sees calls spelled `vscode.l10n.t(...)` and
// `l10n.t(...)`, while this code passes its translator around as `t` (vscode.l10n.t on the host,
// @vscode/l10n's t on the pages, injected into the pure core) and marks table entries with msg(),
// so each file is handed to it with those calls spelled out in full.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const SOURCES = ['src', 'webview'];

function tsFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/**
 * `t('…')`, `s.t('…')` (the charts' strings object), `this.s.t('…')` and `msg('…')`, never `set(`, as
 * `vscode.l10n.t('…')`, for l10n-dev's query.
 */
function spelledOut(contents) {
  return `import * as vscode from 'vscode';\n${contents.replace(/(?<![\w.$])(?:[A-Za-z_$][\w$]*\.)*(?:t|msg)\((?=\s*['"`])/g, 'vscode.l10n.t(')}`;
}

/** The English bundle: message → message, sorted so a diff shows what changed. */
async function extract() {
  const { getL10nJson } = await import('@vscode/l10n-dev');
  const files = SOURCES.flatMap((d) => tsFiles(path.join(root, d))).sort();
  const json = await getL10nJson(files.map((f) => ({ extension: path.extname(f), contents: spelledOut(fs.readFileSync(f, 'utf8')) })));
  const sorted = {};
  for (const key of Object.keys(json).sort()) sorted[key] = typeof json[key] === 'string' ? json[key] : json[key].message;
  return sorted;
}

async function main() {
  const at = process.argv.indexOf('--out');
  const outDir = at > 0 ? path.resolve(process.argv[at + 1]) : path.join(root, 'l10n');
  const bundle = await extract();
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'bundle.l10n.json'), `${JSON.stringify(bundle, null, 2)}\n`);
  console.log(`${Object.keys(bundle).length} messages → ${path.relative(root, path.join(outDir, 'bundle.l10n.json'))}`);
}

if (require.main === module) main().catch((e) => (console.error(e), process.exit(1)));
module.exports = { extract };
