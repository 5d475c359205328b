// The same draft open in two tabs: a save never silently overwrites the other
// tab's newer version; the person chooses, and nothing is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, endSession, ready, axeCheck, storedDraft, waitForDraft } from './harness.mjs';

let s;
let a;
let b;
before(async () => {
  s = await startSession();
  a = s.page;
  b = await s.context.newPage();
  b.on('console', (msg) => { if (msg.type() === 'error') s.consoleErrors.push(msg.text()); });
  b.on('pageerror', (err) => s.consoleErrors.push(String(err)));
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
  await b.waitForTimeout(1200); // longer than the autosave delay
  assert.equal((await stored(b)).unsaved.perfil['nombre-plan'], 'Versión de la pestaña A, segunda', 'A’s newer version is intact');
  assert.match(await b.locator('#estado-guardado').innerText(), /El borrador cambió en otra pestaña: esta no guarda/);
  s.page = b;
  assert.deepEqual(await axeCheck(s, 'conflicto entre pestañas'), []);
  s.page = a;
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
  // And A saves normally again.
  await typeName(a, 'Versión final');
  await waitName(a, 'Versión final');
});

test('two tabs: no console errors, no foreign requests', () => {
  assert.deepEqual(s.consoleErrors, []);
  assert.deepEqual(s.foreignRequests, []);
});
