// A stand-in host that runs inside the benchmark page itself, so the panel's first render is
// measured without the test harness's round trips through Playwright (VS Code's own postMessage
// between host and webview takes a few milliseconds). Loaded as the page's "standin" script.
import type { HostMessage, WebviewMessage } from '../src/webviews/protocol';
import { FakeHost, manyEntries } from '../tools/browser/fakeHost';

const src = (document.currentScript as HTMLScriptElement).src;
const n = Number(new URL(src).searchParams.get('n') ?? '1000');
const host = new FakeHost(manyEntries(n));
const w = window as unknown as { acquireVsCodeApi: () => unknown; __firstRenderAt?: number };
const reply = (m: HostMessage | undefined) => m && setTimeout(() => window.postMessage(m, '*'), 0);
w.acquireVsCodeApi = () => ({
  postMessage: (m: WebviewMessage) => {
    if (m.type === 'rendered' && m.rows.length > 0 && w.__firstRenderAt === undefined) w.__firstRenderAt = performance.now();
    reply(host.handle(m, { send: async (e) => void reply(e as HostMessage) }));
  },
  getState: () => undefined,
  setState: () => undefined
});
