// The implementation's record (issue 18), by keyboard only, on the complete
// plan of tests/fixtures/borrador-v6.json with its monitoring body, length and
// assessment taken out: from the task list to «Informes de avance»; the
// monitoring body filled; four years chosen with the arrow keys, saved
// without a refresh date (saved, with the warning), then with one; the end-
// of-commitment assessment of commitment 1 (completion, one value's early
// result, evidence). Then the plan is marked final on «Revise su plan», the
// commitment's name changes, the ficha's overview and the review ask for an
// amendment; from the notice, a new amendment starts with the commitment
// chosen and today's date, is refused without what changed and why (error
// summary with focus), and is recorded with them: the notice is gone. A second
// amendment of the plan as a whole is added and removed from the list. The
// stored draft holds each step; axe-core on every page and state; no console
// errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startSession, endSession, ready, axeCheck, assertClean, tabTo, focused, putDraft,
  waitForDraft, OUT,
  arriver, press,
} from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', 'fixtures', 'borrador-v6.json');
const BODY = 'Comité Ciudadano de Seguimiento de Querétaro';
const NEW_NAME = 'Presupuesto participativo y abierto';
const WHAT = 'Se cambió el nombre del compromiso para incluir los datos abiertos.';
const WHY = 'Lo acordó el Secretariado Técnico Local en su sesión de diciembre.';
const NOTICE = 'El plan ya es versión final: registre esta enmienda';

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const arrive = arriver(() => s);

async function typeInto(page, id, text) {
  await tabTo(page, { id }, 120);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

const squash = (t) => t.replace(/\s+/g, ' ').trim();
const line = async (page, id) => squash(await page.locator(`#${id}`).innerText());

/** Today in the session's time zone (America/Mexico_City), as the app writes a day. */
async function today(page) {
  return page.evaluate(() => new Intl.DateTimeFormat('es-MX', {
    day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'America/Mexico_City',
  }).format(new Date()));
}

test('the implementation is recorded by keyboard, and a change after the final version is amended', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/');
  await ready(page);
  const draft = JSON.parse(await readFile(FIXTURE, 'utf8'));
  draft.plan.implementation.monitoring_body = null;
  draft.plan.implementation.length = null;
  draft.plan.implementation.assessments = [];
  await putDraft(page, JSON.stringify(draft));
  await page.goto(origin + '/plan');
  await ready(page);

  // The hub.
  await press(page, 'Informes de avance');
  await arrive(page, '**/plan/avances', 'informes de avance');
  assert.match(await line(page, 'registro-ente-estado'), /No iniciado/);
  assert.equal(await page.locator('#registro-ente-resumen').count(), 0);
  assert.match(await line(page, 'registro-duracion-estado'), /No iniciado/);
  assert.equal(await line(page, 'registro-enmiendas-resumen'), 'Ninguna enmienda');
  assert.ok(squash(await page.locator('main').innerText()).includes('0 de 1 compromiso con valoración final'));

  // The monitoring body.
  await press(page, 'Ente de monitoreo');
  await arrive(page, '**/plan/avances/organo-de-monitoreo', 'ente de monitoreo');
  assert.equal((await focused(page)).tag, 'H1', 'focus moves to the page heading');
  assert.match(await page.title(), /^Ente de monitoreo/);
  await typeInto(page, 'ente-monitoreo-nombre', BODY);
  await typeInto(page, 'ente-monitoreo-integrantes', 'Observatorio Ciudadano de Querétaro\nUniversidad Autónoma de Querétaro');
  await typeInto(page, 'ente-monitoreo-cuando', 'Cada seis meses y al final del plan');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/avances');
  assert.equal(await line(page, 'registro-ente-resumen'), BODY);
  assert.match(await line(page, 'registro-ente-estado'), /Completado/);
  let stored = await waitForDraft(page, (d) => d.plan.implementation.monitoring_body?.name === BODY);
  assert.deepEqual(stored.plan.implementation.monitoring_body, {
    name: BODY,
    members: ['Observatorio Ciudadano de Querétaro', 'Universidad Autónoma de Querétaro'],
    schedule: 'Cada seis meses y al final del plan',
  });

  // Four years: without its refresh date it is saved, with a warning.
  await press(page, 'Duración del plan y actualización');
  await arrive(page, '**/plan/avances/duracion', 'duración');
  assert.equal(await page.locator('#actualizacion-prevista').count(), 0, 'the refresh shows for four years only');
  await tabTo(page, { id: 'duracion-plan' });
  await page.keyboard.press('ArrowDown');
  assert.ok(await page.isChecked('#duracion-plan-cuatro-anios'));
  await page.waitForSelector('#actualizacion-prevista');
  await press(page, 'Guardar y continuar');
  await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores');
  assert.match(await line(page, 'resumen-errores'), /Se guardó, pero revise esto/);
  assert.ok((await line(page, 'resumen-errores')).includes('Escriba la fecha prevista de la actualización: un plan de cuatro años se actualiza a la mitad de su periodo'));
  assert.deepEqual(await axeCheck(s, 'duración con aviso'), []);
  await waitForDraft(page, (d) => d.plan.implementation.length === 'cuatro-anios' && d.plan.implementation.refresh_due === null);
  await typeInto(page, 'actualizacion-prevista', '15/01/2028');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/avances');
  assert.equal(await line(page, 'registro-duracion-resumen'), 'Cuatro años, actualización prevista el 15/01/2028');
  assert.match(await line(page, 'registro-duracion-estado'), /Completado/);
  stored = await waitForDraft(page, (d) => d.plan.implementation.refresh_due === '2028-01-15');
  assert.equal(stored.plan.implementation.refresh, null);

  // The end-of-commitment assessment of commitment 1.
  await press(page, 'Compromiso 1: Presupuesto participativo');
  await arrive(page, '**/plan/avances/valoracion/1', 'valoración final');
  assert.equal(squash(await page.locator('main .caption').innerText()), 'Compromiso 1 · Valoración final');
  const main = squash(await page.locator('main').innerText());
  assert.ok(main.includes('¿Abrió el gobierno en la transparencia? (opcional)'), 'one group per value the commitment marks');
  assert.equal(await page.locator('input[name="abrio-participacion"]').count(), 0, 'none for values it does not mark');
  assert.equal(await page.getAttribute('a[href="https://www.opengovpartnership.org/glossary/early-results/"]', 'href'),
    'https://www.opengovpartnership.org/glossary/early-results/', 'the scale names its source');
  await tabTo(page, { id: 'valoracion-cumplimiento' });
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  assert.ok(await page.isChecked('#valoracion-cumplimiento-sustancial'));
  await tabTo(page, { id: 'abrio-transparencia' });
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  assert.ok(await page.isChecked('#abrio-transparencia-importante'));
  await typeInto(page, 'valoracion-evidencia', 'https://municipiodequeretaro.gob.mx/gobierno-abierto/datos\nActa de cierre del 31/07/2027');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/avances');
  assert.equal(await line(page, 'valoracion-1-resumen'), 'Cumplimiento: Sustancial');
  assert.match(await line(page, 'valoracion-1-estado'), /Completado/);
  assert.ok(squash(await page.locator('main').innerText()).includes('1 de 1 compromiso con valoración final'));
  stored = await waitForDraft(page, (d) => d.plan.implementation.assessments.length === 1);
  assert.deepEqual(stored.plan.implementation.assessments[0], {
    commitment: 1,
    completion: 'sustancial',
    results: [{ value: 'transparencia', result: 'importante' }],
    evidence: ['https://municipiodequeretaro.gob.mx/gobierno-abierto/datos', 'Acta de cierre del 31/07/2027'],
    explanation: null,
  });
  await page.screenshot({ path: join(OUT, 'registro-avances.png'), fullPage: true });

  // The plan marked final on «Revise su plan».
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  assert.equal(await page.locator('#enmiendas-pendientes').count(), 0, 'nothing to amend before the final version');
  await press(page, 'Marcar como versión final', 400);
  await page.waitForFunction(() => document.querySelector('#estado-del-documento')?.innerText.includes('es la versión final'));
  stored = await waitForDraft(page, (d) => d.plan.final_mark?.commitments?.length === 1);
  assert.equal(stored.plan.final_mark.commitments[0].commitment, 1);

  // The commitment's name changes after the final version.
  await page.goto(origin + '/plan/compromisos/1/datos');
  await ready(page);
  await typeInto(page, 'nombre-compromiso', NEW_NAME);
  await press(page, 'Guardar y continuar');
  await page.waitForURL((u) => !u.pathname.endsWith('/datos'));
  await waitForDraft(page, (d) => d.plan.commitments[0].name === NEW_NAME);

  // The review asks for the amendment too.
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  assert.equal(await line(page, 'enmiendas-pendientes'), NOTICE);
  assert.ok((await page.locator('main').innerText()).includes('Registrar la enmienda del compromiso 1'));
  assert.deepEqual(await axeCheck(s, 'revise su plan con enmienda pendiente'), []);

  // The ficha's overview asks for it, and its link starts the amendment.
  await page.goto(origin + '/plan/compromisos/1');
  await ready(page);
  assert.equal(await line(page, 'enmienda-pendiente'), NOTICE);
  assert.deepEqual(await axeCheck(s, 'ficha con enmienda pendiente'), []);
  await page.screenshot({ path: join(OUT, 'registro-aviso-enmienda.png'), fullPage: true });
  await press(page, 'Registrar la enmienda del compromiso 1');
  await arrive(page, '**/plan/avances/enmiendas/nuevo?compromiso=1', 'nueva enmienda');
  assert.equal(await page.inputValue('#enmienda-compromiso'), '1', 'the commitment is chosen');
  assert.equal(await page.inputValue('#enmienda-fecha'), await today(page), 'dated today');
  // Without what changed and why: refused, the summary takes the focus.
  await press(page, 'Guardar y continuar');
  await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores');
  assert.match(await page.title(), /^Error: /);
  const errors = await line(page, 'resumen-errores');
  assert.ok(errors.includes('Escriba qué cambió en el compromiso o en el plan'), errors);
  assert.ok(errors.includes('Escriba por qué se hizo el cambio'), errors);
  assert.deepEqual(await axeCheck(s, 'enmienda con errores'), []);
  await press(page, 'Escriba qué cambió en el compromiso o en el plan', 10);
  await page.waitForFunction(() => document.activeElement?.id === 'enmienda-que');
  await page.keyboard.type(WHAT);
  await typeInto(page, 'enmienda-por-que', WHY);
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/avances/enmiendas', 'enmiendas');
  const table = squash(await page.locator('table').innerText());
  assert.ok(table.includes(`${await today(page)} Compromiso 1 ${WHAT}`), table);
  stored = await waitForDraft(page, (d) => d.plan.implementation.amendments.length === 1);
  const amendment = stored.plan.implementation.amendments[0];
  assert.equal(amendment.commitment, 1);
  assert.equal(amendment.what, WHAT);
  assert.equal(amendment.why, WHY);
  assert.match(amendment.fingerprint, /^[0-9a-f]{16}$/, 'it records the commitment as it is now');
  assert.ok(!Object.keys(stored.unsaved ?? {}).some((k) => k.startsWith('avances/')), 'no unsaved input left');

  // A second one, of the plan as a whole, added and removed again.
  await press(page, 'Agregar una enmienda');
  await arrive(page, '**/plan/avances/enmiendas/nuevo');
  assert.equal(await page.inputValue('#enmienda-compromiso'), '');
  await tabTo(page, { id: 'enmienda-compromiso' });
  await page.keyboard.type('El plan');
  assert.equal(await page.inputValue('#enmienda-compromiso'), 'plan');
  await typeInto(page, 'enmienda-que', 'Se corrigió la fecha de término del plan.');
  await typeInto(page, 'enmienda-por-que', 'Error de captura en el acta.');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/avances/enmiendas');
  assert.ok(squash(await page.locator('table').innerText()).includes('El plan en general'));
  await waitForDraft(page, (d) => d.plan.implementation.amendments.length === 2);
  await tabTo(page, { text: 'Eliminar' }, 60);
  await tabTo(page, { text: 'Eliminar' }, 60);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alertdialog');
  assert.deepEqual(await axeCheck(s, 'eliminar enmienda'), []);
  await press(page, 'Sí, eliminar', 5);
  await page.waitForFunction(() => document.activeElement?.id === 'agregar-enmienda');
  stored = await waitForDraft(page, (d) => d.plan.implementation.amendments.length === 1);
  assert.equal(stored.plan.implementation.amendments[0].what, WHAT, 'the other one stays');
  await page.screenshot({ path: join(OUT, 'registro-enmiendas.png'), fullPage: true });

  // The notice is gone; the hub counts the amendment.
  await page.goto(origin + '/plan/compromisos/1');
  await ready(page);
  assert.equal(await page.locator('#enmienda-pendiente').count(), 0, 'recorded: no notice');
  await page.goto(origin + '/plan/avances');
  await ready(page);
  assert.equal(await line(page, 'registro-enmiendas-resumen'), '1 enmienda');
  assert.match(await line(page, 'registro-enmiendas-estado'), /Registradas/);
  assertClean(s);
});
