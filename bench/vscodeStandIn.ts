// A minimal stand-in for the `vscode` module, enough for an extension's activate() to run in plain
// Node so the start-up benchmark can time it. What activation touches behaves as in VS Code (events,
// disposables, URIs, settings with the manifest's defaults, mementos); anything else is a tolerant
// no-op, and every no-op member that was used is recorded so the benchmark can say so.
import * as fs from 'fs';
import * as path from 'path';

type Listener = (e: unknown) => unknown;
interface DisposableLike {
  dispose(): unknown;
}

/** Members of the stand-in that were only no-ops, e.g. "window.showWarningMessage()". */
export const noOpsUsed = new Set<string>();

/**
 * A callable, constructible object that accepts any member access, call or assignment and remembers
 * assigned values. It is never a thenable, so awaiting it does not hang.
 */
function tolerant(name: string): unknown {
  const assigned = new Map<PropertyKey, unknown>();
  const fn = function () {
    noOpsUsed.add(`${name}()`);
    return tolerant(`${name}()`);
  };
  return new Proxy(fn, {
    get(_target, prop) {
      if (assigned.has(prop)) return assigned.get(prop);
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      if (prop === 'dispose') return () => undefined;
      const member = tolerant(`${name}.${prop}`);
      assigned.set(prop, member);
      return member;
    },
    set(_target, prop, value) {
      assigned.set(prop, value);
      return true;
    },
    construct() {
      noOpsUsed.add(`new ${name}()`);
      return tolerant(`new ${name}`) as object;
    }
  });
}

/** Known members first; anything else falls through to a recorded no-op. */
function withFallback<T extends object>(name: string, known: T): T {
  return new Proxy(known, {
    get(target, prop, receiver) {
      if (prop in target || typeof prop === 'symbol' || prop === 'then' || prop.startsWith('__')) return Reflect.get(target, prop, receiver);
      const member = tolerant(`${name}.${prop}`);
      Reflect.set(target, prop, member);
      return member;
    }
  });
}

class Disposable {
  static from(...items: DisposableLike[]): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }
  constructor(private readonly callOnDispose: () => unknown) {}
  dispose(): void {
    this.callOnDispose();
  }
}

class EventEmitter {
  private listeners: Listener[] = [];
  readonly event = (listener: Listener, thisArg?: unknown, disposables?: DisposableLike[]): Disposable => {
    const bound: Listener = (e) => listener.call(thisArg, e);
    this.listeners.push(bound);
    const d = new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== bound)));
    disposables?.push(d);
    return d;
  };
  fire(e?: unknown): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

const noEvent = new EventEmitter().event;

class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query = '',
    readonly fragment = ''
  ) {}
  static file(p: string): Uri {
    return new Uri('file', '', path.resolve(p));
  }
  static parse(value: string): Uri {
    const u = new URL(value);
    return new Uri(u.protocol.replace(/:$/, ''), u.host, decodeURIComponent(u.pathname), u.search.replace(/^\?/, ''), u.hash.replace(/^#/, ''));
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return base.with({ path: path.posix.join(base.path, ...segments) });
  }
  static from(c: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(c.scheme, c.authority ?? '', c.path ?? '/', c.query, c.fragment);
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: Partial<Pick<Uri, 'scheme' | 'authority' | 'path' | 'query' | 'fragment'>>): Uri {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
  }
  toString(): string {
    return `${this.scheme}://${this.authority}${encodeURI(this.path)}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
  toJSON(): object {
    return { scheme: this.scheme, authority: this.authority, path: this.path };
  }
}

class Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
    return Promise.resolve();
  }
  setKeysForSync(): void {}
}

/** `moodDose.x` → default, from the manifest's contributes.configuration, as VS Code reads them. */
function manifestDefaults(extensionRoot: string): Map<string, unknown> {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionRoot, 'package.json'), 'utf8'));
  const sections = [manifest.contributes?.configuration ?? []].flat() as { properties?: Record<string, { default?: unknown }> }[];
  return new Map(sections.flatMap((s) => Object.entries(s.properties ?? {}).map(([key, p]) => [key, p.default] as const)));
}

function l10nT(message: string | { message: string; args?: unknown[] }, ...args: unknown[]): string {
  const text = typeof message === 'string' ? message : message.message;
  const values = typeof message === 'string' ? args : (message.args ?? []);
  return text.replace(/\{(\d+)\}/g, (whole, i: string) => (values[+i] === undefined ? whole : String(values[+i])));
}

const ok = <T>(value?: T) => Promise.resolve(value);

/**
 * Every top-level name of the real API (from @types/vscode). A bundle copies the module's own
 * properties when it imports it (esbuild's __toESM), so a name missing here would be undefined
 * rather than a recorded no-op.
 */
function apiNames(extensionRoot: string): string[] {
  const file = path.join(extensionRoot, 'node_modules', '@types', 'vscode', 'index.d.ts');
  if (!fs.existsSync(file)) return [];
  return [...fs.readFileSync(file, 'utf8').matchAll(/^\s*export (?:class|enum|namespace|const|let|function) (\w+)/gm)].map((m) => m[1]);
}

/** The `vscode` module an extension in `extensionRoot` sees, with one workspace folder open. */
export function createVscodeStandIn(extensionRoot: string, workspaceFolder: string): object {
  const defaults = manifestDefaults(extensionRoot);
  const configuration = (section?: string) =>
    withFallback('WorkspaceConfiguration', {
      get: (key: string, defaultValue?: unknown) => {
        const full = section ? `${section}.${key}` : key;
        return defaults.has(full) ? defaults.get(full) : defaultValue;
      },
      has: (key: string) => defaults.has(section ? `${section}.${key}` : key),
      inspect: () => undefined,
      update: () => ok()
    });
  const statusBarItem = (id?: string, alignment = 1, priority?: number) =>
    withFallback('StatusBarItem', { id, alignment, priority, text: '', show() {}, hide() {}, dispose() {} });
  const outputChannel = (name: string) =>
    withFallback('LogOutputChannel', {
      name,
      logLevel: 2,
      onDidChangeLogLevel: noEvent,
      ...Object.fromEntries(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace', 'clear', 'show', 'hide', 'dispose'].map((m) => [m, () => undefined]))
    });
  const watcher = () =>
    withFallback('FileSystemWatcher', { onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose() {} });
  const configChanged = new EventEmitter();
  const folderUri = Uri.file(workspaceFolder);
  const everyName = Object.fromEntries(apiNames(extensionRoot).map((n) => [n, tolerant(`vscode.${n}`)]));

  return withFallback('vscode', {
    ...everyName,
    version: '1.139.1',
    Disposable,
    EventEmitter,
    Uri,
    ThemeColor: class {
      constructor(readonly id: string) {}
    },
    ThemeIcon: class {
      constructor(readonly id: string) {}
    },
    MarkdownString: class {
      constructor(public value = '') {}
      appendText(t: string) {
        this.value += t;
        return this;
      }
      appendMarkdown(t: string) {
        this.value += t;
        return this;
      }
    },
    RelativePattern: class {
      constructor(
        readonly base: unknown,
        readonly pattern: string
      ) {}
    },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    QuickPickItemKind: { Separator: -1, Default: 0 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    l10n: withFallback('l10n', { t: l10nT, bundle: undefined, uri: undefined }),
    env: withFallback('env', { language: 'en', appName: 'Visual Studio Code', uiKind: 1, openExternal: () => ok(true) }),
    extensions: withFallback('extensions', { all: [], getExtension: () => undefined, onDidChange: noEvent }),
    commands: withFallback('commands', {
      registerCommand: () => new Disposable(() => undefined),
      executeCommand: () => ok(),
      getCommands: () => ok([])
    }),
    window: withFallback('window', {
      createStatusBarItem: (idOrAlignment?: string | number, alignmentOrPriority?: number, priority?: number) =>
        typeof idOrAlignment === 'string' ? statusBarItem(idOrAlignment, alignmentOrPriority, priority) : statusBarItem(undefined, idOrAlignment, alignmentOrPriority),
      createOutputChannel: outputChannel,
      registerWebviewViewProvider: () => new Disposable(() => undefined),
      setStatusBarMessage: () => new Disposable(() => undefined),
      showInformationMessage: () => ok(),
      showWarningMessage: () => ok(),
      showErrorMessage: () => ok(),
      onDidChangeWindowState: noEvent,
      onDidChangeActiveTextEditor: noEvent,
      state: { focused: true, active: true }
    }),
    workspace: withFallback('workspace', {
      workspaceFolders: [{ uri: folderUri, name: path.basename(workspaceFolder), index: 0 }],
      getWorkspaceFolder: () => undefined,
      getConfiguration: configuration,
      onDidChangeConfiguration: configChanged.event,
      onDidChangeWorkspaceFolders: noEvent,
      createFileSystemWatcher: watcher,
      isTrusted: true
    })
  });
}

/** The ExtensionContext activate() gets: fresh mementos, storage under `storageRoot`, production mode. */
export function createExtensionContext(extensionRoot: string, storageRoot: string): object {
  return withFallback('ExtensionContext', {
    subscriptions: [] as DisposableLike[],
    workspaceState: new Memento(),
    globalState: new Memento(),
    extensionPath: extensionRoot,
    extensionUri: Uri.file(extensionRoot),
    globalStorageUri: Uri.file(path.join(storageRoot, 'global')),
    storageUri: Uri.file(path.join(storageRoot, 'workspace')),
    logUri: Uri.file(path.join(storageRoot, 'logs')),
    extensionMode: 1,
    asAbsolutePath: (relative: string) => path.join(extensionRoot, relative)
  });
}
