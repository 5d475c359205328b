// `make bench`, issue 20's figures: «Articulación nacional» with many plans.
// Prints figures with their goals; asserts nothing. Against dist/ served by the
// bench's own loopback server with brotli (tests/bench/server.mjs), in
// Debian's headless Chromium, CPU not slowed. For 50, 500 and 2,500 plans
// written by `cargo run --example many_plans` (the first 50 of the 500 are the
// 50, and so on), each run on a fresh browser profile:
//
//  - load: from the file input's `change` (Playwright's setInputFiles on
//    #archivos-planes, every file at once) to the frame that shows the
//    indicator counting N local plans and the map (32 states, shaded);
//    measured in the page (performance.now() at the change event; a
//    MutationObserver sees the result; the next frame after it: a
//    requestAnimationFrame and then a message, which runs after that frame
//    was painted);
//  - memory: the peak of the JS heap during the load (CDP Runtime.getHeapUsage
//    usedSize, sampled every 50 ms), and the WebAssembly memory after it (it
//    never shrinks; found with Runtime.queryObjects);
//  - a filter change: a state chosen in «Estado» (the state with the most
//    plans, then another, then «Todos los estados»), from the change event
//    to the frame that shows the updated tables (the same in-page timing);
//  - stored: from the change event until every plan is in IndexedDB (the page
//    stores them after it has shown them; the filters are timed after that);
//  - kept: whether the whole set is in this browser's storage (the page
//    reloaded: how many plans come back, and how long until they are listed),
//    and any storage message the page shows.
// Median of RUNS runs (environment variable BENCH_RUNS, 3 by default).
//
// Usage: node tests/bench/articulation.mjs PLANS_DIR
//   PLANS_DIR holds 50/, 500/, 2500/ (each plan-0001.json …).
// The figures go to PLANS_DIR/articulation.json; the previous run's figures are
// printed beside them.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..', '..');
const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist');
const plansDir = process.argv[2] ?? join(ROOT, 'target', 'bench', 'articulacion');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic', '--no-first-run',
];
const SIZES = (process.env.BENCH_SIZES ?? '50,500,2500').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LOAD_TIMEOUT = 10 * 60_000;
const GOALS = { load500: 2000, filter: 100, frame: 16.7 };

const { chromium } = createRequire(join(ROOT, 'tests', 'e2e', 'package.json'))('playwright-core');
const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const ms = (x) => (x === null || x === undefined ? '—' : `${Math.round(x)} ms`);
const mb = (x) => (x === null || x === undefined ? '—' : `${(x / 1e6).toFixed(0)} MB`);
const log = (...a) => console.log(...a);
const progress = (text) => process.stderr.write(`  … ${text}\n`);

if (!existsSync(join(DIST, 'index.html'))) throw new Error('No release build in dist/: run make build-release');
for (const n of SIZES) {
  if (!existsSync(join(plansDir, String(n)))) {
    throw new Error(`No plans in ${join(plansDir, String(n))}: run cargo run --example many_plans -- ${plansDir} ${SIZES.join(' ')}`);
  }
}
const { server, origin } = await serve(DIST);

/**
 * In the page, before the app starts: the clock of the bench. `__bench.arm(test)`
 * starts watching the DOM; the first mutation batch after which `test()` holds
 * records `seen`, then the next frame's end `painted`.
 */
const PAGE_CLOCK = () => {
  const b = (window.__bench = { changeAt: null, seen: null, painted: null });
  document.addEventListener('change', (e) => {
    if (e.target?.id === 'archivos-planes') b.changeAt = performance.now();
  }, true);
  b.arm = (test) => {
    b.seen = null;
    b.painted = null;
    const done = () => {
      b.seen = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { b.painted = performance.now(); };
        ch.port2.postMessage(0);
      });
    };
    if (test()) { done(); return; }
    const mo = new MutationObserver(() => {
      if (b.seen === null && test()) { mo.disconnect(); done(); }
    });
    mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  };
};

/** The WebAssembly memories' size (it only grows: the end is the peak). */
async function wasmMemory(cdp) {
  try {
    const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
    const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
    const size = await cdp.send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId,
      functionDeclaration: 'function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }',
      returnByValue: true,
    });
    return size.result.value;
  } catch {
    return null;
  }
}

async function oneRun(browser, n, files) {
  const context = await browser.newContext({ locale: 'es-MX', viewport: { width: 1280, height: 900 } });
  await context.addInitScript(PAGE_CLOCK);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(origin + '/articulacion');
    await page.waitForSelector('#archivos-planes', { state: 'attached' });
    await cdp.send('HeapProfiler.collectGarbage');
    const base = await cdp.send('Runtime.getHeapUsage');
    let peakJs = base.usedSize;
    let peakBacking = base.backingStorageSize ?? 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        try {
          const h = await cdp.send('Runtime.getHeapUsage');
          peakJs = Math.max(peakJs, h.usedSize);
          peakBacking = Math.max(peakBacking, h.backingStorageSize ?? 0);
        } catch { /* the page is busy or gone */ }
        await new Promise((ok) => setTimeout(ok, 50));
      }
    })();
    await page.evaluate((n) => window.__bench.arm(() => {
      const total = document.querySelector('#indicador-total')?.textContent ?? '';
      const m = total.match(/Vienen de ([\d,]+) planes? locales?/);
      const count = m ? Number(m[1].replaceAll(',', '')) : -1;
      const paths = document.querySelectorAll('path[data-estado]');
      return count === n && paths.length === 32
        && [...paths].some((p) => !/: 0 planes/.test(p.getAttribute('aria-label') ?? ''));
    }), n);
    const wallStart = Date.now();
    await page.setInputFiles('#archivos-planes', files, { timeout: LOAD_TIMEOUT });
    await page.waitForFunction(() => window.__bench.painted !== null, null, { timeout: LOAD_TIMEOUT, polling: 100 });
    const wall = Date.now() - wallStart;
    progress(`${n} plans: shown`);
    sampling = false;
    await sampler;
    const clock = await page.evaluate(() => ({ changeAt: window.__bench.changeAt, seen: window.__bench.seen, painted: window.__bench.painted }));
    const load = clock.painted - clock.changeAt;
    const after = await cdp.send('Runtime.getHeapUsage');
    peakJs = Math.max(peakJs, after.usedSize);
    peakBacking = Math.max(peakBacking, after.backingStorageSize ?? 0);
    // The page stores the plans after it has shown them: until how many are
    // in IndexedDB (or the page said it could not keep them).
    const storedAt = await page.evaluate(async ([n, limit]) => {
      const count = () => new Promise((ok) => {
        const open = indexedDB.open('plan-local-ga');
        open.onerror = () => ok(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('articulacion')) { db.close(); ok(0); return; }
          const req = db.transaction('articulacion').objectStore('articulacion').count();
          req.onsuccess = () => { db.close(); ok(req.result); };
          req.onerror = () => { db.close(); ok(0); };
        };
      });
      while (performance.now() - window.__bench.changeAt < limit) {
        if (document.querySelector('[role="alert"]')) return null;
        if (await count() >= n) return performance.now() - window.__bench.changeAt;
        await new Promise((ok) => setTimeout(ok, 100));
      }
      return null;
    }, [n, 120_000]);
    progress(`${n} plans: stored ${storedAt === null ? 'not all' : `after ${Math.round(storedAt)} ms`}`);
    const wasm = await wasmMemory(cdp);
    const storageMessage = await page.evaluate(() => [...document.querySelectorAll('[role="alert"]')].map((e) => e.textContent.trim()).join(' ') || null);

    // Filter changes: the state with the most plans, another, then all.
    const states = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('path[data-estado]')].map((p) => ({
        code: p.getAttribute('data-estado'),
        plans: Number((p.getAttribute('aria-label').match(/: ([\d,]+) plan/)?.[1] ?? '0').replaceAll(',', '')),
      }));
      rows.sort((a, b) => b.plans - a.plans);
      return rows.map((r) => r.code);
    });
    const filters = [];
    for (const code of [states[0], states[1], '', states[2], '']) {
      const t = await page.evaluate(async (code) => {
        const before = document.querySelector('#indicador-total')?.textContent;
        const select = document.querySelector('#filtro-estado');
        window.__bench.arm(() => {
          const now = document.querySelector('#indicador-total')?.textContent;
          return now !== before;
        });
        const t0 = performance.now();
        select.value = code;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        const limit = t0 + 60_000;
        while (window.__bench.painted === null && performance.now() < limit) {
          await new Promise((ok) => setTimeout(ok, 5));
        }
        return window.__bench.painted === null ? null : window.__bench.painted - t0;
      }, code);
      filters.push(t);
    }

    progress(`${n} plans: filters ${filters.map(Math.round).join(', ')} ms`);
    // Kept: reload, count what comes back.
    const stored = await page.evaluate(() => {
      let bytes = 0;
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        bytes += (k.length + (localStorage.getItem(k)?.length ?? 0)) * 2;
      }
      return bytes;
    });
    const reloadStart = Date.now();
    await page.reload();
    let restored = 0;
    try {
      await page.waitForFunction((n) => {
        const cap = [...document.querySelectorAll('caption')].find((c) => / en la lista$/.test(c.textContent));
        const m = cap?.textContent.match(/^([\d,]+) plan/);
        return m && Number(m[1].replaceAll(',', '')) === n;
      }, n, { timeout: 60_000, polling: 50 });
      restored = n;
    } catch {
      restored = await page.evaluate(() => {
        const cap = [...document.querySelectorAll('caption')].find((c) => / en la lista$/.test(c.textContent));
        const m = cap?.textContent.match(/^([\d,]+) plan/);
        return m ? Number(m[1].replaceAll(',', '')) : 0;
      });
    }
    const reload = restored === n ? Date.now() - reloadStart : null;
    return { load, storedAt, wall, peakJs, peakBacking, wasm, baseJs: base.usedSize, filters, storageMessage, stored, restored, reload, errors };
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const results = { date: new Date().toISOString(), runs: RUNS, sizes: {} };
try {
  for (const n of SIZES) {
    const dir = join(plansDir, String(n));
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
    const bytes = files.reduce((s, f) => s + readFileSync(f).length, 0);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser, n, files));
    results.sizes[n] = {
      files: files.length,
      bytes,
      load: median(runs.map((r) => r.load)),
      wall: median(runs.map((r) => r.wall)),
      storedAt: median(runs.map((r) => r.storedAt)),
      peakJs: median(runs.map((r) => r.peakJs)),
      peakBacking: median(runs.map((r) => r.peakBacking)),
      wasm: median(runs.map((r) => r.wasm)),
      filter: median(runs.flatMap((r) => r.filters)),
      filterMax: Math.max(...runs.flatMap((r) => r.filters)),
      restored: Math.min(...runs.map((r) => r.restored)),
      reload: median(runs.map((r) => r.reload)),
      stored: median(runs.map((r) => r.stored)),
      storageMessage: runs.map((r) => r.storageMessage).find((m) => m) ?? null,
      errors: [...new Set(runs.flatMap((r) => r.errors))],
      runs,
    };
  }
} finally {
  await browser.close();
  server.close();
}

const out = join(plansDir, 'articulation.json');
const previous = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;
writeFileSync(out, JSON.stringify(results, null, 2));

log(`«Articulación nacional» with many plans (tests/bench/articulation.mjs): ${CHROMIUM}, headless, CPU not slowed,`);
log(`release build on loopback; median of ${RUNS} runs, each on a fresh profile. Plans: cargo run --example many_plans.`);
log(`  ${'plans'.padStart(6)} ${'files'.padStart(8)} ${'load→shown'.padStart(11)} ${'JS heap'.padStart(8)} ${'wasm'.padStart(8)} ${'filter'.padStart(8)} ${'worst'.padStart(7)} ${'stored'.padStart(8)} ${'kept'.padStart(7)} ${'reload'.padStart(8)}  previous run (load, filter)`);
for (const [n, r] of Object.entries(results.sizes)) {
  const p = previous?.sizes?.[n];
  log(`  ${String(n).padStart(6)} ${mb(r.bytes).padStart(8)} ${ms(r.load).padStart(11)} ${mb(r.peakJs).padStart(8)} ${mb(r.wasm).padStart(8)} ${ms(r.filter).padStart(8)} ${ms(r.filterMax).padStart(7)} ${ms(r.storedAt).padStart(8)} ${`${r.restored}/${n}`.padStart(7)} ${ms(r.reload).padStart(8)}  ${p ? `${ms(p.load)}, ${ms(p.filter)}` : '—'}`);
}
log(`  goals: 500 plans shown in under ${GOALS.load500} ms; a filter under ${GOALS.filter} ms (one frame, ${GOALS.frame} ms, better);`);
log('  every plan kept in this browser. "JS heap": peak of the JavaScript heap while loading (sampled every 50 ms);');
log('  "wasm": the WebAssembly memory after it. "stored": from the files chosen to every plan in IndexedDB (the page');
log('  stores them after showing them); "kept": plans back after a reload; "reload": until they are listed.');
const sizes = Object.keys(results.sizes).map(Number).sort((a, b) => a - b);
for (let i = 1; i < sizes.length; i++) {
  const a = results.sizes[sizes[i - 1]];
  const b = results.sizes[sizes[i]];
  if (a.load && b.load) {
    log(`  ${sizes[i - 1]} → ${sizes[i]} plans (×${sizes[i] / sizes[i - 1]}): load ×${(b.load / a.load).toFixed(1)}, filter ×${(b.filter / a.filter).toFixed(1)}`);
  }
}
for (const [n, r] of Object.entries(results.sizes)) {
  if (r.storageMessage) log(`  ${n} plans, the page said: ${r.storageMessage}`);
  if (r.errors.length) log(`  ${n} plans, console errors: ${r.errors.slice(0, 3).join(' | ')}`);
}
log(`  (figures in ${out})`);
