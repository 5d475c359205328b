// The sections fetched on demand (src/bundles.rs): the drafting app's first
// load fetches neither the progress reports' bundle nor the print views';
// following a link to «Informes de avance» by keyboard loads that bundle, with
// the focus on the new page's heading as on any change of page; what is saved
// there is in the draft when the person goes back to the task list; the print
// view comes in its own bundle; an unknown address inside a section says "not
// found" once, without going back and forth. axe-core on each kind of page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startSession, endSession, ready, assertClean, focused, putDraft,
  waitForDraft, arriver, press,
  bundlesOf,
} from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', 'fixtures', 'borrador-v6.json');
const BODY = 'Consejo Ciudadano de Evaluación del Plan';

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const arrive = arriver(() => s);


test('each section is fetched only when one of its pages is opened, and the draft goes along', async () => {
  const { page, origin } = s;
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  let documents = 0;
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) documents += 1; });

  await page.goto(origin + '/');
  await ready(page);
  const draft = JSON.parse(await readFile(FIXTURE, 'utf8'));
  delete draft.plan.implementation.monitoring_body;
  await putDraft(page, JSON.stringify(draft));
  requests.length = 0;
  await page.goto(origin + '/plan');
  await arrive(page, '**/plan', 'lista de tareas');
  assert.deepEqual(bundlesOf(requests), ['app'], 'the task list fetches the drafting app only');

  // By keyboard to «Informes de avance»: its bundle is fetched, the heading has the focus.
  requests.length = 0;
  await press(page, 'Informes de avance', 200);
  await arrive(page, '**/plan/avances', 'informes de avance');
  assert.deepEqual(bundlesOf(requests), ['seguimiento']);
  assert.equal((await focused(page)).tag, 'H1');
  assert.equal(await page.locator('h1').innerText(), 'Informes de avance');

  // Inside the section, pages change without fetching anything more.
  requests.length = 0;
  const before = documents;
  await page.goto(origin + '/plan/avances');
  await ready(page);
  await press(page, 'Ente de monitoreo', 200);
  await arrive(page, '**/plan/avances/organo-de-monitoreo', 'órgano de monitoreo');
  assert.equal(documents - before, 2, 'one page load (the hub), then a change of page inside the bundle');
  await page.getByLabel('Nombre del ente de monitoreo (opcional)').focus();
  await page.keyboard.type(BODY);
  await press(page, 'Guardar y continuar', 80);
  await arrive(page, '**/plan/avances', null);

  // Back to the task list straight away: the drafting app loads, the draft has the body.
  requests.length = 0;
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).text, 'Regresar a la lista de tareas');
  await page.keyboard.press('Enter');
  await arrive(page, '**/plan', null);
  assert.deepEqual(bundlesOf(requests), ['app']);
  assert.equal((await focused(page)).tag, 'H1');
  const stored = await waitForDraft(page, (d) => d.plan.implementation.monitoring_body?.name === BODY);
  assert.equal(stored.plan.implementation.monitoring_body.name, BODY);

  // The print view is a bundle of its own.
  requests.length = 0;
  await page.goto(origin + '/plan/imprimir');
  await arrive(page, '**/plan/imprimir', 'versión para imprimir');
  assert.deepEqual(bundlesOf(requests), ['imprimir']);
  assert.match(await page.locator('main').innerText(), /Esta es la versión para imprimir de su plan/);

  // An unknown address inside a section: "not found", once, no going back and forth.
  const loads = documents;
  await page.goto(origin + '/plan/avances/5/otra/cosa');
  await ready(page);
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('h1').innerText(), 'No encontramos esta página');
  assert.equal(documents - loads, 1, 'a single page load');
  await page.goto(origin + '/nada/aqui');
  await ready(page);
  await page.waitForTimeout(500);
  assert.equal(await page.locator('h1').innerText(), 'No encontramos esta página');

  assertClean(s);
});
