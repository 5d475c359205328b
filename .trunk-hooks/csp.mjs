// Trunk post_build hook (see Trunk.toml). In release builds:
// 1. gives the PDF worker's files (trunk names them pdf_worker.js,
//    pdf_worker_bg.wasm and pdf_worker_loader.js, without a hash) a content
//    hash in their names, so a new version is never served from a stale cache,
//    and names the loader in <meta name="pdf-worker">, where the app looks for
//    it (src/ui/pdf_client.rs) on the first export;
// 2. writes a strict Content-Security-Policy into index.html: everything from
//    this origin only, WebAssembly allowed, workers from this origin, and
//    trunk's inline loader script allowed by its hash.
// Debug builds (make serve) are left alone: trunk's live-reload script would
// be blocked, and the app falls back to the unhashed worker loader.
// (One script for both: trunk runs the hooks of a stage concurrently.)
import { readFileSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const staging = process.env.TRUNK_STAGING_DIR;
const file = join(staging, 'index.html');
let html = readFileSync(file, 'utf8');

// 1. The worker's file names.
const WORKER = 'pdf_worker';
const [js, wasm, loader] = ['.js', '_bg.wasm', '_loader.js'].map((s) => join(staging, WORKER + s));
if (!html.includes('name="pdf-worker"')) {
  for (const f of [js, wasm, loader]) {
    if (!existsSync(f)) {
      console.error(`csp hook: ${f} is missing; check the worker link in index.html`);
      process.exit(1);
    }
  }
  const hash = createHash('sha256').update(readFileSync(js)).update(readFileSync(wasm)).digest('hex').slice(0, 16);
  const base = `${WORKER}-${hash}`;
  const jsText = readFileSync(js, 'utf8');
  const loaderText = readFileSync(loader, 'utf8');
  if (!jsText.includes(`${WORKER}_bg.wasm`) || !loaderText.includes(`./${WORKER}.js`)) {
    console.error('csp hook: the worker files do not name each other as expected; check the trunk version');
    process.exit(1);
  }
  writeFileSync(js, jsText.replaceAll(`${WORKER}_bg.wasm`, `${base}_bg.wasm`));
  writeFileSync(loader, loaderText.replaceAll(`./${WORKER}.js`, `./${base}.js`));
  renameSync(js, join(staging, `${base}.js`));
  renameSync(wasm, join(staging, `${base}_bg.wasm`));
  renameSync(loader, join(staging, `${base}_loader.js`));
  const publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
  const meta = `<meta name="pdf-worker" content="${publicUrl}${base}_loader.js" />`;
  html = html.replace('</head>', `  ${meta}\n  </head>`);
  writeFileSync(file, html);
  console.log(`csp hook: worker files named ${base}*`);
}

// 2. The Content-Security-Policy.
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) {
  console.error('csp hook: no inline loader script found in index.html; check the trunk version');
  process.exit(1);
}
const hashes = inline.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
if (html.includes('http-equiv="Content-Security-Policy"')) process.exit(0);
const charset = /<meta charset="utf-8"\s*\/?>/i;
const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
html = charset.test(html) ? html.replace(charset, (m) => `${m}\n    ${tag}`) : html.replace('<head>', `<head>\n    ${tag}`);
writeFileSync(file, html);
console.log(`csp hook: policy written with ${hashes.length} script hash(es)`);
