// The bench's own loopback server for the release build (dist/), as a static
// host would serve it: every file brotli-compressed (quality 11, compressed
// once per file and kept), `content-encoding: br`; content-hashed files cached
// for a year, the rest revalidated; paths without an extension get index.html
// (one URL per page, like tests/e2e/server.mjs). `/__bench/blank` is an empty
// page of the same origin where the bench can put a draft into storage without
// starting the app.
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
// trunk's and the post-build hook's content hashes: `name-0123456789abcdef.ext`
// (a 64-bit hash in hex, without leading zeros).
const HASHED = /-[0-9a-f]{12,16}(_bg|_loader)?\.[a-z0-9]+$/;
export const BLANK = '/__bench/blank';

/**
 * Serves `distDir` on 127.0.0.1 (`port` 0: any free one). Returns the server,
 * its origin and `sent` (per path, how many brotli bytes went out).
 */
export async function serve(distDir, port = 0) {
  const root = resolve(distDir);
  const cache = new Map(); // file → { mtime, body }
  const sent = new Map();
  const compressed = async (file, info) => {
    const hit = cache.get(file);
    if (hit && hit.mtime === info.mtimeMs) return hit.body;
    const body = brotliCompressSync(await readFile(file), {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: info.size,
      },
    });
    cache.set(file, { mtime: info.mtimeMs, body });
    return body;
  };
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      if (url.pathname === BLANK) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end('<!doctype html><html lang="es-MX"><title>bench</title><link rel="icon" href="data:,">');
        return;
      }
      const path = normalize(decodeURIComponent(url.pathname));
      if (path.includes('..')) throw new Error('bad path');
      let file = join(root, path);
      let info = await stat(file).catch(() => null);
      if (!info || info.isDirectory()) {
        if (extname(path) && !info) {
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
          return;
        }
        file = join(root, 'index.html');
        info = await stat(file);
      }
      const body = await compressed(file, info);
      sent.set(url.pathname, (sent.get(url.pathname) ?? 0) + body.length);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-encoding': 'br',
        'content-length': body.length,
        vary: 'accept-encoding',
        'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(500).end('error');
    }
  });
  // Compress every file before the first request, so that no measured load
  // waits for the compressor.
  for (const name of await readdir(root, { recursive: true })) {
    const file = join(root, name);
    const info = await stat(file);
    if (info.isFile()) await compressed(file, info);
  }
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address();
  return { server, origin: `http://127.0.0.1:${actual}`, sent };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 8080);
  const { origin } = await serve(dir, port);
  console.log(`Serving ${dir} with brotli on ${origin}`);
}
