// "Revise su plan" folded by step and by commitment: every fold starts closed
// with its status, opens and closes by keyboard (Enter and Space on its
// button, aria-expanded following), «Abrir todo» and «Cerrar todo» reach every
// fold, every value of the complete plan is on the page once opened, a member
// of the coordination body is one row, and the folds left open are still open
// after a «Cambiar» and back. axe-core closed and open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, ready, axeCheck, assertClean, focused, tabTo, putDraft, openAllFolds, OUT } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', 'fixtures', 'borrador-v5.json');

// Values of the fixture, one or more from every step.
const VALUES = [
  'Plan de Acción Local de Gobierno Abierto 2025-2027', 'Dirección de Gobierno Abierto', 'Plan Municipal de Desarrollo 2024-2027',
  'Comisión de Transparencia del Estado de Querétaro', 'https://municipiodequeretaro.gob.mx/gobierno-abierto/declaratoria.pdf',
  'Secretariado Técnico Local de Gobierno Abierto de Querétaro', 'María López Hernández', 'Luis Pérez Gómez', 'Ana Ruiz Torres',
  'Mujeres Líderes por Querétaro, A.C.',
  'Las familias de las delegaciones rurales no saben cómo se gasta el presupuesto de obra pública de su comunidad.',
  'Presupuesto participativo', 'Publicar el presupuesto cada trimestre', 'Publicar el presupuesto en datos abiertos', 'Integrar un grupo de trabajo',
  'https://municipiodequeretaro.gob.mx/gobierno-abierto/tablero', 'Publicar el avance de cada obra por localidad.',
];

const STEP = (name) => `main h2 button.fold__button:has(.fold__title:text-is("${name}"))`;

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

/** The folds' buttons: [title, aria-expanded]. */
async function folds(page) {
  return page.locator('.fold__button').evaluateAll((bs) => bs.map((b) => [b.querySelector('.fold__title').textContent, b.getAttribute('aria-expanded')]));
}

test('every fold starts closed and says its status; values appear only when opened', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/');
  await ready(page);
  await putDraft(page, await readFile(FIXTURE, 'utf8'));
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  const all = await folds(page);
  assert.deepEqual(all.map(([t]) => t), [
    'Perfil de la jurisdicción', 'Compromiso político', 'Espacio de coordinación', 'Hoja de ruta de cocreación',
    'Problemas públicos', 'Compromisos', 'Compromiso 1: Presupuesto participativo', 'Seguimiento', 'Respuesta razonada',
  ]);
  assert.ok(all.every(([, e]) => e === 'false'), 'all closed at first');
  const coordination = page.locator(STEP('Espacio de coordinación'));
  assert.match(await coordination.innerText(), /Completado/);
  assert.match(await page.locator(STEP('Perfil de la jurisdicción')).innerText(), /\d+ de \d+ respuestas sin dato|todas las respuestas tienen dato/);
  assert.match(await page.locator(STEP('Compromisos')).innerText(), /1 compromiso/);
  assert.ok(!(await page.locator('main').innerText()).includes('María López Hernández'), 'a closed fold hides its values');
  assert.deepEqual(await axeCheck(s, 'revisar (cerrado)'), []);
  await page.screenshot({ path: join(OUT, 'revisar-cerrado.png'), fullPage: true });
});

test('a step opens with Enter and closes with Space; a member is one row', async () => {
  const { page } = s;
  await tabTo(page, { text: (await page.locator(STEP('Espacio de coordinación')).innerText()).trim() }, 60);
  assert.equal((await focused(page)).tag, 'BUTTON');
  await page.keyboard.press('Enter');
  const button = page.locator(STEP('Espacio de coordinación'));
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const panel = page.locator(`#${await button.getAttribute('aria-controls')}`);
  assert.ok(await panel.locator('.summary-list').first().isVisible(), 'its panel shows');
  const rows = panel.locator('.summary-list__row');
  const members = await rows.filter({ has: page.locator('dt', { hasText: /^Integrante \d+$/ }) }).allInnerTexts();
  assert.equal(members.length, 3, 'three members, three rows');
  assert.match(members[0], /María López Hernández \(Titular\), Secretaría de la Contraloría/);
  assert.match(members[0], /Sector: Gobierno · Papel: Presidencia/);
  assert.match(members[2], /Ana Ruiz Torres[^\n]*Sector: Gobierno · Poder o ámbito: Organismo autónomo · Papel: Integrante/);
  assert.ok((await page.locator('main').innerText()).includes('María López Hernández'));
  assert.deepEqual(await axeCheck(s, 'revisar (un paso abierto)'), []);
  // Focus stays on the button; Space closes it again.
  assert.equal((await focused(page)).id, await button.getAttribute('id'));
  await page.keyboard.press('Space');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.ok(!(await panel.locator('.summary-list').first().isVisible()), 'its panel hides');
});

test('a commitment has its own fold inside "Compromisos", opened by keyboard', async () => {
  const { page } = s;
  const step = page.locator(STEP('Compromisos'));
  await tabTo(page, { text: (await step.innerText()).trim() }, 60);
  await page.keyboard.press('Enter');
  assert.equal(await step.getAttribute('aria-expanded'), 'true');
  const commitment = page.locator('main h3 button.fold__button');
  assert.equal(await commitment.count(), 1);
  assert.match(await commitment.innerText(), /Compromiso 1: Presupuesto participativo/);
  assert.match(await commitment.innerText(), /Completo|Falta|Hay un problema/);
  assert.equal(await commitment.getAttribute('aria-expanded'), 'false');
  assert.ok(!(await page.locator('main').innerText()).includes('Publicar el presupuesto en datos abiertos'), 'its key actions are hidden');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, await commitment.getAttribute('id'), 'the commitment is the next stop');
  await page.keyboard.press('Enter');
  assert.equal(await commitment.getAttribute('aria-expanded'), 'true');
  const text = await page.locator('main').innerText();
  for (const v of ['Publicar el presupuesto en datos abiertos', 'Integrar un grupo de trabajo', 'Publicar el presupuesto cada trimestre']) {
    assert.ok(text.includes(v), `the open commitment shows "${v}"`);
  }
  assert.match(text, /Acción clave 2/);
  assert.deepEqual(await axeCheck(s, 'revisar (un compromiso abierto)'), []);
});

test('«Abrir todo» shows every value, «Cerrar todo» closes every fold', async () => {
  const { page } = s;
  await openAllFolds(page, { keyboard: true });
  assert.ok((await folds(page)).every(([, e]) => e === 'true'));
  const text = await page.locator('main').innerText();
  const missing = VALUES.filter((v) => !text.includes(v));
  assert.deepEqual(missing, [], 'every value is on the open page');
  assert.deepEqual(await axeCheck(s, 'revisar (todo abierto)'), []);
  await page.screenshot({ path: join(OUT, 'revisar-abierto.png'), fullPage: true });
  await page.getByRole('button', { name: 'Cerrar todo' }).click();
  assert.ok((await folds(page)).every(([, e]) => e === 'false'));
  assert.equal(await page.locator('.fold__panel:not([hidden])').count(), 0);
});

test('a fold left open is open again after «Cambiar» and back', async () => {
  const { page, origin } = s;
  await page.locator(STEP('Problemas públicos')).click();
  await page.locator('a[href="/plan/problemas/1?volver=revisar"]').first().click();
  await page.waitForURL('**/plan/problemas/1?volver=revisar');
  await ready(page);
  await page.locator('main button[type=submit]').click();
  await page.waitForURL(origin + '/plan/revisar');
  await ready(page);
  const open = (await folds(page)).filter(([, e]) => e === 'true').map(([t]) => t);
  assert.deepEqual(open, ['Problemas públicos']);
});

test('answers that look like markup are shown as the text typed, with their «Cambiar» link', async () => {
  // Every answer comes out exactly as typed: text, never markup.
  const { page, origin } = s;
  const draft = JSON.parse(await readFile(FIXTURE, 'utf8'));
  const statement = 'Las <b>familias</b> & "vecinos" <script>alert(1)</script> no saben cómo se gasta el presupuesto.';
  draft.plan.problems[0].statement = statement;
  await page.goto(origin + '/');
  await ready(page);
  await putDraft(page, JSON.stringify(draft));
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  await page.locator(STEP('Problemas públicos')).click();
  const panel = page.locator(`#${await page.locator(STEP('Problemas públicos')).getAttribute('aria-controls')}`);
  const row = panel.locator('.summary-list__row', { hasText: 'familias' });
  assert.equal(await row.locator('.summary-list__value').innerText(), statement);
  assert.equal(await panel.locator('b, script').count(), 0, 'no element made of an answer');
  const change = row.getByRole('link', { name: /^Cambiar / });
  assert.equal(await change.getAttribute('href'), '/plan/problemas/1?volver=revisar');
  await change.click();
  await page.waitForURL('**/plan/problemas/1?volver=revisar');
  await ready(page);
  assert.equal(await page.locator('main textarea').first().inputValue(), statement);
});

test('the review session: no console errors, no foreign requests, axe clean', () => {
  assertClean(s);
});
