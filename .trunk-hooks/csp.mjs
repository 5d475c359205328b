// Trunk post_build hook (see Trunk.toml).
// 1. (every build) The sections fetched on demand (src/bundles.rs): index.html
//    names each in <meta name="section" content="NAME /prefix …">, and trunk
//    builds each like a worker (NAME.js and NAME_bg.wasm, neither preloaded nor
//    injected). Trunk's inline loader, which always starts the drafting app, is
//    replaced by one that starts the bundle serving the page's address (the
//    rule of bundles::serving: whole path segments, first section listed
//    wins), and trunk's preloads of the drafting app go, so that opening a
//    section's address does not also download the drafting app.
// In release builds only:
// 2. gives the PDF worker's files (trunk names them pdf_worker.js,
//    pdf_worker_bg.wasm and pdf_worker_loader.js, without a hash) and the
//    sections' files a content hash in their names, so a new version is never
//    served from a stale cache, and names the worker's loader in
//    <meta name="pdf-worker">, where the app looks for it
//    (src/ui/pdf_client.rs) on the first export;
// 3. writes a strict Content-Security-Policy into index.html: everything from
//    this origin only, WebAssembly allowed, workers from this origin, and
//    the inline loader script allowed by its hash.
// 4. fills the service worker's file list (assets/sw.js, copied as sw.js):
//    every file of the build with its content hash, and a version string
//    hashed from that list and the worker's code, so each build is a new
//    worker; and names the worker in <meta name="service-worker">, where the
//    app looks for it (src/ui/offline.rs) before registering it.
// Debug builds (make serve) get no hashes and no policy: trunk's live-reload
// script would be blocked, and the app falls back to the unhashed worker loader.
// Nor a file list: their service worker removes itself (assets/sw.js).
// (One script for all: trunk runs the hooks of a stage concurrently.)
import { readFileSync, writeFileSync, renameSync, existsSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const release = process.env.TRUNK_PROFILE === 'release';
const staging = process.env.TRUNK_STAGING_DIR;
const file = join(staging, 'index.html');
let html = readFileSync(file, 'utf8');
const publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
const fail = (why) => {
  console.error(`csp hook: ${why}`);
  process.exit(1);
};

// Renames NAME.js and NAME_bg.wasm to NAME-HASH.js and NAME-HASH_bg.wasm (and
// the JS's own mention of its wasm); returns the new base name.
function hashNames(name) {
  const [js, wasm] = ['.js', '_bg.wasm'].map((s) => join(staging, name + s));
  const hash = createHash('sha256').update(readFileSync(js)).update(readFileSync(wasm)).digest('hex').slice(0, 16);
  const base = `${name}-${hash}`;
  const jsText = readFileSync(js, 'utf8');
  if (!jsText.includes(`${name}_bg.wasm`)) fail(`${name}.js does not name its wasm as expected; check the trunk version`);
  writeFileSync(js, jsText.replaceAll(`${name}_bg.wasm`, `${base}_bg.wasm`));
  renameSync(js, join(staging, `${base}.js`));
  renameSync(wasm, join(staging, `${base}_bg.wasm`));
  return base;
}

// 1. The sections and the loader.
const trunkLoader = /<script type="module">\s*import init, \* as bindings from '([^']+)\.js';[\s\S]*?<\/script>/;
const found = html.match(trunkLoader);
if (found) {
  const sections = [...html.matchAll(/<meta name="section" content="([^"]+)"/g)].map((m) => {
    const [name, ...prefixes] = m[1].trim().split(/\s+/);
    for (const s of ['.js', '_bg.wasm']) {
      if (!existsSync(join(staging, name + s))) fail(`${name + s} is missing; check the section's link in index.html`);
    }
    const base = release ? hashNames(name) : name;
    return [publicUrl + base, prefixes.map((p) => p.replace(/\/+$/, ''))];
  });
  const loader = `<script type="module">
const sections = ${JSON.stringify(sections)};
const path = location.pathname;
const hit = sections.find(([, prefixes]) => prefixes.some((p) => path === p || path.startsWith(p + '/')));
const base = hit ? hit[0] : ${JSON.stringify(found[1])};
const bindings = await import(base + '.js');
const wasm = await bindings.default({ module_or_path: base + '_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>`;
  html = html.replace(trunkLoader, loader);
  html = html.replace(/<link rel="modulepreload" href="[^"]*"[^>]*>/g, '').replace(/<link rel="preload" href="[^"]*\.wasm"[^>]*>/g, '');
  writeFileSync(file, html);
  console.log(`csp hook: loader picks among the drafting app and ${sections.length} section(s)`);
} else if (!html.includes('const sections = ')) {
  fail("trunk's inline loader script was not found in index.html; check the trunk version");
}

// 1b. (every build) printpdf links a colour profile, Coated FOGRA39 (654,352
//    bytes; 442 KB of the PDF worker's 1.58 MB brotli), that it writes only
//    into PDF/X files (`PdfConformance::must_have_icc_profile`); the app's
//    PDFs use the default conformance, which has none, so the profile's bytes
//    are never read. They are zeroed here, in the worker's wasm only, found by
//    the ICC header's length and signature and checked against the profile's
//    SHA-256; a build whose worker does not hold exactly one copy fails, so a
//    printpdf upgrade cannot silently change what is zeroed. Every export test
//    runs on the zeroed worker (tests/e2e, and `make bench`'s PDF figures).
const ICC = { bytes: 654352, sha256: 'da2b9b593e27cba2563cbc8596071c5c8f2395d3dbb4434538bac2bc9d58ce77' };
// printpdf's src/res/CoatedFOGRA39.icc.LICENSE.txt: its length, where its
// heading starts in it, its SHA-256.
const ICC_LICENCE = { bytes: 20020, offset: 24, sha256: 'e7d0afecd46efb5e6abb05bb70b1e3b5ffb52e5c0e24b5994ef11be3e49ce8dd' };
function zeroColourProfile(path) {
  const wasm = readFileSync(path);
  const signature = Buffer.from('acsp'); // at byte 36 of every ICC profile
  let zeroed = 0;
  for (let at = wasm.indexOf(signature); at >= 0; at = wasm.indexOf(signature, at + 1)) {
    const start = at - 36;
    if (start < 0 || start + ICC.bytes > wasm.length || wasm.readUInt32BE(start) !== ICC.bytes) continue;
    const profile = wasm.subarray(start, start + ICC.bytes);
    if (createHash('sha256').update(profile).digest('hex') !== ICC.sha256) continue;
    profile.fill(0);
    zeroed += 1;
  }
  if (zeroed !== 1) fail(`expected one copy of printpdf's colour profile in ${path}, found ${zeroed}; check the printpdf version`);
  // The profile's licence (its text is written only beside the profile, in
  // the same PDF/X branch), found by its heading and checked the same way.
  const heading = Buffer.from('ADOBE SYSTEMS INCORPORATED');
  let licences = 0;
  for (let at = wasm.indexOf(heading); at >= 0; at = wasm.indexOf(heading, at + 1)) {
    const start = at - ICC_LICENCE.offset;
    if (start < 0 || start + ICC_LICENCE.bytes > wasm.length) continue;
    const text = wasm.subarray(start, start + ICC_LICENCE.bytes);
    if (createHash('sha256').update(text).digest('hex') !== ICC_LICENCE.sha256) continue;
    text.fill(0);
    licences += 1;
  }
  if (licences !== 1) fail(`expected one copy of the colour profile's licence in ${path}, found ${licences}; check the printpdf version`);
  writeFileSync(path, wasm);
  console.log('csp hook: the PDF worker\'s unused colour profile and its licence zeroed');
}
const workerWasm = join(staging, 'pdf_worker_bg.wasm');
if (existsSync(workerWasm)) zeroColourProfile(workerWasm);

if (!release) process.exit(0);

// 1c. (release) printpdf, built for wasm, exports a JavaScript API of its own
//    (Pdf_BytesToDocumentSync, Pdf_PageToSvgSync, Pdf_HtmlToDocumentSync, …:
//    PDF reading and decryption, SVG drawing, HTML layout) that the app never
//    calls; exported, none of it could be left out by the linker. Binaryen's
//    wasm-metadce (.trunk-hooks/package.json, installed by `make setup-node`)
//    removes those exports and everything only they reach; every other export
//    stays. Measured on the worker: 1.14 MB → 0.83 MB brotli.
const workerWasmRelease = join(staging, 'pdf_worker_bg.wasm');
if (existsSync(workerWasmRelease)) {
  const here = new URL('.', import.meta.url).pathname;
  const metadce = join(here, 'node_modules', 'binaryen', 'bin', 'wasm-metadce');
  if (!existsSync(metadce)) fail(`${metadce} is missing: run make setup-node`);
  const before = statSync(workerWasmRelease).size;
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(workerWasmRelease)));
  const dropped = exports.filter((e) => /^Pdf_/.test(e.name)).map((e) => e.name);
  const graph = exports.filter((e) => !dropped.includes(e.name)).map((e) => ({ name: `export:${e.name}`, export: e.name, root: true }));
  const graphFile = join(staging, 'pdf_worker_roots.json');
  writeFileSync(graphFile, JSON.stringify(graph));
  const run = spawnSync(process.execPath, [metadce, workerWasmRelease, '--graph-file', graphFile, '-o', workerWasmRelease,
    // What the wasm uses (strip removed its target_features section).
    '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  unlinkSync(graphFile);
  if (run.status !== 0) fail(`wasm-metadce failed on the PDF worker: ${run.stderr || run.error}`);
  console.log(`csp hook: the PDF worker without printpdf's JavaScript API (${dropped.length} exports): ${before} → ${statSync(workerWasmRelease).size} B`);
}

// 2. The worker's file names.
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
  const meta = `<meta name="pdf-worker" content="${publicUrl}${base}_loader.js" />`;
  html = html.replace('</head>', `  ${meta}\n  </head>`);
  writeFileSync(file, html);
  console.log(`csp hook: worker files named ${base}*`);
}

// 3. The Content-Security-Policy.
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
if (!html.includes('http-equiv="Content-Security-Policy"')) {
  const charset = /<meta charset="utf-8"\s*\/?>/i;
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  html = charset.test(html) ? html.replace(charset, (m) => `${m}\n    ${tag}`) : html.replace('<head>', `<head>\n    ${tag}`);
  writeFileSync(file, html);
  console.log(`csp hook: policy written with ${hashes.length} script hash(es)`);
}

// 4. The service worker's file list. Core: the page (cached under the site's
// root address, which every host serves), its CSS, the drafting app, the
// manifest and the icons; extra: everything else (the sections, the PDF
// worker, the fonts, and any file a later change adds to the build).
const SW = 'sw.js';
const swFile = join(staging, SW);
if (!existsSync(swFile)) fail(`${SW} is missing; check its copy-file link in index.html`);
const PLACEHOLDER = "'__PRECACHE_MANIFEST__'";
const swText = readFileSync(swFile, 'utf8');
if (swText.includes(PLACEHOLDER)) {
  if (!html.includes('name="service-worker"')) {
    html = html.replace('</head>', `  <meta name="service-worker" content="${publicUrl}${SW}" />\n  </head>`);
    writeFileSync(file, html);
  }
  const app = html.match(/const base = hit \? hit\[0\] : "([^"]+)";/)?.[1];
  if (!app) fail("the loader's drafting app was not found in index.html");
  const revision = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const core = [];
  const extra = [];
  let coreBytes = 0;
  let extraBytes = 0;
  const names = readdirSync(staging, { recursive: true }).map(String).map((n) => n.split('\\').join('/'));
  for (const name of names.sort()) {
    if (name === SW || !statSync(join(staging, name)).isFile()) continue;
    const bytes = readFileSync(join(staging, name));
    const url = name === 'index.html' ? publicUrl : publicUrl + name;
    const isCore = name === 'index.html' || name.endsWith('.css') || name === 'manifest.webmanifest'
      || name.startsWith('icons/') || url === `${app}.js` || url === `${app}_bg.wasm`;
    (isCore ? core : extra).push([url, revision(bytes)]);
    if (isCore) coreBytes += bytes.length; else extraBytes += bytes.length;
  }
  // The worker's own code counts too: a change to it alone is a new version.
  const version = revision(JSON.stringify([core, extra]) + swText);
  writeFileSync(swFile, swText.replace(PLACEHOLDER, JSON.stringify({ version, core, extra })));
  console.log(`csp hook: service worker ${version}: ${core.length} core file(s), ${coreBytes} B; ${extra.length} more, ${extraBytes} B`);
}
