// The same draft open in two tabs: a save never silently overwrites the other
// tab's newer version; the person chooses, and nothing is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, endSession, ready, axeCheck, assertClean, storedDraft, waitForDraft } from './harness.mjs';

let s;
let a;
let b;
before(async () => {
  s = await startSession();
  a = s.page;
  b = await s.context.newPage();
});
after(async () => { if (s) await endSession(s); });

const stored = async (page) => JSON.parse((await storedDraft(page)) ?? 'null');
const waitName = (page, name) => waitForDraft(page, (d) => d.unsaved?.perfil?.['nombre-plan'] === name);
const waitRevisionAbove = (page, r) => waitForDraft(page, (d) => (d.revision ?? 0) > r);

async function typeName(page, text) {
  await page.focus('#nombre-plan');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test('a save from a tab with an older version is refused and explained', async () => {
  const { origin } = s;
  await a.goto(origin + '/plan/perfil');
  await ready(a);
  await typeName(a, 'Versión de la pestaña A');
  await waitName(a, 'Versión de la pestaña A');
  const r1 = (await stored(a)).revision;

  // Tab B opens the same draft (revision r1), then tab A saves again (r1 + 1).
  await b.goto(origin + '/plan/perfil');
  await ready(b);
  assert.equal(await b.inputValue('#nombre-plan'), 'Versión de la pestaña A');
  await typeName(a, 'Versión de la pestaña A, segunda');
  await waitRevisionAbove(a, r1);

  // Tab B is told at once, and its own edit is not saved over A's.
  await b.waitForSelector('#conflicto');
  assert.match(await b.locator('#conflicto').innerText(), /Este borrador cambió en otra pestaña o ventana/);
  await typeName(b, 'Versión de la pestaña B');
  // Tab B tries to save its edit now (as it does when hidden): the save runs
  // inside dispatchEvent, so afterwards it has been refused or has written.
  const beforeSave = await storedDraft(b);
  await b.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.equal(await storedDraft(b), beforeSave, 'nothing written');
  assert.equal((await stored(b)).unsaved.perfil['nombre-plan'], 'Versión de la pestaña A, segunda', 'A’s newer version is intact');
  assert.match(await b.locator('#estado-guardado').innerText(), /El borrador cambió en otra pestaña: esta no guarda/);
  assert.deepEqual(await axeCheck(s, 'conflicto entre pestañas', b), []);
});

test('keeping this tab’s version saves it on purpose; using the newer one reloads it', async () => {
  // Tab B keeps its version: now it is stored, and tab A is told in turn.
  await b.getByRole('button', { name: 'Conservar la versión de esta pestaña' }).click();
  await waitName(b, 'Versión de la pestaña B');
  await a.waitForSelector('#conflicto');
  // Tab A chooses the newer version (B's): the page reloads with it.
  await Promise.all([a.waitForEvent('load'), a.getByRole('button', { name: 'Usar la versión más reciente' }).click()]);
  await ready(a);
  assert.equal(await a.inputValue('#nombre-plan'), 'Versión de la pestaña B');
  assert.equal(await a.locator('#conflicto').count(), 0);
  // And A saves normally again: the same save-on-hide that tab B's refusal
  // used above writes at once here.
  await typeName(a, 'Versión final');
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.equal((await stored(a)).unsaved.perfil['nombre-plan'], 'Versión final');
});

test('two tabs: no console errors, no foreign requests, axe clean, in either tab', () => {
  assertClean(s);
  assert.equal(s.pagesWatched, 2);
});
