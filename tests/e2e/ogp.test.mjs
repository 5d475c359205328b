// What OGP and the monitoring body publish, typed by keyboard only: the
// Quintana Roo 2023-2025 plan (tests/fixtures/planes-reales/) — its OGP record
// with a forum session (a second one added and removed again, focus back on
// "Agregar una sesión") and a co-creation event, and commitment MXROO0007's
// record (its id, its English title, the inception assessment). Then
// "Revise su plan" shows every value (the English title with lang="en") and
// the PDF's text holds them. axe-core runs on every kind of page visited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, ready, axeCheck, assertClean, tabTo, focused, OUT, openAllFolds } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const QROO = JSON.parse(await readFile(
  join(here, '..', 'fixtures', 'planes-reales', 'quintana-roo-2023-2025.json'), 'utf8'));
const C7 = QROO.compromisos.find((c) => c.id_ogp === 'MXROO0007');
const TITLE_EN = C7.titulo.find((t) => t.idioma === 'en').texto;
const PLAN_NAME_EN = QROO.plan.nombre.find((n) => n.idioma === 'en').texto;
const SESSION = QROO.foro.sesiones[0];
const EVENT = QROO.eventos_de_cocreacion[2];

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const checked = new Set();

async function arrive(page, url, kind) {
  await page.waitForURL(url);
  await ready(page);
  if (kind && !checked.has(kind)) {
    checked.add(kind);
    assert.deepEqual(await axeCheck(s, kind), [], `axe-core finds nothing on "${kind}"`);
  }
}

async function typeInto(page, id, text, max = 60) {
  await tabTo(page, { id }, max);
  await page.keyboard.type(text);
  assert.equal(await page.inputValue('#' + id), text, `${id} holds what was typed`);
}

async function press(page, text, max = 60) {
  await tabTo(page, { text }, max);
  await page.keyboard.press('Enter');
}

/** Tabs to a control and presses Space (a radio or a checkbox). */
async function choose(page, id) {
  await tabTo(page, { id }, 80);
  await page.keyboard.press('Space');
  assert.ok(await page.isChecked('#' + id), `${id} is chosen`);
}

/** Tabs until the focused element's aria-label is `label`. */
async function tabToLabel(page, label, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((l) => document.activeElement?.getAttribute('aria-label') === l, label)) return;
  }
  throw new Error(`Could not reach "${label}" with Tab`);
}

test('the Quintana Roo plan\'s OGP record and commitment MXROO0007, typed by keyboard, reach the review and the PDF', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/');
  await ready(page);
  await press(page, 'Comenzar');
  await arrive(page, '**/plan');

  // The profile: the state, a name and the period as published (months).
  await press(page, 'Perfil de la jurisdicción');
  await arrive(page, '**/plan/perfil');
  await tabTo(page, { id: 'tipo-jurisdiccion' });
  await page.keyboard.press('Space');
  await tabTo(page, { id: 'estado' });
  await page.keyboard.type('Quin');
  assert.equal(await page.inputValue('#estado'), QROO.jurisdicciones[0].clave_inegi);
  await typeInto(page, 'nombre-plan', 'Plan de Acción Local de Gobierno Abierto de Quintana Roo 2023-2025');
  await typeInto(page, 'inicio-plan', '07/2023');
  await typeInto(page, 'termino-plan', '12/2025');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/perfil/contacto');
  await press(page, 'Guardar y volver más tarde');
  await arrive(page, '**/plan');

  // The commitment, then its OGP record from the ficha's overview.
  await press(page, 'Compromisos');
  await arrive(page, '**/plan/compromisos');
  await press(page, 'Agregar un compromiso');
  await arrive(page, '**/plan/compromisos/nuevo');
  await typeInto(page, 'nombre-compromiso', 'Mesa de cocreación sobre anticorrupción y medio ambiente');
  await typeInto(page, 'inicio-compromiso', '07/2023');
  await typeInto(page, 'termino-compromiso', '12/2025');
  await press(page, 'Guardar y volver más tarde');
  await arrive(page, '**/plan');
  await page.goto(origin + '/plan/compromisos/1');
  await ready(page);
  assert.match(await page.locator('#parte-ogp-estado').innerText(), /Opcional/);
  await press(page, 'Identificador, títulos y valoraciones de OGP (opcional)', 80);
  await arrive(page, '**/plan/compromisos/1/ogp', 'compromiso: registro en OGP');
  assert.equal(await page.getAttribute('#titulo-en', 'lang'), 'en', 'the English title is typed as English');
  await typeInto(page, 'id-ogp', C7.id_ogp);
  await typeInto(page, 'titulo-en', TITLE_EN);
  const rated = C7.valoracion_inicial;
  assert.equal(rated.verificable.valor, 'Yes');
  await choose(page, 'verificable'); // Sí
  assert.equal(rated.relevante_a_valores_ogp.valor, 'Yes');
  await choose(page, 'relevante'); // Sí
  assert.deepEqual(C7.valores_ogp.valores_en, ['Civic Participation', 'Public Accountability']);
  await choose(page, 'valores-publicados-participacion-civica');
  await choose(page, 'valores-publicados-rendicion-cuentas');
  assert.equal(rated.nuevo_o_continuo.valor, 'nuevo');
  await choose(page, 'practica'); // Nuevo
  assert.equal(rated.vinculante.valor, 'sí');
  await choose(page, 'vinculante'); // Sí
  await press(page, 'Guardar y continuar', 120);
  await arrive(page, '**/plan/compromisos/1');
  assert.match(await page.locator('#parte-ogp-estado').innerText(), /Registrado/);

  // The plan's record, from the task list.
  await page.goto(origin + '/plan');
  await ready(page);
  await press(page, 'Registro en la Alianza para el Gobierno Abierto (opcional)', 80);
  await arrive(page, '**/plan/registro-ogp', 'registro en OGP');
  await choose(page, 'programa-ogp'); // OGP Local
  await typeInto(page, 'numero-plan-ogp', String(QROO.plan.numero_de_plan.valor));
  await typeInto(page, 'nombre-plan-ingles', PLAN_NAME_EN);
  // Two evaluators, one a line.
  const [first, second] = QROO.organo_de_monitoreo_local.evaluadores;
  await typeInto(page, 'evaluadores', first.persona);
  await page.keyboard.press('Enter');
  await page.keyboard.type(second.persona);
  await press(page, 'Guardar y continuar', 80);

  // Sessions: one from the plan, a second added and removed by keyboard.
  await arrive(page, '**/plan/registro-ogp/sesiones', 'sesiones del foro');
  for (const [date, note] of [[SESSION.fecha.tal_como_se_publico, SESSION.evento], ['05/12/2022', 'Sesión de prueba']]) {
    await press(page, 'Agregar una sesión');
    await arrive(page, '**/plan/registro-ogp/sesiones/nuevo', 'sesión del foro');
    await typeInto(page, 'fecha-sesion', date);
    await typeInto(page, 'nota-sesion', note);
    await press(page, 'Guardar y continuar');
    await arrive(page, '**/plan/registro-ogp/sesiones');
  }
  assert.equal(await page.locator('tbody tr').count(), 2);
  await tabToLabel(page, 'Eliminar la sesión 2');
  await page.keyboard.press('Enter');
  // Focus moves to the confirmation (on the next frame).
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alertdialog');
  assert.match((await focused(page)).id, /^confirmar-/, 'focus is on the confirmation');
  await press(page, 'Sí, eliminar', 5);
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
  await page.waitForFunction(() => document.activeElement?.id === 'agregar-sesion');
  assert.ok((await page.locator('main').innerText()).includes('04/11/2022'));
  await press(page, 'Continuar');

  // An undated co-creation event.
  await arrive(page, '**/plan/registro-ogp/eventos', 'eventos de cocreación');
  await press(page, 'Agregar un evento');
  await arrive(page, '**/plan/registro-ogp/eventos/nuevo', 'evento de cocreación');
  await typeInto(page, 'nombre-evento', EVENT.evento);
  await typeInto(page, 'fuente-evento', 'Informe inicial de OGP');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/registro-ogp/eventos');
  await press(page, 'Continuar');
  await arrive(page, '**/plan');

  // "Revise su plan" shows all of it; the English texts are marked English.
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  await openAllFolds(page);
  assert.deepEqual(await axeCheck(s, 'revise su plan'), []);
  const review = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  const values = [
    C7.id_ogp, TITLE_EN, PLAN_NAME_EN, 'OGP Local',
    'Sí: Participación cívica, Rendición de cuentas pública',
    'Nuevo: una regla, política o práctica nueva',
    `04/11/2022 · ${SESSION.evento}`, `${EVENT.evento} · Fuente: Informe inicial de OGP`,
    `${first.persona}; ${second.persona}`,
  ];
  for (const v of values) assert.ok(review.includes(v), `the review shows "${v}"`);
  assert.ok(!review.includes('Sesión de prueba'), 'the removed session is gone');
  const english = await page.locator('main dd[lang="en"]').allInnerTexts();
  assert.deepEqual(english.map((t) => t.trim()).sort(), [PLAN_NAME_EN, TITLE_EN].sort());

  // The PDF.
  await tabTo(page, { text: 'Exportar PDF' }, 400);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const pdfPath = join(OUT, 'ogp.pdf');
  await download.saveAs(pdfPath);
  // Compared without spaces and hyphens: lines wrap, and pdftotext joins a
  // word broken after a hyphen ("Anti-" / "corruption").
  const bare = (t) => t.replace(/[\s-]+/g, '');
  const text = bare(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).toString('utf8'));
  for (const v of [...values.filter((v) => !v.includes(' · ')), 'Registro en la Alianza para el Gobierno Abierto', '04/11/2022', SESSION.evento, EVENT.evento]) {
    assert.ok(text.includes(bare(v)), `the PDF's text has "${v}"`);
  }
  execFileSync('qpdf', ['--check', pdfPath]);
  assertClean(s);
});
