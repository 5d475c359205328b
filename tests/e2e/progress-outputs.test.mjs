// The progress reports' outputs, by keyboard only, with the schema-6 fixture
// (tests/fixtures/borrador-v6.json: one commitment, two rounds, a monitoring
// body, an end-of-commitment assessment) loaded: on «Informes de avance»
// (/plan/avances), «Descargar informe de avance (PDF)» downloads the latest
// round's report (its pdftotext holds the statuses, evidence and percents of
// both rounds, and the draft travels inside); the first round chosen in the
// select downloads its own report; «Descargar avances (CSV)» downloads every
// round (a BOM, the header, one row per key action or activity per round);
// the report's print view shows the same document. axe-core on each page, and
// no console error or foreign request in the session.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startSession, endSession, ready, axeCheck, assertClean, tabTo, putDraft, OUT,
  download, pdfText, parseCsv, flat,
} from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = await readFile(join(here, '..', 'fixtures', 'borrador-v6.json'), 'utf8');
const STEM = 'plan-de-accion-local-de-gobierno-abierto-2025-2027';

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

test('the round reports and the CSV download from «Informes de avance»', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/plan');
  await ready(page);
  await putDraft(page, FIXTURE);
  await page.goto(origin + '/plan/avances');
  await ready(page);
  assert.deepEqual(await axeCheck(s, 'informes de avance'), [], 'axe-core finds nothing on /plan/avances');

  // The latest round is chosen.
  assert.equal(await page.inputValue('#informe-avance'), '2');
  const latest = await download(page, { text: 'Descargar informe de avance (PDF)' });
  assert.equal(latest.suggestedFilename(), `${STEM}-informe-de-avance-2026-12-31.pdf`);
  const text = await pdfText(latest, 'informe-de-avance-2.pdf');
  for (const expected of [
    'Informe de avance', 'Segundo informe semestral', '31/12/2026', 'Dirección de Gobierno Abierto',
    // Both rounds' progress: 70 × 60 % + 20 × 40 % = 50 %, and 30 × 60 % = 18 % before.
    'Avance del plan 50 %', '18 % (Primer informe semestral (30/06/2026))',
    'Primer informe semestral (30/06/2026)', 'Segundo informe semestral (31/12/2026)',
    // Statuses, percents, evidence, difficulties.
    'Sustancial', 'Completo', 'Limitado', '70 %', 'antes: 30 %', '20 %',
    'presupuesto-2026-t3.csv', 'Minuta de instalación del grupo de trabajo, 28/01/2026',
    'Falta el convenio con el Observatorio.',
    'Requiere atención', 'Se informa con avance pero sin evidencia',
    'Comité de Monitoreo Ciudadano de Querétaro',
    'Valoración al final del compromiso', 'Marginal',
  ]) {
    assert.ok(text.includes(flat(expected)), `the report holds «${expected}»`);
  }

  // The first round, chosen with the arrow key.
  await tabTo(page, { id: 'informe-avance' }, 150);
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.inputValue('#informe-avance'), '1');
  const first = await download(page, { text: 'Descargar informe de avance (PDF)' });
  assert.equal(first.suggestedFilename(), `${STEM}-informe-de-avance-2026-06-30.pdf`);
  const firstText = await pdfText(first, 'informe-de-avance-1.pdf');
  for (const expected of ['Primer informe semestral', 'presupuesto-2026-t1.csv', 'La Tesorería cambió de sistema contable.', '30 %', 'No iniciado']) {
    assert.ok(firstText.includes(flat(expected)), `the first round's report holds «${expected}»`);
  }
  assert.ok(!firstText.includes(flat('Segundo informe semestral')), 'no later round in an earlier report');

  // The CSV of every round.
  const csv = await download(page, { text: 'Descargar avances (CSV)' });
  assert.equal(csv.suggestedFilename(), `${STEM}-avances.csv`);
  const csvPath = join(OUT, 'avances.csv');
  await csv.saveAs(csvPath);
  const bytes = await readFile(csvPath);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const records = parseCsv(bytes.toString('utf8').slice(1));
  const [header, ...rows] = records;
  assert.deepEqual(header.slice(0, 4), ['round_id', 'round_name', 'cutoff', 'reporter']);
  assert.ok(records.every((r) => r.length === header.length), 'every record has every column');
  const col = (name) => header.indexOf(name);
  // 2 rounds × (2 key actions + 1 activity).
  assert.equal(rows.length, 2 * 3, 'one row per key action or activity per round');
  assert.deepEqual(rows.map((r) => r[col('round_id')]), ['1', '1', '1', '2', '2', '2']);
  assert.deepEqual(rows.map((r) => r[col('cutoff')]), ['2026-06-30', '2026-06-30', '2026-06-30', '2026-12-31', '2026-12-31', '2026-12-31']);
  assert.deepEqual(rows.map((r) => r[col('status')]), ['limitado', 'completo', 'no-iniciado', 'sustancial', 'completo', 'limitado']);
  assert.deepEqual(rows.map((r) => r[col('percent')]), ['30', '100', '0', '70', '100', '20']);
  assert.deepEqual(rows.map((r) => r[col('activity_name')]), ['', 'Integrar un grupo de trabajo', '', '', 'Integrar un grupo de trabajo', '']);
  assert.equal(rows[1][col('evidence')], 'Minuta de instalación del grupo de trabajo, 28/01/2026');
  assert.equal(rows[3][col('status_label')], 'Sustancial');

  // The first round's print view, through its link.
  await tabTo(page, { text: 'Ver el informe en versión para imprimir' }, 150);
  await page.keyboard.press('Enter');
  await page.waitForURL(origin + '/plan/imprimir/avance/1');
  await ready(page);
  const printed = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  for (const expected of ['Primer informe semestral', 'Requiere atención', 'presupuesto-2026-t1.csv', 'Limitado']) {
    assert.ok(printed.includes(expected), `the print view holds «${expected}»`);
  }
  assert.deepEqual(await axeCheck(s, 'informe de avance para imprimir'), [], 'axe-core finds nothing on the print view');

  assertClean(s);
});
