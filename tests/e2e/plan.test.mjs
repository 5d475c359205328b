// A person's whole path through the walking skeleton, by keyboard, against the
// release build: profile and one commitment → reload → JSON download, clear,
// re-open → a broken file → PDF export, with axe-core on every page, no console
// errors and no request leaving the page's origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSession, endSession, ready, axeCheck, assertClean, tabTo, focused, OUT, storedDraft, openDraftKey, waitForDraft, openAllFolds } from './harness.mjs';

const PLAN = {
  kind: 'Municipio',
  state: 'Querétaro',
  name: 'Querétaro',
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
  // The state: a native select, chosen by typing its name.
  await tabTo(page, { id: 'estado' });
  await page.keyboard.type('Quer');
  assert.equal(await page.inputValue('#estado'), '22');
  // The municipality: search without accents, then Tab to the match and Space.
  await typeInto(page, 'municipio', 'queretaro');
  await page.waitForFunction(() => document.querySelectorAll('input[name="municipio"]').length === 1);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'municipio-22014');
  await page.keyboard.press('Space');
  assert.ok(await page.isChecked('#municipio-22014'));
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
  // The profile continues with the coordinating office (page 2 of 3); this
  // test goes on to the commitments.
  await page.waitForURL('**/plan/perfil/contacto');
  await ready(page);
  await page.goto(s.origin + '/plan/compromisos');
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
  await tabTo(page, { text: 'Guardar y continuar' });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#resumen-errores')?.innerText.includes('dentro del periodo del plan'));
  // Kept as typed (a published plan may say so), with what to review.
  assert.match(await page.locator('#resumen-errores h2').innerText(), /Se guardó, pero revise esto/);
  assert.ok(await waitForDraft(page, (d) => d.plan.commitments[0]?.period?.end === '2027-12-31', 3000), 'saved with the date outside the plan');
  assert.deepEqual(await axeCheck(s, 'compromiso guardado con aviso'), []);
  await tabTo(page, { id: 'termino-compromiso' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(COMMITMENT.end);
  await page.keyboard.press('Enter');
  // The ficha continues part by part; alignment has its own page.
  await page.waitForURL('**/plan/compromisos/1/responsables');
  await page.goto(s.origin + '/plan/compromisos/1/alineacion');
  await ready(page);
  // Alignment: replicates national commitment 13 (MX0087), found by searching.
  await tabTo(page, { id: 'relacion-nacional' });
  await page.keyboard.press('Space');
  assert.ok(await page.isChecked('#relacion-nacional'));
  await typeInto(page, 'compromiso-nacional', 'subnacional');
  await page.waitForFunction(() => document.querySelectorAll('input[name="compromiso-nacional"]').length === 1);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'compromiso-nacional-MX0087');
  await page.keyboard.press('Space');
  // Two SDG targets, by number: 16.10 and 16.6.
  for (const code of ['16.10', '16.6']) {
    await tabTo(page, { id: 'metas-ods' });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(code);
    const box = `meta-${code.replace('.', '-')}`;
    await page.waitForFunction((b) => document.getElementById(b), box);
    await tabTo(page, { id: box }, 5);
    await page.keyboard.press('Space');
    assert.ok(await page.isChecked('#' + box), `${code} checked`);
  }
  assert.match(await page.locator('main').innerText(), /Metas seleccionadas: 16\.6, 16\.10\./);
  assert.deepEqual(await axeCheck(s, 'compromiso con alineación'), []);
  await tabTo(page, { text: 'Guardar y continuar' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan/compromisos/1/acciones');
  await page.goto(s.origin + '/plan/compromisos');
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
  await openAllFolds(page);
  const text = await page.locator('main').innerText();
  for (const v of [PLAN.state, PLAN.name, PLAN.code, PLAN.planName, 'Municipio', `Del ${PLAN.start} al ${PLAN.end}`, COMMITMENT.name,
    'Replica un compromiso nacional: MX0087 · Estrategia subnacional de gobierno abierto', '16.6 Crear a todos los niveles', '16.10 Garantizar el acceso público']) {
    assert.ok(text.includes(v), `review shows "${v}"`);
  }
  assert.deepEqual(await axeCheck(s, 'revisar'), []);
  await page.goto(origin + '/plan');
  await ready(page);
  // Page 1 of the profile is saved; the office and framework pages are not yet.
  assert.match(await page.locator('main').innerText(), /Perfil de la jurisdicción\n[^\n]*\nEn curso/);
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
  assert.equal(json.schema_version, 6);
  assert.equal(json.plan.profile.plan_name, PLAN.planName);
  assert.deepEqual(json.plan.profile.jurisdictions.map((j) => [j.inegi_code, j.lead]), [[PLAN.code, true]], 'one municipality, the lead');
  assert.equal(json.plan.profile.period.start, '2025-12-10');
  assert.equal(json.plan.commitments[0].name, COMMITMENT.name);
  assert.equal(json.plan.commitments[0].period.end, '2027-07-31');
  assert.deepEqual(json.plan.commitments[0].alignment.national, { relation: 'replica', commitment: 'MX0087' });
  assert.deepEqual(json.plan.commitments[0].alignment.sdg_targets, ['16.6', '16.10']);
  assert.equal(json.plan.profile.jurisdictions[0].name, 'Querétaro');
  assert.equal(json.plan.national_plan.commitments.length, 13, 'the national list travels with the plan');
  assert.match(json.plan.national_plan.name, /4º Plan de Acción Nacional/);

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
  await openAllFolds(page);
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
  await openAllFolds(page);
  assert.ok((await page.locator('main').innerText()).includes(COMMITMENT.name));
});

test('Exportar PDF downloads a PDF whose text holds the plan in Spanish', async () => {
  const { page } = s;
  // The review lists every answer with its "Cambiar" link first.
  await tabTo(page, { text: 'Exportar PDF' }, 400);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /^plan-de-accion-local-de-gobierno-abierto-2025-2027.*\.pdf$/);
  const pdfPath = join(OUT, 'plan.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).toString('utf8').replace(/\s+/g, ' ');
  for (const v of ['Municipio de Querétaro', '22014', '¿cómo participará la ciudadanía? ¡Aquí!', 'Borrador', '10/12/2025', '31/08/2027', 'perspectiva de género y niñez',
    'MX0087 · Estrategia subnacional de gobierno abierto', 'Meta 16.6', 'Meta 16.10', 'Garantizar el acceso público a la información', '4º Plan de Acción Nacional']) {
    assert.ok(text.includes(v), `PDF text has "${v}"`);
  }
  execFileSync('qpdf', ['--check', pdfPath]);
});

test('the national list can be replaced by a newer plan from a CSV file, and back', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/plan');
  await ready(page);
  await tabTo(page, { text: 'Plan nacional de referencia' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan/plan-nacional');
  await ready(page);
  assert.match(await page.locator('#lista-en-uso').innerText(), /4º Plan de Acción Nacional/);
  assert.equal(await page.locator('table').first().locator('tbody tr').count(), 13);
  assert.deepEqual(await axeCheck(s, 'plan nacional'), []);
  // A broken file: message, nothing changes.
  const bad = join(OUT, 'lista-rota.csv');
  await writeFile(bad, 'a,b\n1,2\n');
  await page.setInputFiles('#archivo-lista-nacional', bad);
  await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores');
  assert.match(await page.locator('#resumen-errores').innerText(), /no tiene las columnas «id» y «titulo»/);
  // A good file: preview, warning about the commitment aligned to MX0087, then confirm.
  const csv = join(OUT, 'quinto-plan.csv');
  await writeFile(csv, 'id;título;instituciones\nMX0100;Datos abiertos para la transición energética;SENER\nMX0101;Participación ciudadana en la planeación;SABG\n');
  await page.setInputFiles('#archivo-lista-nacional', csv);
  await page.waitForFunction(() => document.activeElement?.id === 'lista-elegida');
  const preview = await page.locator('#lista-elegida').innerText();
  assert.match(preview, /Lista elegida: quinto-plan/);
  assert.match(preview, /Compromiso 1 \(«Estrategia subnacional/);
  assert.deepEqual(await axeCheck(s, 'plan nacional (vista previa)'), []);
  await tabTo(page, { text: 'Usar esta lista' });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('lista-en-uso')?.innerText.includes('quinto-plan'));
  await waitForDraft(page, (d) => d.plan.national_plan.commitments[0].id === 'MX0100', 3000);
  // The commitment's alignment page now offers the new list.
  await page.goto(origin + '/plan/compromisos/1/alineacion');
  await ready(page);
  assert.ok(await page.locator('#compromiso-nacional-MX0100').count() === 1);
  // Back to the 4th plan.
  await page.goto(origin + '/plan/plan-nacional');
  await ready(page);
  await tabTo(page, { text: 'Volver a la lista del 4º Plan de Acción Nacional' });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('lista-en-uso')?.innerText.includes('4º Plan'));
  await waitForDraft(page, (d) => d.plan.national_plan.commitments.length === 13, 3000);
});

/** Fills this origin's storage quota with other data, until not one more character fits. */
async function fillStorage(page) {
  const name = await page.evaluate(() => {
    let n = 0;
    let last = 'none';
    for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`relleno-${n++}`, chunk); } catch (e) { last = e.name; break; }
      }
    }
    return last;
  });
  assert.equal(name, 'QuotaExceededError', 'the quota was reached');
}

/**
 * Makes the app save now, the way it does when the page is hidden: the
 * listener runs synchronously inside dispatchEvent, so when this returns the
 * save has been attempted (written, or refused).
 */
const saveNow = (page) => page.evaluate(() => window.dispatchEvent(new Event('pagehide')));

const quarantinedTexts = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('plan-local-ga/danado/')).sort().map((k) => localStorage.getItem(k)));

test('a stored draft that cannot be read is kept aside, offered for download, never overwritten', async () => {
  const { page, origin } = s;
  const good = await storedDraft(page);
  const damaged = good.slice(0, Math.floor(good.length / 2));
  // The open draft's own key is damaged (the index of drafts stays readable).
  const key = await openDraftKey(page);
  assert.match(key, /^plan-local-ga\/borrador\/\d+$/);
  const original = () => page.evaluate((k) => localStorage.getItem(k), key);
  await page.evaluate(([k, d]) => localStorage.setItem(k, d), [key, damaged]);
  await page.goto(origin + '/plan/perfil');
  await ready(page);
  const banner = page.locator('.banner', { hasText: 'No se pudo leer el borrador guardado' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /Guardamos una copia aparte/);
  assert.deepEqual(await quarantinedTexts(page), [damaged], 'the unreadable text is kept byte for byte');
  assert.deepEqual(await axeCheck(s, 'perfil (borrador dañado)'), []);
  // Only with that copy in place does an empty draft take the key.
  const replaced = JSON.parse(await original());
  assert.ok(!replaced.plan.profile && replaced.plan.commitments.length === 0, 'an empty draft in its place');
  // New work is saved under the key; the copy is never written again.
  await page.fill('#nombre-plan', 'Escrito después del daño');
  await saveNow(page);
  assert.equal(JSON.parse(await original()).unsaved.perfil['nombre-plan'], 'Escrito después del daño', 'the save went through');
  assert.deepEqual(await quarantinedTexts(page), [damaged], 'the kept copy is unchanged after a save');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Descargar la copia dañada' }).click(),
  ]);
  const rawPath = join(OUT, 'danado.json');
  await download.saveAs(rawPath);
  assert.equal(await readFile(rawPath, 'utf8'), damaged);

  // No room for a copy: the unreadable text stays under its own key, through
  // typing and saving, and the page says so.
  // Large, so that a copy cannot fit while a save over it (smaller) could:
  // only the app's refusal keeps it.
  const damagedAgain = '{"format": "plan-local-gobierno-abierto", "schema_version": 4, "plan": {"notas": "' + 'x'.repeat(200000);
  await page.evaluate(([k, d]) => localStorage.setItem(k, d), [key, damagedAgain]);
  await fillStorage(page);
  try {
    await page.goto(origin + '/plan/perfil');
    await ready(page);
    const kept = page.locator('.banner', { hasText: 'No se pudo leer el borrador guardado' });
    await kept.waitFor();
    assert.match(await kept.innerText(), /No lo sobrescribiremos/);
    assert.equal(await original(), damagedAgain, 'not replaced when no copy fits');
    await page.fill('#nombre-plan', 'Escrito sin lugar para la copia');
    await saveNow(page);
    assert.equal(await original(), damagedAgain, 'a save does not overwrite it either');
    assert.match(await page.locator('#estado-guardado').innerText(), /No se pudo guardar el borrador/);
    assert.deepEqual(await quarantinedTexts(page), [damaged], 'and no other copy appeared');
  } finally {
    await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('relleno-')) localStorage.removeItem(k); });
  }

  // Put the good draft back for the remaining checks, by opening the downloaded JSON.
  await page.goto(origin + '/abrir');
  await ready(page);
  await page.setInputFiles('#archivo-borrador', join(OUT, 'borrador.json'));
  await page.getByRole('button', { name: 'Abrir este borrador' }).click();
  await page.waitForURL('**/plan');
  assert.equal(JSON.parse(await storedDraft(page)).plan.profile.plan_name, PLAN.planName);
});

test('the data sources page names every catalogue and its licence', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/plan');
  await ready(page);
  await tabTo(page, { text: 'Fuentes de datos' }, 60);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/fuentes');
  await ready(page);
  const text = await page.locator('main').innerText();
  for (const v of ['INEGI', '2469', 'open-sdg', 'MIT', 'MX0075', 'Diario Oficial de la Federación', 'SIL Open Font License']) {
    assert.ok(text.replace(/,(?=\d{3})/g, '').includes(v), `sources page mentions "${v}"`);
  }
  assert.deepEqual(await axeCheck(s, 'fuentes de datos'), []);
});

test('the release page carries a strict Content-Security-Policy', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/');
  await ready(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const part of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "style-src 'self'", "'wasm-unsafe-eval'"]) {
    assert.ok(csp.includes(part), `CSP has ${part}`);
  }
  assert.ok(!csp.includes("'unsafe-inline'") && !/(^|[ ;])\*/.test(csp), 'no unsafe-inline, no wildcard');
  // The app runs under it: the page rendered (violations would be console errors, checked below).
});

test('"Borrar todos mis datos de este equipo" removes everything stored, after confirming', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/plan');
  await ready(page);
  assert.ok(await storedDraft(page), 'there is a draft to erase');
  await tabTo(page, { text: 'Borrar todos mis datos de este equipo' }, 60);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'confirmar-borrado');
  assert.deepEqual(await axeCheck(s, 'confirmar borrado'), []);
  assert.ok(await storedDraft(page), 'nothing is erased before confirming');
  await tabTo(page, { text: 'Sí, borrar mis datos' });
  await Promise.all([page.waitForURL(origin + '/'), page.keyboard.press('Enter')]);
  await ready(page);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('plan-local-ga/')));
  assert.deepEqual(keys, [], 'no key of the app is left');
  assert.match(await page.locator('main').innerText(), /Comenzar/);
});

test('the whole session: no console errors, no request off the page origin, axe clean', () => {
  assertClean(s);
  assert.ok(s.pagesChecked.length >= 10, `axe ran on ${s.pagesChecked.length} pages`);
});
