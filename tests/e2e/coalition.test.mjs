// Several jurisdictions in one plan, by keyboard only: the Nuevo León
// coalition (the state, Monterrey and San Pedro Garza García, the state as
// lead; tests/fixtures/planes-reales/nuevo-leon-coalicion-2022-2024.json) is
// entered on the profile page, one member added by mistake and removed, the
// state moved to the top and chosen as the lead; a member added twice is
// refused in Spanish. Then every member is on "Revise su plan", in "Mis
// borradores", in the stored JSON and in the exported PDF's text, and the
// profile page shows the coalition again. axe-core on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, ready, axeCheck, assertClean, tabTo, focused, waitForDraft, OUT, openAllFolds } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const REAL = join(here, '..', 'fixtures', 'planes-reales', 'nuevo-leon-coalicion-2022-2024.json');
const PLAN_NAME = 'Plan de Acción Coalición Nuevo León Abierto 2022-2024';

let s;
let published;
before(async () => {
  s = await startSession();
  published = JSON.parse(await readFile(REAL, 'utf8')).jurisdicciones;
});
after(async () => { if (s) await endSession(s); });

const squash = (t) => t.replace(/\s+/g, ' ');
const checked = (page, name) => page.locator(`input[name="${name}"]:checked`).getAttribute('value');
const rows = (page) => page.locator('#integrantes tbody th').allInnerTexts();

/** Chooses a municipality of the member being added: search, Tab to the one match, Space. */
async function pickMunicipality(page, query, code) {
  await tabTo(page, { id: 'integrante-municipio' });
  await page.keyboard.type(query);
  await page.waitForFunction(() => document.querySelectorAll('input[name="integrante-municipio"]').length === 1);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, `integrante-municipio-${code}`);
  await page.keyboard.press('Space');
}

/** Presses "Agregar a la coalición" and checks where the focus went. */
async function add(page, code) {
  await tabTo(page, { text: 'Agregar a la coalición' }, 60);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === id, `integrante-${code}`, { timeout: 5000 });
}

test('the coalition is entered by keyboard: add, refuse a repeat, remove, move, choose the lead, save', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/plan/perfil');
  await ready(page);

  // Who makes the plan: the fourth choice, reached with the arrow keys.
  await tabTo(page, { id: 'tipo-jurisdiccion' });
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await checked(page, 'tipo-jurisdiccion'), 'coalicion');
  await page.waitForSelector('#agregar-integrante');
  assert.match(await page.locator('main').innerText(), /Todavía no ha agregado integrantes/);
  assert.equal(await page.locator('#estado').count(), 0, 'a coalition asks the state of each member instead');
  assert.deepEqual(await axeCheck(s, 'perfil: coalición sin integrantes'), []);

  // Monterrey first: a municipality of Nuevo León.
  await tabTo(page, { id: 'integrante-tipo' });
  await page.keyboard.press('ArrowDown');
  assert.equal(await checked(page, 'integrante-tipo'), 'municipio');
  await tabTo(page, { id: 'integrante-estado' });
  await page.keyboard.type('Nuevo');
  assert.equal(await page.inputValue('#integrante-estado'), '19');
  await pickMunicipality(page, 'monterrey', '19039');
  await add(page, '19039');
  assert.match(await page.locator('main').innerText(), /Se agregó Municipio de Monterrey a la coalición\. Tiene 1 integrante\./);
  assert.equal(await checked(page, 'lider'), '19039', 'the first member leads until another is chosen');
  assert.equal(await page.inputValue('#integrante-estado'), '19', 'the state stays chosen for the next member');

  // San Pedro Garza García, and Guadalupe by mistake.
  await pickMunicipality(page, 'san pedro garza', '19019');
  await add(page, '19019');
  await pickMunicipality(page, 'guadalupe', '19026');
  await add(page, '19026');

  // The state itself: back up the kind radios, the state is still chosen.
  await tabTo(page, { id: 'integrante-tipo-municipio' });
  await page.keyboard.press('ArrowUp');
  assert.equal(await checked(page, 'integrante-tipo'), 'estado');
  await add(page, '19');
  assert.deepEqual(await rows(page), ['Municipio de Monterrey', 'Municipio de San Pedro Garza García', 'Municipio de Guadalupe', 'Estado de Nuevo León']);
  assert.deepEqual(await axeCheck(s, 'perfil: coalición con cuatro integrantes'), []);
  await page.screenshot({ path: join(OUT, 'perfil-coalicion.png'), fullPage: true });

  // The same state again is refused, in Spanish, with the focus on the summary.
  await tabTo(page, { text: 'Agregar a la coalición' }, 60);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#resumen-errores');
  assert.equal((await focused(page)).id, 'resumen-errores');
  assert.match(await page.locator('#resumen-errores').innerText(), /Estado de Nuevo León ya es integrante de la coalición\. Elija otro estado, municipio o alcaldía/);
  assert.equal((await rows(page)).length, 4, 'nothing added');
  assert.deepEqual(await axeCheck(s, 'perfil: integrante repetido'), []);

  // Guadalupe out: the focus goes to the "Quitar" of the member now in its place.
  await tabTo(page, { id: 'quitar-integrante-19026' }, 60);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'quitar-integrante-19', null, { timeout: 5000 });
  assert.match(await page.locator('main').innerText(), /Se quitó Municipio de Guadalupe de la coalición\./);

  // The state to the top: "Subir" twice; at the top the focus stays on its row ("Bajar").
  await tabTo(page, { id: 'subir-integrante-19' }, 60);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'subir-integrante-19', null, { timeout: 5000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'bajar-integrante-19', null, { timeout: 5000 });
  assert.deepEqual(await rows(page), ['Estado de Nuevo León', 'Municipio de Monterrey', 'Municipio de San Pedro Garza García']);
  assert.match(await page.locator('main').innerText(), /Estado de Nuevo León es ahora el integrante 1 de 3\./);

  // The state leads: Tab into the lead radios (on Monterrey), ArrowUp.
  await tabTo(page, { id: 'lider-19039' }, 60);
  await page.keyboard.press('ArrowUp');
  assert.equal(await checked(page, 'lider'), '19');

  // The rest of the page, and "Guardar y continuar".
  for (const [id, text] of [['nombre-plan', PLAN_NAME], ['inicio-plan', '01/01/2023'], ['termino-plan', '31/07/2024']]) {
    await tabTo(page, { id }, 60);
    await page.keyboard.type(text);
  }
  await tabTo(page, { text: 'Guardar y continuar' }, 60);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan/perfil/contacto');
  await ready(page);

  // Stored as published: every member with its INEGI code, the state marked as lead.
  const draft = await waitForDraft(page, (d) => d.plan.profile?.jurisdictions?.length === 3);
  assert.deepEqual(draft.plan.profile.jurisdictions, [
    { kind: 'estado', name: 'Nuevo León', inegi_code: '19', lead: true },
    { kind: 'municipio', name: 'Monterrey', inegi_code: '19039' },
    { kind: 'municipio', name: 'San Pedro Garza García', inegi_code: '19019' },
  ]);
  assert.deepEqual(
    draft.plan.profile.jurisdictions.map((j) => [j.name, j.kind, j.inegi_code]),
    published.map((j) => [j.nombre, j.tipo, j.clave_inegi]),
    'the members the plan publishes',
  );
});

test('"Revise su plan", "Mis borradores" and the PDF name every member', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  await openAllFolds(page);
  const review = squash(await page.locator('main').innerText());
  for (const said of [
    'Tipo de jurisdicción Coalición de 3 jurisdicciones',
    'Integrante 1 (líder) Estado de Nuevo León (clave INEGI 19)',
    'Integrante 2 Municipio de Monterrey, Nuevo León (clave INEGI 19039)',
    'Integrante 3 Municipio de San Pedro Garza García, Nuevo León (clave INEGI 19019)',
  ]) {
    assert.ok(review.includes(said), `the review says "${said}"`);
  }
  assert.deepEqual(await axeCheck(s, 'revisar: coalición'), []);
  await page.screenshot({ path: join(OUT, 'revisar-coalicion.png') });

  // The PDF, exported by keyboard.
  await tabTo(page, { text: 'Exportar PDF' }, 200);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.keyboard.press('Enter'),
  ]);
  const path = join(OUT, 'coalicion.pdf');
  await download.saveAs(path);
  execFileSync('qpdf', ['--check', path]);
  const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString('utf8'));
  for (const said of [
    'Coalición: Estado de Nuevo León (clave INEGI 19, líder), Municipio de Monterrey (clave INEGI 19039) y Municipio de San Pedro Garza García (clave INEGI 19019)',
    'Integrante 1 (líder)',
    'Municipio de San Pedro Garza García, Nuevo León (clave INEGI 19019)',
  ]) {
    assert.ok(text.includes(said), `the PDF says "${said}"`);
  }

  await page.goto(origin + '/borradores');
  await ready(page);
  assert.ok(
    squash(await page.locator('main').innerText()).includes('Coalición: Estado de Nuevo León (líder), Municipio de Monterrey y Municipio de San Pedro Garza García'),
    'the drafts list names the coalition',
  );
  assert.deepEqual(await axeCheck(s, 'mis borradores: coalición'), []);
});

test('the profile page shows the saved coalition again', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/plan/perfil');
  await ready(page);
  assert.equal(await checked(page, 'tipo-jurisdiccion'), 'coalicion');
  assert.deepEqual(await rows(page), ['Estado de Nuevo León', 'Municipio de Monterrey', 'Municipio de San Pedro Garza García']);
  assert.equal(await checked(page, 'lider'), '19');
  assert.deepEqual(await axeCheck(s, 'perfil: coalición guardada'), []);
  assertClean(s);
});
