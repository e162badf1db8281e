import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { SqlJsStatic } from 'sql.js';
import { KeyMismatchError } from '../../src/storage/crypto/errors';
import { isSealedFile, sealLine } from '../../src/storage/crypto/sealed';
import { CorruptJournalError, EncryptionChangeError, JournalLockedError, JournalStore, replaceSnapshot, SNAPSHOT_NAME, type StoreNotice } from '../../src/storage/journalStore';
import { inspectBackups } from '../../src/storage/backups';
import { NodeFiles } from '../../src/storage/nodeFiles';
import { encodeChange } from '../../src/storage/opLog';
import { recentEntries } from '../../src/storage/read/journal';
import { canaryCheckIn, plaintextHits, testKey, allFiles, type TestKey } from './encryptionFixture';
import { fixedClock, sqlJs, tempDir } from './helpers';

describe('an encrypted journal (encryption at rest)', function () {
  this.timeout(120_000);
  const clock = fixedClock('2026-05-04T08:00:00Z');
  let sql: SqlJsStatic;
  let key: TestKey;
  before(async () => {
    sql = await sqlJs();
    key = await testKey();
  });
  const open = (dir: string, extra: object = {}) =>
    JournalStore.open({ dir, sql, machine: 'a', worker: 'in-thread', compactAfterMs: 3_600_000, today: () => clock.today(), now: () => clock.now(), ...extra });
  const write = async (store: JournalStore, n: number) => {
    for (let i = 0; i < n; i++) {
      clock.advance(60_000);
      await store.write(canaryCheckIn(clock, i));
    }
  };
  const ids = (store: JournalStore) => recentEntries(store, 10_000).map((e) => e.checkIn.id).sort();

  /** A journal with entries written in plaintext, then encrypted. */
  async function encrypted(prefix: string): Promise<{ dir: string; store: JournalStore }> {
    const dir = await tempDir(prefix);
    const store = await open(dir);
    await write(store, 3);
    await store.compact();
    await store.turnOnEncryption(key.keyFile, key.dataKey);
    return { dir, store };
  }

  it('leaves no canary in plaintext in any file after writes, compactions with backups, a restore and a sync conflict copy', async () => {
    const { dir, store } = await encrypted('mdj-enc-canary-');
    assert.strictEqual(store.encryption, 'on');
    assert.deepStrictEqual(await plaintextHits(dir), [], 'turning on rewrote what was plaintext');
    await write(store, 3);
    clock.advance(24 * 3600_000); // a new day: a new daily backup
    await store.compact();
    const backup = await store.latestBackup();
    assert.ok(backup);
    await write(store, 2);
    const kept = await store.restoreFrom(backup);
    assert.ok(isSealedFile(await fs.readFile(kept)), 'the before-restore copy is sealed');
    await write(store, 2);
    await fs.copyFile(store.logPath, path.join(dir, 'journal.a.sync-conflict-20260505-090000-ABCDEFG.oplog'));
    await store.refresh();
    await store.compact();
    const seen = ids(store);
    await store.close();
    const files = await allFiles(dir);
    assert.ok(files.some((f) => f.startsWith('merged/')) && files.some((f) => f.startsWith('backups/')) && files.includes('journal.key'), files.join(', '));
    assert.deepStrictEqual(await plaintextHits(dir), []);
    const again = await open(dir, { dataKey: key.dataKey });
    assert.deepStrictEqual(ids(again), seen, 'reopens with the key, with every entry');
    await again.close();
  });

  it('says the journal is locked without the key (carrying the key file), and refuses another key with a typed error', async () => {
    const { dir, store } = await encrypted('mdj-enc-locked-');
    await store.close();
    const locked = await open(dir).then(() => assert.fail('opened without a key'), (e: unknown) => e);
    assert.ok(locked instanceof JournalLockedError);
    assert.deepStrictEqual(Buffer.from(locked.keyFile!), Buffer.from(key.keyFile));
    const other = await testKey();
    await assert.rejects(open(dir, { dataKey: other.dataKey }), KeyMismatchError);
    // Same key id, other key bytes: refused before anything is read with it.
    await assert.rejects(open(dir, { dataKey: { keyId: key.dataKey.keyId, key: other.dataKey.key } }), KeyMismatchError);
  });

  it('skips a torn sealed line (a write cut short) and keeps every acknowledged entry', async () => {
    const { dir, store } = await encrypted('mdj-enc-torn-');
    await write(store, 2);
    const line = (await fs.readFile(store.logPath, 'utf8')).trim().split('\n').pop()!;
    assert.ok(line.startsWith('mdje:'));
    await fs.appendFile(store.logPath, `\n${line.slice(0, line.length / 2)}`); // torn: no newline, half a record
    await write(store, 1);
    const seen = ids(store);
    await store.close();
    const again = await open(dir, { dataKey: key.dataKey, writer: false });
    assert.deepStrictEqual(ids(again), seen);
    await again.close();
  });

  it('detects a tampered byte: a log record is skipped as damaged; a snapshot goes to recovery, and a backup restores it', async () => {
    const { dir, store } = await encrypted('mdj-enc-tamper-');
    await store.close();
    // Two records sealed as another window of this journal would, in a log; one byte of the first changed.
    const lines = [0, 1].map((i) => (clock.advance(60_000), sealLine(key.dataKey, JSON.stringify(canaryCheckIn(clock, 20 + i)))));
    const l = lines[0];
    lines[0] = l.slice(0, 40) + (l[40] === 'A' ? 'B' : 'A') + l.slice(41);
    await fs.writeFile(path.join(dir, 'journal.b.oplog'), `\n${lines.join('\n\n')}\n`);
    const warnings: string[] = [];
    const reader = await open(dir, { dataKey: key.dataKey, writer: false, log: (_: string, m: string) => warnings.push(m) });
    assert.strictEqual(ids(reader).length, 3 + 1, 'one of the two records is skipped, the rest is there');
    assert.ok(warnings.some((m) => /Ignored 1 damaged record/.test(m)), warnings.join('\n'));
    await reader.close();
    // The snapshot: one byte changed in its ciphertext.
    const snap = path.join(dir, SNAPSHOT_NAME);
    const bytes = await fs.readFile(snap);
    bytes[bytes.length - 100] ^= 1;
    await fs.writeFile(snap, bytes);
    const damaged = await open(dir, { dataKey: key.dataKey }).then(() => assert.fail('opened a tampered snapshot'), (e: unknown) => e);
    assert.ok(damaged instanceof CorruptJournalError && damaged.problem === 'integrity', String(damaged));
    const valid = (await inspectBackups(new NodeFiles(), sql, path.join(dir, 'backups'), key.dataKey)).filter((b) => b.valid);
    assert.ok(valid.length > 0, 'sealed backups check as valid with the key');
    await replaceSnapshot(new NodeFiles(), dir, valid[0].path, key.dataKey);
    const recovered = await open(dir, { dataKey: key.dataKey });
    assert.strictEqual(ids(recovered).length, 4, 'the backup plus the log on top');
    await recovered.close();
    assert.deepStrictEqual(await plaintextHits(dir), []);
  });

  it('keeps records sealed with another key (encryption turned on apart), reports them, never removes them', async () => {
    const { dir, store } = await encrypted('mdj-enc-foreign-');
    const other = await testKey();
    const foreign = path.join(dir, 'journal.b.oplog');
    await fs.writeFile(foreign, `\n${sealLine(other.dataKey, JSON.stringify(canaryCheckIn(clock, 99)))}\n`);
    const notices: StoreNotice[] = [];
    store.onNotice((n) => notices.push(n));
    await store.refresh();
    await store.compact();
    assert.deepStrictEqual(notices.filter((n) => n.kind === 'unreadable-encrypted').map((n) => n.kind === 'unreadable-encrypted' && n.reason), ['foreign-key']);
    assert.ok((await fs.stat(foreign)).size > 0, 'the file is kept');
    assert.strictEqual(ids(store).length, 3);
    await store.close();
  });

  it('merges a plaintext copy arriving by sync into the encrypted journal, and removes the plaintext', async () => {
    const { dir, store } = await encrypted('mdj-enc-plain-');
    clock.advance(60_000);
    const log = Buffer.from(encodeChange(canaryCheckIn(clock, 50)));
    await fs.writeFile(path.join(dir, "journal.a (Sam's conflicted copy 2026-05-04).oplog"), log); // Dropbox
    clock.advance(60_000);
    await fs.writeFile(path.join(dir, 'journal.c.oplog'), Buffer.from(encodeChange(canaryCheckIn(clock, 51)))); // a machine without the key
    await store.refresh();
    assert.strictEqual(ids(store).length, 5);
    await store.refresh(); // the second pass merges the other machine's plaintext log, read on the first
    await store.compact();
    const seen = ids(store);
    await store.close();
    assert.deepStrictEqual(await plaintextHits(dir), []);
    assert.ok(!(await allFiles(dir)).includes('journal.c.oplog'));
    const again = await open(dir, { dataKey: key.dataKey });
    assert.deepStrictEqual(ids(again), seen);
    await again.close();
  });

  it('turns encryption off: every file plaintext, the key file gone, every entry there; a decrypted copy opens in SQLite', async () => {
    const { dir, store } = await encrypted('mdj-enc-off-');
    await write(store, 2);
    await store.compact();
    const copy = path.join(await tempDir('mdj-enc-export-'), 'journal-copy.sqlite');
    await store.exportDecryptedCopy(copy);
    const exported = new sql.Database(await fs.readFile(copy));
    assert.strictEqual(Number(exported.exec('SELECT count(*) FROM checkins')[0].values[0][0]), 5);
    exported.close();
    await store.turnOffEncryption();
    assert.strictEqual(store.encryption, 'off');
    await write(store, 1);
    const seen = ids(store);
    await store.close();
    const files = await allFiles(dir);
    assert.ok(!files.includes('journal.key') && !files.includes('journal.key.changing'), files.join(', '));
    for (const f of files.filter((n) => n.endsWith('.sqlite'))) assert.ok(!isSealedFile(await fs.readFile(path.join(dir, f))), `${f} is plaintext`);
    const again = await open(dir);
    assert.deepStrictEqual(ids(again), seen);
    await again.close();
  });

  it('refuses to turn on while another machine\'s log or a copy of the key file is in the folder, naming it', async () => {
    const dir = await tempDir('mdj-enc-refuse-');
    const store = await open(dir);
    await write(store, 1);
    const other = path.join(dir, 'journal.b.oplog');
    await fs.writeFile(other, encodeChange(canaryCheckIn(clock, 7)));
    const e1 = await store.turnOnEncryption(key.keyFile, key.dataKey).then(() => assert.fail('turned on'), (e: unknown) => e);
    assert.ok(e1 instanceof EncryptionChangeError && e1.reason === 'other-machine-log' && e1.file === other, String(e1));
    await fs.rm(other);
    const copy = path.join(dir, 'journal.sync-conflict-20260504-080000-ABCDEFG.key');
    await fs.writeFile(copy, key.keyFile);
    const e2 = await store.turnOnEncryption(key.keyFile, key.dataKey).then(() => assert.fail('turned on'), (e: unknown) => e);
    assert.ok(e2 instanceof EncryptionChangeError && e2.reason === 'key-file-copy' && e2.file === copy, String(e2));
    assert.ok(!(await allFiles(dir)).includes('journal.key'), 'no key file written');
    assert.strictEqual(store.encryption, 'off');
    await store.close();
  });

  it('keeps an entry written while another window turns encryption off readable without the key', async () => {
    const { dir, store } = await encrypted('mdj-enc-race-');
    // A second window with the key, which has not yet seen the first turn encryption off.
    const other = await open(dir, { writer: false, dataKey: key.dataKey });
    assert.strictEqual(other.encryption, 'on');
    await store.turnOffEncryption();
    assert.strictEqual(other.encryption, 'on', 'the second window has not followed yet');
    await write(other, 1);
    const written = ids(other);
    // Read before either window closes: the first window's last compaction would fold the record in with the key it still holds.
    const plain = await open(dir, { writer: false });
    assert.deepStrictEqual(ids(plain), written, 'every acknowledged entry opens without the key');
    await plain.close();
    await other.close();
    await store.close();
  });
});
