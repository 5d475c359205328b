// Trunk post_build hook (see Trunk.toml). In release builds, writes a strict
// Content-Security-Policy into index.html: everything from this origin only,
// WebAssembly allowed, and trunk's inline loader script allowed by its hash.
// Debug builds (make serve) are left alone: trunk's live-reload script would
// be blocked.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const file = join(process.env.TRUNK_STAGING_DIR, 'index.html');
let html = readFileSync(file, 'utf8');
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
