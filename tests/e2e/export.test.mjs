// The PDF engine stays out of the first load: the worker's files are requested
// only on the first export, which still downloads a valid PDF; a slow export
// says "Preparando el PDF…" in a polite status; a worker that cannot load gives
// a Spanish message with the JSON download, and the next export works; and the
// print view renders the plan from the same export document, passing axe-core;
// a complete plan can be marked final (and back), which the PDF then says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, ready, axeCheck, assertClean, tabTo, focused, putDraft, waitForDraft, OUT } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', 'fixtures', 'borrador-v5.json');
const PLAN_NAME = 'Plan de Acción Local de Gobierno Abierto 2025-2027';
const COMMITMENT = 'Presupuesto participativo';
const WORKER = /pdf_worker/;

let s;
const requests = [];
before(async () => {
  s = await startSession();
  s.context.on('request', (r) => requests.push(r.url()));
});
after(async () => { if (s) await endSession(s); });

const workerRequests = () => requests.filter((u) => WORKER.test(u));
// The PDF's font files, fetched by the page beside the worker (not inside it).
const FONTS = /\/PlanLocalSans-(Regular|Bold)\.ttf$/;
const fontRequests = () => requests.filter((u) => FONTS.test(u));

async function exportPdf(page, name) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.getByRole('button', { name: 'Exportar PDF' }).click(),
  ]);
  const path = join(OUT, name);
  await download.saveAs(path);
  return { path, file: download.suggestedFilename() };
}

test('page load and navigation do not fetch the PDF worker; the review page fetches it ahead, and the export downloads a valid PDF', async () => {
  const { page, origin } = s;
  const draft = await readFile(FIXTURE, 'utf8');
  await page.goto(origin + '/');
  await ready(page);
  await page.evaluate((d) => localStorage.setItem('plan-local-ga/borrador', d), draft);
  await page.goto(origin + '/plan');
  await ready(page);
  await page.goto(origin + '/plan/perfil');
  await ready(page);
  await page.waitForLoadState('networkidle');
  assert.ok(requests.some((u) => /\/app-[0-9a-f]+_bg\.wasm$/.test(u)), 'the app itself was loaded');
  assert.deepEqual(workerRequests(), [], 'no worker file is requested before the review page');
  assert.deepEqual(fontRequests(), [], 'nor the PDF\'s fonts');
  const html = await page.content();
  assert.doesNotMatch(html, /<link[^>]+(preload|modulepreload)[^>]+pdf_worker/, 'no preload of the worker');

  // Opening the review page fetches the worker while the person reads, before any export.
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  const deadline = Date.now() + 15000;
  while (!workerRequests().some((u) => /\.wasm$/.test(u)) && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
  const ahead = workerRequests();
  assert.ok(ahead.some((u) => /_loader\.js$/.test(u)) && ahead.some((u) => /\.wasm$/.test(u)), `worker fetched when the review page opened: ${ahead}`);
  while (fontRequests().length < 2 && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
  assert.equal(fontRequests().length, 2, `both font files fetched with the worker: ${fontRequests()}`);

  const { path, file } = await exportPdf(page, 'export-worker.pdf');
  assert.equal(file, 'plan-de-accion-local-de-gobierno-abierto-2025-2027.pdf');
  execFileSync('qpdf', ['--check', path]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString('utf8').replace(/\s+/g, ' ');
  assert.ok(text.includes(PLAN_NAME) && text.includes(COMMITMENT), 'the PDF holds the plan');
  const fetched = workerRequests();
  assert.equal(fetched.length, ahead.length, `the export fetched nothing more: ${fetched}`);
  assert.equal(fontRequests().length, 2, 'the fonts were fetched once');
  assert.ok(fetched.every((u) => /pdf_worker-[0-9a-f]{16}/.test(u)), 'release worker files carry a content hash');

  // A second export reuses the worker: nothing is fetched again.
  const before = workerRequests().length;
  await exportPdf(page, 'export-worker-2.pdf');
  assert.equal(workerRequests().length, before);
  assert.equal(fontRequests().length, 2);
  assert.equal(await page.locator('#estado-exportacion').innerText(), '', 'no progress text once done');
});

/** The fixture's plan with `n` copies of its commitment: a PDF that takes the worker a while. */
async function bigDraft(n) {
  const draft = JSON.parse(await readFile(FIXTURE, 'utf8'));
  const [c] = draft.plan.commitments;
  draft.plan.commitments = Array.from({ length: n }, (_, i) => ({ ...structuredClone(c), id: i + 1, name: `${c.name} ${i + 1}` }));
  return JSON.stringify(draft);
}

test('an export slower than half a second says so politely; the page stays responsive while the worker works; a second press starts nothing', async () => {
  const { page, origin } = s;
  // Count what reaches the PDF worker: workers created and jobs posted.
  await page.addInitScript(() => {
    const Native = window.Worker;
    window.__pdf = { workers: 0, jobs: 0 };
    window.Worker = class extends Native {
      constructor(...args) { super(...args); window.__pdf.workers += 1; }
      postMessage(message, ...rest) {
        if (message && typeof message === 'object' && 'job' in message) window.__pdf.jobs += 1;
        return super.postMessage(message, ...rest);
      }
    };
  });
  await page.goto(origin + '/');
  await ready(page);
  await putDraft(page, await bigDraft(60));
  // A fresh page (a new worker, started when the review page opens), whose
  // worker WebAssembly arrives 1.5 s after it is asked for.
  const slow = async (route) => { await new Promise((ok) => setTimeout(ok, 1500)); await route.continue(); };
  await s.context.route(/pdf_worker.*\.wasm$/, slow);
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  const downloads = [];
  const onDownload = (d) => downloads.push(d);
  page.on('download', onDownload);
  try {
    const status = page.locator('#estado-exportacion');
    assert.equal(await status.getAttribute('role'), 'status');
    const downloaded = page.waitForEvent('download', { timeout: 60000 });
    const button = page.getByRole('button', { name: 'Exportar PDF' });
    const handle = await button.elementHandle();
    const started = Date.now();
    await button.click();
    assert.equal(await status.innerText(), '', 'nothing is said before half a second');
    await page.waitForFunction(() => document.getElementById('estado-exportacion')?.innerText === 'Preparando el PDF…', null, { timeout: 1400 });
    // A second press while it runs does not start a second export.
    await handle.click();
    // From here to the PDF (the worker's WebAssembly arrives at 1.5 s, then it
    // makes the PDF), the main thread's longest pause: a timer that should
    // fire every 10 ms notes how late it is (the page's own clock).
    await page.evaluate(() => {
      window.__lag = { max: 0, running: true };
      let last = performance.now();
      const tick = () => {
        const now = performance.now();
        window.__lag.max = Math.max(window.__lag.max, now - last);
        last = now;
        if (window.__lag.running) setTimeout(tick, 10);
      };
      setTimeout(tick, 10);
    });
    const download = await downloaded;
    const took = Date.now() - started;
    const lag = await page.evaluate(() => { window.__lag.running = false; return window.__lag.max; });
    await download.saveAs(join(OUT, 'export-slow.pdf'));
    execFileSync('qpdf', ['--check', join(OUT, 'export-slow.pdf')]);
    const pages = Number(execFileSync('pdfinfo', [join(OUT, 'export-slow.pdf')]).toString().match(/Pages:\s+(\d+)/)[1]);
    console.log(`# slow export: ${pages} pages in ${took} ms (1500 ms of it waiting for the worker); longest main-thread pause ${lag.toFixed(0)} ms`);
    assert.ok(pages >= 60, `${pages} pages`);
    assert.ok(lag < 250, `the main thread paused ${lag.toFixed(0)} ms while the PDF was made`);
    await page.waitForFunction(() => document.getElementById('estado-exportacion')?.innerText === '');
    // Settled (the status is cleared only when the one job has come back):
    // one worker, one job, one download.
    assert.deepEqual(await page.evaluate(() => window.__pdf), { workers: 1, jobs: 1 }, 'one export for two presses');
    assert.equal(downloads.length, 1);
  } finally {
    page.off('download', onDownload);
    await s.context.unroute(/pdf_worker.*\.wasm$/, slow);
    await putDraft(page, await readFile(FIXTURE, 'utf8'));
  }
});

test('leaving the review page while the PDF is made still downloads it, without an error', async () => {
  const { page, origin } = s;
  const errorsBefore = s.consoleErrors.length;
  // The worker's WebAssembly is held back, so the export outlives the page
  // that started it (and its half-second progress timer fires after it left).
  const slow = async (route) => { await new Promise((ok) => setTimeout(ok, 1500)); await route.continue(); };
  await s.context.route(/pdf_worker.*\.wasm$/, slow);
  try {
    await page.goto(origin + '/plan/revisar');
    await ready(page);
    const downloaded = page.waitForEvent('download', { timeout: 30000 });
    await page.getByRole('button', { name: 'Exportar PDF' }).click();
    await page.getByRole('link', { name: 'Ver versión para imprimir' }).click();
    await page.waitForURL('**/plan/imprimir');
    await ready(page);
    const download = await downloaded;
    const path = join(OUT, 'export-after-leaving.pdf');
    await download.saveAs(path);
    execFileSync('qpdf', ['--check', path]);
    // The page's state after the PDF came back was set (or left alone) by then.
    assert.deepEqual(s.consoleErrors.slice(errorsBefore), [], 'no error once the PDF is back');
    assert.equal(await page.locator('main h1').innerText(), PLAN_NAME, 'the print view works on');
  } finally {
    await s.context.unroute(/pdf_worker.*\.wasm$/, slow);
  }
});

/**
 * With `pattern` refused from the start (the review page's early start fails,
 * and so does the export's), «Exportar PDF» on the review page gives the
 * Spanish message with the JSON download. Returns the message and a way to
 * stop refusing.
 */
async function exportRefused(pattern) {
  const { page, origin } = s;
  const refuse = (route) => route.abort('connectionrefused');
  await s.context.route(pattern, refuse);
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  await page.getByRole('button', { name: 'Exportar PDF' }).click();
  const banner = page.locator('#error-exportacion');
  await banner.waitFor({ timeout: 15000 });
  assert.match(await banner.innerText(), /No se pudo cargar la parte de la herramienta que crea el PDF/);
  assert.equal(await banner.getAttribute('role'), 'alert');
  assert.equal(await banner.getByRole('button', { name: 'Descargar borrador (JSON)' }).count(), 1);
  return { banner, allow: () => s.context.unroute(pattern, refuse) };
}

test('a worker that cannot load gives a Spanish message with the JSON download; the next export works', async () => {
  const { page } = s;
  const errorsBefore = s.consoleErrors.length;
  const { banner, allow } = await exportRefused(/pdf_worker.*_loader\.js$/);
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Descargar borrador (JSON)' }).click(),
  ]);
  assert.match(json.suggestedFilename(), /\.json$/);
  assert.deepEqual(await axeCheck(s, 'revisar con error de exportación'), []);
  // The refused request is the only console error (the browser logs it).
  const errors = s.consoleErrors.splice(errorsBefore);
  assert.ok(errors.every((e) => /Failed to load resource|ERR_CONNECTION_REFUSED|pdf_worker/.test(e)), `errors: ${errors}`);

  await allow();
  const { path } = await exportPdf(page, 'export-after-failure.pdf');
  execFileSync('qpdf', ['--check', path]);
  assert.equal(await banner.count(), 0, 'the message goes away after a successful export');
});

test('font files that cannot be fetched give the same message; the next export fetches them and works', async () => {
  const errorsBefore = s.consoleErrors.length;
  const { banner, allow } = await exportRefused(FONTS);
  await allow();
  const errors = s.consoleErrors.splice(errorsBefore);
  assert.ok(errors.every((e) => /Failed to load resource|ERR_CONNECTION_REFUSED|PlanLocalSans/.test(e)), `errors: ${errors}`);
  const { path } = await exportPdf(s.page, 'export-after-font-failure.pdf');
  execFileSync('qpdf', ['--check', path]);
  const fonts = execFileSync('pdffonts', [path]).toString();
  assert.match(fonts, /PlanLocalSans-Regular/);
  assert.match(fonts, /PlanLocalSans-Bold/);
  assert.equal(await banner.count(), 0, 'the message goes away after a successful export');
});

test('the print view renders the plan from the export document and passes axe-core', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  await page.getByRole('link', { name: 'Ver versión para imprimir' }).click();
  await page.waitForURL('**/plan/imprimir');
  await ready(page);
  assert.equal(await page.locator('main h1').innerText(), PLAN_NAME);
  const main = await page.locator('main').innerText();
  assert.ok(main.includes(COMMITMENT), 'shows a commitment');
  assert.ok(main.includes('Municipio de Querétaro'), 'shows the jurisdiction');
  assert.ok(main.includes('Borrador'));
  // The contents link to the headings they list.
  const entry = page.locator('nav.print-contents a').first();
  const target = (await entry.getAttribute('href')).slice(1);
  assert.equal(await page.locator(`[id="${target}"]`).innerText(), await entry.innerText());
  assert.ok(await page.locator('svg.print-timeline__svg').count() >= 1, 'the timeline is drawn');
  assert.ok(await page.locator('main section.print-section h2').count() >= 2, 'one section per level-1 heading');
  assert.ok(await page.locator('main table caption').count() >= 1, 'tables keep their captions');
  assert.ok(await page.locator('main dl dt').count() >= 5, 'label/value rows as a description list');
  assert.deepEqual(await axeCheck(s, 'versión para imprimir'), []);
  await page.screenshot({ path: join(OUT, 'imprimir.png'), fullPage: true });

  // On paper: no app chrome, the document's page breaks (after the contents,
  // before each commitment's ficha), the PDF's typeface.
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['header.header', 'footer.footer', '.back-link', '.print-actions']) {
    assert.equal(await page.locator(sel).first().evaluate((e) => getComputedStyle(e).display), 'none', `${sel} hidden in print`);
  }
  assert.ok(await page.locator('.print-page-break').count() >= 2);
  assert.equal(await page.locator('.print-page-break').first().evaluate((e) => getComputedStyle(e).breakBefore), 'page');
  assert.ok(await page.evaluate(() => document.fonts.check('12px "Plan Local Sans"')), 'the PDF typeface is loaded');
  await page.emulateMedia({ media: null });
  const pdf = join(OUT, 'imprimir.pdf');
  await page.pdf({ path: pdf, format: 'Letter' });
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
  assert.ok(text.includes(COMMITMENT) && !text.includes('Regresar a la revisión'), 'printed without the app chrome');

  assert.deepEqual(s.consoleErrors, []);
  assert.deepEqual(s.foreignRequests, []);
});

test('a complete plan can be marked final with the keyboard; the PDF and the print view say so; a change makes it a draft again', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/');
  await ready(page);
  // Complete, and with what the quality review needs for the final version
  // (the fixture's only commitment has no gender perspective).
  const complete = JSON.parse(await readFile(FIXTURE, 'utf8'));
  complete.plan.commitments[0].alignment.gender = 'Indicadores desagregados por sexo; atiende a mujeres jefas de familia.';
  await putDraft(page, JSON.stringify(complete));
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  const status = page.locator('#estado-del-documento');
  assert.match(await status.innerText(), /Este plan es un borrador/);

  await tabTo(page, { text: 'Marcar como versión final' }, 400);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'estado-del-documento');
  assert.match(await status.innerText(), /Este plan es la versión final desde el \d\d\/\d\d\/\d{4}/);
  const stored = await waitForDraft(page, (d) => d.plan.final_mark?.fingerprint?.length === 16);
  assert.match(stored.plan.final_mark.on, /^\d{4}-\d\d-\d\d$/);
  assert.deepEqual(await axeCheck(s, 'revisar, versión final'), []);
  await page.screenshot({ path: join(OUT, 'revisar-version-final.png'), fullPage: true });

  const { path } = await exportPdf(page, 'export-final.pdf');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString('utf8').replace(/\s+/g, ' ');
  assert.match(text, /Versión final \(marcada el \d\d\/\d\d\/\d{4}\)/);
  assert.ok(!text.includes('Borrador'), 'no "Borrador" anywhere in a final plan');

  await page.getByRole('link', { name: 'Ver versión para imprimir' }).click();
  await page.waitForURL('**/plan/imprimir');
  await ready(page);
  assert.equal(await page.locator('.print-status').innerText(), 'Versión final');

  // A change to any answer makes it a draft again, and the page says why.
  await page.goto(origin + '/plan/problemas');
  await ready(page);
  await page.getByRole('link', { name: /^Cambiar/ }).first().click();
  await ready(page);
  const statement = page.locator('textarea').first();
  await statement.fill((await statement.inputValue()) + ' Actualizado.');
  await page.getByRole('button', { name: 'Guardar y continuar' }).click();
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  assert.match(await status.innerText(), /pero cambió después: ahora es un borrador/);
  await page.getByRole('button', { name: 'Marcar como versión final' }).click();
  assert.match(await status.innerText(), /es la versión final/);

  await page.getByRole('button', { name: 'Volver a borrador' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'estado-del-documento');
  assert.match(await status.innerText(), /Este plan es un borrador/);
  assert.equal((await focused(page)).id, 'estado-del-documento');
  await waitForDraft(page, (d) => d.plan.final_mark === undefined);
  assert.deepEqual(s.consoleErrors, []);
  assert.deepEqual(s.foreignRequests, []);
});

test('an unfinished plan lists what to complete, with links, instead of the button', async () => {
  const { page, origin } = s;
  const draft = JSON.parse(await readFile(FIXTURE, 'utf8'));
  draft.plan.monitoring = null;
  await putDraft(page, JSON.stringify(draft));
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  assert.equal(await page.getByRole('button', { name: 'Marcar como versión final' }).count(), 0);
  const link = page.locator('a[href="/plan/seguimiento"]', { hasText: 'Seguimiento' });
  assert.equal(await link.count(), 1, 'a link to the unfinished task');
  assert.deepEqual(await axeCheck(s, 'revisar, plan sin terminar'), []);
});

test('an optional radio question can be left unanswered again ("Quitar la respuesta"), with the keyboard', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/');
  await ready(page);
  await putDraft(page, await readFile(FIXTURE, 'utf8'));
  const keyAction = origin + '/plan/compromisos/1/acciones/1';
  await page.goto(keyAction);
  await ready(page);
  const clear = page.getByRole('button', { name: 'Quitar la respuesta de «Tipo de indicador»', exact: true });
  assert.equal(await clear.count(), 0, 'nothing to clear while unanswered');
  await page.getByLabel('Documental (un documento o producto)').check();
  await clear.waitFor();
  assert.deepEqual(await axeCheck(s, 'acción clave, respuesta opcional'), []);
  await page.getByRole('button', { name: 'Guardar y continuar' }).click();
  await waitForDraft(page, (d) => d.plan.commitments[0].key_actions[0].indicator.kind === 'documental');

  await page.goto(keyAction);
  await ready(page);
  await clear.focus();
  await page.keyboard.press('Enter');
  await clear.waitFor({ state: 'detached' });
  assert.equal(await page.locator('input[name="tipo-indicador"]:checked').count(), 0, 'no choice left');
  assert.equal((await focused(page)).id, 'tipo-indicador', 'focus on the first choice');
  await page.getByRole('button', { name: 'Guardar y continuar' }).click();
  await waitForDraft(page, (d) => d.plan.commitments[0].key_actions[0].indicator.kind === null);
  assert.deepEqual(s.consoleErrors, []);
});

test('the export session: no console errors, no foreign requests, axe clean', () => {
  assertClean(s);
});
