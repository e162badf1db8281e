// Entry point VS Code loads as extensionTestsPath (code-server harness or @vscode/test-electron).
// Runs every *.test.js suite next to this file with mocha, inside the real extension host.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Suites run only when named in MOOD_DOSE_SUITES (each in a window of its own, see runAll.js). */
const ALONE = ['dashboardReload', 'shippedJournal', 'spanish'];

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const only = process.env.MOOD_DOSE_SUITES?.split(',').filter(Boolean);
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (!file.endsWith('.test.js')) continue;
    if (only && !only.some((name) => file.startsWith(name))) continue;
    // Suites that reload the window or need a workspace of their own run only in a window of their own.
    if (!only && ALONE.some((name) => file.startsWith(name))) continue;
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed.`)) : resolve()));
  });
}
