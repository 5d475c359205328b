// The autoridades garantes of 2026 (src/catalog/data/instituciones-2026.csv) on
// the profile's framework page: for a state plan of Quintana Roo the field
// suggests the state's entries (a datalist, and «Usar este nombre» by
// keyboard), each with its scope, status, date and source; for Chiapas, which
// named none, the page says so with the catalogue's date; the glossary names
// the national bodies after the 2025 reform. axe-core on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, ready, axeCheck, assertClean, focused, tabTo, putDraft, waitForDraft, OUT } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', 'fixtures', 'borrador-v5.json');
const IQTP = 'Instituto Quintanarroense de Transparencia para el Pueblo (IQTP)';

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

/** The fixture as a state plan of `name` (INEGI `code`), without a guarantor. */
async function statePlan(code, name) {
  const env = JSON.parse(await readFile(FIXTURE, 'utf8'));
  env.plan.profile.jurisdictions = [{ inegi_code: code, kind: 'estado', name, lead: true }];
  env.plan.framework.guarantor = null;
  return JSON.stringify(env);
}

test('a Quintana Roo plan is offered its 2026 authority, with date and source, and takes it by keyboard', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/');
  await ready(page);
  await putDraft(page, await statePlan('23', 'Quintana Roo'));
  await page.goto(origin + '/plan/perfil/marco');
  await ready(page);
  const field = page.locator('#organo-garante');
  assert.equal(await field.inputValue(), '');
  assert.equal(await field.getAttribute('list'), 'autoridades-garantes');
  const offered = await page.locator('#autoridades-garantes option').evaluateAll((os) => os.map((o) => o.value));
  assert.equal(offered[0], IQTP, 'the state executive\'s authority comes first');
  assert.ok(offered.includes('Tribunal de Disciplina Judicial'), `${offered}`);
  const section = page.locator('section.authorities');
  assert.match(await section.locator('h2').innerText(), /Autoridades garantes de Quintana Roo/);
  const first = section.locator('.authorities__item').first();
  const said = await first.innerText();
  assert.ok(said.includes(IQTP), said);
  assert.match(said, /Poder Ejecutivo y municipios · Confirmado · desde el 27 de noviembre de 2025/);
  assert.match(said, /Fuente: Estos Días, 2025-11-13/);
  assert.match(said, /consultada el 6 de diciembre de 2026/);
  assert.match(await first.locator('a').getAttribute('href'), /^https:\/\/estosdias\.com\.mx\//);
  assert.ok(!(await page.locator('main').innerText()).includes('no ha designado'), 'Quintana Roo named its authority');
  assert.deepEqual(await axeCheck(s, 'marco: Quintana Roo'), []);
  await page.screenshot({ path: join(OUT, 'marco-quintana-roo.png'), fullPage: true });

  // «Usar este nombre» writes it in the field, by keyboard; focus goes to the field.
  const use = page.getByRole('button', { name: `Usar este nombre: ${IQTP}` });
  assert.equal(await use.count(), 1, 'the button names the institution');
  await tabTo(page, { id: await use.getAttribute('id') }, 60);
  await page.keyboard.press('Enter');
  assert.equal(await field.inputValue(), IQTP);
  assert.equal((await focused(page)).id, 'organo-garante');
  await tabTo(page, { text: 'Guardar y continuar' }, 80);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan');
  await waitForDraft(page, (d) => d.plan.framework.guarantor === IQTP);
});

test('a Chiapas plan is told, with the catalogue\'s date, that the state has named no authority', async () => {
  const { page, origin } = s;
  await putDraft(page, await statePlan('07', 'Chiapas'));
  await page.goto(origin + '/plan/perfil/marco');
  await ready(page);
  const text = await page.locator('main').innerText();
  assert.ok(text.includes('Al 6 de diciembre de 2026, según las fuentes consultadas, Chiapas no ha designado su autoridad garante de acceso a la información.'), text);
  assert.equal(await page.locator('#autoridades-garantes option').count(), 0, 'nothing to suggest');
  assert.equal(await page.getByRole('button', { name: /Usar este nombre/ }).count(), 0);
  assert.match(text, /Ninguna institución nombrada/);
  // The national bodies are listed from the catalogue too.
  await page.getByText('Instituciones nacionales desde la reforma de 2025').click();
  assert.ok((await page.locator('main').innerText()).includes('Sistema Nacional de Acceso a la Información Pública (SNAIP)'));
  assert.deepEqual(await axeCheck(s, 'marco: Chiapas'), []);
});

test('the glossary explains «autoridad garante» with the current national bodies', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/glosario');
  await ready(page);
  const meaning = await page.locator('#autoridad-garante + dd').innerText();
  assert.match(meaning, /Desde la reforma de 2025/);
  assert.ok(meaning.includes('Sistema Nacional de Acceso a la Información Pública (SNAIP)'), meaning);
  assert.ok(meaning.includes('Transparencia para el Pueblo'), meaning);
  assert.ok(!/Sistema Nacional de Transparencia/.test(meaning), 'not the old system');
  assert.deepEqual(await axeCheck(s, 'glosario'), []);
});

test('the institutions session: no console errors, no foreign requests, axe clean', () => {
  assertClean(s);
});
