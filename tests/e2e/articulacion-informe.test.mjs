// «Articulación nacional» (issue 20): the weighted progress of the local
// commitments and the consolidated report as PDF. Four plans exported by the
// app (drafts written here from a real plan's fixture, with the key actions
// of national commitment MX0087 and their weights 35, 40, 25): progress
// typed in the fichas, a report round, and commitments without any report.
// The «Avance ponderado» tables (never 0 % without a report), a filter by a
// state from the map by keyboard, then «Descargar el informe (PDF)» by
// keyboard: its text (the filter, the indicator, the matrix, progress, the
// map's legend) and its pages as images (pdftoppm -r 60) for people to look
// at. axe-core on the page with its tables.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startSession, endSession, assertClean, arriver, OUT, download, flat,
} from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BASE = join(here, '..', 'fixtures', 'planes-reales', 'borradores', 'quintana-roo-2023-2025.json');
const MX0087 = join(here, '..', 'fixtures', 'planes-reales', 'borradores', 'mx0087-estrategia-subnacional-2019-2021.json');

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const arrive = arriver(() => s);

const member = (kind, name, code) => ({ kind, name, inegi_code: code, lead: true });

/**
 * A draft as «Descargar borrador (JSON)» writes it: the real plan of Quintana
 * Roo with another name and maker, one commitment per entry of `commitments`
 * ({ link, progress: [3 percents] | undefined }), each with MX0087's key
 * actions; `rounds`: its report rounds.
 */
function draft(base, actions, name, maker, commitments, rounds = []) {
  const d = structuredClone(base);
  d.plan.profile.plan_name = name;
  d.plan.profile.jurisdictions = [maker];
  d.plan.commitments = commitments.map((c, i) => {
    const commitment = structuredClone(base.plan.commitments[i]);
    commitment.alignment.national = c.link;
    commitment.key_actions = structuredClone(actions).map((k, j) => ({
      ...k, progress: c.progress ? c.progress[j] : null,
    }));
    return commitment;
  });
  if (rounds.length) d.plan.implementation = { rounds };
  return JSON.stringify(d, null, 2);
}

/** The cells of the row whose header starts with `start`, in the table captioned `caption`. */
async function row(page, caption, start) {
  return page.evaluate(([cap, st]) => {
    const table = [...document.querySelectorAll('table')]
      .find((t) => t.caption?.innerText.trim().startsWith(cap));
    if (!table) return null;
    const tr = [...table.querySelectorAll('tr')]
      .find((r) => r.querySelector('th')?.innerText.trim().startsWith(st));
    return tr ? [...tr.querySelectorAll('td')].map((td) => td.innerText.trim()) : null;
  }, [caption, start]);
}

test('a coordinator reads the weighted progress, filters by a state and downloads the report as PDF', async () => {
  const { page, origin } = s;
  const base = JSON.parse(await readFile(BASE, 'utf8'));
  const actions = JSON.parse(await readFile(MX0087, 'utf8')).plan.commitments[0].key_actions;
  const dir = join(OUT, 'articulacion-informe');
  await mkdir(dir, { recursive: true });
  const replica = { relation: 'replica', commitment: 'MX0087' };
  const complementa = { relation: 'complementa', commitment: 'MX0081' };
  const files = {
    // 100 × 35 + 50 × 40 + 0 × 25 = 55 %; the second: nothing typed.
    'jalisco.json': draft(base, actions, 'Plan de Acción Local de Jalisco', member('estado', 'Jalisco', '14'),
      [{ link: replica, progress: [100, 50, 0] }, { link: complementa }]),
    // 100 % everywhere.
    'guadalajara.json': draft(base, actions, 'Plan de Acción de Guadalajara', member('municipio', 'Guadalajara', '14039'),
      [{ link: replica, progress: [100, 100, 100] }]),
    // A report round: the first key action complete (35 %); what the fichas
    // say (90 %) no longer counts.
    'oaxaca.json': draft(base, actions, 'Plan de Acción Local de Oaxaca', member('estado', 'Oaxaca', '20'),
      [{ link: replica, progress: [90, 90, 90] }],
      [{
        id: 1, name: 'Primer informe semestral', cutoff: '2024-06-30', reporter: null,
        reports: [{ commitment: 1, key_action: 1, status: 'completo', percent: 100, evidence: ['Informe publicado'] }],
      }]),
    // No report at all.
    'queretaro.json': draft(base, actions, 'Plan de Acción de Querétaro', member('municipio', 'Querétaro', '22014'),
      [{ link: complementa }]),
  };
  const paths = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    await writeFile(path, text);
    paths.push(path);
  }

  await page.goto(origin + '/articulacion');
  await arrive(page, '**/articulacion', null);
  await page.setInputFiles('#archivos-planes', paths);
  await page.waitForFunction(() => document.activeElement?.id === 'resultado-agregar');
  assert.match(await page.locator('#resultado-agregar').innerText(), /Se agregaron 4 planes\./);

  // «Avance ponderado»: 3 of 5 commitments reported, (55 + 100 + 35) / 3.
  assert.equal(await page.locator('#avance-resumen').innerText(),
    '3 de 5 compromisos locales mostrados tienen informe de avance; su avance ponderado promedio es de 63.3 %. Los 2 compromisos sin informe no se cuentan en el promedio.');
  const NATIONAL = 'Avance por compromiso nacional';
  assert.deepEqual(await row(page, NATIONAL, 'MX0087'), ['3', '3', '63.3 %']);
  assert.deepEqual(await row(page, NATIONAL, 'MX0081'), ['2', '0', 'Sin informe de avance']);
  assert.deepEqual(await row(page, 'Avance por estado', 'Jalisco'), ['3', '2', '77.5 % (2 de 3 con informe)']);
  assert.deepEqual(await row(page, 'Avance por estado', 'Oaxaca'), ['1', '1', '35 %']);
  assert.deepEqual(await row(page, 'Avance por estado', 'Querétaro'), ['1', '0', 'Sin informe de avance']);
  assert.equal(await row(page, 'Avance por estado', 'Yucatán'), null, 'only states with commitments');
  assert.deepEqual(await row(page, 'Avance por plan local', 'Plan de Acción de Guadalajara'), ['1', '1', '100 %']);
  await arrive(page, '**/articulacion', 'articulación con avance');
  // For people to look at (not compared): the section.
  const top = await page.locator('#avance').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  await page.screenshot({ path: join(dir, 'avance.png'), fullPage: true, clip: { x: 0, y: top - 20, width: 1280, height: 1500 } });

  // Jalisco from the map, by keyboard.
  await page.locator('path[data-estado="14"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#indicador-total')?.innerText.startsWith('3 acciones'));
  assert.match(await page.locator('#avance-resumen').innerText(), /^2 de 3 compromisos locales mostrados tienen informe de avance; su avance ponderado promedio es de 77\.5 %/);

  // «Descargar el informe (PDF)», by keyboard from «Descargar CSV».
  await page.locator('#descargar-csv').focus();
  const file = await download(page, { id: 'descargar-informe' });
  assert.equal(file.suggestedFilename(), 'informe-articulacion-nacional.pdf');
  const pdf = join(dir, 'informe.pdf');
  await file.saveAs(pdf);
  execFileSync('qpdf', ['--check', pdf]);
  const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8'));
  for (const expected of [
    'Informedearticulaciónnacional',
    'FiltrosaplicadosEstadoJalisco',
    '3accioneslocalesreplicanocomplementancompromisosdelPlandeAcciónNacional:2replicany1complementan.Vienende2planeslocales,con3compromisosentotal.',
    // The matrix: Jalisco's plan (1 C under MX0081, 1 R under MX0087), Guadalajara's, the total.
    'PlanlocalMX0081MX0087PlandeAcciónLocaldeJalisco(Jalisco)1C1RPlandeAccióndeGuadalajara(Jalisco)01RTotal1C2R',
    // Per national commitment: 2 replicate MX0087, both reported.
    'MX0087·Estrategiasubnacionaldegobiernoabierto202277.5%',
    '77.5%(2de3coninforme)',
    'Sininformedeavance',
    'MapadeMéxico:planeslocalesporestadoPlaneslocales:',
    'MapadeMéxico:compromisoslocalesporestadoCompromisoslocales:',
    'CCBY4.0',
  ]) {
    assert.ok(text.includes(expected), `${expected} in the PDF:\n${text}`);
  }
  assert.ok(!text.includes('PlandeAcciónLocaldeOaxaca'), 'Oaxaca is filtered out');

  // The pages as images, for people to look at (not compared).
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(dir, 'pagina')]);
  const pages = (await readdir(dir)).filter((f) => f.startsWith('pagina') && f.endsWith('.png'));
  assert.ok(pages.length >= 4, `${pages.length} pages`);

  assertClean(s);
});
