// Shared by the encryption tests: a cheap key file (the KDF at its lowest bound: tests need no
// slow Argon2id), canary entries, and a scan of every byte under a folder.
import { promises as fs } from 'fs';
import * as path from 'path';
import { buildCheckIn, type DayClock } from '../../src/core/entries';
import type { Op } from '../../src/core/schemas';
import type { DataKey } from '../../src/storage/crypto/dataKey';
import { createKeyFile } from '../../src/storage/crypto/keyFile';

export const CHEAP_KDF = { kdf: { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 } };

export interface TestKey {
  keyFile: Uint8Array;
  dataKey: DataKey;
}

export async function testKey(): Promise<TestKey> {
  const { bytes, dataKey } = await createKeyFile('correct horse battery staple', CHEAP_KDF);
  return { keyFile: bytes, dataKey };
}

/** Words no journal holds by chance: a note, a tag, a symptom and a medication name. */
export const CANARIES = ['canarynote7Q4', 'canarytag9Z2', 'canarysymptom3K8', 'Canarymed5X1'];

export function canaryCheckIn(clock: DayClock, i: number): Op[] {
  return buildCheckIn(
    {
      mood: 1 + (i % 10),
      note: `${CANARIES[0]} entry ${i}`,
      tags: [CANARIES[1]],
      symptoms: [{ key: CANARIES[2], label: CANARIES[2], severity: 2 }],
      dose: { mg: 10, status: 'taken', medication: CANARIES[3] }
    },
    clock
  ).ops;
}

/** Every file under `dir` (recursively) whose bytes hold one of `words` in plaintext. */
export async function plaintextHits(dir: string, words = CANARIES): Promise<string[]> {
  const hits: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const file = path.join(d, e.name);
      if (e.isDirectory()) await walk(file);
      else {
        const bytes = await fs.readFile(file);
        for (const w of words) if (bytes.includes(Buffer.from(w)) || bytes.includes(Buffer.from(w.toLowerCase()))) hits.push(`${path.relative(dir, file)}: ${w}`);
      }
    }
  };
  await walk(dir);
  return hits;
}

/** Every file under `dir`, relative. */
export async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(path.join(d, e.name));
      else out.push(path.relative(dir, path.join(d, e.name)));
    }
  };
  await walk(dir);
  return out.sort();
}
