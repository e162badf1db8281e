// `node test/harness/handJournalPages.js [LETTER|A4]`: builds, writes the summary PDF of every
// hand-made journal to out/hand-journals/ and renders each page 1 to PNG beside it (pdftoppm, from
// poppler-utils), to look at as a prescriber would: no cut label, no overlap, nothing contradictory.
const esbuild = require('esbuild');
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const size = process.argv[2] === 'A4' ? 'A4' : 'LETTER';

async function main() {
  const built = spawnSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status || 1);
  const outfile = path.join(root, 'out', 'harness', 'handJournalPages.js');
  await esbuild.build({ entryPoints: [path.join(__dirname, 'handJournalPages.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  const pdfs = await require(outfile).writeHandJournalPdfs(root, path.join(root, 'out', 'hand-journals'), size);
  for (const pdf of pdfs) {
    const r = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, pdf.replace(/\.pdf$/, '-page1')], { stdio: 'inherit' });
    if (r.error || r.status !== 0) {
      console.error('pdftoppm failed: install poppler-utils (apt-get install -y poppler-utils).');
      process.exit(1);
    }
    console.log(`Wrote ${path.relative(root, pdf)} and its page 1 as PNG`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
