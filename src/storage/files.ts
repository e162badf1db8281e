// The only file operations the store needs. Desktop uses Node's fs (nodeFiles.ts); a web build can
// implement the same interface over vscode.workspace.fs.
// Every operation refuses (SymlinkError) a path that is a link or goes through one below a protected
// data folder (see safePaths.ts), and a write either lands completely or throws; a failed write
// leaves no temp file behind.

export interface FileIdentity {
  size: number;
  mtimeMs: number;
  /** Inode or equivalent; changes when a file is replaced by rename. */
  ino: number;
}

export interface WriteOptions {
  /** Checks the temp file as written to disk; throwing aborts the write. */
  verify?: (tempPath: string) => Promise<void>;
}

export interface JournalFiles {
  /** The whole file, or undefined when it does not exist. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Bytes from `offset` to the end, or undefined when the file does not exist. */
  readFrom(path: string, offset: number): Promise<Uint8Array | undefined>;
  /**
   * Appends and fsyncs. Resolves only once the bytes are durable in the file that is at `path`
   * when the call returns: if the file was renamed away meanwhile, the bytes are appended again to
   * the new file. Records must therefore be idempotent.
   */
  appendDurable(path: string, data: Uint8Array): Promise<void>;
  /**
   * The identity of `path` right after the last appendDurable to it returned, when known: its size
   * tells whether anything else was appended around those bytes (LogSet.appended).
   */
  lastAppend?(path: string): FileIdentity | undefined;
  /**
   * Temp file, fsync, check its size, rename over `path`, then fsync the folder: a reader sees old
   * or new, never half. `verify` runs on the temp file before the rename; if it throws, the temp
   * file is removed and `path` is left as it was.
   */
  writeAtomic(path: string, data: Uint8Array, opts?: WriteOptions): Promise<void>;
  /** Creates the file with `data` only if it does not exist yet; false when it already existed. */
  createExclusive(path: string, data: Uint8Array): Promise<boolean>;
  rename(from: string, to: string): Promise<void>;
  copy(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  list(dir: string): Promise<string[]>;
  identity(path: string): Promise<FileIdentity | undefined>;
  /** Creates the folder (mode 0700) and any missing parents. */
  mkdirp(dir: string): Promise<void>;
  /** Hex SHA-256 of the file, read in small pieces; undefined when it does not exist. */
  sha256?(path: string): Promise<string | undefined>;
  /** Bytes free for this user on the disk holding `dir`, when the platform can tell. */
  freeSpace?(dir: string): Promise<number | undefined>;
  /** From now on, refuse a link anywhere from `root` (the data folder) down, not only as a last component. */
  protect?(root: string): void;
  /** Releases any handles kept open between calls. */
  dispose?(): void;
}
