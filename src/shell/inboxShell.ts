// The inbox's part of the start-up bundle, kept thin: editor help for the inbox's language that loads
// the journal bundle on first use, and a look a few seconds after start-up that starts the journal
// (which reads the inbox) only when the inbox holds lines to read. Nothing here parses a line.
import * as vscode from 'vscode';
import type { Settings } from '../services/settings';
import { inboxHasLines, inboxLocation } from '../services/inbox/inboxPlace';
import type { JournalLink } from './journalLink';

const LANGUAGE = 'mood-inbox';
/** Like the status bar's own read of the journal: after start-up has settled. */
const LOOK_AFTER_MS = 3000;

export function registerInbox(link: JournalLink, settings: Settings): vscode.Disposable[] {
  const timer = setTimeout(() => void lookAtInbox(link, settings), LOOK_AFTER_MS);
  return [
    { dispose: () => clearTimeout(timer) },
    vscode.languages.registerHoverProvider(LANGUAGE, { provideHover: (doc, pos) => link.get().inboxLanguage.provideHover(doc, pos) }),
    vscode.languages.registerCompletionItemProvider(LANGUAGE, { provideCompletionItems: (doc, pos) => link.get().inboxLanguage.provideCompletionItems(doc, pos) }, '#')
  ];
}

async function lookAtInbox(link: JournalLink, settings: Settings): Promise<void> {
  if (link.current || !settings.inboxEnabled()) return;
  if (!(await inboxHasLines(inboxLocation(link.dir(), settings.inboxPath())))) return;
  // Opening the journal (quietly: never asks whose it is) starts the inbox's reading.
  await link.sync().catch(() => undefined);
}
