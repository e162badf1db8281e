// Where the inbox is and whether it holds anything, for the start-up bundle too: small on purpose
// (no grammar), so start-up can decide whether the journal bundle is needed without loading it.
import { promises as fs } from 'fs';
import * as path from 'path';

export const INBOX_NAME = 'inbox.md';
/** VS Code's global state: whether the user accepted the first import's preview (a flag, no health data). */
export const INBOX_CONFIRMED_KEY = 'moodDose.inboxConfirmed';

/** The inbox file: the user's absolute path, or inbox.md in the journal folder. */
export function inboxLocation(journalDir: string, userPath: string | undefined): string {
  return userPath ?? path.join(journalDir, INBOX_NAME);
}

/** Whether the file has a line that is not a heading, a quote, a comment or blank (a header alone has none). */
export async function inboxHasLines(file: string): Promise<boolean> {
  const s = await fs.lstat(file).catch(() => undefined);
  if (!s?.isFile() || s.size === 0) return false;
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  return text.split(/\r\n|\r|\n/).some((l) => {
    const line = l.replace(/^\ufeff/, '').trim();
    return line !== '' && !line.startsWith('#') && !line.startsWith('>') && !line.startsWith('<!--');
  });
}
