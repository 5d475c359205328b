// A draft saved by a newer version of the tool (the same schema, with fields
// this version does not know): opening it says so, in plain Spanish, on
// «Abrir un borrador» and on the task list; edits made on the pages and
// autosaved keep every field this version does not know, with its value.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { startSession, endSession, ready, axeCheck, storedDraft, waitForDraft, putDraft } from './harness.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const NEWER = join(FIXTURES, 'borrador-v6-con-campos-nuevos.json');
const NOTICE = '#aviso-version-reciente';
const TITLE = 'Este borrador se hizo con una versión más reciente de la herramienta';

// Fields of the fixture that this version does not know, at several levels.
const UNKNOWN = [
  ['device'], ['locale'],
  ['plan', 'annexes'],
  ['plan', 'profile', 'population'],
  ['plan', 'profile', 'period', 'label'],
  ['plan', 'commitments', 0, 'tags'],
  ['plan', 'commitments', 0, 'budget'],
  ['plan', 'commitments', 0, 'responsible', 0, 'orcid'],
  ['plan', 'commitments', 0, 'key_actions', 0, 'risk'],
  ['plan', 'commitments', 0, 'key_actions', 0, 'milestones'],
  ['plan', 'commitments', 0, 'key_actions', 0, 'activities', 0, 'cost'],
  ['plan', 'commitments', 0, 'key_actions', 0, 'activities', 0, 'notes'],
  ['plan', 'coordination', 'members', 0, 'attendance'],
  ['plan', 'coordination', 'members', 0, 'contact', 'pronouns'],
  ['plan', 'problems', 0, 'score'],
  ['plan', 'problems', 0, 'evidence'],
];
const at = (value, path) => path.reduce((v, k) => (v === undefined || v === null ? undefined : v[k]), value);
// Same value; the keys of an object may come back in another order (JSON
// objects have none).
const missing = (original, stored) => UNKNOWN
  .filter((p) => !isDeepStrictEqual(at(stored, p), at(original, p)))
  .map((p) => p.join('.'));

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

test('a draft of a newer version: the notice, and every unknown field kept after edits and autosave', async () => {
  const { page, origin } = s;
  const original = JSON.parse(await readFile(NEWER, 'utf8'));
  for (const p of UNKNOWN) assert.notEqual(at(original, p), undefined, `the fixture has ${p.join('.')}`);

  await page.goto(origin + '/abrir');
  await ready(page);
  await page.setInputFiles('#archivo-borrador', NEWER);
  await page.waitForSelector('#borrador-elegido');
  const preview = page.locator(`#borrador-elegido ${NOTICE}`);
  assert.equal(await preview.count(), 1, 'the chosen file is said to come from a newer version');
  const said = await preview.innerText();
  assert.ok(said.includes(TITLE), said);
  assert.match(said, /Los conserva sin cambios/);
  assert.match(said, /versión más reciente/);
  assert.deepEqual(await axeCheck(s, 'abrir, borrador de una versión más reciente'), []);

  await page.getByRole('button', { name: 'Abrir este borrador' }).click();
  await page.waitForURL('**/plan');
  await ready(page);
  assert.ok((await page.locator(NOTICE).innerText()).includes(TITLE), 'the task list says so too');
  assert.deepEqual(await axeCheck(s, 'lista de tareas, borrador de una versión más reciente'), []);
  assert.deepEqual(missing(original, JSON.parse(await storedDraft(page))), [], 'kept as opened');

  // Edits on pages that replace values holding unknown fields: the profile,
  // and an activity deep in a key action.
  await page.goto(origin + '/plan/perfil');
  await ready(page);
  await page.fill('#nombre-plan', 'Plan de Acción Local 2025-2027 (revisado)');
  await page.getByRole('button', { name: 'Guardar y continuar' }).click();
  await waitForDraft(page, (d) => d.plan.profile.plan_name === 'Plan de Acción Local 2025-2027 (revisado)');

  await page.goto(origin + '/plan/compromisos/1/acciones/1/actividades/1');
  await ready(page);
  await page.fill('#actividad', 'Integrar el grupo de trabajo de datos');
  await page.getByRole('button', { name: 'Guardar y continuar' }).click();
  const saved = await waitForDraft(page, (d) => d.plan.commitments[0].key_actions[0].activities[0].name === 'Integrar el grupo de trabajo de datos');
  assert.deepEqual(missing(original, saved), [], 'every unknown field survives the edits and the autosave');
  assert.notEqual(saved.app_version, original.app_version, 'saved by this version');

  // Reloaded: saved here since, but still holding what this version does not know.
  await page.goto(origin + '/plan');
  await ready(page);
  assert.ok((await page.locator(NOTICE).innerText()).includes(TITLE));
});

test('a draft of this version has no notice', async () => {
  const { page, origin } = s;
  await putDraft(page, await readFile(join(FIXTURES, 'borrador-v5.json'), 'utf8'));
  await page.goto(origin + '/plan');
  await ready(page);
  assert.equal(await page.locator(NOTICE).count(), 0);
  await page.goto(origin + '/abrir');
  await ready(page);
  await page.setInputFiles('#archivo-borrador', join(FIXTURES, 'borrador-v3.json'));
  await page.waitForSelector('#borrador-elegido');
  assert.equal(await page.locator(NOTICE).count(), 0, 'an earlier schema is never from a newer version');
  assert.deepEqual(s.consoleErrors, []);
  assert.deepEqual(s.foreignRequests, []);
});
