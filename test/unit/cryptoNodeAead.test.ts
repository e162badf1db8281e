import * as assert from 'assert';
import { aeadOpen, aeadSeal, nobleAead, setAeadCipher } from '../../src/storage/crypto/aead';
import { randomBytes, toBase64Url } from '../../src/storage/crypto/bytes';
import { openFile, openLine, sealFile, sealLine } from '../../src/storage/crypto/sealed';
import { nodeAead } from '../../src/storage/nodeAead';

const SIZES = [0, 1, 15, 16, 63, 64, 65, 200, 4095, 4096, 4097, 65_537, 1 << 20];
const randomSize = (max: number): number => Math.floor(Math.random() * max);

/** Seals with one implementation and opens with the other (seal and open each under setAeadCipher). */
function across(sealWith: typeof nodeAead, openWith: typeof nodeAead, key: Uint8Array, aad: Uint8Array, plain: Uint8Array): { box: Uint8Array; opened: Uint8Array | undefined } {
  setAeadCipher(sealWith);
  const box = aeadSeal(key, aad, plain);
  setAeadCipher(openWith);
  return { box, opened: aeadOpen(key, aad, box) };
}

describe('crypto: the Node fast path writes the same bytes as noble', () => {
  afterEach(() => setAeadCipher(undefined));

  it('a known vector: the same ciphertext and tag for the same key, nonce and associated data', () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const nonce = Uint8Array.from({ length: 24 }, (_, i) => 0x40 + i);
    const aad = Uint8Array.of(0x50, 0x51, 0x52, 0x53, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7);
    const plain = new TextEncoder().encode("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
    const node = nodeAead.seal(key, nonce, aad, plain);
    assert.strictEqual(toBase64Url(node), toBase64Url(nobleAead.seal(key, nonce, aad, plain)));
    // The first bytes of the draft-irtf-cfrg-xchacha test vector (A.3.1), as a fixed point.
    assert.strictEqual(Buffer.from(node.subarray(0, 8)).toString('hex'), 'bd6d179d3e83d43b');
  });

  for (const [from, to] of [['node', 'noble'], ['noble', 'node']] as const) {
    it(`what ${from} seals, ${to} opens: random sizes, with and without associated data`, () => {
      const impl = { node: nodeAead, noble: nobleAead };
      const sizes = [...SIZES, ...Array.from({ length: 20 }, () => randomSize(300_000))];
      for (const size of sizes) {
        for (const aad of [new Uint8Array(0), randomBytes(1 + randomSize(40))]) {
          const key = randomBytes(32);
          const plain = randomBytes(size);
          const { opened } = across(impl[from], impl[to], key, aad, plain);
          assert.ok(opened, `size ${size}, aad ${aad.length}`);
          assert.deepStrictEqual(opened, plain);
        }
      }
    });
  }

  for (const [name, impl] of [['node', nodeAead], ['noble', nobleAead]] as const) {
    it(`${name} refuses a flipped bit anywhere, a wrong key or wrong associated data`, () => {
      setAeadCipher(impl);
      const key = randomBytes(32);
      const aad = randomBytes(18);
      const plain = randomBytes(1000);
      const box = aeadSeal(key, aad, plain);
      for (const at of [0, 5, 23, 24, 500, box.length - 17, box.length - 16, box.length - 1]) {
        const bad = box.slice();
        bad[at] ^= 0x01;
        assert.strictEqual(aeadOpen(key, aad, bad), undefined, `bit flipped at ${at}`);
      }
      assert.strictEqual(aeadOpen(randomBytes(32), aad, box), undefined);
      const otherAad = aad.slice();
      otherAad[0] ^= 1;
      assert.strictEqual(aeadOpen(key, otherAad, box), undefined);
      assert.strictEqual(aeadOpen(key, new Uint8Array(0), box), undefined);
      assert.strictEqual(aeadOpen(key, aad, box.subarray(0, box.length - 1)), undefined);
      assert.strictEqual(aeadOpen(key, aad, box.subarray(0, 39)), undefined);
      assert.deepStrictEqual(aeadOpen(key, aad, box), plain);
    });
  }

  it('sealed files and log lines cross between the two, and an opened file is a plain Uint8Array', () => {
    const dataKey = { keyId: toBase64Url(randomBytes(16)), key: randomBytes(32) };
    const snapshot = randomBytes(3 << 20);
    setAeadCipher(nodeAead);
    const file = sealFile(dataKey, 'snapshot', snapshot);
    const line = sealLine(dataKey, '{"note":"canary"}');
    setAeadCipher(undefined);
    const opened = openFile(dataKey, 'snapshot', file);
    assert.deepStrictEqual(opened, snapshot);
    assert.strictEqual(openLine(dataKey, line), '{"note":"canary"}');
    const back = sealFile(dataKey, 'summary', new TextEncoder().encode('summary'));
    setAeadCipher(nodeAead);
    const small = openFile(dataKey, 'summary', back);
    assert.strictEqual(Object.getPrototypeOf(small), Uint8Array.prototype);
    assert.strictEqual(small.buffer.byteLength, small.byteLength, 'not a view into a shared pool');
    assert.strictEqual(new TextDecoder().decode(small), 'summary');
  });
});
