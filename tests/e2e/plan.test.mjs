// A person's whole path through the walking skeleton, by keyboard, against the
// release build: profile and one commitment → reload → JSON download, clear,
// re-open → a broken file → PDF export, with axe-core on every page, no console
// errors and no request leaving the page's origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSession, endSession, ready, axeCheck, tabTo, focused, OUT } from './harness.mjs';

const PLAN = {
  kind: 'Municipio',
  name: 'Santiago de Querétaro',
  code: '22014',
  planName: 'Plan de Acción Local de Gobierno Abierto 2025-2027: ¿cómo participará la ciudadanía? ¡Aquí!',
  start: '10/12/2025',
  end: '31/08/2027',
};
const COMMITMENT = {
  name: 'Estrategia subnacional de gobierno abierto con perspectiva de género y niñez',
  start: '02/01/2026',
  end: '31/07/2027',
};

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

async function typeInto(page, id, text) {
  await tabTo(page, { id });
  await page.keyboard.type(text);
}

async function storedDraft(page) {
  return page.evaluate(() => localStorage.getItem('plan-local-ga/borrador'));
}

async function waitForSave(page) {
  await page.waitForFunction(() => /Borrador guardado a las \d\d:\d\d/.test(document.getElementById('estado-guardado')?.innerText ?? ''), null, { timeout: 5000 });
}

test('start page, task list, and an empty profile shows the error summary with focus', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/');
  await ready(page);
  assert.match(await page.title(), /Plan de acción local de gobierno abierto/);
  assert.match(await page.locator('main').innerText(), /Sus datos no salen de este equipo/);
  assert.deepEqual(await axeCheck(s, 'inicio'), []);

  await tabTo(page, { text: 'Comenzar' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan');
  await ready(page);
  assert.equal((await focused(page)).tag, 'H1', 'focus moves to the new page heading');
  assert.match(await page.locator('main').innerText(), /Perfil de la jurisdicción\n[^\n]*\nNo iniciado/);
  assert.deepEqual(await axeCheck(s, 'lista de tareas'), []);

  await tabTo(page, { text: 'Perfil de la jurisdicción' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan/perfil');
  await ready(page);
  assert.deepEqual(await axeCheck(s, 'perfil'), []);

  await tabTo(page, { text: 'Guardar y continuar' });
  await page.keyboard.press('Enter');
  await page.waitForSelector('#resumen-errores');
  assert.equal((await focused(page)).id, 'resumen-errores', 'focus moves to the error summary');
  assert.match(await page.title(), /^Error: /);
  const summary = await page.locator('#resumen-errores').innerText();
  for (const m of ['Hay un problema', 'Seleccione el tipo de jurisdicción', 'Escriba el nombre del plan', 'Escriba la fecha de inicio del plan']) {
    assert.ok(summary.includes(m), `summary says "${m}"`);
  }
  assert.deepEqual(await axeCheck(s, 'perfil con errores'), []);
});

test('fill the profile and one commitment by keyboard; bad dates are explained and kept', async () => {
  const { page } = s;
  // Radios: Tab into the group, arrows choose.
  await tabTo(page, { id: 'tipo-jurisdiccion' });
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('input[name="tipo-jurisdiccion"]:checked').getAttribute('value'), 'municipio');
  await typeInto(page, 'nombre-jurisdiccion', PLAN.name);
  await typeInto(page, 'clave-inegi', PLAN.code);
  await typeInto(page, 'nombre-plan', PLAN.planName);
  await typeInto(page, 'inicio-plan', PLAN.start);
  await typeInto(page, 'termino-plan', '31/02/2027');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#resumen-errores')?.innerText.includes('fecha que exista'));
  assert.equal(await page.inputValue('#termino-plan'), '31/02/2027', 'the typed value is kept');
  assert.equal(await page.inputValue('#nombre-plan'), PLAN.planName);
  await tabTo(page, { id: 'termino-plan' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(PLAN.end);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan/compromisos');
  await ready(page);
  assert.deepEqual(await axeCheck(s, 'compromisos (vacío)'), []);

  await tabTo(page, { text: 'Agregar un compromiso' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan/compromisos/nuevo');
  await ready(page);
  assert.deepEqual(await axeCheck(s, 'compromiso nuevo'), []);
  await typeInto(page, 'nombre-compromiso', COMMITMENT.name);
  await typeInto(page, 'inicio-compromiso', COMMITMENT.start);
  await typeInto(page, 'termino-compromiso', '31/12/2027');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#resumen-errores')?.innerText.includes('dentro del periodo del plan'));
  await tabTo(page, { id: 'termino-compromiso' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(COMMITMENT.end);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan/compromisos');
  await ready(page);
  const list = await page.locator('main').innerText();
  assert.ok(list.includes(COMMITMENT.name));
  assert.ok(list.includes('02/01/2026 al 31/07/2027'));
  assert.deepEqual(await axeCheck(s, 'compromisos (uno)'), []);
  await waitForSave(page);
});

test('reload restores the draft and the page', async () => {
  const { page, origin } = s;
  await page.reload();
  await ready(page);
  assert.ok(page.url().endsWith('/plan/compromisos'), 'same page after reload');
  assert.ok((await page.locator('main').innerText()).includes(COMMITMENT.name));
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  const text = await page.locator('main').innerText();
  for (const v of [PLAN.name, PLAN.code, PLAN.planName, 'Municipio', `Del ${PLAN.start} al ${PLAN.end}`, COMMITMENT.name]) {
    assert.ok(text.includes(v), `review shows "${v}"`);
  }
  assert.deepEqual(await axeCheck(s, 'revisar'), []);
  await page.goto(origin + '/plan');
  await ready(page);
  assert.match(await page.locator('main').innerText(), /Perfil de la jurisdicción[\s\S]*Completado/);
});

test('download the JSON, clear storage, open it again: nothing lost', async () => {
  const { page, origin } = s;
  await tabTo(page, { text: 'Descargar borrador (JSON)' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /^plan-de-accion-local-de-gobierno-abierto-2025-2027.*\.json$/);
  const jsonPath = join(OUT, 'borrador.json');
  await download.saveAs(jsonPath);
  const json = JSON.parse(await readFile(jsonPath, 'utf8'));
  assert.equal(json.format, 'plan-local-gobierno-abierto');
  assert.equal(json.schema_version, 1);
  assert.equal(json.plan.profile.plan_name, PLAN.planName);
  assert.equal(json.plan.profile.jurisdiction.inegi_code, PLAN.code);
  assert.equal(json.plan.profile.period.start, '2025-12-10');
  assert.equal(json.plan.commitments[0].name, COMMITMENT.name);
  assert.equal(json.plan.commitments[0].period.end, '2027-07-31');

  await page.evaluate(() => localStorage.clear());
  await page.goto(origin + '/');
  await ready(page);
  assert.ok((await page.locator('main').innerText()).includes('Comenzar'), 'storage cleared: a new start');

  await tabTo(page, { text: 'Abrir un borrador' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/abrir');
  await ready(page);
  assert.deepEqual(await axeCheck(s, 'abrir un borrador'), []);
  await page.setInputFiles('#archivo-borrador', jsonPath);
  await page.waitForSelector('#borrador-elegido');
  await page.waitForFunction(() => document.activeElement?.id === 'borrador-elegido', null, { timeout: 2000 });
  assert.ok((await page.locator('#borrador-elegido').innerText()).includes(PLAN.planName));
  assert.deepEqual(await axeCheck(s, 'abrir un borrador (vista previa)'), []);
  await tabTo(page, { text: 'Abrir este borrador' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan');
  await ready(page);
  assert.ok((await page.locator('main').innerText()).includes('Se abrió el borrador'));
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  const text = await page.locator('main').innerText();
  for (const v of [PLAN.name, PLAN.code, PLAN.planName, COMMITMENT.name, `Del ${PLAN.start} al ${PLAN.end}`]) {
    assert.ok(text.includes(v), `after re-opening, review shows "${v}"`);
  }
  const stored = JSON.parse(await storedDraft(page));
  assert.deepEqual(stored.plan, json.plan, 'the stored plan equals the downloaded one');
});

test('a broken or foreign file gets a clear message and the draft is untouched', async () => {
  const { page, origin } = s;
  const before = await storedDraft(page);
  await page.goto(origin + '/abrir');
  await ready(page);
  const cases = [
    ['roto.json', '{"format": "plan-local-gobierno-abierto", "plan": {', 'no es JSON'],
    ['otro.json', '{"nombre": "otro programa"}', 'no es un borrador de esta herramienta'],
    ['vacio.json', '', 'El archivo está vacío'],
  ];
  for (const [name, content, expected] of cases) {
    const path = join(OUT, name);
    await writeFile(path, content);
    await page.setInputFiles('#archivo-borrador', path);
    await page.waitForSelector('#resumen-errores');
    await page.waitForFunction((e) => document.querySelector('#resumen-errores')?.innerText.includes(e), expected);
    await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores', null, { timeout: 2000 });
    assert.match(await page.title(), /^Error: /);
  }
  assert.deepEqual(await axeCheck(s, 'abrir un borrador (error)'), []);
  assert.equal(await storedDraft(page), before, 'the stored draft did not change');
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  assert.ok((await page.locator('main').innerText()).includes(COMMITMENT.name));
});

test('Exportar PDF downloads a PDF whose text holds the plan in Spanish', async () => {
  const { page } = s;
  await tabTo(page, { text: 'Exportar PDF' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /^plan-de-accion-local-de-gobierno-abierto-2025-2027.*\.pdf$/);
  const pdfPath = join(OUT, 'plan.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).toString('utf8').replace(/\s+/g, ' ');
  for (const v of ['Santiago de Querétaro', '22014', '¿cómo participará la ciudadanía? ¡Aquí!', 'Borrador', '10/12/2025', '31/08/2027', 'perspectiva de género y niñez']) {
    assert.ok(text.includes(v), `PDF text has "${v}"`);
  }
  execFileSync('qpdf', ['--check', pdfPath]);
});

test('a stored draft that cannot be read is kept aside, offered for download, never overwritten', async () => {
  const { page, origin } = s;
  const good = await storedDraft(page);
  const damaged = good.slice(0, Math.floor(good.length / 2));
  await page.evaluate((d) => localStorage.setItem('plan-local-ga/borrador', d), damaged);
  await page.goto(origin + '/plan');
  await ready(page);
  const banner = page.locator('.banner', { hasText: 'No se pudo leer el borrador guardado' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /Guardamos una copia aparte/);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('plan-local-ga/danado/')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, [damaged], 'the unreadable text is kept byte for byte');
  assert.deepEqual(await axeCheck(s, 'lista de tareas (borrador dañado)'), []);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Descargar la copia dañada' }).click(),
  ]);
  const rawPath = join(OUT, 'danado.json');
  await download.saveAs(rawPath);
  assert.equal(await readFile(rawPath, 'utf8'), damaged);
  // Put the good draft back for the remaining checks, by opening the downloaded JSON.
  await page.goto(origin + '/abrir');
  await ready(page);
  await page.setInputFiles('#archivo-borrador', join(OUT, 'borrador.json'));
  await page.getByRole('button', { name: 'Abrir este borrador' }).click();
  await page.waitForURL('**/plan');
  assert.equal(JSON.parse(await storedDraft(page)).plan.profile.plan_name, PLAN.planName);
});

test('the whole session: no console errors, no request off the page origin, axe clean', () => {
  assert.deepEqual(s.consoleErrors, []);
  assert.deepEqual(s.foreignRequests, []);
  assert.deepEqual(s.axeViolations, []);
  assert.ok(s.pagesChecked.length >= 10, `axe ran on ${s.pagesChecked.length} pages`);
});
