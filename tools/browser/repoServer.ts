// A local HTTP server for the browser pages of tests and benchmarks: fixed pages by path, everything
// else straight from the repository (bundles, CSS, fonts), so pages load under a real origin and a real CSP.
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.html': 'text/html' };

/** The repository root: the nearest folder above this bundle with node_modules (bundles live at different depths). */
export const REPO_ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'node_modules', 'playwright-core')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

export interface RepoServer {
  origin: string;
  close(): Promise<void>;
}

/** `pages` answers a path with [content type, body], or undefined to serve the file under `root`. */
export async function serveRepo(root: string, pages: (url: URL) => [string, string] | undefined): Promise<RepoServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    const page = pages(url);
    if (page) return void res.writeHead(200, { 'content-type': page[0] }).end(page[1]);
    const file = path.join(root, path.normalize(url.pathname));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  };
}
