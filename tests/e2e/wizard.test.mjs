// Every page of the wizard, opened by address on a complete plan (the schema-4
// fixture) and on empty items: each has its <h1>, is not the "not found" page,
// shows the fixture's values, and axe-core finds nothing. "Guardar y continuar"
// on an empty item page shows the error summary with focus. Screenshots land in
// out/shots/wizard-*.png for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, ready, axeCheck, focused, OUT, putDraft, waitForDraft } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', 'fixtures', 'borrador-v4.json');

// [path, a value of the fixture the page must show (or '' for none)]
const PAGES = [
  ['/plan', 'Espacio de coordinación'],
  ['/plan/perfil', ''],
  ['/plan/perfil/contacto', ''],
  ['/plan/perfil/marco', ''],
  ['/plan/plan-nacional', '4º Plan de Acción Nacional'],
  ['/plan/compromiso-politico', ''],
  ['/plan/coordinacion', ''],
  ['/plan/coordinacion/integrantes', 'Luis Pérez Gómez'],
  ['/plan/coordinacion/integrantes/1', ''],
  ['/plan/coordinacion/organizaciones', 'Mujeres Líderes por Querétaro, A.C.'],
  ['/plan/coordinacion/organizaciones/1', ''],
  ['/plan/hoja-de-ruta', ''],
  ['/plan/problemas', 'delegaciones rurales'],
  ['/plan/problemas/1', ''],
  ['/plan/compromisos', 'Presupuesto participativo'],
  ['/plan/compromisos/1', 'Acciones clave y actividades'],
  ['/plan/compromisos/1/datos', ''],
  ['/plan/compromisos/1/responsables', 'Ana Ruiz'],
  ['/plan/compromisos/1/responsables/1', ''],
  ['/plan/compromisos/1/corresponsables', 'Luis Pérez'],
  ['/plan/compromisos/1/corresponsables/2', ''],
  ['/plan/compromisos/1/objetivos', ''],
  ['/plan/compromisos/1/valores', ''],
  ['/plan/compromisos/1/alineacion', ''],
  ['/plan/compromisos/1/acciones', 'Las ponderaciones suman 100 %.'],
  ['/plan/compromisos/1/acciones/1', ''],
  ['/plan/compromisos/1/acciones/1/actividades/1', ''],
  ['/plan/seguimiento', ''],
  ['/plan/respuesta-razonada', 'Publicar el avance de cada obra por localidad.'],
  ['/plan/respuesta-razonada/1', ''],
  ['/plan/revisar', 'Secretariado Técnico Local de Gobierno Abierto de Querétaro'],
  ['/glosario', 'Secretariado Técnico Local'],
];

// Item pages that start empty: continuing shows the error summary.
const EMPTY = [
  '/plan/coordinacion/integrantes/nuevo',
  '/plan/coordinacion/organizaciones/nuevo',
  '/plan/problemas/nuevo',
  '/plan/compromisos/1/responsables/nuevo',
  '/plan/compromisos/1/corresponsables/nuevo',
  '/plan/compromisos/1/acciones/nuevo',
  '/plan/compromisos/1/acciones/1/actividades/nuevo',
  '/plan/respuesta-razonada/nuevo',
];

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const slug = (p) => p.replace(/^\//, '').replace(/\//g, '-') || 'inicio';

test('every wizard page of a complete plan opens by address, shows its values, and passes axe-core', async () => {
  const { page, origin } = s;
  const shots = join(OUT, 'shots');
  await mkdir(shots, { recursive: true });
  const draft = await readFile(FIXTURE, 'utf8');
  await page.goto(origin + '/');
  await ready(page);
  await putDraft(page, draft);
  for (const [path, value] of PAGES) {
    await page.goto(origin + path);
    await ready(page);
    const h1 = await page.locator('main h1').innerText();
    assert.notEqual(h1, 'No encontramos esta página', `${path} exists`);
    if (value) assert.ok((await page.locator('main').innerText()).includes(value), `${path} shows "${value}"`);
    assert.deepEqual(await axeCheck(s, path), [], `axe-core on ${path}`);
    await page.screenshot({ path: join(shots, `wizard-${slug(path)}.png`), fullPage: true });
  }
  // Pre-filled forms hold the saved values.
  await page.goto(origin + '/plan/compromisos/1/acciones/1');
  await ready(page);
  assert.equal(await page.inputValue('#ponderacion'), '60');
  assert.equal(await page.inputValue('#avance'), '50');
});

test('empty item pages explain what is missing, with focus on the summary, and pass axe-core', async () => {
  const { page, origin } = s;
  for (const path of EMPTY) {
    await page.goto(origin + path);
    await ready(page);
    await page.locator('main button[type=submit]').click();
    await page.waitForSelector('#resumen-errores');
    await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores', null, { timeout: 2000 });
    assert.equal((await focused(page)).id, 'resumen-errores', `${path}: focus on the error summary`);
    assert.match(await page.title(), /^Error: /);
    const summary = await page.locator('#resumen-errores').innerText();
    assert.ok(!/inválid|favor de|por favor/i.test(summary), `${path}: plain-language errors`);
    assert.deepEqual(await axeCheck(s, `${path} con errores`), [], `axe-core on ${path} with errors`);
    await page.screenshot({ path: join(OUT, 'shots', `wizard-${slug(path)}-errores.png`), fullPage: true });
  }
});

test('the weights banner offers to spread what is missing, and the review links return to it', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/plan/compromisos/1/acciones/2');
  await ready(page);
  await page.fill('#ponderacion', '25');
  await page.locator('main button[type=submit]').click();
  await page.waitForURL('**/plan/compromisos/1/acciones');
  await ready(page);
  const text = await page.locator('main').innerText();
  assert.ok(text.includes('Las ponderaciones suman 85 %. Deben sumar 100 %: faltan 15 puntos.'), 'says by how much they miss');
  assert.deepEqual(await axeCheck(s, 'ponderaciones que no suman 100'), []);
  await page.getByRole('button', { name: 'Repartir los 15 puntos que faltan' }).click();
  await page.waitForFunction(() => document.querySelector('main')?.innerText.includes('Las ponderaciones suman 100 %.'));
  const stored = await waitForDraft(page, (d) => d.plan.commitments[0].key_actions.map((k) => k.weight).join() === '68,32');
  assert.ok(stored);

  // "Cambiar" from the review returns to the review after saving.
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  await page.locator('a[href="/plan/problemas/1?volver=revisar"]').first().click();
  await page.waitForURL('**/plan/problemas/1?volver=revisar');
  await ready(page);
  await page.locator('main button[type=submit]').click();
  await page.waitForURL('**/plan/revisar');
});
