// Start-up benchmark: what the extension costs VS Code when it starts, measured three ways.
//  1. The size of the activation bundle, dist/extension.js, as packaged (bench/build.js has just
//     made the --production build).
//  2. require() and activate() in fresh Node processes with a `vscode` stand-in (startupChild.ts),
//     median of 15, beside an empty extension in the same run, interleaved so both see the same
//     machine.
//  3. The "Activation: N ms" VS Code itself shows in "Developer: Show Running Extensions", with the
//     packaged .vsix installed in code-server beside a control extension that only requires 'vscode'
//     and returns, median of 5 fresh workbench starts (each printed). VS Code's figure for one
//     extension runs from the start of its code loading to the end of its activate() call, and it
//     starts loading every onStartupFinished extension in the same turn, built-ins first: whatever
//     they require() in between counts in the figure of an extension that sorts after them (see
//     the README). So the control's figure is the floor any such extension gets in that workbench,
//     and the difference is this extension's own share. STARTUP_WORKBENCH_RUNS=0 skips this part;
//     STARTUP_SCREENSHOT=<png> saves the first start's editor.
import { execFileSync, spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runningExtensions, type WorkbenchStart } from './runningExtensions';
import type { StartupSample } from './startupChild';
import { median, ROOT, type BenchRow } from './stats';

const RUNS = 15;
const BUNDLE_TARGET_KB = 100;
const ACTIVATION_TARGET_MS = 20;
/** Built-in extensions whose figures are printed for context. */
const CONTEXT_EXTENSIONS = ['Git', 'Emmet'];

/** An extension whose activate() does nothing, bundled like the real one. */
async function buildEmptyExtension(outfile: string): Promise<void> {
  await esbuild.build({
    stdin: { contents: 'export function activate(): void {}\nexport function deactivate(): void {}\n', loader: 'ts', resolveDir: ROOT },
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    logLevel: 'warning'
  });
}

function sample(bundle: string, workspace: string, storage: string): StartupSample {
  const child = path.join(__dirname, 'startupChild.js');
  const out = execFileSync(process.execPath, [child, bundle, ROOT, workspace, storage], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function nodeRows(subject: string, samples: StartupSample[]): BenchRow[] {
  const total = median(samples.map((s) => s.requireMs + s.activateMs));
  const where = `${subject}, stand-in vscode, median of ${samples.length} fresh processes`;
  return [
    { size: '-', metric: `require() of ${where}`, value: median(samples.map((s) => s.requireMs)), unit: 'ms' },
    { size: '-', metric: `activate() call of ${where}`, value: median(samples.map((s) => s.activateMs)), unit: 'ms' },
    { size: '-', metric: `require + activate of ${where}`, value: total, unit: 'ms' },
    { size: '-', metric: `CPU time (user + system) of require + activate of ${where}`, value: median(samples.map((s) => s.cpuMs)), unit: 'ms' }
  ];
}

async function inNode(): Promise<BenchRow[]> {
  const bundle = path.join(ROOT, 'dist', 'extension.js');
  const kb = fs.statSync(bundle).size / 1024;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdj-bench-startup-'));
  try {
    const empty = path.join(dir, 'empty', 'extension.js');
    await buildEmptyExtension(empty);
    const workspace = path.join(dir, 'workspace');
    fs.mkdirSync(workspace);
    console.log(`Load average before the fresh-process runs: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} CPUs`);
    const real: StartupSample[] = [];
    const none: StartupSample[] = [];
    for (let i = 0; i < RUNS; i++) {
      real.push(sample(bundle, workspace, path.join(dir, 'storage')));
      none.push(sample(empty, workspace, path.join(dir, 'storage')));
    }
    const noOps = [...new Set(real.flatMap((s) => s.noOps))];
    if (noOps.length) console.log(`The vscode stand-in answered these with no-ops during activation: ${noOps.join(', ')}`);
    const extension = nodeRows('the extension', real);
    const baseline = nodeRows('an empty extension', none);
    const total = extension[2];
    Object.assign(total, { target: `≤ ${ACTIVATION_TARGET_MS} ms`, pass: total.value <= ACTIVATION_TARGET_MS });
    const rows: BenchRow[] = [
      { size: '-', metric: 'activation bundle dist/extension.js (production build)', value: kb, unit: 'KB', target: `≤ ${BUNDLE_TARGET_KB} KB`, pass: kb <= BUNDLE_TARGET_KB },
      ...extension,
      ...baseline,
      { size: '-', metric: 'require + activate, extension / empty extension', value: total.value / baseline[2].value, unit: '×' }
    ];
    // VS Code's figure counts only the activate() call; a returned promise would settle later.
    const resolved = real.map((s) => s.activateResolvedMs).filter((v): v is number => v !== null);
    if (resolved.length) rows.push({ size: '-', metric: "activate()'s promise settled, the extension, median", value: median(resolved), unit: 'ms' });
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function packageVsix(): string {
  const vsix = path.join(ROOT, 'mood-dose-journal.vsix');
  const pack = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm run package failed:\n${pack.stdout}${pack.stderr}`);
  return vsix;
}

/** A packaged extension that requires 'vscode' and does nothing: the control for VS Code's figure. */
const CONTROL_NAME = 'Empty Control Extension';

function packageControlExtension(dir: string): string {
  const ext = path.join(dir, 'empty-control');
  fs.mkdirSync(ext, { recursive: true });
  const manifest = { name: 'empty-control', publisher: 'mood-dose-bench', displayName: CONTROL_NAME, version: '0.0.1', license: 'MIT', engines: { vscode: '^1.74.0' }, main: './extension.js', activationEvents: ['onStartupFinished'] };
  fs.writeFileSync(path.join(ext, 'package.json'), JSON.stringify(manifest, null, 2));
  // Every real extension requires 'vscode', which makes the host build its API object: count it here too.
  fs.writeFileSync(path.join(ext, 'extension.js'), "require('vscode');\nexports.activate = () => undefined;\nexports.deactivate = () => undefined;\n");
  fs.writeFileSync(path.join(ext, 'README.md'), '# Control extension for the start-up benchmark\n');
  fs.writeFileSync(path.join(ext, 'LICENSE'), 'MIT\n');
  const vsix = path.join(dir, 'empty-control.vsix');
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const pack = spawnSync(process.execPath, [vsce, 'package', '--allow-missing-repository', '--out', vsix], { cwd: ext, encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`Packaging the control extension failed:\n${pack.stdout}${pack.stderr}`);
  return vsix;
}

async function inWorkbench(runs: number): Promise<BenchRow[]> {
  const displayName: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).displayName;
  const vsix = packageVsix();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdj-bench-control-'));
  try {
    const control = packageControlExtension(dir);
    const starts: WorkbenchStart[] = [];
    for (let i = 0; i < runs; i++) {
      const start = await runningExtensions(vsix, displayName, { also: [control], waitFor: [CONTROL_NAME], screenshot: i === 0 ? process.env.STARTUP_SCREENSHOT : undefined });
      starts.push(start);
      const shown = [displayName, CONTROL_NAME, ...CONTEXT_EXTENSIONS].map((name) => `${name}: ${start.rows.find((r) => r.name === name)?.text ?? 'no row'}`);
      console.log(`Workbench start ${i + 1} (VS Code ${start.vscodeVersion}): ${shown.join(' · ')}`);
    }
    const rows: BenchRow[] = [{ size: '-', metric: 'packaged mood-dose-journal.vsix', value: fs.statSync(vsix).size / 1024, unit: 'KB' }];
    const figure = (s: WorkbenchStart, name: string) => s.rows.find((r) => r.name === name)?.ms;
    for (const name of [displayName, CONTROL_NAME, ...CONTEXT_EXTENSIONS]) {
      const values = starts.map((s) => figure(s, name)).filter((v): v is number => v !== undefined);
      if (values.length < starts.length) {
        if (name === displayName) throw new Error(`"${name}" had no Activation figure in ${starts.length - values.length} of ${starts.length} workbench starts.`);
        continue;
      }
      const row: BenchRow = { size: '-', metric: `VS Code's Activation (Show Running Extensions), ${name}, median of ${values.length} starts`, value: median(values), unit: 'ms' };
      if (name === displayName) Object.assign(row, { target: `≤ ${ACTIVATION_TARGET_MS} ms`, pass: row.value <= ACTIVATION_TARGET_MS });
      rows.push(row);
    }
    const own = starts.map((s) => (figure(s, displayName) ?? 0) - (figure(s, CONTROL_NAME) ?? 0));
    rows.push({ size: '-', metric: `its own share: Activation minus the control's in the same start, median of ${own.length}`, value: median(own), unit: 'ms', target: `≤ ${ACTIVATION_TARGET_MS} ms`, pass: median(own) <= ACTIVATION_TARGET_MS });
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchStartup(): Promise<BenchRow[]> {
  const runs = Number(process.env.STARTUP_WORKBENCH_RUNS ?? 5);
  return [...(await inNode()), ...(runs > 0 ? await inWorkbench(runs) : [])];
}
