// Builds the extension host bundles (Node, CommonJS) and the panel bundle (browser), and copies the
// runtime assets they load into dist/. The host is split so that start-up loads little:
//   extension.js  what activate() needs: commands, the panel view, the status bar
//   journal.js    storage and sql.js, journal actions, panel handlers, command flows (first use)
//   transfer.js   import and export, with papaparse (first export or import)
//   summary.js    the prescriber summary (first summary)
//   pdf.js        the PDF writer (pdfkit) and its font handling (first PDF)
//   figures.js    the dashboard's figures (first dashboard)
//   storageWorker.js  a worker thread (its own sql.js) that checks and hashes a compaction's snapshot
// Each is self-contained; src/shell/lazy.ts requires the others on first use. Two browser bundles:
//   sidebar.js    the sidebar (the Journal view)
//   dashboard.js  the dashboard in the editor area; its charts come from the same modules
//                 (webview/charts/), which esbuild bundles into each.
//   node esbuild.js               development build with source maps
//   node esbuild.js --production  minified, no source maps (used by `vsce package`)
//   node esbuild.js --watch       rebuilds on change; prints lines the $esbuild-watch problem matcher reads
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const { subsetFontFile } = require('./tools/build/fonts');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const dist = path.join(__dirname, 'dist');

/** Files the bundles load at run time rather than import. */
const assets = [
  ['node_modules/sql.js/dist/sql-wasm.wasm', 'sql-wasm.wasm'],
  ['node_modules/@vscode/codicons/dist/codicon.css', 'codicon.css'],
  ['node_modules/@vscode/codicons/dist/codicon.ttf', 'codicon.ttf'],
  ['node_modules/uplot/dist/uPlot.min.css', 'uplot.css'],
  // The PDF font's licence (DejaVu, a free licence that allows redistribution and subsetting).
  ['node_modules/dejavu-fonts-ttf/LICENSE', 'fonts/LICENSE-DejaVu.txt']
];

/** The PDF's fonts, subset by tools/build/fonts.js so the .vsix stays small. */
const fonts = [
  ['node_modules/dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf', 'fonts/DejaVuSansCondensed.ttf'],
  ['node_modules/dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf', 'fonts/DejaVuSansCondensed-Bold.ttf']
];

function sourceOf(from) {
  const source = path.join(__dirname, from);
  if (!fs.existsSync(source)) throw new Error(`Missing ${from}. Run "npm ci" in ${__dirname} first.`);
  return source;
}

async function copyAssets() {
  fs.mkdirSync(path.join(dist, 'fonts'), { recursive: true });
  for (const [from, to] of assets) fs.copyFileSync(sourceOf(from), path.join(dist, to));
  for (const [from, to] of fonts) await subsetFontFile(sourceOf(from), path.join(dist, to));
}

/** Reports each build in the format VS Code's esbuild problem matchers expect. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  }
};

/**
 * fontkit decodes WOFF2 fonts with a 475 KB Brotli decoder. The PDF only ever loads the TrueType
 * files above, so the decoder is replaced by a stub that says so, keeping dist/pdf.js small.
 */
const noWoff2 = {
  name: 'no-woff2',
  setup(build) {
    build.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'brotli-decompress', namespace: 'no-woff2' }));
    build.onLoad({ filter: /.*/, namespace: 'no-woff2' }, () => ({
      contents: 'module.exports = function () { throw new Error("WOFF2 fonts are not supported in this build; use a TrueType font."); };',
      loader: 'js'
    }));
  }
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'silent',
  legalComments: production ? 'none' : 'inline',
  plugins: [problemMatcher]
};

/** The host bundles: output name → entry module. */
const HOST_BUNDLES = {
  extension: 'src/extension.ts',
  journal: 'src/bundles/journal.ts',
  transfer: 'src/bundles/transfer.ts',
  summary: 'src/bundles/summary.ts',
  pdf: 'src/pdf/summaryPdf.ts',
  figures: 'src/bundles/figures.ts',
  storageWorker: 'src/storage/storageWorkerMain.ts'
};

/** esbuild options for one host bundle. */
function hostOptions(name, overrides = {}) {
  return {
    ...common,
    entryPoints: [path.join(__dirname, HOST_BUNDLES[name])],
    outfile: path.join(dist, `${name}.js`),
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    ...overrides
  };
}

/** The browser bundles: output name → entry module. */
const PAGE_BUNDLES = {
  sidebar: 'webview/sidebar/main.ts',
  dashboard: 'webview/dashboard/main.ts'
};

/** esbuild options for one page bundle. */
function pageOptions(name, overrides = {}) {
  return {
    ...common,
    entryPoints: [path.join(__dirname, PAGE_BUNDLES[name])],
    outfile: path.join(dist, `${name}.js`),
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    metafile: true,
    ...overrides
  };
}

const targets = [
  ...Object.keys(HOST_BUNDLES).map((name) => hostOptions(name, name === 'pdf' ? { plugins: [...common.plugins, noWoff2] } : {})),
  ...Object.keys(PAGE_BUNDLES).map((name) => pageOptions(name))
];

/** Removes bundles no target writes any more, so a renamed bundle cannot pass a test here and fail on a clean checkout. */
function removeStaleBundles() {
  if (!fs.existsSync(dist)) return;
  const wanted = new Set([...Object.keys(HOST_BUNDLES), ...Object.keys(PAGE_BUNDLES)].flatMap((name) => [`${name}.js`, `${name}.js.map`]));
  for (const file of fs.readdirSync(dist)) {
    if (/\.js(\.map)?$/.test(file) && !wanted.has(file)) fs.rmSync(path.join(dist, file));
  }
}

async function main() {
  removeStaleBundles();
  await copyAssets();
  const contexts = await Promise.all(targets.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  let failed = false;
  for (const ctx of contexts) {
    try {
      await ctx.rebuild();
    } catch {
      failed = true; // already printed by the problem matcher plugin
    }
    await ctx.dispose();
  }
  if (failed) process.exit(1);
}

module.exports = { HOST_BUNDLES, hostOptions, PAGE_BUNDLES, pageOptions };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
