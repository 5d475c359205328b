// Several drafts on one computer ("Mis borradores"): the single draft of an
// earlier version moves into the list with nothing lost; create, rename,
// duplicate, switch (each draft keeps its own data, the open one is saved
// first), reload, delete with confirmation, open a file as a new draft, and a
// damaged index that loses no draft. axe-core on every new page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startSession, endSession, ready, axeCheck, assertClean, focused, storedDraft, openDraftKey, waitForDraft,
  INDEX_KEY, DRAFT_PREFIX, LEGACY_KEY, openAllFolds, putDraft,
} from './harness.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const V4_NAME = 'Plan de Acción Local de Gobierno Abierto 2025-2027';
const STATE_PLAN = 'Plan estatal de gobierno abierto de Querétaro';
const RENAMED = 'Versión para el cabildo';
const COPY = `Copia de ${RENAMED}`;

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const index = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), INDEX_KEY);
const draftKeys = (page) => page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)).sort(), DRAFT_PREFIX);
const rows = (page) => page.locator('table.drafts tbody tr');
const row = (page, name) => page.locator('table.drafts tbody tr', { has: page.locator('th', { hasText: name }) });
const rowNames = async (page) => (await page.locator('table.drafts tbody th .drafts__name').allInnerTexts()).sort();
const openRow = (page) => page.locator('table.drafts tbody tr', { has: page.locator('.tag', { hasText: 'Abierto' }) });
const openRowName = async (page) => openRow(page).locator('.drafts__name').innerText();

async function gotoDrafts(page) {
  await page.goto(s.origin + '/borradores');
  await ready(page);
}

/** Clicks the header's "Mis borradores" link (an in-app navigation, no reload). */
async function viaHeader(page) {
  await page.locator('header').getByRole('link', { name: 'Mis borradores' }).click();
  await page.waitForURL('**/borradores');
  await ready(page);
}

test('the single draft of an earlier version moves into the list with nothing lost', async () => {
  const { page, origin } = s;
  const legacy = await readFile(join(FIXTURES, 'borrador-v5.json'), 'utf8');
  await page.goto(origin + '/fuentes');
  await ready(page);
  // As an earlier version of the app left it: one key, no index.
  await page.evaluate(([k, t]) => localStorage.setItem(k, t), [LEGACY_KEY, legacy]);
  await gotoDrafts(page);
  assert.equal(await page.locator('main h1').innerText(), 'Mis borradores');
  assert.equal(await rows(page).count(), 1);
  const text = await row(page, V4_NAME).innerText();
  for (const v of [V4_NAME, 'Abierto', 'Municipio de Querétaro', '25/11/2026 10:05', 'KB']) {
    assert.ok(text.includes(v), `the row shows "${v}"`);
  }
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), LEGACY_KEY), null, 'the old key is gone');
  assert.deepEqual(await draftKeys(page), [DRAFT_PREFIX + '1']);
  assert.equal(await storedDraft(page), legacy, 'moved byte for byte');
  const ix = await index(page);
  assert.equal(ix.current, 1);
  assert.equal(ix.drafts[0].size, Buffer.byteLength(legacy));
  assert.deepEqual(await axeCheck(s, 'mis borradores (uno)'), []);
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  await openAllFolds(page);
  assert.ok((await page.locator('main').innerText()).includes('Presupuesto participativo'), 'the plan opens');
});

test('the task list and the header lead to Mis borradores', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/plan');
  await ready(page);
  const section = page.locator('main');
  await section.getByRole('link', { name: 'Mis borradores' }).click();
  await page.waitForURL('**/borradores');
  await ready(page);
  assert.equal((await focused(page)).tag, 'H1');
  await page.goto(origin + '/plan');
  await ready(page);
  await viaHeader(page);
});

test('create a second draft and fill it; the list shows both', async () => {
  const { page, origin } = s;
  await page.getByRole('button', { name: 'Crear un borrador nuevo' }).click();
  await page.waitForURL('**/plan');
  await ready(page);
  assert.match(await page.locator('main').innerText(), /Se creó un borrador nuevo/);
  assert.match(await page.locator('main').innerText(), /Perfil de la jurisdicción\n[^\n]*\nNo iniciado/, 'the new draft is empty');
  assert.equal(await openDraftKey(page), DRAFT_PREFIX + '2');
  await page.goto(origin + '/plan/perfil');
  await ready(page);
  await page.check('#tipo-jurisdiccion');
  await page.selectOption('#estado', '22');
  await page.fill('#nombre-plan', STATE_PLAN);
  await page.fill('#inicio-plan', '01/01/2026');
  await page.fill('#termino-plan', '31/12/2027');
  await page.click('main button[type=submit]');
  await waitForDraft(page, (d) => d.plan.profile?.plan_name === STATE_PLAN);
  await viaHeader(page);
  assert.deepEqual(await rowNames(page), [V4_NAME, STATE_PLAN].sort());
  assert.equal(await openRowName(page), STATE_PLAN);
  assert.match(await row(page, STATE_PLAN).innerText(), /Estado de Querétaro/);
  assert.deepEqual(await axeCheck(s, 'mis borradores (dos)'), []);
});

test('rename a draft: an empty name is explained, a new one is kept', async () => {
  const { page } = s;
  await row(page, STATE_PLAN).getByRole('link', { name: `Cambiar el nombre «${STATE_PLAN}»` }).click();
  await page.waitForURL('**/borradores/2/nombre');
  await ready(page);
  assert.equal(await page.inputValue('#nombre-borrador'), STATE_PLAN);
  assert.deepEqual(await axeCheck(s, 'cambiar el nombre'), []);
  await page.fill('#nombre-borrador', '   ');
  await page.getByRole('button', { name: 'Guardar el nombre' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores', null, { timeout: 2000 });
  assert.match(await page.locator('#resumen-errores').innerText(), /Escriba el nombre del borrador/);
  assert.match(await page.locator('#nombre-borrador-error').innerText(), /Escriba el nombre del borrador/);
  assert.match(await page.title(), /^Error: /);
  assert.deepEqual(await axeCheck(s, 'cambiar el nombre (error)'), []);
  await page.fill('#nombre-borrador', RENAMED);
  await page.getByRole('button', { name: 'Guardar el nombre' }).click();
  await page.waitForURL('**/borradores');
  await ready(page);
  assert.match(await page.locator('main').innerText(), new RegExp(`El borrador ahora se llama «${RENAMED}»`));
  assert.equal(await openRowName(page), RENAMED);
  const stored = JSON.parse(await storedDraft(page));
  assert.equal(stored.name, RENAMED, 'the name is kept in the draft itself');
  assert.equal(stored.plan.profile.plan_name, STATE_PLAN, 'the plan keeps its own name');
  assert.equal((await index(page)).drafts.find((d) => d.id === 2).name, RENAMED);
  // A draft that does not exist has no rename page.
  await page.goto(s.origin + '/borradores/99/nombre');
  await ready(page);
  assert.equal(await page.locator('main h1').innerText(), 'No encontramos esta página');
});

test('duplicate a draft: a copy with the same plan, named "Copia de …"', async () => {
  const { page } = s;
  await gotoDrafts(page);
  await row(page, RENAMED).getByRole('button', { name: `Duplicar «${RENAMED}»` }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'aviso-borradores');
  assert.match(await page.locator('#aviso-borradores').innerText(), new RegExp(`Se creó «${COPY}»`));
  assert.deepEqual(await rowNames(page), [V4_NAME, COPY, RENAMED].sort());
  assert.equal(await openRowName(page), RENAMED, 'the copy is not opened');
  const [source, copy] = await page.evaluate((p) => [2, 3].map((n) => JSON.parse(localStorage.getItem(p + n))), DRAFT_PREFIX);
  assert.deepEqual(copy.plan, source.plan);
  assert.equal(copy.name, COPY);
  assert.deepEqual(await axeCheck(s, 'mis borradores (copia)'), []);
});

test('switching drafts saves the open one first, and each draft keeps its own data', async () => {
  const { page, origin } = s;
  // Type in draft 2 and leave at once, before autosave runs.
  await page.goto(origin + '/plan/perfil');
  await ready(page);
  await page.fill('#nombre-plan', 'Cambio escrito justo antes de cambiar de borrador');
  await viaHeader(page);
  await row(page, V4_NAME).getByRole('button', { name: `Abrir «${V4_NAME}»` }).click();
  await page.waitForURL('**/plan');
  await ready(page);
  assert.match(await page.locator('main').innerText(), new RegExp(`Se abrió el borrador «${V4_NAME}»`));
  await page.goto(origin + '/plan/perfil');
  await ready(page);
  assert.equal(await page.inputValue('#nombre-plan'), V4_NAME);
  await page.goto(origin + '/plan/compromisos');
  await ready(page);
  assert.ok((await page.locator('main').innerText()).includes('Presupuesto participativo'));
  // Back to the renamed draft: the change typed just before switching is there.
  await viaHeader(page);
  await row(page, RENAMED).getByRole('button', { name: `Abrir «${RENAMED}»` }).click();
  await page.waitForURL('**/plan');
  await page.goto(origin + '/plan/perfil');
  await ready(page);
  assert.equal(await page.inputValue('#nombre-plan'), 'Cambio escrito justo antes de cambiar de borrador');
  await page.goto(origin + '/plan/compromisos');
  await ready(page);
  assert.ok(!(await page.locator('main').innerText()).includes('Presupuesto participativo'), 'no data of the other draft');
  // Opening a draft saves nothing in it: its last saved time stays.
  const ix = await index(page);
  assert.equal(ix.drafts.find((d) => d.id === 1).saved_at, '2026-11-25T10:05:00-06:00');
});

test('a reload keeps the open draft', async () => {
  const { page } = s;
  await page.reload();
  await ready(page);
  assert.equal(await openDraftKey(page), DRAFT_PREFIX + '2');
  await gotoDrafts(page);
  assert.equal(await openRowName(page), RENAMED);
  // A new tab opens the draft opened last in this browser.
  const other = await s.context.newPage();
  await other.goto(s.origin + '/borradores');
  await ready(other);
  assert.equal(await openRowName(other), RENAMED);
  await other.close();
});

test('delete with confirmation; deleting the open draft opens another', async () => {
  const { page } = s;
  await row(page, COPY).getByRole('button', { name: `Eliminar «${COPY}»` }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'confirmar-eliminar');
  assert.match(await page.locator('#confirmar-eliminar').innerText(), new RegExp(`¿Eliminar el borrador «${COPY}»\\?`));
  assert.deepEqual(await axeCheck(s, 'mis borradores (confirmar eliminar)'), []);
  assert.equal((await draftKeys(page)).length, 3, 'nothing deleted before confirming');
  await page.locator('#confirmar-eliminar').getByRole('button', { name: 'Cancelar' }).click();
  assert.equal(await page.locator('#confirmar-eliminar').count(), 0);
  assert.equal((await draftKeys(page)).length, 3, 'nothing deleted after cancelling');

  await row(page, COPY).getByRole('button', { name: `Eliminar «${COPY}»` }).click();
  await page.locator('#confirmar-eliminar').getByRole('button', { name: 'Sí, eliminar' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'aviso-borradores');
  assert.match(await page.locator('#aviso-borradores').innerText(), new RegExp(`Se eliminó el borrador «${COPY}»`));
  assert.deepEqual(await draftKeys(page), [DRAFT_PREFIX + '1', DRAFT_PREFIX + '2']);
  assert.deepEqual(await rowNames(page), [V4_NAME, RENAMED].sort());

  // The open one, with a change typed just before leaving its page (its save
  // may still be pending): the confirmation says what happens next.
  await page.goto(s.origin + '/plan/perfil');
  await ready(page);
  await page.fill('#nombre-plan', 'Cambio escrito justo antes de eliminarlo');
  await viaHeader(page);
  await row(page, RENAMED).getByRole('button', { name: `Eliminar «${RENAMED}»` }).click();
  assert.match(await page.locator('#confirmar-eliminar').innerText(), /Es el borrador que tiene abierto: después se abrirá otro/);
  await page.locator('#confirmar-eliminar').getByRole('button', { name: 'Sí, eliminar' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'aviso-borradores');
  assert.match(await page.locator('#aviso-borradores').innerText(), new RegExp(`Ahora tiene abierto «${V4_NAME}»`));
  assert.equal(await openRowName(page), V4_NAME);
  assert.deepEqual(await draftKeys(page), [DRAFT_PREFIX + '1']);
  // Nothing of the deleted draft is written back by a save (the one the page
  // makes when hidden runs inside dispatchEvent: it is done when this returns).
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.deepEqual(await draftKeys(page), [DRAFT_PREFIX + '1']);
  assert.deepEqual(await axeCheck(s, 'mis borradores (eliminado)'), []);
});

test('a file opened becomes a new draft; the open one stays as it was', async () => {
  const { page, origin } = s;
  const before = await storedDraft(page);
  await page.goto(origin + '/abrir');
  await ready(page);
  await page.setInputFiles('#archivo-borrador', join(FIXTURES, 'borrador-v1.json'));
  await page.waitForSelector('#borrador-elegido');
  assert.match(await page.locator('#borrador-elegido').innerText(), /se guardará como un borrador nuevo/);
  await page.getByRole('button', { name: 'Abrir este borrador' }).click();
  await page.waitForURL('**/plan');
  await ready(page);
  assert.match(await page.locator('main').innerText(), /Lo encontrará también en «Mis borradores»/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), DRAFT_PREFIX + '1'), before, 'the draft open before is untouched');
  assert.equal(await openDraftKey(page), DRAFT_PREFIX + '4', 'a new id, never one used before');
  const opened = JSON.parse(await storedDraft(page));
  assert.equal(opened.plan.commitments.length, 2);
  await gotoDrafts(page);
  assert.equal(await rows(page).count(), 2);
});

test('a damaged index loses no draft: rebuilt from the drafts, its text kept aside', async () => {
  const { page } = s;
  const names = await rowNames(page);
  const bad = '{"format": "plan-local-gobierno-abierto/borradores", "drafts": [';
  await page.evaluate(([k, t]) => localStorage.setItem(k, t), [INDEX_KEY, bad]);
  await page.reload();
  await ready(page);
  assert.match(await page.locator('main').innerText(), /La lista de borradores de este navegador estaba dañada/);
  assert.deepEqual(await rowNames(page), names, 'every draft is still listed');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('plan-local-ga/danado/indice-')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, [bad], 'the damaged text is kept byte for byte');
  assert.equal((await index(page)).drafts.length, 2, 'a good index is written again');
  assert.deepEqual(await axeCheck(s, 'mis borradores (índice reparado)'), []);
});

test('a draft deleted in another tab is not written back by the tab that has it open', async () => {
  const { page, context, origin } = s;
  await gotoDrafts(page);
  const b = await context.newPage();
  // Tab B opens the draft that tab A does not have open (found by its id).
  const keyB = (await draftKeys(page)).find((k) => k !== DRAFT_PREFIX + '4');
  const idB = keyB.slice(DRAFT_PREFIX.length);
  assert.equal(await openDraftKey(page), DRAFT_PREFIX + '4');
  const rowOf = (p) => p.locator('table.drafts tbody tr', { has: p.locator(`a[href="/borradores/${idB}/nombre"]`) });
  await b.goto(origin + '/borradores');
  await ready(b);
  if (await openDraftKey(b) !== keyB) {
    await rowOf(b).getByRole('button', { name: /^Abrir/ }).click();
    await b.waitForURL('**/plan');
  }
  assert.equal(await openDraftKey(b), keyB);
  // Tab A deletes it.
  await rowOf(page).getByRole('button', { name: /^Eliminar/ }).click();
  await page.locator('#confirmar-eliminar').getByRole('button', { name: 'Sí, eliminar' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'aviso-borradores');
  // Tab B is told, and its edits do not bring the draft back.
  await b.waitForSelector('#borrador-eliminado');
  assert.match(await b.locator('#estado-guardado').innerText(), /se eliminó en otra pestaña/);
  await b.goto(origin + '/plan/perfil'); // an in-app page change would do too; this one reloads
  await ready(b);
  const keysNow = await draftKeys(page);
  assert.ok(!keysNow.includes(keyB), 'the reload did not write it back');
  assert.equal(await b.locator('#borrador-eliminado').count(), 0, 'after a reload tab B opens a draft that exists');
  assert.notEqual(await openDraftKey(b), keyB);
  await b.close();

  // Without a reload: tab B keeps its edits on screen and can save them as a new draft.
  const c = await context.newPage();
  await c.goto(origin + '/plan/perfil');
  await ready(c);
  const keyC = await openDraftKey(c);
  await gotoDrafts(page);
  await page.getByRole('button', { name: 'Crear un borrador nuevo' }).click();
  await page.waitForURL('**/plan');
  await gotoDrafts(page);
  const victim = page.locator('table.drafts tbody tr', { hasNot: page.locator('.tag', { hasText: 'Abierto' }) });
  await victim.getByRole('button', { name: /^Eliminar/ }).click();
  await page.locator('#confirmar-eliminar').getByRole('button', { name: 'Sí, eliminar' }).click();
  await c.waitForSelector('#borrador-eliminado');
  await c.fill('#nombre-plan', 'Escrito en la pestaña C después de eliminarlo');
  const keysBefore = await draftKeys(page);
  // Tab C saves now, as when it is hidden (done when dispatchEvent returns).
  await c.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.deepEqual(await draftKeys(page), keysBefore, 'no key written');
  assert.ok(!(await draftKeys(page)).includes(keyC), 'not written back');
  assert.match(await c.locator('#estado-guardado').innerText(), /se eliminó en otra pestaña/);
  assert.deepEqual(await axeCheck(s, 'borrador eliminado en otra pestaña', c), []);
  await c.getByRole('button', { name: 'Guardarlo como un borrador nuevo' }).click();
  await c.waitForFunction(() => !document.getElementById('borrador-eliminado'));
  const saved = await waitForDraft(c, (d) => d.unsaved?.perfil?.['nombre-plan'] === 'Escrito en la pestaña C después de eliminarlo');
  assert.equal(saved.plan.commitments.length, 2, 'with the deleted draft’s plan');
  assert.notEqual(await openDraftKey(c), keyC, 'under a new key');
  await c.close();
  await gotoDrafts(page);
  assert.equal(await rows(page).count(), 2);
});

test('deleting every draft leaves an empty new one, stored at its first change', async () => {
  const { page } = s;
  // Delete the open one until none is left.
  for (let i = 0; i < 2; i++) {
    await openRow(page).getByRole('button', { name: /^Eliminar/ }).click();
    await page.locator('#confirmar-eliminar').getByRole('button', { name: 'Sí, eliminar' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'aviso-borradores');
  }
  assert.match(await page.locator('#aviso-borradores').innerText(), /Ahora tiene abierto un borrador nuevo, vacío/);
  assert.deepEqual(await draftKeys(page), []);
  assert.equal(await rows(page).count(), 1);
  assert.match(await rows(page).innerText(), /Borrador sin nombre[\s\S]*Todavía no se guarda/);
  assert.deepEqual(await axeCheck(s, 'mis borradores (sin guardar)'), []);
});

test('a big plan is stored in pieces: typing writes one commitment, and a reload brings it all back', async () => {
  const { page, origin } = s;
  // A published plan (Nuevo León's coalition, 2022-2024) with its
  // commitments repeated under new ids until it is big (over 64 KB).
  const env = JSON.parse(await readFile(join(FIXTURES, 'planes-reales', 'borradores', 'nuevo-leon-coalicion-2022-2024.json'), 'utf8'));
  const own = env.plan.commitments;
  env.plan.commitments = [];
  for (let copy = 0; JSON.stringify(env).length < 120_000; copy++) {
    for (const c of own) env.plan.commitments.push({ ...c, id: env.plan.commitments.length + 1, name: `${c.name} (${copy + 1})` });
  }
  const count = env.plan.commitments.length;
  await page.goto(origin + '/fuentes');
  await ready(page);
  await putDraft(page, JSON.stringify(env));
  await page.goto(origin + '/plan/compromisos/2/datos');
  await ready(page);
  const field = page.locator('#nombre-compromiso');
  const name = env.plan.commitments[1].name;
  assert.equal(await field.inputValue(), name);
  await field.press('End');
  await field.pressSequentially(' y su tablero');
  const typed = `${name} y su tablero`;
  // Typing is kept as the page's unsaved input (in the draft's own key)…
  await waitForDraft(page, (d) => Object.values(d.unsaved).some((fields) => Object.values(fields).includes(typed)));
  // …and «Guardar y continuar» puts it into the commitment's piece.
  await page.getByRole('button', { name: 'Guardar y continuar' }).click();
  const stored = await waitForDraft(page, (d) => d.plan.commitments[1].name === typed);
  assert.equal(stored.plan.commitments.length, count);
  const keys = await draftKeys(page);
  const pieces = keys.filter((k) => k.startsWith(DRAFT_PREFIX + '1/compromiso/'));
  assert.ok(pieces.length >= count, `${pieces.length} pieces for ${count} commitments`);
  const head = await page.evaluate((k) => localStorage.getItem(k), DRAFT_PREFIX + '1');
  assert.ok(head.length < 20_000, `the draft's own key holds ${head.length} characters, not the whole plan`);
  assert.match(head, /"commitments":\{"piezas":\[\[1,\d+\],\[2,\d+\]/);

  // A full load, as after closing the browser.
  await page.goto(origin + '/plan/compromisos/2/datos');
  await ready(page);
  assert.equal(await page.locator('#nombre-compromiso').inputValue(), typed);
  await page.goto(origin + '/plan/compromisos');
  await ready(page);
  assert.equal(await page.locator('main tbody tr').count(), count);
  await gotoDrafts(page);
  assert.doesNotMatch(await openRow(page).innerText(), /dañado/i);
  assert.deepEqual(await axeCheck(s, 'mis borradores (plan grande)'), []);
});

test('drafts session: no console errors, no foreign requests, axe clean, in every tab', () => {
  assertClean(s);
  assert.ok(s.pagesChecked.length >= 8, `axe ran on ${s.pagesChecked.length} pages`);
  assert.ok(s.pagesWatched >= 4, `${s.pagesWatched} tabs watched`);
});
