// Good practices (issue 20), by keyboard: two plans added on «Articulación
// nacional»; «Marcar como buena práctica» refused empty (the error summary
// takes the focus, each error beside its field), then a commitment marked
// with three reasons and a note, a second one marked, a third marked and its
// mark removed; the marks in their own storage key; «Descargar la biblioteca
// (JSON)» and its content; then, on the drafting app's commitment page,
// «Ver ejemplos» (the articulation bundle fetched only then), the library
// loaded with a draft given by mistake (its sentence), the example of the
// commitment's own national commitment shown first and read in full, the
// filter set to all, the library remembered after a reload, and the way
// back to the commitment. axe-core on each page and state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startSession, endSession, assertClean, focused, arriver, press, tabTo, OUT,
  bundlesOf, download, putDraft,
} from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(here, '..', 'fixtures', 'planes-reales', 'borradores');
const MARKS_KEY = 'plan-local-ga/buenas-practicas';
const LIBRARY_KEY = 'plan-local-ga/ejemplos';
const NOTE = 'Replica la estrategia nacional con un estudio, un espacio de coordinación y la socialización del modelo; sus ponderaciones son claras.';

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const arrive = arriver(() => s);
const EXAMPLES_URL = /\/ejemplos\?compromiso=1$/;

/**
 * Tabs to the button whose text, spaces joined, is `name` (part of it may be
 * visually hidden), and presses Enter.
 */
async function pressNamed(page, name, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => document.activeElement?.innerText?.replace(/\s+/g, ' ').trim());
    if (text === name) return page.keyboard.press('Enter');
  }
  throw new Error(`Could not reach ${name} with Tab`);
}

/** Focuses `selector` as the page's own links do, then presses Tab until `id` has the focus. */
async function tabFrom(page, selector, id, max = 40) {
  await page.locator(selector).focus();
  await tabTo(page, { id }, max);
}

/** Chooses the select's next option with the arrow key (a closed select in Chromium changes at once). */
async function nextOption(page, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press('ArrowDown');
}

test('a coordinator marks good practices and downloads the library; a drafting team reads it as examples', async () => {
  const { page, origin } = s;
  const dir = join(OUT, 'practicas');
  await mkdir(dir, { recursive: true });

  // Two plans: the national strategy's commitment as Jalisco's local plan
  // (aligned «replica» MX0087), and Quintana Roo's real plan.
  const base = JSON.parse(await readFile(join(FIXTURES, 'mx0087-estrategia-subnacional-2019-2021.json'), 'utf8'));
  const jalisco = structuredClone(base);
  jalisco.plan.profile.plan_name = 'Plan de Acción Local de Jalisco';
  jalisco.plan.profile.jurisdictions = [{ kind: 'estado', name: 'Jalisco', inegi_code: '14', lead: true }];
  jalisco.plan.commitments[0].alignment.national = { relation: 'replica', commitment: 'MX0087' };
  const jaliscoText = JSON.stringify(jalisco, null, 2);
  const jaliscoPath = join(dir, 'jalisco.json');
  await writeFile(jaliscoPath, jaliscoText);
  const qrooPath = join(FIXTURES, 'quintana-roo-2023-2025.json');
  const qroo = JSON.parse(await readFile(qrooPath, 'utf8'));
  const title = jalisco.plan.commitments[0].name;

  await page.goto(origin + '/articulacion');
  await arrive(page, '**/articulacion', 'articulación vacía');
  assert.equal(await page.locator('#buenas-practicas').count(), 0, 'no section without plans or marks');
  await page.setInputFiles('#archivos-planes', [jaliscoPath, qrooPath]);
  await page.waitForFunction(() => document.activeElement?.id === 'resultado-agregar');
  assert.match(await page.locator('#resultado-agregar').innerText(), /Se agregaron 2 planes\./);
  assert.match(await page.locator('#buenas-practicas ~ p').first().innerText(), /Marque los compromisos locales/);
  assert.match(await page.locator('main').innerText(), /Todavía no ha marcado buenas prácticas\./);

  // Nothing chosen: the summary takes the focus; each error beside its field.
  await tabFrom(page, '#buenas-practicas', 'practica-nota');
  await press(page, 'Marcar como buena práctica', 5);
  await page.waitForFunction(() => document.activeElement?.id === 'buenas-practicas-errores');
  assert.deepEqual(await page.locator('#buenas-practicas-errores li').allInnerTexts(), [
    'Seleccione el plan',
    'Seleccione al menos una razón por la que es una buena práctica',
    'Escriba una nota breve que diga por qué es una buena práctica',
  ]);
  assert.equal((await page.locator('#practica-plan-error').innerText()).replace(/\s+/g, ' '), 'Error: Seleccione el plan');
  assert.match(await page.locator('#practica-plan').getAttribute('aria-describedby'), /practica-plan-error/);
  assert.match(await page.locator('#practica-nota').getAttribute('aria-describedby'), /practica-nota-error/);
  await arrive(page, '**/articulacion', 'buenas prácticas: errores');

  // The summary's first link leads to the plan; then each field by Tab.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'practica-plan');
  await nextOption(page);
  assert.equal(await page.locator('#practica-plan option:checked').innerText(), 'Plan de Acción Local de Jalisco');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'practica-compromiso');
  await nextOption(page);
  assert.equal(await page.locator('#practica-compromiso option:checked').innerText(), `Compromiso 1: ${title}`);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'practica-razones');
  await page.keyboard.press('Space'); // replicabilidad
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // articulación
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // resultados
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'practica-nota');
  await page.keyboard.type(NOTE);
  assert.match(await page.locator('#practica-nota-cuenta').innerText(), /^Le quedan \d+ caracteres de 500$/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'buenas-practicas-aviso');
  assert.equal(await page.locator('#buenas-practicas-aviso').innerText(),
    `Se marcó como buena práctica el compromiso «${title}», del plan «Plan de Acción Local de Jalisco».`);
  assert.equal(await page.locator('#buenas-practicas-errores').count(), 0, 'the summary is gone');
  const row = await page.locator('table', { hasText: /marcadas/ }).locator('tbody tr').first().innerText();
  assert.match(row, new RegExp(`Compromiso 1: ${title}`));
  assert.match(row, /Replicabilidad, Articulación, Resultados/);
  await arrive(page, '**/articulacion', 'buenas prácticas: marcada');

  // Two of Quintana Roo's commitments; the second one's mark removed.
  for (const [n, reason] of [[1, 3], [3, 2]]) {
    await tabFrom(page, '#buenas-practicas', 'practica-plan', 60);
    await nextOption(page, 2);
    await page.keyboard.press('Tab');
    await nextOption(page, n);
    await page.keyboard.press('Tab');
    for (let i = 0; i < reason; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    for (let i = reason; i < 4; i++) await page.keyboard.press('Tab');
    await page.keyboard.type(`Compromiso ${n} de Quintana Roo.`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => document.getElementById('buenas-practicas-aviso')?.innerText.includes(t),
      'del plan «' + qroo.plan.profile.plan_name + '»');
  }
  const third = qroo.plan.commitments[2].name;
  await page.locator('#buenas-practicas').focus();
  await pressNamed(page, `Quitar la marca de «${third}»`, 40);
  await page.waitForFunction(() => document.activeElement?.id === 'buenas-practicas-aviso');
  assert.equal(await page.locator('#buenas-practicas-aviso').innerText(),
    `Se quitó la marca de buena práctica del compromiso «${third}».`);
  const marks = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), MARKS_KEY));
  assert.equal(marks.format, 'plan-local-gobierno-abierto/buenas-practicas');
  assert.deepEqual(marks.marks.map((m) => [m.commitment, m.reasons]),
    [[1, ['replicabilidad', 'articulacion', 'resultados']], [1, ['resultados']]]);
  assert.equal(marks.marks[0].note, NOTE);

  // The library: both practices, each readable without the plans.
  await page.locator('#buenas-practicas').focus();
  const file = await download(page, { id: 'descargar-biblioteca' });
  assert.equal(file.suggestedFilename(), 'biblioteca-buenas-practicas.json');
  const libraryPath = join(dir, 'biblioteca-buenas-practicas.json');
  await file.saveAs(libraryPath);
  const library = JSON.parse(await readFile(libraryPath, 'utf8'));
  assert.equal(library.format, 'plan-local-gobierno-abierto/biblioteca-buenas-practicas');
  assert.equal(library.version, 1);
  assert.match(library.date, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(library.practices.length, 2);
  const [first, second] = library.practices;
  assert.equal(first.plan.name, 'Plan de Acción Local de Jalisco');
  assert.equal(first.plan.jurisdiction, 'Estado de Jalisco');
  assert.deepEqual(first.plan.states, ['Jalisco']);
  assert.equal(first.commitment.title, title);
  assert.equal(first.commitment.problem, base.plan.commitments[0].objectives.problem_text);
  assert.deepEqual(first.commitment.key_actions.map((k) => k.weight), [35, 40, 25]);
  assert.equal(first.commitment.national.relation, 'replica');
  assert.equal(first.commitment.national.id, 'MX0087');
  assert.deepEqual(first.commitment.sdg_targets, base.plan.commitments[0].alignment.sdg_targets);
  assert.deepEqual(first.commitment.ogp_values, ['transparencia', 'participacion']);
  assert.deepEqual(first.reasons, ['replicabilidad', 'articulacion', 'resultados']);
  assert.equal(first.note, NOTE);
  assert.equal(second.plan.name, qroo.plan.profile.plan_name);
  assert.deepEqual(second.plan.states, ['Quintana Roo']);

  // Removing a plan keeps its mark, waiting and out of the library; adding
  // the plan again brings it back.
  await page.locator('#planes-agregados').focus();
  await pressNamed(page, `Quitar «${qroo.plan.profile.plan_name}»`, 20);
  await page.waitForFunction(() => document.activeElement?.id === 'planes-agregados');
  const section = () => page.locator('#buenas-practicas ~ *').allInnerTexts().then((t) => t.join('\n'));
  assert.match(await section(), /El plan no está en la lista: agréguelo de nuevo para incluir esta práctica en la biblioteca\./);
  assert.match(await section(), /1 buena práctica no entra en la biblioteca porque su plan o su compromiso no está en la lista de planes\./);
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), MARKS_KEY)).marks.length, 2);
  await arrive(page, '**/articulacion', 'buenas prácticas: plan quitado');
  await page.setInputFiles('#archivos-planes', [qrooPath]);
  await page.waitForFunction(() => document.activeElement?.id === 'resultado-agregar');
  assert.doesNotMatch(await section(), /El plan no está en la lista|no entra en la biblioteca/);

  // The drafting team: Jalisco's draft open, on its commitment's page. «Ver
  // ejemplos» fetches the articulation bundle only then.
  await putDraft(page, jaliscoText);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(origin + '/plan/compromisos/1');
  await arrive(page, '**/plan/compromisos/1', 'ficha del compromiso');
  assert.deepEqual(bundlesOf(requests), ['app']);
  requests.length = 0;
  await page.locator('h1').focus();
  await press(page, 'Ver ejemplos', 20);
  await arrive(page, EXAMPLES_URL, 'ejemplos sin biblioteca');
  assert.deepEqual(bundlesOf(requests), ['articulacion']);
  assert.equal(await page.locator('h1').innerText(), 'Ejemplos de buenas prácticas');
  assert.equal((await focused(page)).tag, 'H1');
  assert.equal(await page.locator('a.back-link').innerText(), 'Regresar al compromiso 1');

  // «Cargar una biblioteca»: the library and, by mistake, a draft.
  await page.setInputFiles('#biblioteca-archivo', [libraryPath, jaliscoPath]);
  await page.waitForFunction(() => document.activeElement?.id === 'resultado-biblioteca');
  assert.match(await page.locator('#resultado-biblioteca').innerText(),
    /^Se agregaron 2 ejemplos\. 1 archivo no se pudo leer: vea por qué abajo\./);
  assert.equal(await page.locator('#resultado-biblioteca li').innerText(),
    'jalisco.json: Este archivo es un borrador, no una biblioteca de buenas prácticas; ábralo en «Abrir un borrador».');

  // The commitment replicates MX0087: its examples first, said so.
  assert.match(await page.locator('#ejemplos-compromiso').inputValue(), /\nMX0087$/);
  assert.match(await page.locator('main').innerText(), /Se muestran los ejemplos vinculados al compromiso nacional MX0087/);
  assert.match(await page.locator('#ejemplos-cuenta').innerText(), /^Se muestran 1 de 2 ejemplos\./);
  assert.deepEqual(await page.locator('article.practice h3').allInnerTexts(), [title]);
  await arrive(page, EXAMPLES_URL, 'ejemplos cargados');

  // Read in full: the fold opened by keyboard.
  await page.locator('#ejemplos').focus();
  for (let i = 0; i < 10 && (await focused(page)).tag !== 'SUMMARY'; i++) await page.keyboard.press('Tab');
  assert.equal((await focused(page)).tag, 'SUMMARY');
  await page.keyboard.press('Enter');
  const example = page.locator('article.practice').first();
  await example.locator('details[open]').waitFor();
  const text = await example.innerText();
  assert.match(text, /Replicabilidad\s+Articulación\s+Resultados/);
  assert.ok(text.includes(NOTE));
  assert.match(text, /Plan de Acción Local de Jalisco · Estado de Jalisco · Jalisco · /);
  assert.ok(text.includes(base.plan.commitments[0].objectives.problem_text.slice(0, 60)));
  assert.match(text, /\(35 %\)[\s\S]*\(40 %\)[\s\S]*\(25 %\)/);
  assert.match(text, /Replica el compromiso nacional MX0087/);
  assert.match(text, /16\.10\. /);
  assert.match(text, /Transparencia, Participación ciudadana/);
  await arrive(page, EXAMPLES_URL, 'ejemplo abierto');
  await page.screenshot({ path: join(dir, 'ejemplos.png'), fullPage: true });

  // Every national commitment: both examples.
  await page.locator('#ejemplos-compromiso').focus();
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.getElementById('ejemplos-cuenta')?.innerText.startsWith('2 ejemplos.'));
  assert.equal((await page.locator('article.practice h3').allInnerTexts()).length, 2);

  // Remembered after a reload, under its own key.
  await page.reload();
  await arrive(page, EXAMPLES_URL, null);
  await page.locator('#ejemplos-cuenta').waitFor();
  assert.equal((await page.locator('article.practice h3').allInnerTexts()).length, 1, 'its own national commitment first again');
  const kept = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), LIBRARY_KEY));
  assert.equal(kept.practices.length, 2);

  // Back to the commitment.
  await page.locator('h1').focus();
  await press(page, 'Volver al compromiso 1', 80);
  await arrive(page, '**/plan/compromisos/1', null);
  assert.equal(await page.locator('h1').innerText(), `Compromiso 1: ${title}`);
  assert.equal((await focused(page)).tag, 'H1');

  assertClean(s);
});
