// A small HTTP endpoint on 127.0.0.1 that lets integration tests running inside VS Code press real
// keys and click real buttons in the workbench page (through Playwright), so UI flows are tested
// the way a user drives them. Tests find it through the MOOD_DOSE_HARNESS environment variable.
const http = require('http');
const { webviewFrame } = require('../../tools/codeServer/workbench');

const EXTENSION_ID = 'mood-dose.mood-dose-journal';

// Runs in the page: what a user can read under `root` (its text) or hear (the labels a screen
// reader speaks), shadow roots included.
function readableWords(root) {
  const out = [root.innerText];
  const visit = (node) => {
    for (const el of node.querySelectorAll('*')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-valuetext']) {
        const v = el.getAttribute(name);
        if (v) out.push(v);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return out;
}

function startKeyServer() {
  let page;
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const reply = (status, value) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    try {
      if (!page) return reply(503, { error: 'the workbench page is not open yet' });
      const args = body ? JSON.parse(body) : {};
      switch (req.url) {
        case '/press':
          await page.keyboard.press(args.key);
          return reply(200, { ok: true });
        case '/type':
          await page.keyboard.type(args.text, { delay: 20 });
          return reply(200, { ok: true });
        case '/text': {
          // The visible text of the first element matching the selector, once it is visible.
          const el = page.locator(args.selector).first();
          await el.waitFor({ state: 'visible', timeout: args.timeoutMs ?? 10_000 });
          return reply(200, { text: await el.innerText() });
        }
        case '/click': {
          const button = page.locator(args.selector, { hasText: args.text }).first();
          await button.click({ timeout: args.timeoutMs ?? 10_000 });
          return reply(200, { ok: true });
        }
        case '/statusItem': {
          // A status bar item's label as the extension set it: codicons back as $(name).
          const el = page.locator(`[id="${args.id}"]`).first();
          await el.waitFor({ state: 'visible', timeout: args.timeoutMs ?? 10_000 });
          const text = await el.evaluate((root) => {
            const walk = (node) =>
              node.nodeType === Node.TEXT_NODE
                ? node.textContent
                : [...node.classList].find((c) => c.startsWith('codicon-'))
                  ? `$(${[...node.classList].find((c) => c.startsWith('codicon-')).slice('codicon-'.length)})`
                  : [...node.childNodes].map(walk).join('');
            return walk(root).replace(/\s+/g, ' ').trim();
          });
          return reply(200, { text });
        }
        case '/browserStorage': {
          // Every entry of the page's IndexedDB databases, as text: code-server's workbench keeps
          // VS Code's state (the extensions' mementos among it) there rather than in state.vscdb.
          const entries = await page.evaluate(async () => {
            const done = (request) => new Promise((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));
            const text = (v) => (typeof v === 'string' ? v : v instanceof Uint8Array || v instanceof ArrayBuffer ? new TextDecoder().decode(v) : JSON.stringify(v));
            const out = [];
            for (const info of await indexedDB.databases()) {
              const db = await done(indexedDB.open(info.name));
              try {
                for (const name of db.objectStoreNames) {
                  const store = db.transaction(name, 'readonly').objectStore(name);
                  const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
                  keys.forEach((k, i) => out.push({ db: `${info.name}/${name}`, key: String(k), value: text(values[i]) }));
                }
              } finally {
                db.close();
              }
            }
            return out;
          });
          return reply(200, { entries });
        }
        // The same inside the extension's visible webview (the journal panel).
        case '/webview/click':
          await webviewFrame(page, EXTENSION_ID).locator(args.selector).first().click({ timeout: args.timeoutMs ?? 15_000 });
          return reply(200, { ok: true });
        case '/webview/fill':
          await webviewFrame(page, EXTENSION_ID).locator(args.selector).first().fill(args.value, { timeout: args.timeoutMs ?? 15_000 });
          return reply(200, { ok: true });
        case '/webview/text': {
          const el = webviewFrame(page, EXTENSION_ID).locator(args.selector).first();
          await el.waitFor({ state: 'visible', timeout: args.timeoutMs ?? 15_000 });
          return reply(200, { text: await el.innerText() });
        }
        case '/webview/texts': {
          // The text of every element matching the selector, whitespace folded (the panel's rows).
          const texts = await webviewFrame(page, EXTENSION_ID).locator(args.selector).evaluateAll((els) => els.map((e) => (e.textContent || '').replace(/\s+/g, ' ').trim()));
          return reply(200, { texts });
        }
        case '/words': {
          // What a user reads or hears in the first visible element matching the selector.
          const el = page.locator(args.selector).first();
          await el.waitFor({ state: 'visible', timeout: args.timeoutMs ?? 10_000 });
          return reply(200, { words: await el.evaluate(readableWords) });
        }
        case '/webview/words': {
          // The same for each visible webview of the extension, by kind: 'view' (a view such as
          // the Journal view, whose iframe says purpose=webviewView) or 'editor' (the dashboard).
          const frames = page.locator(`iframe.webview.ready[src*="extensionId=${EXTENSION_ID}"]`);
          const views = [];
          for (let i = 0; i < (await frames.count()); i++) {
            const frame = frames.nth(i);
            if (!(await frame.isVisible())) continue;
            const kind = /[?&]purpose=webviewView\b/.test((await frame.getAttribute('src')) || '') ? 'view' : 'editor';
            const words = await frame
              .contentFrame()
              .locator('#active-frame')
              .contentFrame()
              .locator('body')
              .evaluate(readableWords);
            views.push({ kind, words });
          }
          return reply(200, { views });
        }
        default:
          return reply(404, { error: `unknown action ${req.url}` });
      }
    } catch (e) {
      return reply(500, { error: String(e && e.message ? e.message : e) });
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        attach: (p) => (page = p),
        close: () => new Promise((r) => server.close(r))
      });
    });
  });
}

module.exports = { startKeyServer };
