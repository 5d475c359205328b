// «Comparar versiones» (issue 19), keyboard only: from the task list to
// /comparar (the coedicion bundle); nothing chosen, then a broken file: the
// error summary; the draft of commitment 13 (MX0087, the stored draft of
// tests/fixtures/planes-reales, with one more commitment) as the older
// version and an edited copy as the newer one, both given as files: a
// commitment added, one deleted, a long text edited, key-action weights
// changed; each change found on the page, the marked words with their hidden
// words; the focus on the result's heading; «Descargar los cambios (PDF)» and
// its text; a draft of «Mis borradores» against the same plan as a file, and
// a PDF exported by the app against the same draft as JSON: no changes; the
// open draft unchanged. Prints the time to compare the 60-commitment
// benchmark plan with an edited copy. axe-core on each state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import {
  startSession, endSession, ready, assertClean, axeCheck, focused, putDraft, storedDraft,
  arriver, press, tabTo, flat, OUT,
} from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..', '..');
const C13 = join(ROOT, 'tests', 'fixtures', 'planes-reales', 'borradores', 'mx0087-estrategia-subnacional-2019-2021.json');
const V4_PDF = join(ROOT, 'tests', 'fixtures', 'borrador-v4-en-pdf-qpdf.pdf');
const V4_JSON = join(ROOT, 'tests', 'fixtures', 'borrador-v4.json');
const BENCH = join(ROOT, 'target', 'bench', '60', 'bench-draft.json');

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const arrive = arriver(() => s);

const OLD_WORDS = 'Débil involucramiento ciudadano';
const NEW_WORDS = 'Poca participación de la ciudadanía';

/** A copy of a commitment under another id and name, without its OGP record. */
function copyOf(c, id, name) {
  const copy = structuredClone(c);
  copy.id = id;
  copy.name = name;
  delete copy.ogp;
  return copy;
}

/** The older version (commitment 13 and a second one) and the edited copy. */
function versions(base) {
  const older = structuredClone(base);
  const c13 = older.plan.commitments[0];
  older.plan.commitments.push(copyOf(c13, 2, 'Presupuesto participativo abierto'));
  const newer = structuredClone(older);
  newer.saved_at = '2026-12-06T18:30:00-06:00';
  newer.plan.commitments = newer.plan.commitments.filter((c) => c.id !== 2);
  newer.plan.commitments.push(copyOf(c13, 3, 'Contraloría social de programas'));
  const edited = newer.plan.commitments[0];
  assert.ok(edited.objectives.assumptions.includes(OLD_WORDS));
  edited.objectives.assumptions = edited.objectives.assumptions.replace(OLD_WORDS, NEW_WORDS);
  edited.key_actions[0].weight = 30;
  edited.key_actions[1].weight = 45;
  return { older, newer };
}

/** The rows (header cell, then cells) of the table captioned `caption`. */
async function tableRows(page, caption) {
  return page.evaluate((cap) => {
    const table = [...document.querySelectorAll('table')]
      .find((t) => t.caption?.textContent.trim() === cap);
    if (!table) return null;
    return [...table.querySelectorAll('tbody tr')]
      .map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim()));
  }, caption);
}

/** Tabs to the file field, then chooses `file` in it (the file dialog itself is the system's). */
async function chooseFile(page, id, file) {
  await tabTo(page, { id }, 60);
  await page.setInputFiles(`#${id}`, file);
}

/** Waits for the line that says what was chosen for a version. */
async function chosen(page, id, text) {
  await page.waitForFunction(([i, t]) => document.getElementById(i)
    ?.closest('fieldset')?.querySelector('.compare-chosen')?.textContent.includes(t), [id, text]);
}

test('a coordinator compares two versions of a plan by keyboard and downloads the changes', async () => {
  const { page, origin } = s;
  const base = JSON.parse(await readFile(C13, 'utf8'));
  const { older, newer } = versions(base);
  const dir = join(OUT, 'comparar');
  await mkdir(dir, { recursive: true });
  const olderFile = join(dir, 'compromiso-13-anterior.json');
  const newerFile = join(dir, 'compromiso-13-nuevo.json');
  const broken = join(dir, 'roto.json');
  await writeFile(olderFile, JSON.stringify(older, null, 2));
  await writeFile(newerFile, JSON.stringify(newer, null, 2));
  await writeFile(broken, '{"format": "plan-local-gobierno-abierto", "plan": {');

  // The open draft is the older version; comparing must not touch it.
  await page.goto(origin + '/');
  await ready(page);
  await putDraft(page, JSON.stringify(older));
  await page.goto(origin + '/plan');
  await arrive(page, '**/plan', 'lista de tareas');
  const stored = await storedDraft(page);
  await press(page, 'Comparar versiones', 300);
  await arrive(page, '**/comparar', 'comparar versiones');
  assert.equal((await focused(page)).tag, 'H1');

  // Nothing chosen: the error summary names both versions.
  await press(page, 'Comparar versiones', 60);
  await page.waitForSelector('.error-summary');
  await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores');
  const summary = await page.locator('.error-summary').innerText();
  assert.match(summary, /Elija la versión anterior: un borrador de «Mis borradores» o un archivo/);
  assert.match(summary, /Elija la versión nueva/);
  await axeCheck(s, 'comparar: sin elegir');

  // A broken file: the plain message of «Abrir un borrador».
  await chooseFile(page, 'anterior-archivo', broken);
  await page.waitForFunction(() => document.getElementById('anterior-archivo-error'));
  await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores');
  assert.doesNotMatch(await page.locator('#anterior-archivo-error').innerText(), /inválid|error de/i);
  await axeCheck(s, 'comparar: archivo dañado');

  // The two files.
  await page.focus('#anterior-archivo');
  await page.setInputFiles('#anterior-archivo', olderFile);
  await chosen(page, 'anterior-archivo', 'archivo compromiso-13-anterior.json');
  await page.waitForFunction(() => !document.getElementById('anterior-archivo-error'));
  await chooseFile(page, 'nueva-archivo', newerFile);
  await chosen(page, 'nueva-archivo', 'archivo compromiso-13-nuevo.json');
  await press(page, 'Comparar versiones', 20);
  await page.waitForSelector('#resultado-comparacion');
  await page.waitForFunction(() => document.activeElement?.id === 'resultado-comparacion');
  const text = await page.locator('.compare-result').innerText();
  assert.match(text, /Hay 5 cambios: 1 agregado, 1 quitado y 3 modificados\./);
  assert.match(text, /Versión anterior\s+«Cuarto Plan de Acción 2019-2021» \(archivo compromiso-13-anterior\.json\)/);

  // Each change, in its group.
  const c1 = 'Compromiso 1 · Estrategia subnacional de gobierno abierto';
  const rows = await tableRows(page, `Cambios en ${c1}`);
  const assumptions = rows.find((r) => r[0] === 'Supuestos');
  assert.equal(assumptions[1], 'Cambió');
  assert.ok(assumptions[2].includes(`[se quitó: ${OLD_WORDS}]`), assumptions[2]);
  assert.ok(assumptions[3].includes(`[se agregó: ${NEW_WORDS}]`), assumptions[3]);
  // Marked by the element and by words a screen reader says, not by colour alone.
  assert.equal(await page.locator('del.compare-del').first().textContent(), `[se quitó: ${OLD_WORDS}]`);
  assert.equal(await page.locator('ins.compare-ins').first().textContent(), `[se agregó: ${NEW_WORDS}]`);
  const weights = await page.evaluate(() => [...document.querySelectorAll('.compare-row')]
    .filter((tr) => tr.querySelector('th').textContent.trim() === 'Ponderación')
    .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
  // Commitment 13's two weights (then those of the commitments added and removed).
  assert.deepEqual(weights.slice(0, 2), [['Cambió', '35 %', '30 %'], ['Cambió', '40 %', '45 %']]);
  const headings = await page.evaluate(() => [...document.querySelectorAll('.compare-group > :is(h4,h5)')]
    .map((h) => h.textContent.trim()));
  assert.ok(headings.includes('Compromiso 2 · Presupuesto participativo abierto'), headings.join('\n'));
  assert.ok(headings.includes('Compromiso 2 · Contraloría social de programas'), headings.join('\n'));
  assert.ok(headings.indexOf('Compromiso 2 · Presupuesto participativo abierto')
    < headings.indexOf('Compromiso 2 · Contraloría social de programas'), 'the removal, then the addition at its place');
  // A commitment in one version only: its answers in one column.
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('.compare-group--added thead th')]
    .map((th) => th.textContent.trim()).slice(0, 2)), ['Dato', 'Versión nueva']);
  assert.match(text, /Se quitó en la versión nueva\./);
  assert.match(text, /Se agregó en la versión nueva\./);
  await axeCheck(s, 'comparar: cambios');

  // The PDF of the changes.
  await tabTo(page, { text: 'Descargar los cambios (PDF)' }, 30);
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(file.suggestedFilename(), 'cambios-entre-versiones.pdf');
  const path = join(dir, 'cambios.pdf');
  await file.saveAs(path);
  execFileSync('qpdf', ['--check', path]);
  const pdf = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString('utf8'));
  for (const expected of [
    'Cambios entre dos versiones del plan',
    'Versión anterior', '(archivo compromiso-13-anterior.json)', '(archivo compromiso-13-nuevo.json)',
    'Hay 5 cambios: 1 agregado, 1 quitado y 3 modificados.',
    c1, 'Supuestos', `se quitó «${OLD_WORDS}»; se agregó «${NEW_WORDS}»`,
    'Ponderación', '35 %', '30 %', '45 %',
    'Compromiso 2 · Presupuesto participativo abierto', 'Se quitó en la versión nueva.',
    'Compromiso 2 · Contraloría social de programas', 'Se agregó en la versión nueva.',
  ]) {
    assert.ok(pdf.includes(flat(expected)), `the PDF says «${expected}»`);
  }

  // A draft of «Mis borradores» (the open one) against the same plan as a
  // file: no changes.
  await page.focus('#anterior-borrador');
  await page.keyboard.press('ArrowDown');
  await chosen(page, 'anterior-borrador', 'borrador abierto');
  await page.focus('#nueva-archivo');
  await page.setInputFiles('#nueva-archivo', olderFile);
  await chosen(page, 'nueva-archivo', 'archivo compromiso-13-anterior.json');
  await press(page, 'Comparar versiones', 20);
  await page.waitForSelector('#resultado-comparacion');
  await page.waitForFunction(() => document.activeElement?.id === 'resultado-comparacion');
  assert.match(await page.locator('.compare-result').innerText(), /Las dos versiones son iguales: no hay cambios\./);
  await axeCheck(s, 'comparar: sin cambios');

  // A PDF exported by the app (the draft travels inside) against the same
  // draft as JSON: no changes.
  await chooseFile(page, 'anterior-archivo', V4_PDF);
  await chosen(page, 'anterior-archivo', 'archivo borrador-v4-en-pdf-qpdf.pdf');
  await chooseFile(page, 'nueva-archivo', V4_JSON);
  await chosen(page, 'nueva-archivo', 'archivo borrador-v4.json');
  await press(page, 'Comparar versiones', 20);
  await page.waitForFunction(() => document.querySelector('.compare-result')?.innerText
    .includes('(archivo borrador-v4-en-pdf-qpdf.pdf)'));
  await page.waitForFunction(() => document.activeElement?.id === 'resultado-comparacion');
  assert.match(await page.locator('.compare-result').innerText(), /Las dos versiones son iguales: no hay cambios\./);

  // Nothing of the open draft changed.
  assert.equal(await storedDraft(page), stored);
  assertClean(s);
});

test('comparing the 60-commitment benchmark plan with an edited copy (time in the browser)', async () => {
  const { page, origin } = s;
  if (!existsSync(BENCH)) {
    execFileSync('cargo', ['run', '--quiet', '--example', 'bench_plan', '--', join(ROOT, 'target', 'bench', '60'), '60'], { cwd: ROOT, stdio: 'inherit' });
  }
  const bench = JSON.parse(await readFile(BENCH, 'utf8'));
  const edited = structuredClone(bench);
  edited.plan.commitments.splice(10, 1);
  edited.plan.commitments[0].name += ' (revisado)';
  edited.plan.commitments[5].key_actions.reverse();
  const dir = join(OUT, 'comparar');
  await mkdir(dir, { recursive: true });
  const a = join(dir, 'bench-anterior.json');
  const b = join(dir, 'bench-nuevo.json');
  await writeFile(a, JSON.stringify(bench));
  await writeFile(b, JSON.stringify(edited));
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(origin + '/comparar');
    await ready(page);
    await page.setInputFiles('#anterior-archivo', a);
    await chosen(page, 'anterior-archivo', 'bench-anterior.json');
    await page.focus('#nueva-archivo');
    const started = Date.now();
    await page.setInputFiles('#nueva-archivo', b);
    await chosen(page, 'nueva-archivo', 'bench-nuevo.json');
    await tabTo(page, { text: 'Comparar versiones' }, 10);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#resultado-comparacion');
    times.push(Date.now() - started);
  }
  const text = await page.locator('.compare-counts').innerText();
  assert.match(text, /1 quitado/);
  assert.match(text, /cambio(s)? de lugar/);
  times.sort((x, y) => x - y);
  console.log(`compare: 60-commitment benchmark plan with an edited copy, from choosing the second file to the result shown: median ${times[2]} ms (min ${times[0]}, max ${times[4]}, 5 runs)`);
  await axeCheck(s, 'comparar: plan de referencia');
  assertClean(s);
});
