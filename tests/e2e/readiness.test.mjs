// The readiness self-assessment, by keyboard only, against the release build:
// every question answered, the chart and the table agree, the report PDF holds
// the scores and the route, the plan's PDF includes the result, and a repeated
// assessment shows the change; axe-core on every page of both rounds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startSession, endSession, ready, axeCheck, assertClean, tabTo, OUT, waitForDraft } from './harness.mjs';

// Level per question (0-3, or 'no-se'), theme by theme.
const ANSWERS = { 1: [3, 2, 1], 2: [1, 'no-se', 0], 3: [2, 2, 3], 4: [3, 3, 2], 5: [1, 0, 1] };
const EXPECTED = [67, 11, 78, 89, 22]; // see tests/readiness.rs for the rule
const OVERALL = 53;

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

/** Chooses a radio in a group by keyboard: Tab to the group's first radio, then Space or arrows. */
async function choose(page, id, level) {
  await tabTo(page, { id });
  const steps = level === 'no-se' ? 4 : level;
  if (steps === 0) await page.keyboard.press('Space');
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
}

async function answerAll(page, answers) {
  for (let t = 1; t <= 5; t++) {
    await page.waitForURL(`**/preparacion/tema/${t}`);
    await ready(page);
    assert.deepEqual(await axeCheck(s, `diagnóstico tema ${t}`), [], `axe-core on theme ${t}`);
    for (let q = 1; q <= 3; q++) await choose(page, `p${t}-${q}`, answers[t][q - 1]);
    if (t === 2) {
      await tabTo(page, { id: 'p2-1-evidencia' });
      await page.keyboard.type('https://ejemplo.gob.mx/plan-2022');
    }
    await tabTo(page, { text: 'Guardar y continuar' });
    await page.keyboard.press('Enter');
  }
}

test('a municipality answers the whole diagnostic by keyboard and gets a scored result', async () => {
  const { page, origin } = s;
  const started = Date.now();
  await page.goto(origin + '/');
  await ready(page);
  await tabTo(page, { text: 'Evaluar la preparación de mi municipio' }, 60);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/preparacion');
  await ready(page);
  assert.deepEqual(await axeCheck(s, 'diagnóstico inicio'), []);
  await tabTo(page, { text: 'Comenzar la evaluación' });
  await page.keyboard.press('Enter');

  // An empty page is refused with the summary.
  await page.waitForURL('**/preparacion/tema/1');
  await ready(page);
  await tabTo(page, { text: 'Guardar y continuar' });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores');
  assert.match(await page.locator('#resumen-errores').innerText(), /Elija una respuesta para «¿Cada cuánto se reúne ese espacio\?»/);
  assert.deepEqual(await axeCheck(s, 'diagnóstico tema 1 con errores'), []);

  await answerAll(page, ANSWERS);
  await page.waitForURL('**/preparacion/elegibilidad');
  await ready(page);
  assert.deepEqual(await axeCheck(s, 'diagnóstico elegibilidad'), []);
  await choose(page, 'e-1', 0);
  await choose(page, 'e-2', 1); // "No": no co-creation in the last three years
  await choose(page, 'e-3', 0);
  await choose(page, 'e-4', 0);
  await tabTo(page, { text: 'Guardar y ver el resultado' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/preparacion/resultado');
  await ready(page);
  const seconds = (Date.now() - started) / 1000;
  console.log(`# diagnostic answered by keyboard in ${seconds.toFixed(1)} s (machine time)`);

  assert.equal(await page.locator('#puntaje-general').innerText(), `${OVERALL} de 100`);
  const chart = await page.$$eval('svg rect[data-score]', (els) => els.map((e) => Number(e.getAttribute('data-score'))));
  const table = await page.$$eval('#tabla-puntajes td[data-score]', (els) => els.map((e) => Number(e.textContent)));
  assert.deepEqual(chart, EXPECTED, 'chart values');
  assert.deepEqual(table, EXPECTED, 'the table shows the same numbers as the chart');
  const widths = await page.$$eval('svg rect[data-score]', (els) => els.map((e) => Number(e.getAttribute('width'))));
  widths.forEach((w, i) => assert.ok(Math.abs(w - 360 * EXPECTED[i] / 100) < 0.01, 'bar length matches its score'));
  const main = await page.locator('main').innerText();
  assert.match(main, /Todavía no cumple estos criterios/);
  const route = await page.locator('#ruta').innerText();
  assert.match(route, /^Documente los ejercicios de participación/, 'the unmet gate criterion comes first');
  assert.ok(route.indexOf('Prepare el perfil del plan') < route.indexOf('Publique una convocatoria abierta'), 'weakest theme (2) before theme 1');
  assert.ok(await page.locator('#ruta a[href="/plan/perfil"]').count() >= 1, 'steps link to the wizard page that addresses them');
  assert.deepEqual(await axeCheck(s, 'diagnóstico resultado'), []);

  // The report PDF.
  await tabTo(page, { text: 'Descargar informe (PDF)' }, 80);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /diagnostico\.pdf$/);
  const pdf = join(OUT, 'diagnostico.pdf');
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
  for (const v of ['Diagnóstico de condiciones de apertura', `${OVERALL} de 100`, 'Avanzado', '67 / 100 · Avanzado', '11 / 100 · Inicial',
    'Documente los ejercicios de participación', 'Prepare el perfil del plan', 'https://ejemplo.gob.mx/plan-2022']) {
    assert.ok(text.includes(v), `report PDF has "${v}"`);
  }
  execFileSync('qpdf', ['--check', pdf]);
  const pages = execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)[1];
  console.log(`# readiness report: ${pages} pages`);
});

test('the plan PDF includes the result, and a repeated assessment shows the change', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportar PDF' }).click()]);
  const pdf = join(OUT, 'plan-con-diagnostico.pdf');
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
  assert.ok(text.includes('2. Diagnóstico de condiciones de apertura'));
  assert.ok(text.includes(`${OVERALL} de 100`));

  await page.goto(origin + '/preparacion/resultado');
  await ready(page);
  await tabTo(page, { text: 'Repetir la evaluación' }, 80);
  await page.keyboard.press('Enter');
  // Answers come back as given; change one (theme 2, question 1: Inicial → Avanzado).
  const again = structuredClone(ANSWERS);
  again[2][0] = 3;
  await page.waitForURL('**/preparacion/tema/1');
  await ready(page);
  for (let t = 1; t <= 5; t++) {
    await page.waitForURL(`**/preparacion/tema/${t}`);
    await ready(page);
    assert.deepEqual(await axeCheck(s, `diagnóstico tema ${t} (repetición)`), [], `axe-core on theme ${t}, answers shown again`);
    if (t === 2) {
      // Tab lands on the checked radio of the group (the previous answer).
      const checked = await page.$$eval('input[type=radio]:checked', (els) => els.map((e) => e.id));
      assert.deepEqual(checked, ['p2-1-1', 'p2-2-no-se', 'p2-3'], 'every previous answer of theme 2 is shown again');
      await tabTo(page, { id: 'p2-1-1' });
      assert.ok(await page.isChecked('#p2-1-1'), 'the previous answer is kept');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.ok(await page.isChecked('#p2-1-3'));
    }
    await tabTo(page, { text: 'Guardar y continuar' });
    await page.keyboard.press('Enter');
  }
  await page.waitForURL('**/preparacion/elegibilidad');
  await ready(page);
  assert.deepEqual(await axeCheck(s, 'diagnóstico elegibilidad (repetición)'), []);
  await tabTo(page, { text: 'Guardar y ver el resultado' });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/preparacion/resultado');
  await ready(page);
  assert.equal(await page.locator('#puntaje-general').innerText(), '58 de 100');
  assert.match(await page.locator('#cambio').innerText(), /^5 puntos más que en la evaluación del \d\d\/\d\d\/\d{4} \(53 puntos\)\.$/);
  assert.match(await page.locator('#tabla-puntajes').innerText(), /\+22/);
  assert.deepEqual(await axeCheck(s, 'diagnóstico resultado con cambio'), []);
  // Both assessments are kept in the draft (after the debounced autosave).
  await waitForDraft(page, (d) => d.plan.readiness.length === 2, 3000);
});

test('the diagnostic session: no console errors, no foreign requests, axe clean on every page', () => {
  assertClean(s);
  // Start, theme 1 with errors, five themes twice, eligibility twice, result twice.
  assert.equal(s.pagesChecked.length, 16, `axe ran on ${s.pagesChecked.join(', ')}`);
});
