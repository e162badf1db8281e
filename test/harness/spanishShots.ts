// The README's Spanish pictures: the Journal view and the dashboard over the demo journal with the
// Spanish bundle (as VS Code sends it under a Spanish display language), in the built pages behind
// their real CSP. Run by spanishScreenshots.js.
import * as fs from 'fs';
import * as path from 'path';
import { startBrowser, stopBrowser } from '../../tools/browser/sidebarPage';
import { openOnJournal } from '../browser/themedPages';

export async function spanishShots(root: string): Promise<string[]> {
  const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<string, string>;
  const out: string[] = [];
  await startBrowser();
  try {
    for (const [name, dashboard] of [
      ['journal-es', false],
      ['dashboard-es', true]
    ] as const) {
      const { panel, journal } = await openOnJournal('dark', { demo: true, dashboard, l10n: { lang: 'es', bundle }, viewport: dashboard ? { width: 1280, height: 800 } : { width: 360, height: 900 } });
      try {
        const page = panel.page;
        await page.waitForSelector(dashboard ? '#timeline-host canvas' : 'li.entry');
        await page.waitForTimeout(1500); // fonts and charts settle
        const file = path.join(root, 'media', 'screenshots', `${name}.png`);
        await page.screenshot({ path: file });
        out.push(file);
      } finally {
        await panel.close();
        await journal.close();
      }
    }
  } finally {
    await stopBrowser();
  }
  return out;
}
