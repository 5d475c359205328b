// `make bench`: the PDF export in headless Chromium against two peers on the same
// content, and the first-load transfer with and without the PDF engine. Prints
// figures; asserts nothing.
//
// Usage: node tests/bench/pdf-browser.mjs BENCH_DIR
//   BENCH_DIR holds bench-job.json (what the review page sends the worker: the
//   plan's document, built in the page, and the draft) and bench-draft.json, written by
//   `cargo run --example bench_plan -- BENCH_DIR` (the benchmark plan of
//   tests/bench/plan.rs: 15 commitments × 4 key actions × 4 activities).
// Needs the release build in dist/ and tests/e2e's node_modules (npm ci).
//
// Measured, each as the median of 7 runs after 1 warm-up:
//   ours     the app's PDF worker: request posted → PDF bytes back (layout + PDF);
//   jsPDF    jsPDF drawing our very layout (the worker's laid-out pages as JSON:
//            the same text runs, fonts, sizes, positions and rectangles) with the
//            same embedded TrueType faces (assets/fonts), from `new jsPDF()` to
//            the saved bytes, on the page's main thread;
//   Chromium page.pdf() of our print view /plan/imprimir with the plan loaded
//            (the same export document rendered as HTML, printed by the browser);
// and our worker's progress report (informe de avance) of the same plan's
// latest of 8 rounds, every key action and activity reported in each
// (bench-progress-job.json), with its pages and bytes.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, ready, DIST } from '../e2e/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = process.argv[2] ?? join(here, '..', '..', 'target', 'bench');
const RUNS = 7;
const require = createRequire(join(here, '..', 'e2e', 'package.json'));
const jspdfPath = require.resolve('jspdf/dist/jspdf.umd.min.js');
const jspdfVersion = JSON.parse(readFileSync(require.resolve('jspdf/package.json'), 'utf8')).version;

const fontsDir = join(here, '..', '..', 'assets', 'fonts');
const fonts = {
  normal: readFileSync(join(fontsDir, 'PlanLocalSans-Regular.ttf')).toString('base64'),
  bold: readFileSync(join(fontsDir, 'PlanLocalSans-Bold.ttf')).toString('base64'),
};
const jobJson = readFileSync(join(benchDir, 'bench-job.json'), 'utf8');
const draftJson = readFileSync(join(benchDir, 'bench-draft.json'), 'utf8');
const progressJson = readFileSync(join(benchDir, 'bench-progress-job.json'), 'utf8');
const layoutJob = JSON.stringify({ ...JSON.parse(jobJson), output: 'layout' });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const brotli = (file) => execFileSync('brotli', ['-c', '-q', '11', file], { maxBuffer: 1 << 28 }).length;
const pages = (file) => Number(execFileSync('pdfinfo', [file]).toString().match(/Pages:\s+(\d+)/)[1]);

// ---- first-load transfer --------------------------------------------------------
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
// The first load is what the browser fetches to show `/plan` (counted from
// its requests below): index.html, the styles, the drafting app's JS and wasm.
// The sections fetched on demand (src/bundles.rs) are listed apart.
const sections = [...html.matchAll(/<meta name="section" content="([^"]+)"/g)].map((m) => m[1].trim().split(/\s+/));
const loader = html.match(/<meta name="pdf-worker" content="\/([^"]+)"/)?.[1];
if (!loader) throw new Error('dist/index.html names no PDF worker: build the release first (make build-release)');
const workerBase = loader.replace(/_loader\.js$/, '');
const workerFiles = [loader, `${workerBase}.js`, `${workerBase}_bg.wasm`];

// ---- browser runs ---------------------------------------------------------------
const s = await startSession();
const { page, origin } = s;
const requested = [];
page.on('request', (r) => requested.push(r.url()));
await page.goto(origin + '/plan');
await ready(page);
await page.waitForTimeout(500);
const firstLoad = [...new Set(requested
  .filter((u) => u.startsWith(origin + '/'))
  .map((u) => new URL(u).pathname.replace(/^\//, '') || 'index.html')
  .map((f) => (f === 'plan' ? 'index.html' : f)))];
await page.evaluate((d) => localStorage.setItem('plan-local-ga/borrador', d), draftJson);
await page.reload();
await ready(page);
await page.waitForTimeout(500);
// What the page load requested (the print view opened below is a section of its own).
const atLoad = [...requested];
const workerAtLoad = atLoad.filter((u) => u.includes('pdf_worker'));

// (a) ours: a worker from the same URL the app uses, the same message protocol
//     (its fonts fetched and handed over as the app does).
const inWorker = (job) => page.evaluate(async ({ job, runs }) => {
  const url = document.querySelector('meta[name="pdf-worker"]').content;
  const t0 = performance.now();
  const worker = new Worker(url, { type: 'module' });
  // As the app does: the font files fetched while the worker loads, then sent.
  const dir = url.slice(0, url.lastIndexOf('/'));
  const fonts = Promise.all(['PlanLocalSans-Regular.ttf', 'PlanLocalSans-Bold.ttf']
    .map((f) => fetch(`${dir}/${f}`).then((r) => r.arrayBuffer())));
  await new Promise((ok, fail) => {
    worker.onmessage = (e) => e.data?.ready && ok();
    worker.onerror = (e) => fail(new Error('worker failed: ' + e.message));
  });
  const buffers = await fonts;
  worker.postMessage({ fonts: buffers }, buffers);
  const start = performance.now() - t0;
  let id = 0;
  const ask = (j) => new Promise((ok, fail) => {
    const me = ++id;
    worker.onmessage = (e) => {
      if (e.data.id !== me) return;
      if (e.data.ok) ok(e.data); else fail(new Error(e.data.error));
    };
    worker.postMessage({ id: me, job: j });
  });
  const total = [];
  const inside = [];
  let last;
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    last = await ask(job);
    if (i > 0) { total.push(performance.now() - t); inside.push(last.ms); }
  }
  const bytes = new Uint8Array(last.pdf);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  worker.terminate();
  return { start, total, inside, pdf: btoa(bin) };
}, { job, runs: RUNS });
const ours = await inWorker(jobJson);
// The progress report of the latest of 8 rounds, in the same way.
const progress = await inWorker(progressJson);

// The laid-out pages, for jsPDF (and the layout alone, timed inside the worker).
const laid = await page.evaluate(async ({ job, runs }) => {
  const url = document.querySelector('meta[name="pdf-worker"]').content;
  const worker = new Worker(url, { type: 'module' });
  await new Promise((ok) => { worker.onmessage = (e) => e.data?.ready && ok(); });
  const ms = [];
  let last;
  for (let i = 0; i <= runs; i++) {
    last = await new Promise((ok, fail) => {
      worker.onmessage = (e) => (e.data.ok ? ok(e.data) : fail(new Error(e.data.error)));
      worker.postMessage({ id: i + 1, job });
    });
    if (i > 0) ms.push(last.ms);
  }
  worker.terminate();
  return { json: last.layout, ms };
}, { job: layoutJob, runs: RUNS });

// (b) jsPDF drawing the same layout, on the main thread.
await page.evaluate(readFileSync(jspdfPath, 'utf8'));
const peer = await page.evaluate(({ json, runs, fonts }) => {
  const laid = JSON.parse(json);
  const { jsPDF } = window.jspdf;
  const draw = () => {
    const doc = new jsPDF({ unit: 'pt', format: [laid.width, laid.height], compress: true });
    for (const [style, data] of Object.entries(fonts)) {
      doc.addFileToVFS(`PlanLocalSans-${style}.ttf`, data);
      doc.addFont(`PlanLocalSans-${style}.ttf`, 'PlanLocalSans', style);
    }
    laid.pages.forEach((items, n) => {
      if (n > 0) doc.addPage([laid.width, laid.height]);
      for (const it of items) {
        if (it.t === 'rect') {
          doc.setFillColor(it.color);
          doc.rect(it.x, laid.height - it.y - it.h, it.w, it.h, 'F');
        } else {
          doc.setFont('PlanLocalSans', it.bold ? 'bold' : 'normal');
          doc.setFontSize(it.size);
          doc.setTextColor(it.color);
          doc.text(it.text, it.x, laid.height - it.y, { baseline: 'alphabetic' });
        }
      }
    });
    return doc.output('arraybuffer');
  };
  draw();
  const ms = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    out = draw();
    ms.push(performance.now() - t);
  }
  const bytes = new Uint8Array(out);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { ms, pdf: btoa(bin) };
}, { json: laid.json, runs: RUNS, fonts });

// (c) Chromium's print-to-PDF of the print view.
const t0 = Date.now();
await page.goto(origin + '/plan/imprimir');
await ready(page);
await page.waitForSelector('article.print-doc');
const printViewLoad = Date.now() - t0;
await page.pdf({ format: 'Letter' });
const chromium = [];
let chromiumPdf;
for (let i = 0; i < RUNS; i++) {
  const t = Date.now();
  chromiumPdf = await page.pdf({ format: 'Letter' });
  chromium.push(Date.now() - t);
}
const errors = [...s.consoleErrors];
await endSession(s);

// ---- report ---------------------------------------------------------------------
const out = join(benchDir, 'pdf');
mkdirSync(out, { recursive: true });
const files = {
  ours: join(out, 'ours.pdf'),
  jspdf: join(out, 'jspdf.pdf'),
  chromium: join(out, 'chromium.pdf'),
  progress: join(out, 'informe-de-avance.pdf'),
};
writeFileSync(files.ours, Buffer.from(ours.pdf, 'base64'));
writeFileSync(files.jspdf, Buffer.from(peer.pdf, 'base64'));
writeFileSync(files.chromium, chromiumPdf);
writeFileSync(files.progress, Buffer.from(progress.pdf, 'base64'));
const size = (f) => readFileSync(f).length;
const ms = (x) => `${x.toFixed(0).padStart(6)} ms`;
const row = (name, xs, file) => console.log(
  `  ${name.padEnd(52)} ${ms(median(xs))} ${ms(Math.min(...xs))} ${ms(Math.max(...xs))} ${String(pages(file)).padStart(6)} ${String(size(file)).padStart(9)}`,
);

const plan = JSON.parse(JSON.parse(jobJson).draft).plan;
const ka = plan.commitments.reduce((n, c) => n + c.key_actions.length, 0);
const acts = plan.commitments.reduce((n, c) => n + c.key_actions.reduce((m, k) => m + k.activities.length, 0), 0);
console.log(`PDF export of the benchmark plan (${plan.commitments.length} commitments, ${ka} key actions, ${acts} activities),`);
console.log(`headless Chromium (${execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()}), release build, median of ${RUNS} after 1 warm-up:`);
console.log(`  ${''.padEnd(52)} ${'median'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)} ${'pages'.padStart(6)} ${'bytes'.padStart(9)}`);
row('ours: worker round trip (layout + PDF + draft inside)', ours.total, files.ours);
console.log(`  ${'  of which inside the worker'.padEnd(52)} ${ms(median(ours.inside))}`);
console.log(`  ${'  our layout alone, as JSON (for jsPDF)'.padEnd(52)} ${ms(median(laid.ms))}`);
row(`jsPDF ${jspdfVersion}: draws our layout, same fonts (main thread)`, peer.ms, files.jspdf);
row('Chromium page.pdf() of the print view /plan/imprimir', chromium, files.chromium);
console.log(`  first export: worker start (fetch + compile, loopback) ${ms(ours.start)}`);
console.log(`  print view: navigation to rendered document            ${ms(printViewLoad)}`);
const fastest = median(ours.total) < Math.min(median(peer.ms), median(chromium));
console.log(`  goal: ours ≤ 300 ms and faster than both peers: ${median(ours.total) <= 300 && fastest ? 'met' : 'NOT met'}`);
const rounds = JSON.parse(JSON.parse(progressJson).draft).plan.implementation.rounds;
const reports = rounds.reduce((n, r) => n + r.reports.length, 0);
console.log(`Progress report of the same plan, latest of ${rounds.length} rounds (${reports} item reports in all):`);
row('ours: worker round trip (layout + PDF + draft inside)', progress.total, files.progress);
console.log(`  ${'  of which inside the worker'.padEnd(52)} ${ms(median(progress.inside))}`);
console.log(`  PDFs written to ${out}`);

console.log('');
console.log('First-load transfer (brotli -q 11, as a server would send it):');
let firstTotal = 0;
for (const f of firstLoad) {
  const b = brotli(join(DIST, f));
  firstTotal += b;
  console.log(`  ${basename(f).padEnd(48)} ${String(size(join(DIST, f))).padStart(9)} raw ${String(b).padStart(8)} brotli`);
}
console.log(`  ${'first load: the app without the PDF engine'.padEnd(48)} ${String(firstTotal).padStart(22)} brotli (${(firstTotal / 1024).toFixed(0)} KiB; goal ≤ 300 KB, issue 21)`);
for (const [name, ...prefixes] of sections) {
  const files = readdirSync(DIST).filter((f) => f.startsWith(`${name}-`) || f.startsWith(`${name}.`) || f.startsWith(`${name}_`));
  const b = files.reduce((n, f) => n + brotli(join(DIST, f)), 0);
  console.log(`  ${`section "${name}" (${prefixes.join(' ')}), on demand`.padEnd(48)} ${String(b).padStart(22)} brotli`);
}
const sectionsAtLoad = atLoad.filter((u) => sections.some(([name]) => new URL(u).pathname.startsWith(`/${name}`)));
let workerTotal = 0;
for (const f of workerFiles) {
  const b = brotli(join(DIST, f));
  workerTotal += b;
  console.log(`  ${basename(f).padEnd(48)} ${String(size(join(DIST, f))).padStart(9)} raw ${String(b).padStart(8)} brotli`);
}
console.log(`  ${'the PDF engine, fetched on the first export'.padEnd(48)} ${String(workerTotal).padStart(22)} brotli (${(workerTotal / 1024).toFixed(0)} KiB; goal ≤ 400 KB, issue 21)`);
console.log(`  ${'app + PDF engine'.padEnd(48)} ${String(firstTotal + workerTotal).padStart(22)} brotli`);
console.log(`  worker files requested during page load: ${workerAtLoad.length === 0 ? 'none' : workerAtLoad.join(', ')}`);
console.log(`  section files requested during page load: ${sectionsAtLoad.length === 0 ? 'none' : sectionsAtLoad.join(', ')}`);
if (errors.length) console.log(`  console errors: ${errors.join(' | ')}`);
