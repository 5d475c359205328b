// Comment rounds («Observaciones», issue 19), by keyboard: the team exports
// its plan's PDF (commitment 13 of the 4th national plan, with a second
// commitment); a reviewer, in a browser without that draft, opens the PDF on
// «Revisar un plan» (read, never made a draft), gives name and organisation,
// comments on the two commitments (one in general, one on the second's name), finds
// the work again after a reload, and downloads the comments file; the team,
// with its draft open, opens that file on «Contestar observaciones», answers
// both (aceptada; aceptada en parte), filters by state, and finds the
// answers on «Respuesta razonada» and in the plan's PDF text. axe-core on
// every page; no console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startSession, endSession, assertClean, arriver, press, tabTo, putDraft, waitForDraft,
  pdfText, flat, ready, OUT,
} from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', 'fixtures', 'planes-reales', 'borradores', 'mx0087-estrategia-subnacional-2019-2021.json');
const WORK_KEY = 'plan-local-ga/observaciones';
const SECOND = 'Portal local de datos abiertos';
const FIRST_TEXT = 'Falta una meta medible para 2021.';
const SECOND_TEXT = 'El nombre no dice quién publica los datos.';
const REASON_1 = 'Se agregó la meta al indicador.';
const REASON_2 = 'Se nombra a la dependencia; el resto queda igual.';

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const arrive = arriver(() => s);

/** The commitment-13 plan of the fixture with a second commitment (a renamed copy). */
async function teamDraft() {
  const d = JSON.parse(await readFile(FIXTURE, 'utf8'));
  const copy = structuredClone(d.plan.commitments[0]);
  copy.id = 2;
  copy.name = SECOND;
  delete copy.ogp;
  d.plan.commitments.push(copy);
  return JSON.stringify(d, null, 2);
}

/** Tabs to the «Agregar observación» of the disclosure whose select has `selectId`. */
async function tabToDisclosure(page, selectId, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((id) => {
      const el = document.activeElement;
      return el?.tagName === 'SUMMARY' && !!el.parentElement?.querySelector(`#${id}`);
    }, selectId);
    if (hit) return;
  }
  throw new Error(`Could not reach the disclosure of #${selectId} with Tab`);
}

async function exportPdf(page, name) {
  await tabTo(page, { text: 'Exportar PDF' }, 400);
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.keyboard.press('Enter')]);
  return file;
}

let pdfPath;
let commentsPath;
let draft;

test('the team exports its plan as a PDF', async () => {
  const { page, origin } = s;
  draft = await teamDraft();
  await page.goto(origin + '/');
  await ready(page);
  await putDraft(page, draft);
  await page.goto(origin + '/plan/revisar');
  await arrive(page, origin + '/plan/revisar', 'revisar');
  const file = await exportPdf(page);
  pdfPath = join(OUT, 'observaciones-plan.pdf');
  await file.saveAs(pdfPath);
});

test('a reviewer opens the PDF read-only, comments on two commitments and downloads the comments', async () => {
  const { page, origin } = s;
  // Another person's browser: no draft of this plan.
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
  await page.goto(origin + '/observaciones');
  await arrive(page, origin + '/observaciones', 'observaciones');
  await press(page, 'Revisar un plan');
  await arrive(page, origin + '/observaciones/revisar', 'revisar-un-plan');
  await page.setInputFiles('#archivo-plan', pdfPath);
  await page.waitForSelector('#plan-abierto');
  assert.match(await page.locator('#plan-abierto').innerText(), /Cuarto Plan de Acción 2019-2021/);
  // Read-only: no «Cambiar» link to a page of the plan.
  assert.equal(await page.locator('main a[href^="/plan/"]').count(), 0, 'no link changes the plan');

  await tabTo(page, { id: 'nombre-revisor' }, 60);
  await page.keyboard.type('Ana López');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Colectivo Ciudadano');
  await page.keyboard.press('Tab');

  // Commitment 1, in general.
  await tabToDisclosure(page, 'obs-compromiso-1-sobre');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); // what it is about: «El compromiso en general»
  await page.keyboard.press('Tab');
  await page.keyboard.type(FIRST_TEXT);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText('Se agregó su observación sobre «El compromiso en general».').waitFor();
  await arrive(page, origin + '/observaciones/revisar', 'revisar-con-observacion');

  // Commitment 2, on a field: the first row of its ficha (its name).
  await tabToDisclosure(page, 'obs-compromiso-2-sobre');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.type(SECOND_TEXT);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText('Se agregó su observación sobre «Compromiso 2 · Nombre».').waitFor();

  const work = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), WORK_KEY));
  assert.equal(work.comments.comments.length, 2);
  assert.equal(work.comments.reviewer.name, 'Ana López');
  assert.deepEqual(work.comments.comments.map((c) => c.commitment.id), [1, 2]);
  assert.equal(work.comments.comments[1].field.row, 'Nombre');
  assert.equal(work.comments.comments[1].field.value, SECOND);
  const drafts = await page.evaluate((k) => Object.keys(localStorage)
    .filter((key) => key !== k && key.startsWith('plan-local-ga/'))
    .map((key) => localStorage.getItem(key)), WORK_KEY);
  assert.ok(!drafts.some((t) => t.includes('Cuarto Plan de Acción')), 'the plan was not made a draft');

  // The work survives a reload.
  await page.reload();
  await ready(page);
  await page.getByRole('heading', { name: 'Sus observaciones (2)' }).waitFor();

  await tabTo(page, { id: 'descargar-observaciones' }, 120);
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(file.suggestedFilename(), /^observaciones-cuarto-plan-de-accion-2019-2021-ana-lopez\.json$/);
  commentsPath = join(OUT, file.suggestedFilename());
  await file.saveAs(commentsPath);
  const saved = JSON.parse(await readFile(commentsPath, 'utf8'));
  assert.equal(saved.format, 'plan-local-gobierno-abierto/observaciones');
  assert.equal(saved.version, 1);
  assert.equal(saved.reviewer.organization, 'Colectivo Ciudadano');
  assert.deepEqual(saved.comments.map((c) => c.text), [FIRST_TEXT, SECOND_TEXT]);
  await page.getByText(/Se descargó «observaciones-.*» con 2 observaciones/).waitFor();
});

test('the team opens the comments, answers both, and finds the answers in the reasoned response and the PDF', async () => {
  const { page, origin } = s;
  await putDraft(page, draft);
  await page.goto(origin + '/observaciones/contestar');
  await arrive(page, origin + '/observaciones/contestar', 'contestar');
  await page.setInputFiles('#archivos-observaciones', [commentsPath, pdfPath]);
  await page.waitForSelector('#resultado-observaciones');
  const result = await page.locator('#resultado-observaciones').innerText();
  assert.match(result, /2 observaciones de Ana López, Colectivo Ciudadano\./);
  assert.match(result, /es el PDF de un plan, no un archivo de observaciones/);
  await arrive(page, origin + '/observaciones/contestar', 'contestar-con-observaciones');
  const cards = await page.locator('.comments__card').all();
  assert.equal(cards.length, 2);
  assert.match(await cards[0].innerText(), new RegExp(FIRST_TEXT));
  assert.match(await cards[1].innerText(), /En el plan ahora: Portal local de datos abiertos/);

  const radios = await page.evaluate(() => [...document.querySelectorAll('.comments__card')]
    .map((c) => c.querySelector('input[type=radio]').id));
  // First: aceptada (Space checks the focused radio).
  await tabTo(page, { id: radios[0] }, 200);
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type(REASON_1);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText('Se guardó la respuesta: Aceptada. Está en la respuesta razonada del plan.').waitFor();
  // Second: aceptada en parte (the arrow key moves to the next answer).
  await tabTo(page, { id: radios[1] }, 200);
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.type(REASON_2);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText('Se guardó la respuesta: Aceptada en parte. Está en la respuesta razonada del plan.').waitFor();

  const saved = await waitForDraft(page, (d) => d.plan.responses.length === 2);
  const [r1, r2] = saved.plan.responses;
  assert.equal(r1.input, FIRST_TEXT);
  assert.match(r1.source, /^Ana López, Colectivo Ciudadano, observaciones del \d\d\/\d\d\/\d{4}$/);
  assert.deepEqual([r1.decision, r1.commitment, r1.reason, r1.partly], ['incorporada', 1, REASON_1, undefined]);
  assert.deepEqual([r2.decision, r2.commitment, r2.reason, r2.partly], ['incorporada', 2, REASON_2, true]);

  // Filter: no comment is left without an answer.
  await tabTo(page, { id: 'filtro-estado' }, 200);
  await page.keyboard.press('ArrowDown');
  await page.getByText('Se muestran 0 de 2 observaciones.').waitFor();

  await page.goto(origin + '/plan/respuesta-razonada');
  await arrive(page, origin + '/plan/respuesta-razonada', 'respuesta-razonada');
  const list = await page.locator('main').innerText();
  assert.match(list, new RegExp(FIRST_TEXT));
  assert.match(list, /Compromiso 2/);

  await page.goto(origin + '/plan/revisar');
  await arrive(page, origin + '/plan/revisar', 'revisar');
  const text = await pdfText(await exportPdf(page), 'observaciones-contestadas.pdf');
  for (const needle of [FIRST_TEXT, SECOND_TEXT, REASON_1, REASON_2, 'Se incorporó en parte', 'Ana López, Colectivo Ciudadano, observaciones del']) {
    assert.ok(text.includes(flat(needle)), `${needle} in the PDF's text`);
  }
});

test('the session is clean', () => {
  assertClean(s);
});
