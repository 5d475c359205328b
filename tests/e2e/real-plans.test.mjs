// Issue 16's round trip of real published plans in the browser. Each draft of
// tests/fixtures/planes-reales/borradores/ (written by `cargo test --test
// real_plans`, which typed the published plan through the pages' inputs) is
// opened with «Abrir un borrador»; every expected string is on the open
// "Revise su plan" page and in the exported PDF's text, and «Descargar
// borrador (JSON)» gives back the same plan. Then one commitment of each plan
// is typed by keyboard only, as published (title, dates such as "Jul 2023"):
// nothing is refused, the ficha's overview says "En curso", and the review page
// shows it. Every page visited is checked by axe-core and for console errors.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, ready, axeCheck, assertClean, tabTo, openAllFolds, OUT } from './harness.mjs';

const DRAFTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'planes-reales', 'borradores');
const IDS = [
  'quintana-roo-2023-2025',
  'nuevo-leon-coalicion-2022-2024',
  'mx0087-estrategia-subnacional-2019-2021',
  'estado-de-mexico-tlalnepantla-2021-2022',
];
const PLANES = join(DRAFTS, '..');

const sessions = [];
after(async () => { for (const s of sessions) await endSession(s); });

const squash = (t) => t.replace(/\s+/g, '');

/** Expected strings not in `text` (whitespace ignored). */
function missing(expected, text) {
  const hay = squash(text);
  return expected.filter((e) => !hay.includes(squash(e)));
}

async function press(page, text, max = 80) {
  await tabTo(page, { text }, max);
  await page.keyboard.press('Enter');
}

async function typeInto(page, id, text, max = 60) {
  await tabTo(page, { id }, max);
  await page.keyboard.type(text);
  assert.equal(await page.inputValue('#' + id), text, `${id} holds what was typed`);
}

/** The first commitment the transcription publishes, with its dates as published. */
async function publishedCommitment(id) {
  const f = JSON.parse(await readFile(join(PLANES, `${id}.json`), 'utf8'));
  const c = f.compromisos[0];
  const title = (c.titulo.find((t) => t.idioma === 'es') ?? c.titulo[0]).texto;
  const asTyped = (d) => (d?.tal_como_se_publico ?? '');
  return { title, start: asTyped(c.periodo.inicio), end: asTyped(c.periodo.fin) };
}

for (const id of IDS) {
  test(`${id}: the draft opens whole, shows every published value, prints it and downloads the same plan`, async () => {
    const s = await startSession();
    sessions.push(s);
    const { page, origin } = s;
    const file = join(DRAFTS, `${id}.json`);
    const draft = JSON.parse(await readFile(file, 'utf8'));
    const expected = JSON.parse(await readFile(join(DRAFTS, `${id}.esperado.json`), 'utf8'));

    await page.goto(origin + '/abrir');
    await ready(page);
    await page.setInputFiles('#archivo-borrador', file);
    await page.waitForSelector('#borrador-elegido');
    assert.deepEqual(await axeCheck(s, `${id}: abrir (vista previa)`), []);
    await page.getByRole('button', { name: 'Abrir este borrador' }).click();
    await page.waitForURL('**/plan');
    await ready(page);

    // Revise su plan, every fold open.
    await page.goto(origin + '/plan/revisar');
    await ready(page);
    await openAllFolds(page);
    const review = await page.locator('main').innerText();
    assert.deepEqual(missing(expected, review), [], 'every published value is on the review page');
    assert.deepEqual(await axeCheck(s, `${id}: revisar`), []);

    // The PDF.
    const [pdf] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      page.getByRole('button', { name: 'Exportar PDF' }).click(),
    ]);
    const pdfPath = join(OUT, `real-${id}.pdf`);
    await pdf.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-raw', pdfPath, '-']).toString('utf8');
    // Words of a value split by a page break or a label beside it are still
    // found: each value's words, in order, each within 600 characters.
    const hay = squash(text);
    const absent = expected.filter((e) => {
      const words = e.split(/\s+/).filter(Boolean).map(squash);
      let from = 0;
      while ((from = hay.indexOf(words[0], from)) !== -1) {
        let pos = from + words[0].length;
        const ok = words.slice(1).every((w) => {
          const i = hay.indexOf(w, pos);
          if (i === -1 || i - pos > 600) return false;
          pos = i + w.length;
          return true;
        });
        if (ok) return false;
        from += 1;
      }
      return true;
    });
    assert.deepEqual(absent, [], 'every published value is in the PDF');

    // The JSON download is the same plan.
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Descargar borrador (JSON)' }).click(),
    ]);
    const jsonPath = join(OUT, `real-${id}.json`);
    await json.saveAs(jsonPath);
    const back = JSON.parse(await readFile(jsonPath, 'utf8'));
    assert.deepEqual(back.plan, draft.plan, 'the downloaded draft holds the same plan');
    console.log(`${id}: ${expected.length} values on the review page and in the PDF`);
    assertClean(s);
  });

  test(`${id}: one published commitment typed by keyboard only is saved as published`, async () => {
    const s = await startSession();
    sessions.push(s);
    const { page, origin } = s;
    const c = await publishedCommitment(id);
    // An empty plan: the commitment alone, so its dates are not checked
    // against a plan period the person has not typed.
    await page.goto(origin + '/plan/compromisos');
    await ready(page);
    await press(page, 'Agregar un compromiso');
    await page.waitForURL('**/plan/compromisos/nuevo');
    await ready(page);
    assert.deepEqual(await axeCheck(s, `${id}: compromiso nuevo`), []);
    await typeInto(page, 'nombre-compromiso', c.title);
    await typeInto(page, 'inicio-compromiso', c.start);
    await typeInto(page, 'termino-compromiso', c.end);
    await press(page, 'Guardar y continuar');
    await page.waitForURL('**/plan/compromisos/1/responsables');
    await ready(page);
    assert.equal(await page.locator('[role="alert"], .error-summary').count(), 0, 'nothing refused');

    await page.goto(origin + '/plan/compromisos/1');
    await ready(page);
    const hub = await page.locator('main').innerText();
    assert.match(hub, /En curso/);
    assert.deepEqual(await axeCheck(s, `${id}: ficha`), []);
    // What is missing is listed with links; following one by keyboard lands
    // on its field, with the focus there.
    const links = page.locator('.task-list__hint a[href*="#"]');
    assert.ok(await links.count() > 0, 'the ficha lists what is missing');
    const href = await links.first().getAttribute('href');
    const text = await links.first().innerText();
    await tabTo(page, { text });
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${href.split('#')[0]}**`);
    await ready(page);
    const field = href.split('#')[1];
    await page.waitForFunction((f) => document.activeElement?.id === f, field, { timeout: 3000 });
    assert.deepEqual(await axeCheck(s, `${id}: campo que falta`), []);

    await page.goto(origin + '/plan/revisar');
    await ready(page);
    await openAllFolds(page);
    const review = await page.locator('main').innerText();
    assert.deepEqual(missing([c.title], review), []);
    assert.match(review, /No proporcionado/, 'what is missing is listed');
    assert.deepEqual(await axeCheck(s, `${id}: revisar (tecleado)`), []);
    assertClean(s);
  });
}
