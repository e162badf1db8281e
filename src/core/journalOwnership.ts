// Whose journal is this? The pure rules behind opening a journal: one this user created or chose to
// open opens; one they have not (shipped in a repository, copied in, synced from another machine) is
// asked about first, and never opened in Restricted Mode; a workspace with no journal, when the user
// keeps one elsewhere, asks whether to use that one or start a new one. services/journalOwner.ts
// does the asking and remembering.

/** A journal this user created or chose to open, as remembered in VS Code's global state. */
export interface KnownJournal {
  /** The journal's own id (storage/journalIdentity.ts). */
  id: string;
  /**
   * Its folder, absolute: the one path kept, so another workspace can offer to use this journal.
   * Never a file of the user's, never anything from inside the journal.
   */
  folder: string;
  /** When this user first and last opened it (ms since the epoch). */
  firstOpened: number;
  lastOpened: number;
}

/** At most this many are remembered; the least recently opened is forgotten first. */
export const KNOWN_MAX = 20;

/** What is in the folder the journal would open from. */
/** `encrypted`: a journal.key is there, so its id is not read without the key (storage/journalPeek.ts). */
export type Here = { present: false } | { present: true; id: string | undefined; readable: boolean; encrypted?: boolean };

export interface Situation {
  here: Here;
  /** The folder the journal would open from. */
  folder: string;
  known: readonly KnownJournal[];
  /** vscode.workspace.isTrusted. */
  trusted: boolean;
  /** The extension's own private storage (no folder open): no repository can have put a journal there. */
  privateStorage: boolean;
  /** The user just chose this folder's journal: answered Open, Start New Journal Here, or restored a backup. */
  chosen: boolean;
  /** The user's settings name this folder with an absolute path: a new journal may start there without asking. */
  userFolder: boolean;
  /** The user dismissed the question about this folder in this window. */
  declined: boolean;
  /** Known journals elsewhere whose folders still hold a journal, most recently opened first. */
  homes: readonly KnownJournal[];
}

export type Decision =
  /** Open the journal here (creating it if there is none). */
  | { kind: 'open' }
  /** A journal this user has not opened: ask before anything of it is read. */
  | { kind: 'ask-unknown' }
  /** The same, in Restricted Mode: never opened; say that trusting the workspace lets them be asked. */
  | { kind: 'restricted' }
  /** No journal here, one elsewhere: ask whether to use that one or start a new one here. */
  | { kind: 'ask-home'; home: KnownJournal }
  /** Asked already in this window and dismissed: stays closed until the user asks to open it. */
  | { kind: 'declined'; home?: KnownJournal };

export function isKnown(here: Here, folder: string, known: readonly KnownJournal[]): boolean {
  if (!here.present) return false;
  if (here.id !== undefined) return known.some((k) => k.id === here.id);
  // A snapshot that cannot be read, or is encrypted, has no id to show: the user's own journal folder
  // still opens (to offer recovery, or to ask the passphrase); anywhere else it is asked about.
  return (!here.readable || here.encrypted === true) && known.some((k) => k.folder === folder);
}

export function decide(s: Situation): Decision {
  if (s.here.present) {
    if (s.privateStorage || s.chosen || isKnown(s.here, s.folder, s.known)) return { kind: 'open' };
    if (!s.trusted) return { kind: 'restricted' };
    return s.declined ? { kind: 'declined' } : { kind: 'ask-unknown' };
  }
  const home = s.homes.find((h) => h.folder !== s.folder);
  if (!home || s.chosen || s.userFolder) return { kind: 'open' };
  return s.declined ? { kind: 'declined', home } : { kind: 'ask-home', home };
}

/** The list with `id` at `folder` opened now: added or updated, newest first, at most KNOWN_MAX. */
export function rememberJournal(known: readonly KnownJournal[], id: string, folder: string, now: number): KnownJournal[] {
  const before = known.find((k) => k.id === id);
  const entry: KnownJournal = { id, folder, firstOpened: before?.firstOpened ?? now, lastOpened: now };
  return [entry, ...known.filter((k) => k.id !== id)].sort((a, b) => b.lastOpened - a.lastOpened).slice(0, KNOWN_MAX);
}

/** Well-formed entries only: global state is read back as plain JSON. */
export function knownFrom(value: unknown): KnownJournal[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (k): k is KnownJournal =>
      !!k && typeof k === 'object' && typeof k.id === 'string' && typeof k.folder === 'string' && Number.isFinite(k.firstOpened) && Number.isFinite(k.lastOpened)
  );
}
