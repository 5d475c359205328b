// A minimal static server for the release build (dist/), on loopback only.
// Unknown paths without a file extension get index.html (one URL per page).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

export async function serve(distDir, port = 0) {
  const root = resolve(distDir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let path = normalize(decodeURIComponent(url.pathname));
      if (path.includes('..')) throw new Error('bad path');
      let file = join(root, path);
      let info = await stat(file).catch(() => null);
      if (!info || info.isDirectory()) {
        if (extname(path) && !info) {
          res.writeHead(404).end('not found');
          return;
        }
        file = join(root, 'index.html');
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(500).end('error');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address();
  return { server, origin: `http://127.0.0.1:${actual}` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '../../dist';
  const port = Number(process.argv[3] ?? 8080);
  const { origin } = await serve(dir, port);
  console.log(`Serving ${dir} on ${origin}`);
}
