// `node test/harness/demoSummaryPdf.js [LETTER|A4] [es]`: builds, writes the demo summary PDF to
// out/demo-summary.pdf and renders its page 1 to media/screenshots/summary-pdf-page1.png with
// poppler's pdftoppm (apt-get install poppler-utils), at 80 dpi as the README shows it. With `es`,
// the summary written in Spanish, as demo-summary-es.pdf and summary-pdf-page1-es.png.
const esbuild = require('esbuild');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const size = process.argv[2] === 'A4' ? 'A4' : 'LETTER';
const lang = process.argv[3] === 'es' ? 'es' : undefined;
const suffix = lang ? `-${lang}` : '';

async function main() {
  const built = spawnSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status || 1);
  const outfile = path.join(root, 'out', 'harness', 'demoSummaryPdf.js');
  await esbuild.build({ entryPoints: [path.join(__dirname, 'demoSummaryPdf.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  const pdf = path.join(root, 'out', `demo-summary${suffix}.pdf`);
  await require(outfile).writeDemoPdf(root, pdf, size, lang);
  console.log(`Wrote ${path.relative(root, pdf)} (${(fs.statSync(pdf).size / 1024).toFixed(0)} KB, ${size})`);
  const png = path.join(root, 'media', 'screenshots', `summary-pdf-page1${suffix}`);
  const r = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, png], { stdio: 'inherit' });
  if (r.error || r.status !== 0) {
    console.error('pdftoppm failed: install poppler-utils (apt-get install -y poppler-utils).');
    process.exit(1);
  }
  console.log(`Wrote ${path.relative(root, png)}.png`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
