// The real JournalService and its JournalEncryption (the commands' EncryptionControl) over a real
// journal in a temp folder, with the `vscode` stand-in: the states a user goes through, the key
// checks that keep a journal readable, and one state event per change.
import { MementoStandIn } from './vscodeStandIn';
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { JournalService } from '../../src/services/journalService';
import type { EncryptionState } from '../../src/services/encryption/control';
import type { Log } from '../../src/services/log';
import { changePassphrase, unlockWithPassphrase, KeyMismatchError } from '../../src/storage/crypto';
import { JournalLockedError } from '../../src/storage/journalStore';
import { CHEAP_KDF, canaryCheckIn, plaintextHits, testKey, type TestKey } from './encryptionFixture';
import { fixedClock, ROOT, tempDir, WASM } from './helpers';

// The stand-in has no machine id; the journal names its op log after it.
Object.assign(vscode.env, { machineId: 'unit-test-machine' });

const quiet: Log = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Log;

/** The extension folder as VS Code gives it: dist/ holds sql.js's wasm and the storage worker (built beside this bundle). */
async function extensionFolder(): Promise<string> {
  const dir = await tempDir('mdj-ext-');
  await fs.mkdir(path.join(dir, 'dist'));
  await fs.copyFile(WASM, path.join(dir, 'dist', 'sql-wasm.wasm'));
  await fs.copyFile(path.join(__dirname, 'storageWorker.js'), path.join(dir, 'dist', 'storageWorker.js'));
  await fs.symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules')); // the worker loads sql.js
  return dir;
}

interface Rig {
  service: JournalService;
  dir: string;
  states: EncryptionState[];
  /** The data key provider's calls (a locked get() asks it; it answers "cancelled"). */
  asked: number;
}

async function rig(globalState = new MementoStandIn()): Promise<Rig> {
  const root = await tempDir('mdj-jenc-');
  const dir = path.join(root, 'journal');
  const context = {
    globalState,
    workspaceState: new MementoStandIn(),
    globalStorageUri: { fsPath: path.join(root, 'global') },
    extensionPath: await extensionFolder()
  } as unknown as vscode.ExtensionContext;
  const r: Rig = { service: undefined as unknown as JournalService, dir, states: [], asked: 0 };
  r.service = new JournalService(context, fixedClock('2026-03-02T09:00:00Z'), quiet, () => r.dir, async () => {
    r.asked++;
    return undefined;
  });
  r.service.encryption.onDidChangeState((s) => r.states.push(s));
  return r;
}

const same = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && Buffer.from(a).equals(Buffer.from(b));

/** The state event is fired after the key file is read again: waits for it. */
async function settles(r: Rig, state: EncryptionState): Promise<void> {
  for (let i = 0; i < 200 && r.service.encryption.state() !== state; i++) await new Promise((done) => setTimeout(done, 5));
  assert.strictEqual(r.service.encryption.state(), state);
  await new Promise((done) => setTimeout(done, 20)); // any second event would have fired by now
}

describe('JournalEncryption over the real journal service', function () {
  this.timeout(30_000);
  let key: TestKey;
  let other: TestKey;
  const open: JournalService[] = [];
  before(async () => {
    [key, other] = await Promise.all([testKey(), testKey()]);
  });
  afterEach(async () => {
    for (const s of open.splice(0)) {
      await s.close();
      s.dispose();
    }
  });

  async function onAndWritten(k = key, globalState?: MementoStandIn): Promise<Rig> {
    const r = await rig(globalState);
    open.push(r.service);
    const store = await r.service.get();
    await store.write(canaryCheckIn(fixedClock('2026-03-02T09:00:00Z'), 1));
    await settles(r, 'off');
    await r.service.encryption.turnOn(k.keyFile, k.dataKey);
    await settles(r, 'unlocked');
    return r;
  }

  it('goes off → unlocked → locked → unlocked → off, one state event per change', async () => {
    const r = await onAndWritten();
    assert.deepStrictEqual(r.states, ['unlocked'], 'off was the start: no event until turned on');
    assert.ok(await r.service.encryption.keyFile(), 'journal.key is on disk');
    await r.service.current!.compact();
    assert.deepStrictEqual(await plaintextHits(r.dir), [], 'no canary in plaintext once encrypted');

    await r.service.encryption.lock();
    await settles(r, 'locked');
    assert.strictEqual(r.service.current, undefined, 'the store is closed while locked');

    await r.service.encryption.unlock(key.dataKey);
    await settles(r, 'unlocked');
    const rows = r.service.current!.query('SELECT COUNT(*) FROM checkins');
    assert.strictEqual(rows[0][0], 1, 'the check-in written before is readable again');

    await r.service.encryption.turnOff();
    await settles(r, 'off');
    assert.strictEqual(await r.service.encryption.keyFile(), undefined, 'journal.key is gone');
    assert.deepStrictEqual(r.states, ['unlocked', 'locked', 'unlocked', 'off']);
  });

  it("refuses another journal's data key with KeyMismatchError and stays locked", async () => {
    const r = await onAndWritten();
    await r.service.encryption.lock();
    await settles(r, 'locked');
    await assert.rejects(r.service.encryption.unlock(other.dataKey), KeyMismatchError);
    await settles(r, 'locked');
    assert.strictEqual(r.service.current, undefined, 'nothing opened');
    assert.deepStrictEqual(r.states, ['unlocked', 'locked']);
    // The right key still works afterwards.
    await r.service.encryption.unlock(key.dataKey);
    await settles(r, 'unlocked');
  });

  it("takes a re-wrapped key file after changePassphrase, and refuses another journal's", async () => {
    const r = await onAndWritten();
    const before = (await r.service.encryption.keyFile())!;
    const rewrapped = await changePassphrase(before, key.dataKey, 'a new passphrase for the journal', CHEAP_KDF);
    await assert.rejects(r.service.encryption.rewrapKeyFile(other.keyFile), /another journal/);
    assert.ok(same(await r.service.encryption.keyFile(), before), 'journal.key unchanged after the refusal');

    await r.service.encryption.rewrapKeyFile(rewrapped);
    assert.ok(same(await r.service.encryption.keyFile(), rewrapped), 'journal.key is the re-wrapped one');
    await r.service.encryption.lock();
    await settles(r, 'locked');
    const onDisk = (await r.service.encryption.keyFile())!;
    await assert.rejects(unlockWithPassphrase(onDisk, 'correct horse battery staple'), 'the old passphrase no longer opens it');
    await r.service.encryption.unlock(await unlockWithPassphrase(onDisk, 'a new passphrase for the journal'));
    await settles(r, 'unlocked');
    assert.strictEqual(r.service.current!.query('SELECT COUNT(*) FROM checkins')[0][0], 1);
  });

  it('a get() while locked throws JournalLockedError (the prompt cancelled) and stays locked', async () => {
    const r = await onAndWritten();
    await r.service.encryption.lock();
    await settles(r, 'locked');
    await assert.rejects(r.service.get(), JournalLockedError);
    assert.strictEqual(r.asked, 1, 'the data key was asked for once');
    await settles(r, 'locked');
    assert.deepStrictEqual(r.states, ['unlocked', 'locked']);
  });

  it("moved to another encrypted journal's folder: locked, and its passphrase is asked (never the first one's key tried)", async () => {
    // One user (one globalState): both journals are theirs, so neither is asked about.
    const user = new MementoStandIn();
    const elsewhere = await onAndWritten(other, user);
    await elsewhere.service.close();
    const r = await onAndWritten(key, user);
    r.dir = elsewhere.dir; // the data folder setting changed
    await r.service.relocate();
    await settles(r, 'locked');
    assert.deepStrictEqual(r.states, ['unlocked', 'locked']);
    await assert.rejects(r.service.get(), JournalLockedError, 'the unlock gate asks for the passphrase on a JournalLockedError');
    await r.service.encryption.unlock(other.dataKey);
    await settles(r, 'unlocked');
  });
});
