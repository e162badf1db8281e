import * as assert from 'assert';
import { decide, isKnown, KNOWN_MAX, knownFrom, rememberJournal, type KnownJournal, type Situation } from '../../src/core/journalOwnership';

// The decision the extension makes before anything of a journal is read: open it, ask first, never
// open it (Restricted Mode), or ask where to keep the journal when the workspace has none.
describe('whose journal is this (the decision)', () => {
  const mine: KnownJournal = { id: 'journal-mine-0001', folder: '/home/sam/notes/.mood-journal', firstOpened: 1, lastOpened: 5 };
  const repo = '/home/sam/src/their-repo/.mood-journal';
  const base: Situation = { here: { present: false }, folder: repo, known: [mine], trusted: true, privateStorage: false, userFolder: false, chosen: false, declined: false, homes: [] };
  const shipped = { present: true, id: 'journal-theirs-0002', readable: true } as const;

  it('opens a journal this user created or chose to open, wherever it is now', () => {
    assert.deepStrictEqual(decide({ ...base, here: { present: true, id: mine.id, readable: true } }), { kind: 'open' });
    // A known journal opens in Restricted Mode too.
    assert.deepStrictEqual(decide({ ...base, trusted: false, here: { present: true, id: mine.id, readable: true } }), { kind: 'open' });
  });

  it('asks before opening a journal this user has not opened (shipped, copied in, or synced)', () => {
    assert.deepStrictEqual(decide({ ...base, here: shipped }), { kind: 'ask-unknown' });
    // One made before journals had ids, with no row to take one from, is asked about too.
    assert.deepStrictEqual(decide({ ...base, here: { present: true, id: undefined, readable: true } }), { kind: 'ask-unknown' });
    assert.deepStrictEqual(decide({ ...base, known: [], here: shipped }), { kind: 'ask-unknown' });
  });

  it('never opens an unknown journal in Restricted Mode, even after the question was dismissed or answered elsewhere', () => {
    assert.deepStrictEqual(decide({ ...base, trusted: false, here: shipped }), { kind: 'restricted' });
    assert.deepStrictEqual(decide({ ...base, trusted: false, declined: true, here: shipped }), { kind: 'restricted' });
  });

  it('keeps a dismissed journal closed until the user asks to open it, and opens it once they answered Open', () => {
    assert.deepStrictEqual(decide({ ...base, declined: true, here: shipped }), { kind: 'declined' });
    assert.deepStrictEqual(decide({ ...base, chosen: true, here: shipped }), { kind: 'open' });
  });

  it("opens the journal in the extension's private storage without asking: no repository can put one there", () => {
    assert.deepStrictEqual(decide({ ...base, privateStorage: true, here: shipped }), { kind: 'open' });
  });

  it("opens a journal it cannot read only in the user's own journal folder (to offer recovery); anywhere else it asks", () => {
    const unreadable = { present: true, id: undefined, readable: false } as const;
    assert.ok(isKnown(unreadable, mine.folder, [mine]));
    assert.deepStrictEqual(decide({ ...base, folder: mine.folder, here: unreadable }), { kind: 'open' });
    assert.deepStrictEqual(decide({ ...base, here: unreadable }), { kind: 'ask-unknown' });
    // A readable journal in the user's folder with an id they do not know is asked about: the folder alone proves nothing.
    assert.deepStrictEqual(decide({ ...base, folder: mine.folder, here: shipped }), { kind: 'ask-unknown' });
  });

  it("opens an encrypted journal (its id unread without the key) in the user's own journal folder; anywhere else it asks", () => {
    const encrypted = { present: true, id: undefined, readable: true, encrypted: true } as const;
    assert.deepStrictEqual(decide({ ...base, folder: mine.folder, here: encrypted }), { kind: 'open' }, 'the next window does not ask whose journal it is');
    assert.deepStrictEqual(decide({ ...base, here: encrypted }), { kind: 'ask-unknown' });
    assert.deepStrictEqual(decide({ ...base, trusted: false, here: encrypted }), { kind: 'restricted' });
  });

  it('asks whether to use the journal kept elsewhere when the workspace has none, instead of starting a new one quietly', () => {
    assert.deepStrictEqual(decide({ ...base, homes: [mine] }), { kind: 'ask-home', home: mine });
    assert.deepStrictEqual(decide({ ...base, homes: [mine], trusted: false }), { kind: 'ask-home', home: mine });
    assert.deepStrictEqual(decide({ ...base, homes: [mine], declined: true }), { kind: 'declined', home: mine });
    // "Start New Journal Here".
    assert.deepStrictEqual(decide({ ...base, homes: [mine], chosen: true }), { kind: 'open' });
    // A folder the user named in their settings with an absolute path: a new journal starts there.
    assert.deepStrictEqual(decide({ ...base, homes: [mine], userFolder: true }), { kind: 'open' });
    // …but a journal already there that they have not opened is still asked about.
    assert.deepStrictEqual(decide({ ...base, userFolder: true, here: shipped }), { kind: 'ask-unknown' });
    // No journal anywhere yet: the first one is made here.
    assert.deepStrictEqual(decide(base), { kind: 'open' });
    // The known journal's own folder, emptied: nothing to offer but itself, so a new one starts there.
    assert.deepStrictEqual(decide({ ...base, folder: mine.folder, homes: [mine] }), { kind: 'open' });
  });
});

describe('the journals this user knows (global state)', () => {
  it('remembers ids, folders and times only, newest first, at most KNOWN_MAX', () => {
    let known: KnownJournal[] = [];
    for (let i = 0; i < KNOWN_MAX + 5; i++) known = rememberJournal(known, `journal-${String(i).padStart(4, '0')}`, `/f/${i}`, 1000 + i);
    assert.strictEqual(known.length, KNOWN_MAX);
    assert.strictEqual(known[0].id, `journal-${String(KNOWN_MAX + 4).padStart(4, '0')}`);
    known = rememberJournal(known, known[KNOWN_MAX - 1].id, '/moved', 5000);
    assert.deepStrictEqual(Object.keys(known[0]).sort(), ['firstOpened', 'folder', 'id', 'lastOpened']);
    assert.strictEqual(known[0].folder, '/moved');
    assert.strictEqual(known[0].firstOpened, 1000 + 5, 'first opened stays');
    assert.strictEqual(known.filter((k) => k.id === known[0].id).length, 1);
  });

  it('reads back only well-formed entries', () => {
    assert.deepStrictEqual(knownFrom(undefined), []);
    assert.deepStrictEqual(knownFrom([{ id: 'x' }, null, 'a', { id: 'journal-1', folder: '/f', firstOpened: 1, lastOpened: 2 }]), [{ id: 'journal-1', folder: '/f', firstOpened: 1, lastOpened: 2 }]);
  });
});
