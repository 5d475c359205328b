// A commitment's classification ("Clasificación de la Alianza y Open Gov
// Challenge"), by keyboard only, on the complete plan of
// tests/fixtures/borrador-v5.json: from the task list to the commitment's ficha
// overview, the link (status «Opcional»), the page (focus on its heading, the
// suggestions of its two text fields), an area chosen with the arrow keys, a
// policy area typed, a sector too long (error summary with focus, its link to
// the field, the text kept), the box «Postular…» ticked, «Guardar y
// continuar» back to the overview (status «Clasificado» and its line). The
// draft in localStorage holds the classification and no unsaved input for the
// page; «Revise su plan» shows it with a «Cambiar» link to the page; input
// typed and not saved survives a reload under the page's unsaved key.
// axe-core on every kind of page; no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startSession, endSession, ready, axeCheck, assertClean, tabTo, focused, putDraft,
  waitForDraft, openAllFolds, OUT,
  arriver, press,
} from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', 'fixtures', 'borrador-v5.json');
const PAGE = '**/plan/compromisos/1/clasificacion';
const UNSAVED_KEY = 'compromiso/1/clasificacion';
const LINE = 'Anticorrupción · Apertura fiscal · Finanzas públicas · Postulado al Open Gov Challenge';

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const arrive = arriver(() => s);

const squash = (t) => t.replace(/\s+/g, ' ').trim();

test('a commitment classified by keyboard: stored, on its overview and on the review', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/');
  await ready(page);
  await putDraft(page, await readFile(FIXTURE, 'utf8'));
  await page.goto(origin + '/plan');
  await ready(page);

  // From the task list to the ficha's overview, by keyboard.
  await press(page, 'Compromisos');
  await arrive(page, '**/plan/compromisos');
  await press(page, 'Presupuesto participativo');
  await arrive(page, '**/plan/compromisos/1', 'ficha del compromiso');
  assert.match(await page.locator('#parte-clasificacion-estado').innerText(), /Opcional/);
  assert.equal(await page.locator('#parte-clasificacion-resumen').count(), 0, 'no line before it is classified');
  await press(page, 'Clasificación de la Alianza y Open Gov Challenge (opcional)');
  await arrive(page, PAGE, 'clasificación');
  assert.equal((await focused(page)).tag, 'H1', 'focus moves to the page heading');
  assert.equal(squash(await page.locator('main h1').innerText()), 'Clasificación de la Alianza y Open Gov Challenge');
  assert.equal(squash(await page.locator('main .caption').innerText()), 'Compromiso 1 · Clasificación');
  assert.match(await page.title(), /^Clasificación de la Alianza y Open Gov Challenge/);
  // Ten areas; suggestions for the two text fields.
  assert.equal(await page.locator('input[name="area-desafio"]').count(), 10);
  assert.equal(await page.getAttribute('#area-politica', 'list'), 'areas-de-politica');
  assert.equal(await page.locator('datalist#areas-de-politica option').count(), 28);
  assert.equal(await page.locator('datalist#sectores option').count(), 13);

  // Radios: Tab into the group, arrows choose (the second area).
  await tabTo(page, { id: 'area-desafio' });
  await page.keyboard.press('ArrowDown');
  assert.ok(await page.isChecked('#area-desafio-anticorrupcion'), 'Anticorrupción is chosen');
  await tabTo(page, { id: 'area-politica' });
  await page.keyboard.type('Apertura fiscal');
  // A sector too long: refused with the error summary, which takes the focus.
  await tabTo(page, { id: 'sector-compromiso' });
  await page.keyboard.insertText('x'.repeat(301));
  await tabTo(page, { id: 'postular-desafio' });
  await page.keyboard.press('Space');
  assert.ok(await page.isChecked('#postular-desafio'));
  await press(page, 'Guardar y continuar');
  await page.waitForSelector('#resumen-errores');
  await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores');
  assert.match(await page.title(), /^Error: /);
  const message = 'El sector debe tener 300 caracteres o menos';
  assert.ok((await page.locator('#resumen-errores').innerText()).includes(message));
  assert.deepEqual(await axeCheck(s, 'clasificación con errores'), []);
  assert.equal(await page.inputValue('#area-politica'), 'Apertura fiscal', 'what was typed is kept');
  assert.ok(await page.isChecked('#postular-desafio'), 'the box stays ticked');
  // The summary's link takes the focus to the field.
  await press(page, message, 10);
  await page.waitForFunction(() => document.activeElement?.id === 'sector-compromiso');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('Finanzas públicas');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/compromisos/1');

  // The overview says so; the draft holds it, and no unsaved input of the page.
  assert.match(await page.locator('#parte-clasificacion-estado').innerText(), /Clasificado/);
  assert.equal(squash(await page.locator('#parte-clasificacion-resumen').innerText()), LINE);
  const draft = await waitForDraft(page, (d) => d.plan.commitments[0].classification?.nominate === true);
  assert.deepEqual(draft.plan.commitments[0].classification, {
    challenge_area: 'anticorrupcion',
    policy_area: 'Apertura fiscal',
    sector: 'Finanzas públicas',
    practice: null,
    binding: null,
    nominate: true,
  });
  assert.ok(!(UNSAVED_KEY in (draft.unsaved ?? {})), 'the page left no unsaved input');

  // "Revise su plan": the rows, and «Cambiar» goes to the page.
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  await openAllFolds(page, { keyboard: true });
  const review = squash(await page.locator('main').innerText());
  for (const v of [
    'Área del Open Gov Challenge Anticorrupción',
    'Área de política principal Apertura fiscal',
    'Sector Finanzas públicas',
    'Práctica No proporcionado',
    'Cambio vinculante o institucional No proporcionado',
    'Postulado al Open Gov Challenge Sí',
  ]) assert.ok(review.includes(v), `the review shows "${v}"`);
  const changes = await page.locator('main a[href="/plan/compromisos/1/clasificacion?volver=revisar"]').count();
  assert.equal(changes, 6, 'each row changes on the classification page');
  assert.deepEqual(await axeCheck(s, 'revise su plan'), []);

  // Typed and not saved: kept under the page's key through a reload.
  await page.goto(origin + '/plan/compromisos/1/clasificacion');
  await ready(page);
  assert.ok(await page.isChecked('#area-desafio-anticorrupcion'), 'the saved area is shown');
  await tabTo(page, { id: 'sector-compromiso' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Salud');
  await waitForDraft(page, (d) => d.unsaved?.[UNSAVED_KEY]?.['sector-compromiso'] === 'Salud');
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('#sector-compromiso'), 'Salud');
  await page.screenshot({ path: join(OUT, 'clasificacion.png'), fullPage: true });
  // «Guardar y volver más tarde» saves it and goes to the task list.
  await press(page, 'Guardar y volver más tarde', 120);
  await arrive(page, '**/plan');
  const later = await waitForDraft(page, (d) => d.plan.commitments[0].classification?.sector === 'Salud');
  assert.ok(!(UNSAVED_KEY in (later.unsaved ?? {})));
  assertClean(s);
});
