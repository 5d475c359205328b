// Every page of the wizard, opened by address on a complete plan (the schema-4
// fixture) and on empty items: each has its <h1>, is not the "not found" page,
// shows the fixture's values (as text, or in its form's fields), and axe-core
// finds nothing. "Guardar y continuar"
// on an empty item page shows the error summary with focus. Screenshots land in
// out/shots/wizard-*.png for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, ready, axeCheck, assertClean, focused, OUT, putDraft, waitForDraft, openAllFolds } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', 'fixtures', 'borrador-v5.json');

// [path, what the page must show of the fixture: a text in <main>, or form
// controls by id with the value they hold (true: checked)]
const PAGES = [
  ['/plan', 'Espacio de coordinación'],
  ['/plan/perfil', { 'tipo-jurisdiccion-municipio': true, estado: '22', 'municipio-22014': true, 'nombre-plan': 'Plan de Acción Local de Gobierno Abierto 2025-2027', 'inicio-plan': '10/12/2025', 'termino-plan': '31/08/2027' }],
  ['/plan/perfil/contacto', { 'oficina-coordinadora': 'Dirección de Gobierno Abierto', 'persona-nombre': 'María López Hernández', 'persona-telefono': '442 238 7700' }],
  ['/plan/perfil/marco', { 'plan-desarrollo': 'Plan Municipal de Desarrollo 2024-2027', 'organo-garante': 'Comisión de Transparencia del Estado de Querétaro' }],
  ['/plan/plan-nacional', '4º Plan de Acción Nacional'],
  ['/plan/compromiso-politico', { 'fecha-compromiso-politico': '15/10/2025', 'liga-documento': 'https://municipiodequeretaro.gob.mx/gobierno-abierto/declaratoria.pdf' }],
  ['/plan/coordinacion', { 'nombre-espacio': 'Secretariado Técnico Local de Gobierno Abierto de Querétaro', 'frecuencia-sesiones-bimestral': true, 'fecha-instalacion': '05/11/2025' }],
  ['/plan/coordinacion/integrantes', 'Luis Pérez Gómez'],
  ['/plan/coordinacion/integrantes/1', { 'persona-nombre': 'María López Hernández', 'persona-cargo': 'Titular', 'persona-institucion': 'Secretaría de la Contraloría' }],
  ['/plan/coordinacion/organizaciones', 'Mujeres Líderes por Querétaro, A.C.'],
  ['/plan/coordinacion/organizaciones/1', { 'nombre-organizacion': 'Mujeres Líderes por Querétaro, A.C.', 'persona-nombre': 'Rosa Martínez' }],
  ['/plan/hoja-de-ruta', { 'fase-sensibilizacion-inicio': '01/12/2025', 'fase-consulta-termino': '30/01/2026' }],
  ['/plan/problemas', 'delegaciones rurales'],
  ['/plan/problemas/1', { 'linea-base': '3 de 10 obras publican su avance', 'fuente-linea-base': 'Auditoría Superior del Estado, 2024' }],
  ['/plan/compromisos', 'Presupuesto participativo'],
  ['/plan/compromisos/1', 'Acciones clave y actividades'],
  ['/plan/compromisos/1/datos', { 'nombre-compromiso': 'Presupuesto participativo', 'inicio-compromiso': '02/01/2026', 'termino-compromiso': '31/07/2027' }],
  ['/plan/compromisos/1/responsables', 'Ana Ruiz'],
  ['/plan/compromisos/1/responsables/1', { 'persona-nombre': 'Ana Ruiz', 'persona-institucion': 'Tesorería municipal' }],
  ['/plan/compromisos/1/corresponsables', 'Luis Pérez'],
  ['/plan/compromisos/1/corresponsables/2', { 'persona-nombre': 'Luis Pérez', 'persona-institucion': 'Observatorio Ciudadano de Querétaro' }],
  ['/plan/compromisos/1/objetivos', { 'objetivo-corto': 'Publicar el presupuesto cada trimestre', verificacion: 'Informes trimestrales publicados' }],
  ['/plan/compromisos/1/valores', { 'valores-aga': true, 'razon-transparencia': 'Publica información presupuestaria' }],
  ['/plan/compromisos/1/alineacion', { 'relacion-nacional': true, 'compromiso-nacional-MX0087': true, 'meta-16-6': true }],
  ['/plan/compromisos/1/acciones', 'Las ponderaciones suman 100 %.'],
  ['/plan/compromisos/1/acciones/1', { 'nombre-accion': 'Publicar el presupuesto en datos abiertos', ponderacion: '60', avance: '50', indicador: 'Conjuntos de datos publicados' }],
  ['/plan/compromisos/1/acciones/1/actividades/1', { actividad: 'Integrar un grupo de trabajo', 'medio-verificacion-actividad': 'Minuta', 'termino-actividad': '30/01/2026' }],
  ['/plan/seguimiento', { 'frecuencia-reportes-trimestral': true, 'liga-tablero': 'https://municipiodequeretaro.gob.mx/gobierno-abierto/tablero', 'responsable-avance': 'Dirección de Gobierno Abierto' }],
  ['/plan/respuesta-razonada', 'Publicar el avance de cada obra por localidad.'],
  ['/plan/respuesta-razonada/1', { propuesta: 'Publicar el avance de cada obra por localidad.', 'origen-propuesta': 'Consulta pública, 20/01/2026' }],
  ['/plan/compromisos/1/clasificacion', 'Clasificación de la Alianza y Open Gov Challenge'],
  ['/plan/calidad', 'Compromiso 1: Presupuesto participativo'],
  ['/plan/revisar', 'Secretariado Técnico Local de Gobierno Abierto de Querétaro'],
  ['/glosario', 'Secretariado Técnico Local'],
];

/** Asserts that the page shows `expected` (see PAGES). */
async function assertShows(page, path, expected) {
  if (typeof expected === 'string') {
    assert.ok((await page.locator('main').innerText()).includes(expected), `${path} shows "${expected}"`);
    return;
  }
  for (const [id, value] of Object.entries(expected)) {
    const control = page.locator(`main [id="${id}"]`);
    assert.equal(await control.count(), 1, `${path} has #${id}`);
    if (value === true) assert.ok(await control.isChecked(), `${path}: #${id} is checked`);
    else assert.equal(await control.inputValue(), value, `${path}: #${id} holds the fixture's value`);
  }
}

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
    if (path === '/plan/revisar') await openAllFolds(page);
    const h1 = await page.locator('main h1').innerText();
    assert.notEqual(h1, 'No encontramos esta página', `${path} exists`);
    await assertShows(page, path, value);
    assert.deepEqual(await axeCheck(s, path), [], `axe-core on ${path}`);
    await page.screenshot({ path: join(shots, `wizard-${slug(path)}.png`), fullPage: true });
  }
  assert.equal(PAGES.length, 34);
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
  await openAllFolds(page);
  await page.locator('a[href="/plan/problemas/1?volver=revisar"]').first().click();
  await page.waitForURL('**/plan/problemas/1?volver=revisar');
  await ready(page);
  await page.locator('main button[type=submit]').click();
  await page.waitForURL('**/plan/revisar');
});

// The timeline is an inline SVG styled only by classes: the page's CSP refuses
// a style attribute, and the harness reports the violation as a console error
// that fails the session's last test.
test('the commitment overview and the monitoring page draw the timeline', async () => {
  const { page, origin } = s;
  const errorsBefore = s.consoleErrors.length;
  for (const path of ['/plan/compromisos/1', '/plan/seguimiento']) {
    await page.goto(origin + path);
    await ready(page);
    const svg = page.locator('svg.timeline__svg');
    await svg.waitFor();
    assert.equal(await svg.locator('rect.timeline__bar--key').count(), 2, `${path}: a bar per key action`);
    assert.ok(await svg.locator('rect.timeline__bar--activity').count() >= 1, `${path}: activities drawn`);
  }
  assert.deepEqual(s.consoleErrors.slice(errorsBefore), [], 'no console error while drawing it (a CSP violation is one)');
});

test('the wizard session: no console errors, no foreign requests, axe clean', () => {
  assertClean(s);
  assert.equal(s.pagesChecked.length, PAGES.length + EMPTY.length + 1);
});
