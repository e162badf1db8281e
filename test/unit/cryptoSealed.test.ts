import * as assert from 'assert';
import { fromBase64Url, randomBytes, toBase64Url } from '../../src/storage/crypto/bytes';
import type { DataKey } from '../../src/storage/crypto/dataKey';
import { CorruptRecordError, ForeignKeyError, NewerFormatError } from '../../src/storage/crypto/errors';
import { isSealedFile, isSealedLine, KINDS, LINE_PREFIX, openFile, openLine, sealedHeader, sealFile, sealLine, type FileKind } from '../../src/storage/crypto/sealed';

const newKey = (): DataKey => ({ keyId: toBase64Url(randomBytes(16)), key: randomBytes(32) });
const RECORD = '{"table":"checkins","row":{"id":"c1","mood":4,"note":"canary-note sertraline"}}';
const FILE_KINDS: FileKind[] = ['snapshot', 'backup', 'conflict-copy', 'before-restore', 'summary'];

/** Every typed error the store acts on; anything else (a crash, a wrong answer) fails the test. */
function rejects(fn: () => unknown): void {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    assert.ok(e instanceof CorruptRecordError || e instanceof ForeignKeyError || e instanceof NewerFormatError, `a typed error, got ${String(e)}`);
    return;
  }
  assert.fail(`opened a tampered record: ${String(result)}`);
}

describe('crypto: sealed files and log lines', () => {
  const key = newKey();

  it('opens what it seals: every file kind, a log line, empty and 1 MB contents', () => {
    for (const kind of FILE_KINDS) {
      for (const plain of [new Uint8Array(0), new TextEncoder().encode(RECORD), randomBytes(1 << 20)]) {
        const sealed = sealFile(key, kind, plain);
        assert.deepStrictEqual(openFile(key, kind, sealed), plain);
        assert.strictEqual(sealed.length, plain.length + 8 + 18 + 24 + 16, 'overhead: magic, header, nonce, tag');
      }
    }
    assert.strictEqual(openLine(key, sealLine(key, RECORD)), RECORD);
    assert.strictEqual(openLine(key, sealLine(key, '')), '');
    assert.strictEqual(openLine(key, sealLine(key, 'émoji 💊 and\nnewline\r\ninside')), 'émoji 💊 and\nnewline\r\ninside');
  });

  it('never writes the plaintext: a canary in a record is not in the sealed line or file', () => {
    const line = sealLine(key, RECORD);
    assert.ok(!line.includes('canary') && !line.includes('sertraline'));
    const file = new TextDecoder('latin1').decode(sealFile(key, 'snapshot', new TextEncoder().encode(RECORD)));
    assert.ok(!file.includes('canary') && !file.includes('sertraline'));
  });

  it('keeps every sealed record on one line: no \\n or \\r, whatever the record holds', () => {
    const nasty = ['\n', '\r\n', '\r', '\u2028', '\u0085', 'a\nb'.repeat(100), '\u0000'];
    for (let i = 0; i < 2000; i++) {
      const line = sealLine(key, nasty[i % nasty.length] + String(i));
      assert.ok(!/[\r\n\s]/u.test(line), `line ${i} holds a line break or space`);
      assert.match(line, /^mdje:[A-Za-z0-9_-]+$/);
    }
  });

  it('draws a fresh nonce for each of 10,000 seals of the same record', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const body = fromBase64Url(sealLine(key, RECORD).slice(LINE_PREFIX.length))!;
      nonces.add(toBase64Url(body.subarray(18, 18 + 24)));
    }
    assert.strictEqual(nonces.size, 10_000);
  });

  it('rejects a small sealed file with any one byte changed, at every position', () => {
    const sealed = sealFile(key, 'backup', new TextEncoder().encode('{"mood":4}'));
    for (let i = 0; i < sealed.length; i++) {
      for (const flip of [0x01, 0x80, 0xff]) {
        const bad = sealed.slice();
        bad[i] ^= flip;
        rejects(() => openFile(key, 'backup', bad));
      }
    }
  });

  it('rejects a sealed log line with any one byte changed, at every position, and with any character changed', () => {
    const line = sealLine(key, '{"mood":4}');
    const body = fromBase64Url(line.slice(LINE_PREFIX.length))!;
    for (let i = 0; i < body.length; i++) {
      const bad = body.slice();
      bad[i] ^= 0x01;
      rejects(() => openLine(key, LINE_PREFIX + toBase64Url(bad)));
    }
    for (let i = LINE_PREFIX.length; i < line.length; i++) {
      const other = line[i] === 'A' ? 'B' : 'A';
      rejects(() => openLine(key, line.slice(0, i) + other + line.slice(i + 1)));
    }
  });

  it('rejects a torn line cut at every length, and a truncated file, as corrupt records', () => {
    const line = sealLine(key, RECORD);
    for (let n = LINE_PREFIX.length; n < line.length; n++) {
      assert.throws(() => openLine(key, line.slice(0, n)), CorruptRecordError);
    }
    const file = sealFile(key, 'snapshot', randomBytes(100));
    for (const n of [0, 7, 8, 30, 60, file.length - 1]) rejects(() => openFile(key, 'snapshot', file.subarray(0, n)));
  });

  it('binds the kind: a record opened as another kind, or relabelled as another kind, fails', () => {
    const backup = sealFile(key, 'backup', new TextEncoder().encode('rows'));
    assert.throws(() => openFile(key, 'snapshot', backup), (e: unknown) => e instanceof CorruptRecordError && e.reason === 'wrong-kind');
    // Relabel the header: the kind check passes, the authentication does not.
    const relabelled = backup.slice();
    relabelled[9] = KINDS.snapshot;
    assert.throws(() => openFile(key, 'snapshot', relabelled), (e: unknown) => e instanceof CorruptRecordError && e.reason === 'authentication');
    // A log line's body in a file, and a file's body in a line.
    const lineBody = fromBase64Url(sealLine(key, RECORD).slice(LINE_PREFIX.length))!;
    lineBody[1] = KINDS.summary;
    assert.throws(() => openFile(key, 'summary', new Uint8Array([...backup.subarray(0, 8), ...lineBody])), CorruptRecordError);
    const fileBody = sealFile(key, 'summary', new TextEncoder().encode(RECORD)).slice(8);
    fileBody[1] = KINDS['log-record'];
    assert.throws(() => openLine(key, LINE_PREFIX + toBase64Url(fileBody)), CorruptRecordError);
  });

  it('tells a record sealed under another key, and a newer format, from damage', () => {
    const other = newKey();
    assert.throws(() => openLine(key, sealLine(other, RECORD)), (e: unknown) => e instanceof ForeignKeyError && e.keyId === other.keyId);
    assert.throws(() => openFile(key, 'snapshot', sealFile(other, 'snapshot', randomBytes(10))), ForeignKeyError);
    // The same key id with another key (a forged header) is damage, not a foreign key.
    assert.throws(() => openLine({ keyId: key.keyId, key: other.key }, sealLine(key, RECORD)), CorruptRecordError);
    const newer = sealFile(key, 'summary', randomBytes(10));
    newer[8] = 2;
    assert.throws(() => openFile(key, 'summary', newer), NewerFormatError);
    assert.deepStrictEqual(sealedHeader(sealLine(other, RECORD)), { version: 1, kind: 'log-record', keyId: other.keyId });
    assert.deepStrictEqual(sealedHeader(sealFile(key, 'before-restore', randomBytes(3))), { version: 1, kind: 'before-restore', keyId: key.keyId });
  });

  it('tells sealed from plaintext: SQLite snapshots, JSON lines and text files are plaintext', () => {
    const sqlite = new TextEncoder().encode('SQLite format 3\u0000' + 'x'.repeat(100));
    for (const plain of [sqlite, new TextEncoder().encode('{"a":1}\n'), new TextEncoder().encode('<!doctype html>'), new Uint8Array(0), Uint8Array.of(0x89)]) {
      assert.strictEqual(isSealedFile(plain), false);
    }
    assert.strictEqual(isSealedFile(sealFile(key, 'snapshot', sqlite)), true);
    assert.strictEqual(isSealedLine(RECORD), false);
    assert.strictEqual(isSealedLine(''), false);
    assert.strictEqual(isSealedLine(sealLine(key, RECORD)), true);
    assert.throws(() => openFile(key, 'snapshot', sqlite), (e: unknown) => e instanceof CorruptRecordError && e.reason === 'malformed');
    assert.throws(() => openLine(key, RECORD), CorruptRecordError);
  });

  it('reads a line whose ending a tool turned into CR LF', () => {
    assert.strictEqual(openLine(key, sealLine(key, RECORD) + '\r'), RECORD);
  });
});
