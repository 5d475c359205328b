// «Articulación nacional» (issue 20): from the start page by keyboard to
// /articulacion, whose bundle is fetched only then; five plans exported by the
// app (drafts written here from a real plan's fixture, with other names,
// jurisdictions and alignments), a copy of one, a broken file and a PDF from
// elsewhere added at once; the list of files not added and why; the counts
// in the indicator, the matrix and the table per state; a state's counts
// read on the map by keyboard, and a filter by that state from the map;
// «Descargar CSV» and its rows; «Replicar» a national commitment into a new
// draft, found on its page and in the draft with its alignment; «Quitar» one
// plan; the set found again after a reload, apart from the drafts; «Quitar
// todos» with its confirmation. axe-core on each state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startSession, endSession, assertClean, focused, arriver, press, OUT, DRAFT_PREFIX,
  bundlesOf, download, parseCsv, waitForDraft,
} from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const REAL = join(here, '..', 'fixtures', 'planes-reales', 'borradores', 'quintana-roo-2023-2025.json');
const KEY = 'plan-local-ga/articulacion';

/**
 * The plans kept in this browser: IndexedDB `plan-local-ga`, store
 * `articulacion`, one record per plan (its file name and plan name).
 */
const storedPlans = (page) => page.evaluate(() => new Promise((ok, fail) => {
  const open = indexedDB.open('plan-local-ga', 1);
  open.onerror = () => fail(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const get = db.transaction('articulacion').objectStore('articulacion').getAll();
    get.onerror = () => fail(get.error);
    get.onsuccess = () => {
      db.close();
      ok(get.result.map((t) => JSON.parse(t)).sort((a, b) => a.order - b.order)
        .map((r) => ({ file: r.file, name: r.plan.profile?.plan_name })));
    };
  };
}));

/** Waits until the plans kept in this browser are `n`. */
async function storedCount(page, n) {
  for (let i = 0; i < 100; i++) {
    const plans = await storedPlans(page);
    if (plans.length === n) return plans;
    await page.waitForTimeout(50);
  }
  throw new Error(`The browser did not keep ${n} plans`);
}

/** Waits until the list of plans added (restored from storage) has `n`. */
const listed = (page, n) => page.waitForFunction((caption) => [...document.querySelectorAll('caption')]
  .some((c) => c.textContent === caption), n === 1 ? '1 plan en la lista' : `${n} planes en la lista`);

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const arrive = arriver(() => s);


const member = (kind, name, code) => ({ kind, name, inegi_code: code, lead: true });
const link = (relation, commitment) => ({ relation, commitment });

/**
 * A draft as «Descargar borrador (JSON)» writes it: the real plan of
 * Quintana Roo with another name, maker and alignments (one per commitment
 * kept; `null`: not aligned).
 */
function draft(base, name, maker, links) {
  const d = structuredClone(base);
  d.plan.profile.plan_name = name;
  d.plan.profile.jurisdictions = [maker];
  if (links) {
    d.plan.commitments = d.plan.commitments.slice(0, links.length);
    d.plan.commitments.forEach((c, i) => { c.alignment.national = links[i]; });
  }
  return JSON.stringify(d, null, 2);
}

/** A PDF made by another program: one empty page, no draft inside. */
const FOREIGN_PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

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

/** The matrix's header cells (national commitments' ids). */
async function matrixHeaders(page) {
  return page.evaluate(() => {
    const table = [...document.querySelectorAll('table')]
      .find((t) => t.caption?.innerText.trim().startsWith('Matriz de articulación'));
    return [...table.querySelectorAll('thead th')].map((th) => th.innerText.trim());
  });
}

/**
 * Tabs to the button whose text, spaces joined, is `name` (a «Quitar» button's
 * plan name is a visually hidden part of its text), and presses Enter.
 */
async function pressNamed(page, name, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => document.activeElement?.innerText?.replace(/\s+/g, ' ').trim());
    if (text === name) return page.keyboard.press('Enter');
  }
  throw new Error(`Could not reach ${name} with Tab`);
}

const INDICATOR = 'Acciones locales por compromiso nacional';
const MATRIX = 'Matriz de articulación';
const STATES = 'Planes y compromisos locales por estado';

test('a coordinator adds plan files, reads the indicator, the matrix and the states, filters, removes, and finds the set again', async () => {
  const { page, origin } = s;
  const base = JSON.parse(await readFile(REAL, 'utf8'));
  const dir = join(OUT, 'articulacion');
  await mkdir(dir, { recursive: true });
  const files = {
    'jalisco.json': draft(base, 'Plan de Acción Local de Jalisco', member('estado', 'Jalisco', '14'),
      [link('replica', 'MX0087'), link('complementa', 'MX0081'), { relation: 'nuevo' }, null]),
    'guadalajara.json': draft(base, 'Plan de Acción de Guadalajara', member('municipio', 'Guadalajara', '14039'),
      [link('replica', 'MX0087')]),
    'oaxaca.json': draft(base, 'Plan de Acción Local de Oaxaca', member('estado', 'Oaxaca', '20'),
      [link('complementa', 'MX0087'), link('replica', 'MX0075')]),
    'queretaro.json': draft(base, 'Plan de Acción de Querétaro', member('municipio', 'Querétaro', '22014'),
      [link('replica', 'MX0081')]),
    'quintana-roo.json': draft(base, base.plan.profile.plan_name, base.plan.profile.jurisdictions[0], null),
    'guadalajara-copia.json': null,
    'roto.json': '{"format": "plan-local-gobierno-abierto", "plan": {',
    'otro.pdf': FOREIGN_PDF,
  };
  files['guadalajara-copia.json'] = files['guadalajara.json'];
  const paths = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    await writeFile(path, text);
    paths.push(path);
  }

  // The start page: the drafting app only. By keyboard to the section: its bundle now.
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(origin + '/');
  await arrive(page, origin + '/', 'inicio');
  assert.deepEqual(bundlesOf(requests), ['app'], 'the start page does not fetch the articulation');
  requests.length = 0;
  await press(page, 'Articulación nacional: reúna varios planes locales', 200);
  await arrive(page, '**/articulacion', 'articulación vacía');
  assert.deepEqual(bundlesOf(requests), ['articulacion']);
  assert.equal((await focused(page)).tag, 'H1');
  assert.equal(await page.locator('h1').innerText(), 'Articulación nacional');
  assert.match(await page.locator('main').innerText(), /Todavía no ha agregado planes/);

  // Eight files at once.
  await page.setInputFiles('#archivos-planes', paths);
  await page.waitForFunction(() => document.activeElement?.id === 'resultado-agregar');
  const result = await page.locator('#resultado-agregar').innerText();
  assert.match(result, /Se agregaron 5 planes\. 3 archivos no se agregaron: vea por qué abajo\./);
  const reasons = await page.locator('#resultado-agregar li').allInnerTexts();
  assert.equal(reasons.length, 3);
  assert.match(reasons[0], /^guadalajara-copia\.json: El plan «Plan de Acción de Guadalajara» ya está en la lista \(llegó con el archivo «guadalajara\.json»\)/);
  assert.match(reasons[1], /^roto\.json: El archivo no es un borrador de esta herramienta: su texto está dañado o no es JSON/);
  assert.match(reasons[2], /^otro\.pdf: Este PDF no contiene un borrador de esta herramienta/);
  await arrive(page, '**/articulacion', 'articulación con planes');

  // The plans, with their state and file.
  assert.deepEqual((await row(page, '5 planes en la lista', 'Plan de Acción de Guadalajara')).slice(0, 5),
    ['Municipio de Guadalajara', 'Jalisco', 'julio de 2023 a diciembre de 2025', '1', 'guadalajara.json']);

  // The indicator: 6 local actions, 4 replicate and 2 complement; per national commitment.
  assert.match(await page.locator('#indicador-total').innerText(),
    /^6 acciones locales replican o complementan compromisos del Plan de Acción Nacional: 4 replican y 2 complementan\. Vienen de 5 planes locales, con 12 compromisos en total\./);
  const counts = async (start) => (await row(page, INDICATOR, start)).slice(0, 4);
  assert.deepEqual(await counts('MX0087'), ['2', '1', '3', '3']);
  assert.deepEqual(await counts('MX0081'), ['1', '1', '2', '2']);
  assert.deepEqual(await counts('MX0075'), ['1', '0', '1', '1']);
  assert.deepEqual(await counts('Total'), ['4', '2', '6', '5']);

  // The matrix: a column per national commitment, a row per local plan.
  const headers = await matrixHeaders(page);
  const col = (id) => headers.indexOf(id) - 1;
  const jalisco = await row(page, MATRIX, 'Plan de Acción Local de Jalisco');
  assert.equal(jalisco[col('MX0087')], '1 R');
  assert.equal(jalisco[col('MX0081')], '1 C');
  assert.deepEqual(jalisco.slice(-2), ['2', '2'], '2 actions, 2 without a national link');
  const total = await row(page, MATRIX, 'Total');
  assert.equal(total[col('MX0087')], '2 R · 1 C');
  assert.deepEqual(total.slice(-2), ['6', '6']);

  // Per state (the map's table): a municipality and its state count in the state.
  assert.deepEqual(await row(page, STATES, 'Jalisco'), ['14', '2', '5', '3']);
  assert.deepEqual(await row(page, STATES, 'Oaxaca'), ['20', '1', '2', '2']);
  assert.deepEqual(await row(page, STATES, 'Quintana Roo'), ['23', '1', '4', '0']);
  assert.deepEqual(await row(page, STATES, 'Yucatán'), ['31', '0', '0', '0']);

  // The map: each state a button named with its counts; by keyboard from the
  // choice of what it counts, Tab to Jalisco and read its name and shade.
  const mapState = () => page.evaluate(() => {
    const el = document.activeElement;
    return el?.tagName === 'path'
      ? { name: el.getAttribute('aria-label'), cls: el.getAttribute('class'), pressed: el.getAttribute('aria-pressed') }
      : null;
  });
  await page.locator('#mapa-medida-planes').focus();
  let jal = null;
  for (let i = 0; i < 40 && !jal?.name?.startsWith('Jalisco'); i++) {
    await page.keyboard.press('Tab');
    jal = await mapState();
  }
  assert.equal(jal.name, 'Jalisco: 2 planes, 5 compromisos');
  assert.match(jal.cls, /map__state--n4\b/, 'the most plans: the darkest shade');
  assert.match(await page.locator('path[data-estado="20"]').getAttribute('class'), /map__state--n3\b/);
  assert.equal(jal.pressed, 'false');
  assert.deepEqual(await page.locator('.map-legend__item').allInnerTexts(), ['0', '1', '2']);
  const oax = await page.locator('path[data-estado="20"]').getAttribute('aria-label');
  assert.equal(oax, 'Oaxaca: 1 plan, 2 compromisos');
  const yuc = await page.locator('path[data-estado="31"]').getAttribute('aria-label');
  assert.equal(yuc, 'Yucatán: 0 planes, 0 compromisos');

  // For people to look at (not compared): the map with Jalisco focused.
  await page.locator('.map').screenshot({ path: join(dir, 'mapa.png') });
  await page.screenshot({ path: join(dir, 'pagina.png'), fullPage: true });

  // Enter on Jalisco filters by it: everything follows, without a reload; the
  // map and its table keep every state, Jalisco marked.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#indicador-total')?.innerText.startsWith('3 acciones'));
  assert.equal((await mapState()).pressed, 'true', 'the focus stays on Jalisco');
  assert.equal(await page.locator('#filtro-estado').inputValue(), '14');
  assert.match(await page.locator('#indicador-total').innerText(), /Vienen de 2 planes locales, con 5 compromisos/);
  assert.deepEqual(await counts('Total'), ['2', '1', '3', '2']);
  assert.deepEqual(await row(page, STATES, 'Oaxaca'), ['20', '1', '2', '2']);
  assert.match(await page.locator('table').filter({ hasText: STATES }).innerText(), /Jalisco \(filtro elegido\)/);
  assert.equal(await row(page, MATRIX, 'Plan de Acción Local de Oaxaca'), null);
  await arrive(page, '**/articulacion', 'articulación filtrada');
  // The coverage follows the filter too.
  assert.match(await page.locator('#cobertura-resumen').innerText(), /^De 5 compromisos locales mostrados/);
  // Enter again: the filter is removed.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#indicador-total')?.innerText.startsWith('6 acciones'));
  assert.equal(await page.locator('#filtro-estado').inputValue(), '');

  // «Descargar CSV»: one row per local commitment (12), BOM first.
  await page.locator('h1').focus();
  const csvFile = await download(page, { id: 'descargar-csv' });
  assert.equal(csvFile.suggestedFilename(), 'articulacion-compromisos-locales.csv');
  const csvPath = join(dir, 'articulacion.csv');
  await csvFile.saveAs(csvPath);
  const csvText = await readFile(csvPath, 'utf8');
  assert.ok(csvText.startsWith('\ufeff'), 'BOM');
  const records = parseCsv(csvText.slice(1));
  assert.equal(records[0].slice(0, 6).join(','), 'plan,file,jurisdiction,states,inegi_codes,levels');
  assert.equal(records.length, 13);
  const column = (name) => records[0].indexOf(name);
  const gdl = records.find((r) => r[column('plan')] === 'Plan de Acción de Guadalajara');
  assert.deepEqual(
    ['states', 'inegi_codes', 'levels', 'commitment_number', 'national_commitment', 'relation'].map((c) => gdl[column(c)]),
    ['Jalisco', '14039', 'municipio', '1', 'MX0087', 'replica'],
  );
  assert.equal(records.filter((r) => r[column('file')] === 'quintana-roo.json').length, 4);

  // «Replicar» MX0087 with no draft open: a new draft, with a commitment
  // named after it and aligned «replica»; its page says what was filled.
  await page.locator('h1').focus();
  const title = (await page.locator('table').filter({ hasText: INDICATOR }).locator('th', { hasText: /^MX0087 · / }).innerText())
    .replace(/^MX0087 · /, '').trim();
  await pressNamed(page, 'Replicar el compromiso nacional MX0087', 200);
  await arrive(page, '**/plan/compromisos/1', 'ficha del compromiso replicado');
  assert.equal(await page.locator('h1').innerText(), `Compromiso 1: ${title}`);
  assert.match(await page.locator('main').innerText(),
    /Se agregó el compromiso 1, que replica el compromiso nacional MX0087\. Ya tiene el nombre del compromiso nacional y su alineación «replica»\./);
  const draftJson = await waitForDraft(page, (d) => d.plan.commitments.length === 1);
  assert.deepEqual(draftJson.plan.commitments[0].alignment.national, { relation: 'replica', commitment: 'MX0087' });
  assert.equal(draftJson.plan.commitments[0].name, title);
  // On the commitments page, and on its alignment page with «Replica» chosen.
  await page.goto(origin + '/plan/compromisos');
  await arrive(page, '**/plan/compromisos', null);
  assert.match(await page.locator('main').innerText(), new RegExp(title));
  await page.goto(origin + '/plan/compromisos/1/alineacion');
  await arrive(page, '**/plan/compromisos/1/alineacion', null);
  assert.equal(await page.locator('#relacion-nacional').isChecked(), true, '«Replica» chosen');
  assert.match(await page.locator('main').innerText(), /MX0087/);
  await page.goto(origin + '/articulacion');
  await arrive(page, '**/articulacion', null);
  await listed(page, 5);

  // «Quitar» one plan, by keyboard (from the page's heading): the focus goes
  // to the list's heading.
  await page.locator('h1').focus();
  await pressNamed(page, 'Quitar «Plan de Acción Local de Oaxaca»');
  await page.waitForFunction(() => document.activeElement?.id === 'planes-agregados');
  assert.match(await page.locator('main').innerText(), /Se quitó el plan «Plan de Acción Local de Oaxaca» de la lista\./);
  assert.match(await page.locator('#indicador-total').innerText(), /^4 acciones locales/);

  // A reload finds the set (IndexedDB, one record per plan); it is kept
  // apart from the drafts, and not in localStorage.
  const kept = await storedCount(page, 4);
  assert.ok(!kept.some((p) => p.name === 'Plan de Acción Local de Oaxaca'));
  await page.reload();
  await arrive(page, '**/articulacion', null);
  await listed(page, 4);
  assert.notEqual(await row(page, '4 planes en la lista', 'Plan de Acción de Querétaro'), null);
  assert.equal(await row(page, '4 planes en la lista', 'Plan de Acción Local de Oaxaca'), null);
  assert.deepEqual((await row(page, INDICATOR, 'Total')).slice(0, 4), ['3', '1', '4', '4']);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(!keys.some((k) => k.startsWith('plan-local-ga/articulacion')));
  assert.ok(!keys.some((k) => k.startsWith(DRAFT_PREFIX) && k.includes('articulacion')));

  // «Quitar todos», confirmed.
  await press(page, 'Quitar todos', 200);
  await page.waitForFunction(() => document.activeElement?.id === 'confirmar-quitar-todos');
  await arrive(page, '**/articulacion', 'confirmar quitar todos');
  await press(page, 'Sí, quitar todos', 10);
  await page.waitForFunction(() => document.activeElement?.id === 'planes-agregados');
  assert.match(await page.locator('main').innerText(), /Todavía no ha agregado planes/);
  await storedCount(page, 0);

  // A set kept by the earlier version (one localStorage key) is moved to
  // IndexedDB on the next visit, and the key removed.
  await page.evaluate(([key, text]) => localStorage.setItem(key, JSON.stringify({
    format: 'plan-local-gobierno-abierto/articulacion',
    version: 1,
    plans: [{ file: 'jalisco.json', plan: JSON.parse(text).plan }],
  })), [KEY, files['jalisco.json']]);
  await page.reload();
  await arrive(page, '**/articulacion', null);
  await listed(page, 1);
  assert.deepEqual(await storedCount(page, 1), [{ file: 'jalisco.json', name: 'Plan de Acción Local de Jalisco' }]);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);

  assertClean(s);
});
