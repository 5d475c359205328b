// Shared end-to-end harness: Debian's Chromium through playwright-core, the
// release build on loopback, and the checks every session must pass on every
// page it opens (axe-core, console errors and CSP violations, requests leaving
// the page's origin).
import { chromium } from 'playwright-core';
import { mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = join(here, '..', '..', 'dist');
export const OUT = join(here, 'out');
const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
let axeSource;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic', '--no-first-run',
];

// One Chromium per test process (each test file is a process): sessions are
// browser contexts in it, each a fresh profile, so a file that needs two
// profiles does not start a second browser.
let browser = null;
let open = 0;

async function sharedBrowser() {
  browser ??= chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return browser;
}

// Reported by every page of a session as a console error: Chromium logs a
// blocked inline style or script itself, but this makes sure a violation of
// the Content-Security-Policy is never missed.
const CSP_REPORTER = () => {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
  });
};

/**
 * A fresh browser profile (a context of the shared browser) on the release
 * build. Every page the context opens is watched: its console errors and
 * uncaught exceptions go to `consoleErrors` (labelled with the page's URL),
 * every request of the context that leaves the page's origin to
 * `foreignRequests`, and every axe-core violation `axeCheck` finds, whatever
 * its impact, to `axeViolations`. `assertClean` checks all three.
 *
 * The app's service worker (assets/sw.js) is blocked unless a test asks for
 * it (`serviceWorkers: 'allow'`, or E2E_SERVICE_WORKERS=allow for every
 * file): a worker answers requests from its cache, which request routing
 * and counting (export.test.mjs) would not see. `dist`: the folder served.
 */
export async function startSession({ dist = DIST, serviceWorkers = process.env.E2E_SERVICE_WORKERS ?? 'block' } = {}) {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`No release build in ${dist}: run "trunk build --release" (make test does).`);
  }
  await mkdir(OUT, { recursive: true });
  const { server, origin } = await serve(dist);
  const context = await (await sharedBrowser()).newContext({
    serviceWorkers,
    acceptDownloads: true,
    locale: 'es-MX',
    timezoneId: 'America/Mexico_City',
    viewport: { width: 1280, height: 900 },
  });
  open += 1;
  const session = {
    origin, server, context,
    consoleErrors: [],
    foreignRequests: [],
    axeViolations: [],
    pagesChecked: [],
    pagesWatched: 0,
  };
  await context.addInitScript(CSP_REPORTER);
  context.on('request', (req) => {
    const url = req.url();
    if (!(url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:'))) {
      session.foreignRequests.push(url);
    }
  });
  const watch = (page) => {
    session.pagesWatched += 1;
    page.on('console', (msg) => {
      if (msg.type() === 'error') session.consoleErrors.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => session.consoleErrors.push(`${page.url()}: ${err}`));
    // A renderer that dies shows later only as "page closed": say so where it happened.
    page.on('crash', () => session.consoleErrors.push(`${page.url()}: the page's renderer crashed`));
  };
  context.on('page', watch);
  session.page = await context.newPage();
  return session;
}

export async function endSession(session) {
  await session.context.close();
  await new Promise((ok) => session.server.close(ok));
  open -= 1;
  if (open === 0 && browser) {
    const b = await browser;
    browser = null;
    await b.close();
  }
}

/**
 * What every session must end with: no console error or uncaught exception on
 * any of its pages, no request off the page's origin, and (when `axe` is not
 * false) no axe-core violation on any page checked.
 */
export function assertClean(session, { axe = true } = {}) {
  assert.deepEqual(session.consoleErrors, [], 'no console errors on any page');
  assert.deepEqual(session.foreignRequests, [], 'no request leaves the origin');
  if (axe) {
    assert.deepEqual(session.axeViolations, [], 'axe-core finds nothing on any page');
    assert.ok(session.pagesChecked.length > 0, 'axe-core ran');
  }
}

/** The app's bundles whose wasm was requested (by file name: "app", "seguimiento"…). */
export const bundlesOf = (requests) => requests
  .map((u) => new URL(u).pathname.match(/^\/([a-z_]+)-[0-9a-f]+_bg\.wasm$/)?.[1])
  .filter(Boolean);

/** Waits until the app has rendered a page heading. */
export async function ready(page) {
  // The start page's static copy (index.html, #portada) has a heading too:
  // the app is there once that copy is gone.
  await page.waitForFunction(
    () => !document.getElementById('portada') && document.querySelector('main h1'),
    null,
    { timeout: 15000 },
  );
}

/**
 * Runs axe-core on `page` (the session's page unless given) and records every
 * violation, of any impact (minor and moderate included); returns them.
 */
export async function axeCheck(session, label, page = session.page) {
  // Injected through DevTools evaluation, not an inline <script>: the app's
  // Content-Security-Policy (rightly) blocks inline scripts.
  axeSource ??= await readFile(AXE_PATH, 'utf8');
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(axeSource);
  }
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  session.pagesChecked.push(label);
  for (const v of result) session.axeViolations.push({ page: label, ...v });
  return result;
}

/**
 * On "Revise su plan": opens every step and commitment with «Abrir todo» (by
 * keyboard with `keyboard: true`) and waits until no fold is closed, so every
 * value is on the page (closed folds are hidden="until-found").
 */
export async function openAllFolds(page, { keyboard = false } = {}) {
  if (keyboard) {
    await tabTo(page, { text: 'Abrir todo' }, 400);
    await page.keyboard.press('Enter');
  } else {
    await page.getByRole('button', { name: 'Abrir todo' }).click();
  }
  await page.waitForFunction(() => document.querySelectorAll('.fold__button').length > 0
    && document.querySelectorAll('.fold__button[aria-expanded="false"], .fold__panel[hidden]').length === 0);
}

/** Presses Tab until the focused element matches, like a keyboard user; fails after `max` presses. */
export async function tabTo(page, matcher, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((m) => {
      const el = document.activeElement;
      if (!el) return false;
      const text = (el.innerText || el.value || '').trim();
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.innerText?.trim() : '';
      return (m.id && el.id === m.id) || (m.text && (text === m.text || label === m.text));
    }, matcher);
    if (hit) return;
  }
  throw new Error(`Could not reach ${JSON.stringify(matcher)} with Tab`);
}

/** Focus path as seen by the keyboard user: the focused element's id or text. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { id: el?.id ?? '', tag: el?.tagName ?? '', text: (el?.innerText ?? '').trim() };
  });
}

// Drafts in storage (see src/persistence/drafts.rs): an index under
// "plan-local-ga/borradores" and each draft under "plan-local-ga/borrador/<id>".
export const INDEX_KEY = 'plan-local-ga/borradores';
export const DRAFT_PREFIX = 'plan-local-ga/borrador/';
export const LEGACY_KEY = 'plan-local-ga/borrador';

/** The storage key of the draft the page has open (this tab's, else the index's current one). */
export async function openDraftKey(page) {
  return page.evaluate(([indexKey, prefix]) => {
    const index = JSON.parse(localStorage.getItem(indexKey) ?? 'null');
    const tab = sessionStorage.getItem('plan-local-ga/abierto');
    const listed = (id) => index?.drafts?.some((d) => String(d.id) === String(id));
    const id = listed(tab) ? tab : (index?.current ?? null);
    return id === null ? null : prefix + id;
  }, [INDEX_KEY, DRAFT_PREFIX]);
}

/**
 * The open draft's stored text, found through the index (null when none is
 * stored). A big draft is stored in pieces (src/persistence/pieces.rs): its
 * key holds the envelope with `"commitments":{"piezas":[[id,revision],…]}`
 * and each commitment is under `<key>/compromiso/<id>/<revision>`; this reads
 * it back whole, as the text it would have stored whole (null when a piece
 * is missing).
 */
export async function storedDraft(page) {
  const key = await openDraftKey(page);
  return key === null ? null : page.evaluate((k) => {
    const raw = localStorage.getItem(k);
    const mark = '"commitments":{"piezas":';
    const at = raw === null ? -1 : raw.indexOf(mark);
    if (at < 0) return raw;
    const end = raw.indexOf(']]}', at) + 2;
    const pieces = JSON.parse(raw.slice(at + mark.length, end))
      .map(([id, revision]) => localStorage.getItem(`${k}/compromiso/${id}/${revision}`));
    if (pieces.includes(null)) return null;
    return raw.slice(0, at) + '"commitments":[' + pieces.join(',') + ']' + raw.slice(end + 1);
  }, key);
}

/** Stores `json` (text) as the only draft, and the one that opens next. */
export async function putDraft(page, json) {
  await page.evaluate(([text, indexKey, prefix]) => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('plan-local-ga/')) localStorage.removeItem(k);
    sessionStorage.removeItem('plan-local-ga/abierto');
    const env = JSON.parse(text);
    localStorage.setItem(prefix + '1', text);
    localStorage.setItem(indexKey, JSON.stringify({
      format: 'plan-local-gobierno-abierto/borradores', version: 1, current: 1, next_id: 2,
      drafts: [{ id: 1, name: env.name ?? env.plan?.profile?.plan_name ?? '', saved_at: env.saved_at, size: text.length }],
    }));
  }, [json, INDEX_KEY, DRAFT_PREFIX]);
}

/** Waits until the open draft's stored JSON satisfies `check` (polled from Node: the page's CSP forbids eval). */
export async function waitForDraft(page, check, timeout = 4000) {
  const end = Date.now() + timeout;
  let last = null;
  for (;;) {
    const text = await storedDraft(page);
    try {
      last = text === null ? null : JSON.parse(text);
      if (last !== null && check(last)) return last;
    } catch { /* a check that throws means "not yet" */ }
    if (Date.now() > end) throw new Error(`The open draft never matched ${check} (last: ${JSON.stringify(last)?.slice(0, 300)})`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/**
 * `arrive(page, url, kind)` for a test file: waits for the page at `url`
 * and runs axe-core once per kind of page or state (on the session that
 * `session()` gives, set in `before`).
 */
export function arriver(session) {
  const checked = new Set();
  return async (page, url, kind) => {
    await page.waitForURL(url);
    await ready(page);
    if (kind && !checked.has(kind)) {
      checked.add(kind);
      assert.deepEqual(await axeCheck(session(), kind), [], `axe-core finds nothing on "${kind}"`);
    }
  };
}

/** Tabs to the control named `text` and presses Enter. */
export async function press(page, text, max = 120) {
  await tabTo(page, { text }, max);
  await page.keyboard.press('Enter');
}

// ---- downloads (the progress reports' PDF and CSV) --------------------------

/** Tabs to the control and presses Enter; returns the download it starts. */
export async function download(page, matcher) {
  await tabTo(page, matcher, 150);
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  return file;
}

/**
 * Text without whitespace and hyphens, for comparing: pdftotext joins a word
 * broken at a line-end hyphen (an address in a narrow cell) and drops it.
 */
export const flat = (text) => text.replace(/[\s-]+/g, '');

/** The PDF's text, flattened (see `flat`). */
export async function pdfText(file, name) {
  const path = join(OUT, name);
  await file.saveAs(path);
  execFileSync('qpdf', ['--check', path]);
  assert.match(execFileSync('pdfdetach', ['-list', path]).toString('utf8'), /borrador\.json/, 'the draft travels inside');
  return flat(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString('utf8'));
}

/** RFC 4180: quoted fields, doubled quotes, CRLF between records. */
export function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; }
    else field += c;
  }
  assert.equal(field + record.join(''), '', 'the last record ends with CRLF');
  return records;
}
