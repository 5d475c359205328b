// Institutions without a person, as published plans list them (Quintana Roo's
// 2023-2025 plan, tests/fixtures/planes-reales/quintana-roo-2023-2025.json),
// typed with the keyboard only: a member of the coordination body that is an
// organisation, a responsible institution with its role, sector and branch,
// and a co-responsible organisation whose name was typed in both fields. Each
// is named once on "Revise su plan". axe-core runs on every kind of page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, endSession, ready, axeCheck, assertClean, tabTo, openAllFolds } from './harness.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const checked = new Set();

// From the fixture: OGP's names (the forum's in English, as published), the
// lead institutions' Spanish names, sectors and branches. No published list
// gives a role; the team's are chosen here.
const PLAN = { state: 'Quintana Roo', code: '23', name: 'Segundo Plan de Acción Local de Quintana Roo 2023-2025', start: '01/07/2023', end: '31/12/2025' };
const BODY = 'Grupo impulsor de la Glosa Ciudadana de Gobierno Abierto y Desarrollo Sostenible';
const MEMBER = 'Collective for Social Impact AC';
const COMMITMENT = 'Anti-corruption and environment co-creation roundtable';
const LEAD = 'Secretaría de la Contraloría del Estado (SECOES)';
const ORG = 'Ciudadanos por la Transparencia A.C.';

async function arrive(page, url, kind) {
  await page.waitForURL(url);
  await ready(page);
  if (kind && !checked.has(kind)) {
    checked.add(kind);
    assert.deepEqual(await axeCheck(s, kind), [], `axe-core finds nothing on "${kind}"`);
  }
}

async function typeInto(page, id, text) {
  await tabTo(page, { id }, 60);
  await page.keyboard.type(text);
  assert.equal(await page.inputValue('#' + id), text, `${id} holds what was typed`);
}

async function press(page, text, max = 60) {
  await tabTo(page, { text }, max);
  await page.keyboard.press('Enter');
}

/** Chooses the `n`-th radio (from 0) of a group by keyboard: Tab to it, Space, arrows. */
async function choose(page, field, n, key) {
  await tabTo(page, { id: field }, 60);
  await page.keyboard.press('Space');
  for (let i = 0; i < n; i++) await page.keyboard.press('ArrowDown');
  assert.ok(await page.isChecked(n === 0 ? `#${field}` : `#${field}-${key}`), `${field}: ${key}`);
}

async function errors(page) {
  await page.waitForSelector('.error-summary');
  return (await page.locator('.error-summary').innerText()).trim();
}

test('institutions and organisations without a person, typed by keyboard, are named once on the review page', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/');
  await ready(page);
  await press(page, 'Comenzar');
  await arrive(page, '**/plan', 'lista de tareas');

  // Profile: the state and the plan's period.
  await press(page, 'Perfil de la jurisdicción');
  await arrive(page, '**/plan/perfil', 'perfil');
  await tabTo(page, { id: 'tipo-jurisdiccion' });
  await page.keyboard.press('Space');
  await tabTo(page, { id: 'estado' });
  await page.keyboard.type(PLAN.state.slice(0, 3));
  assert.equal(await page.inputValue('#estado'), PLAN.code);
  await typeInto(page, 'nombre-plan', PLAN.name);
  await typeInto(page, 'inicio-plan', PLAN.start);
  await typeInto(page, 'termino-plan', PLAN.end);
  await press(page, 'Guardar y continuar');

  // The office's contact: neither an institution nor a person is refused, in plain words.
  await arrive(page, '**/plan/perfil/contacto', 'perfil: contacto');
  await typeInto(page, 'oficina-coordinadora', 'Dirección de Gobierno Abierto');
  await press(page, 'Guardar y continuar');
  assert.match(await errors(page), /Escriba la institución o el nombre de la persona/);
  assert.deepEqual(await axeCheck(s, 'perfil: contacto con error'), []);
  await press(page, 'Guardar y volver más tarde');
  await arrive(page, '**/plan');

  // The coordination body, then a member that is an organisation alone.
  await press(page, 'Espacio de coordinación');
  await arrive(page, '**/plan/coordinacion', 'espacio de coordinación');
  await choose(page, 'tipo-espacio', 3, 'grupo-impulsor');
  await typeInto(page, 'nombre-espacio', BODY);
  await choose(page, 'frecuencia-sesiones', 5, 'sin-definir');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/coordinacion/integrantes', 'integrantes');
  await press(page, 'Agregar una institución u organización');
  await arrive(page, '**/plan/coordinacion/integrantes/nuevo', 'integrante');
  await press(page, 'Guardar y continuar');
  assert.match(await errors(page), /Escriba la institución u organización/);
  assert.deepEqual(await axeCheck(s, 'integrante con error'), []);
  await typeInto(page, 'persona-institucion', MEMBER);
  await choose(page, 'sector', 1, 'sociedad-civil');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/coordinacion/integrantes');
  const members = await page.locator('main table').innerText();
  assert.ok(members.includes(MEMBER) && members.includes('Sociedad civil'), members);

  // A commitment and its team.
  await page.goto(origin + '/plan');
  await ready(page);
  await press(page, 'Compromisos');
  await arrive(page, '**/plan/compromisos', 'compromisos');
  await press(page, 'Agregar un compromiso');
  await arrive(page, '**/plan/compromisos/nuevo', 'compromiso: datos');
  await typeInto(page, 'nombre-compromiso', COMMITMENT);
  await typeInto(page, 'inicio-compromiso', PLAN.start);
  await typeInto(page, 'termino-compromiso', PLAN.end);
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/compromisos/1/responsables', 'responsables');
  await press(page, 'Agregar una institución responsable');
  await arrive(page, '**/plan/compromisos/1/responsables/nuevo', 'institución responsable');
  await typeInto(page, 'persona-institucion', LEAD);
  await choose(page, 'sector', 0, 'gobierno');
  await choose(page, 'poder', 0, 'ejecutivo');
  await choose(page, 'papel-compromiso', 0, 'lidera');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/compromisos/1/responsables');
  assert.ok((await page.locator('main table').innerText()).includes('Lidera'));
  await press(page, 'Continuar');
  await arrive(page, '**/plan/compromisos/1/corresponsables', 'corresponsables');
  await press(page, 'Agregar una organización corresponsable');
  await arrive(page, '**/plan/compromisos/1/corresponsables/nuevo', 'organización corresponsable');
  // As people typed it when a person's name was required: the organisation twice.
  await typeInto(page, 'persona-institucion', ORG);
  await typeInto(page, 'persona-nombre', ORG);
  await choose(page, 'sector', 1, 'sociedad-civil');
  await choose(page, 'papel-compromiso', 3, 'apoya');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/compromisos/1/corresponsables');

  // "Revise su plan": each once, with what was chosen.
  await page.goto(origin + '/plan');
  await ready(page);
  await press(page, 'Revisar y exportar el plan');
  await arrive(page, '**/plan/revisar', 'revisar');
  await openAllFolds(page);
  const review = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  for (const name of [MEMBER, LEAD, ORG]) {
    assert.equal(review.split(name).length - 1, 1, `${name} once on the review page`);
  }
  assert.ok(review.includes(`${LEAD} · Lidera · Gobierno, Poder Ejecutivo`), 'the lead institution with its role, sector and branch');
  assert.ok(review.includes(`${ORG} · Apoya · Sociedad civil`), 'the organisation with its role and sector');
  const after = review.slice(review.indexOf(MEMBER), review.indexOf(MEMBER) + 200);
  assert.match(after, /Sector: Sociedad civil/, 'the member with its sector');
});

test('the contacts session: no console errors, no foreign requests, axe clean, on every page', () => {
  assertClean(s);
  assert.ok(checked.size >= 10, `${checked.size} kinds of page checked with axe-core`);
});
