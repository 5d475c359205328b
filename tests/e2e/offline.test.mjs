// Offline use (assets/sw.js, src/ui/offline.rs): after a first visit the
// service worker has cached the build's files; with the network off the app
// opens with the draft, its pages work in the drafting app and in both
// sections, and «Exportar PDF» downloads the PDF. A new build deployed while a
// tab is open is announced without taking the focus from the field being
// typed in; «Actualizar» reloads into the new version with the draft intact,
// copying the unchanged files from the old cache rather than downloading them;
// when the draft cannot be saved, it asks for the download first.
// No request leaves the origin, no console error (the worker's included),
// axe-core on the notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DIST, OUT, startSession, endSession, ready, axeCheck, assertClean, focused, putDraft,
  storedDraft, arriver, press,
} from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', 'fixtures', 'borrador-v6.json');
const PLAN_NAME = 'Plan de Acción Local de Gobierno Abierto 2025-2027';
const COMMITMENT = 'Presupuesto participativo';

/** The service worker's file list as the build wrote it into sw.js. */
async function precacheList(dist) {
  const text = await readFile(join(dist, 'sw.js'), 'utf8');
  const json = text.match(/const PRECACHE = (\{.*\});/)?.[1];
  assert.ok(json, 'the release build wrote the file list into sw.js');
  return JSON.parse(json);
}

/** A session with the service worker allowed; its console errors are the session's too. */
async function workerSession(options = {}) {
  const session = await startSession({ serviceWorkers: 'allow', ...options });
  session.context.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.page()) session.consoleErrors.push(`service worker: ${msg.text()}`);
  });
  return session;
}

/** Waits until a service worker controls the page and its install is done; returns the cache names. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  return page.evaluate(() => caches.keys());
}

/** The addresses (with their content hash) in the worker's cache `name`. */
const cachedKeys = (page, name) => page.evaluate(async (n) => {
  const cache = await caches.open(n);
  return (await cache.keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
}, name);

let s;
let u;
let v;
let tmp;
after(async () => {
  for (const session of [s, u, v]) if (session) await endSession(session);
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('after the first visit, with the network off: the draft opens, five pages work in all three bundles, and «Exportar PDF» downloads the PDF', async () => {
  s = await workerSession();
  const { page, origin, context } = s;
  const arrive = arriver(() => s);
  const list = await precacheList(DIST);

  await page.goto(origin + '/');
  await ready(page);
  const names = await controlled(page);
  assert.deepEqual(names, [`plan-local-ga-${list.version}`], 'one cache, named after the version');
  const keys = await cachedKeys(page, names[0]);
  const expected = [...list.core, ...list.extra].map(([url, hash]) => `${url}?v=${hash}`);
  assert.deepEqual(keys.sort(), expected.sort(), 'every file of the build is cached at install');
  for (const pattern of [/^\/app-.*_bg\.wasm/, /^\/seguimiento-/, /^\/imprimir-/, /^\/pdf_worker-.*_loader\.js/, /^\/pdf_worker-.*_bg\.wasm/, /^\/PlanLocalSans-Regular\.woff2/, /^\/\?v=/]) {
    assert.ok(keys.some((k) => pattern.test(k)), `cached: ${pattern}`);
  }
  await putDraft(page, await readFile(FIXTURE, 'utf8'));

  // The network goes away; every request the pages make is answered by the worker.
  const started = Date.now();
  const unanswered = [];
  const notFromWorker = [];
  page.on('requestfailed', (r) => unanswered.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.url().startsWith(origin) && !r.fromServiceWorker()) notFromWorker.push(r.url()); });
  await context.setOffline(true);
  try {
    await page.goto(origin + '/plan');
    await ready(page);
    await page.reload();
    await arrive(page, '**/plan', 'lista de tareas sin conexión');
    assert.match(await page.locator('main').innerText(), new RegExp(PLAN_NAME));

    // 2. By keyboard to «Informes de avance»: a full page load into its own bundle.
    await press(page, 'Informes de avance', 200);
    await arrive(page, '**/plan/avances', null);
    assert.equal(await page.locator('h1').innerText(), 'Informes de avance');
    assert.equal((await focused(page)).tag, 'H1');

    // 3. A commitment's overview in the drafting app.
    await page.goto(origin + '/plan/compromisos/1');
    await arrive(page, '**/plan/compromisos/1', null);
    assert.match(await page.locator('main').innerText(), new RegExp(COMMITMENT));

    // 4. The print view, in its bundle, with its typeface.
    await page.goto(origin + '/plan/imprimir');
    await arrive(page, '**/plan/imprimir', null);
    assert.match(await page.locator('main').innerText(), /Esta es la versión para imprimir de su plan/);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.ready);
    const fonts = await page.evaluate(async () => {
      await Promise.all([...document.fonts].map((f) => f.load().catch(() => null)));
      return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family);
    });
    await page.emulateMedia({ media: null });
    assert.ok(fonts.includes('Plan Local Sans'), `the print view's typeface loads offline: ${fonts}`);

    // 5. «Revise su plan» and the PDF, made by the worker fetched from the cache.
    await page.goto(origin + '/plan/revisar');
    await arrive(page, '**/plan/revisar', null);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      page.getByRole('button', { name: 'Exportar PDF' }).click(),
    ]);
    const path = join(OUT, 'offline.pdf');
    await download.saveAs(path);
    const bytes = await readFile(path);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', 'the download is a PDF');
    execFileSync('qpdf', ['--check', path]);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString('utf8').replace(/\s+/g, ' ');
    assert.ok(text.includes(PLAN_NAME) && text.includes(COMMITMENT), 'the PDF holds the plan');
  } finally {
    await context.setOffline(false);
  }
  console.log(`offline: reload, five pages and the PDF in ${Date.now() - started} ms`);
  assert.deepEqual(unanswered, [], 'no request failed while offline');
  assert.deepEqual(notFromWorker, [], 'every response came from the service worker');
  assertClean(s);
});

/** "Deploys" a new build into `dir`: the same files, the worker with version `version`. */
async function deploy(dir, version) {
  const file = join(dir, 'sw.js');
  const text = await readFile(file, 'utf8');
  assert.match(text, /"version":"[^"]+"/);
  await writeFile(file, text.replace(/"version":"[^"]+"/, `"version":"${version}"`));
}

/** Shift+Tab until the focused element's text is `text`. */
async function tabBackTo(page, text, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Shift+Tab');
    if ((await focused(page)).text === text) return;
  }
  throw new Error(`Could not reach ${text} with Shift+Tab`);
}

test('a new build while a tab is open: the notice does not take the focus, «Actualizar» saves the draft and reloads into the new version', async () => {
  // A copy of the build, served like it; "deploying" a new build changes its worker's version.
  tmp = await mkdtemp(join(tmpdir(), 'plan-offline-'));
  await cp(DIST, tmp, { recursive: true });
  u = await workerSession({ dist: tmp });
  const { page, origin, context } = u;
  const list = await precacheList(tmp);
  const NOTICE = 'Hay una versión nueva de la herramienta.';

  await page.goto(origin + '/');
  await ready(page);
  await controlled(page);
  await putDraft(page, await readFile(FIXTURE, 'utf8'));
  await page.goto(origin + '/plan/perfil');
  await ready(page);
  const field = page.getByLabel('Nombre del plan');
  await field.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' (rev');

  // The new build.
  const newVersion = 'f'.repeat(list.version.length);
  await deploy(tmp, newVersion);
  const workerFetches = [];
  context.on('request', (r) => { if (r.serviceWorker()) workerFetches.push(new URL(r.url()).pathname); });
  await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });
  await page.getByText(NOTICE).waitFor({ timeout: 30000 });

  // Typing goes on where it was.
  assert.equal(await field.evaluate((el) => el === document.activeElement), true, 'the field keeps the focus');
  await page.keyboard.type('isado)');
  assert.equal(await field.inputValue(), `${PLAN_NAME} (revisado)`);
  assert.equal(await page.locator('[role="status"]', { hasText: NOTICE }).count(), 1, 'the notice is in a polite live region');
  assert.deepEqual(await axeCheck(u, 'aviso de versión nueva'), []);
  assert.deepEqual(workerFetches, ['/sw.js'], 'only the worker itself was downloaded: it copied the unchanged files from the old cache');

  // «Actualizar», by keyboard: the page reloads into the new version.
  await tabBackTo(page, 'Actualizar');
  await Promise.all([page.waitForEvent('load', { timeout: 30000 }), page.keyboard.press('Enter')]);
  await ready(page);
  assert.equal(await page.getByText(NOTICE).count(), 0, 'no notice after the update');
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`plan-local-ga-${newVersion}`], 'the old cache is gone');
  assert.equal(await page.getByLabel('Nombre del plan').inputValue(), `${PLAN_NAME} (revisado)`, 'the typed text is back');
  assert.match(await storedDraft(page), /\(revisado\)/, 'and in the stored draft');
  assertClean(u);
});

test('when the draft cannot be saved, «Actualizar» does not reload: the notice asks for the download first', async () => {
  v = await workerSession({ dist: tmp });
  const { page, origin } = v;
  await page.goto(origin + '/');
  await ready(page);
  await controlled(page);
  await putDraft(page, await readFile(FIXTURE, 'utf8'));
  await page.goto(origin + '/plan/perfil');
  await ready(page);
  // Storage refuses every write from here on (as when it is full).
  await page.evaluate(() => {
    Storage.prototype.setItem = function setItem() { throw new DOMException('lleno', 'QuotaExceededError'); };
  });
  const field = page.getByLabel('Nombre del plan');
  await field.fill('Plan que no cupo');
  await page.getByText('El almacenamiento de este navegador está lleno').waitFor();

  await deploy(tmp, 'e'.repeat(16));
  await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });
  await page.getByText('Hay una versión nueva de la herramienta.').waitFor({ timeout: 30000 });
  let loads = 0;
  page.on('load', () => { loads += 1; });
  await tabBackTo(page, 'Actualizar');
  await page.keyboard.press('Enter');
  const notice = page.locator('#version-nueva');
  await notice.getByText('Antes de actualizar, descargue su borrador').waitFor();
  // The focus moves on the frame after the notice's new text (it would time out if it never did).
  await page.waitForFunction(() => document.activeElement?.id === 'version-nueva', null, { timeout: 5000 }).catch(() => {});
  assert.equal((await focused(page)).id, 'version-nueva', 'the notice that replaced the button has the focus');
  assert.deepEqual(await axeCheck(v, 'aviso: borrador sin guardar'), []);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    notice.getByRole('button', { name: 'Descargar borrador (JSON)' }).click(),
  ]);
  const path = join(OUT, 'offline-antes-de-actualizar.json');
  await download.saveAs(path);
  assert.match(await readFile(path, 'utf8'), /Plan que no cupo/, 'the download has what was typed');
  assert.equal(loads, 0, 'no reload until the person chooses');
  await Promise.all([
    page.waitForEvent('load', { timeout: 30000 }),
    notice.getByRole('button', { name: 'Actualizar de todos modos' }).click(),
  ]);
  await ready(page);
  assert.deepEqual(await page.evaluate(() => caches.keys()), ['plan-local-ga-' + 'e'.repeat(16)]);
  assertClean(v);
});
