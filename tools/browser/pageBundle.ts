// Bundles a browser entry of tools/browser for a test page, as esbuild.js bundles the panel.
import * as esbuild from 'esbuild';
import * as path from 'path';
import { REPO_ROOT } from './repoServer';

/** `entry` (in tools/browser) to `outfile` (relative to the repository root), for the browser. */
export async function bundleForPage(entry: string, outfile: string, minify = false): Promise<void> {
  await esbuild.build({
    entryPoints: [path.join(REPO_ROOT, 'tools', 'browser', entry)],
    outfile: path.join(REPO_ROOT, outfile),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify,
    logLevel: 'warning'
  });
}
