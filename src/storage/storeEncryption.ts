// The store's encryption switch: turning encryption on or off, resuming a change a crash cut short,
// and exporting a plaintext copy. A change goes through the crash-safe path of compaction:
//   1. journal.key.changing records the direction (before anything else is written);
//   2. on: the key file is created (never over another one);
//   3. a compaction writes the snapshot sealed (or plain), verified, and removes this machine's logs;
//   4. backups, before-restore copies and merged/ copies are rewritten, each verified (encryptionRest.ts);
//   5. off: the key file is removed; then the marker.
// A SIGKILL anywhere leaves whole files, each readable with the key (or plaintext), and the marker
// makes the next writer finish the change. Every entry survives: logs go only after step 3's snapshot.
import type { Database } from 'sql.js';
import type { DataKey } from './crypto/dataKey';
import { checkDataKey } from './crypto/keyFile';
import { rewriteRest } from './encryptionRest';
import type { JournalFiles } from './files';
import { beginChange, EncryptionChangeError, endChange, keyFilePath, readChange, readKeyFile, refuseChange, type EncryptionState } from './keyFolder';
import type { LogSet } from './logSet';
import { JournalLockedError, type Sealing } from './sealing';
import type { Logger } from './storeOptions';
import { verifySameBytes } from './verify';

export interface EncryptionParts {
  dir: string;
  backupDir: string;
  mergedDir: string;
  files: JournalFiles;
  sealing: Sealing;
  logs: LogSet;
  log: Logger;
  db(): Database;
  /** Why no change can run now (closed, changes waiting for disk space, damaged, not the writer: tried again now); undefined when it can. */
  whyNot(): Promise<EncryptionChangeError['reason'] | undefined>;
  /** Runs a compaction now; false when none could run. */
  compact(): Promise<boolean>;
}

export class StoreEncryption {
  constructor(private readonly p: EncryptionParts) {}

  get state(): EncryptionState {
    return this.p.sealing.on ? 'on' : 'off';
  }

  /** See JournalStore.turnOnEncryption. Call one refresh or compaction at a time. */
  async turnOn(keyFile: Uint8Array, dataKey: DataKey): Promise<void> {
    const { files, dir, sealing } = this.p;
    await this.ready();
    checkDataKey(keyFile, dataKey); // a key that is not this key file's is never used
    const existing = await readKeyFile(files, dir);
    if (sealing.on && existing) return this.finish(); // resumes a change cut short, or does nothing
    await refuseChange(files, dir, this.p.logs);
    if (existing && !sameBytes(existing, keyFile)) throw new EncryptionChangeError('key-file-exists', keyFilePath(dir));
    await beginChange(files, dir, 'on');
    if (!existing) {
      await files.createExclusive(keyFilePath(dir), keyFile);
      // Another window may have made one meanwhile: it must be this one.
      await verifySameBytes(files, keyFilePath(dir), keyFile).catch(() => {
        throw new EncryptionChangeError('key-file-exists', keyFilePath(dir));
      });
    }
    sealing.use(dataKey, true);
    await this.finish();
  }

  /** See JournalStore.checkEncryptionChange. */
  async check(): Promise<void> {
    await this.ready();
    await refuseChange(this.p.files, this.p.dir, this.p.logs);
  }

  /** See JournalStore.turnOffEncryption. */
  async turnOff(): Promise<void> {
    const { files, dir, sealing } = this.p;
    await this.ready();
    const key = sealing.dataKey;
    if (!key || !(await readKeyFile(files, dir))) throw new EncryptionChangeError('already-off');
    if (sealing.on) {
      await refuseChange(files, dir, this.p.logs);
      await beginChange(files, dir, 'off');
      sealing.use(key, false); // the key still reads what is sealed until the end
    }
    await this.finish();
  }

  /**
   * Another window turned encryption on or off: one without the key must write nothing more (the
   * JournalLockedError returned; the service asks for the key); one with it stops sealing once a
   * change to off has begun.
   */
  async follow(): Promise<JournalLockedError | undefined> {
    const { files, dir, sealing } = this.p;
    const key = sealing.dataKey;
    if (key && !sealing.on) return undefined;
    const keyFile = await readKeyFile(files, dir);
    if (!key) return keyFile && new JournalLockedError(dir, keyFile, undefined);
    if (!keyFile || (await readChange(files, dir)) === 'off') sealing.use(key, false);
    return undefined;
  }

  /** Finishes a change a crash or a full disk cut short (journal.key.changing was found). */
  async resume(): Promise<void> {
    await this.ready();
    await this.finish();
  }

  /** Writes the journal as a plain SQLite file at `target` (outside the data folder, the user's choice). */
  async exportCopy(target: string): Promise<void> {
    const bytes = this.p.db().export();
    await this.p.files.writeAtomic(target, bytes, { verify: async (tmp) => void (await verifySameBytes(this.p.files, tmp, bytes)) });
  }

  private async ready(): Promise<void> {
    const why = await this.p.whyNot();
    if (why) throw new EncryptionChangeError(why);
  }

  /** Steps 3 to 5; each is safe to repeat. */
  private async finish(): Promise<void> {
    const { files, dir, sealing, log } = this.p;
    if (!(await this.p.compact())) throw new EncryptionChangeError('damaged');
    const rest = await rewriteRest(files, dir, this.p.backupDir, this.p.mergedDir, sealing);
    if (rest.kept.length > 0) log('warn', `Left ${rest.kept.length} file(s) as they are (damaged, or sealed with another key): ${rest.kept.join(', ')}`);
    if (!sealing.on) await files.remove(keyFilePath(dir));
    await endChange(files, dir);
    log('info', `Encryption is ${this.state}: rewrote the snapshot, this machine's logs and ${rest.rewritten.length} other file(s).`);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
