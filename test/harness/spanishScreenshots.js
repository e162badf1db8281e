// `node test/harness/spanishScreenshots.js`: builds, then takes the README's Spanish pictures,
// media/screenshots/journal-es.png and dashboard-es.png (the pages with the Spanish bundle), and
// page 1 of the demo summary PDF written in Spanish, summary-pdf-page1-es.png (needs pdftoppm).
// PNGs are quantised with pngquant when it is installed.
const esbuild = require('esbuild');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');

async function main() {
  const built = spawnSync(process.execPath, [path.join(root, 'esbuild.js')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status || 1);
  const outfile = path.join(root, 'out', 'harness', 'spanishShots.js');
  await esbuild.build({ entryPoints: [path.join(__dirname, 'spanishShots.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['sql.js', 'playwright-core', 'esbuild'], logLevel: 'warning' });
  const files = await require(outfile).spanishShots(root);
  const pdf = spawnSync(process.execPath, [path.join(__dirname, 'demoSummaryPdf.js'), 'LETTER', 'es'], { stdio: 'inherit' });
  if (pdf.status !== 0) process.exit(pdf.status || 1);
  for (const file of files) {
    spawnSync('pngquant', ['--force', '--skip-if-larger', '--quality=65-95', '--output', file, file]);
    console.log(`Wrote ${path.relative(root, file)}, ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
