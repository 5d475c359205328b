// The real commitment 13 of Mexico's 4th national plan (MX0087), typed through
// the interface with the keyboard only: profile, the commitment's name and
// dates, two responsible people, two co-responsible organisations, objectives,
// OGP values, alignment, three key actions weighted 35/40/25 with their
// indicators, means of verification, dates and responsible person, and their 14
// activities. Then reload, find every value on "Revise su plan", download the
// JSON and find every value in it. axe-core runs on every kind of page visited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSession, endSession, ready, axeCheck, assertClean, tabTo, OUT, openAllFolds } from './harness.mjs';
import { PLAN, C13 } from './fixtures/compromiso-13.mjs';

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const stats = { pages: 0, fields: 0, started: 0 };
const checked = new Set();

/** Waits for a page reached by the keyboard, counts it, and runs axe once per kind of page. */
async function arrive(page, url, kind) {
  await page.waitForURL(url);
  await ready(page);
  stats.pages += 1;
  if (kind && !checked.has(kind)) {
    checked.add(kind);
    assert.deepEqual(await axeCheck(s, kind), [], `axe-core finds nothing on "${kind}"`);
  }
}

/** Tabs to a field and types into it (long texts arrive as one keyboard insertion). */
async function typeInto(page, id, text, max = 60) {
  await tabTo(page, { id }, max);
  if (text.length > 300) {
    await page.keyboard.insertText(text);
  } else {
    await page.keyboard.type(text);
  }
  assert.equal((await page.inputValue('#' + id)).length, text.length, `${id} holds what was typed`);
  stats.fields += 1;
}

async function press(page, text, max = 60) {
  await tabTo(page, { text }, max);
  await page.keyboard.press('Enter');
}

// The institution first, then the person: the order of the contact fields.
async function person(page, p) {
  await typeInto(page, 'persona-institucion', p.institution);
  await typeInto(page, 'persona-nombre', p.name);
  await typeInto(page, 'persona-cargo', p.position);
  await typeInto(page, 'persona-correo', p.email);
  await typeInto(page, 'persona-telefono', p.phone);
}

const squash = (t) => t.replace(/\s+/g, ' ').trim();

/** Every value a person typed, as it should read back. */
function expectedValues() {
  const v = [PLAN.planName, `Del ${PLAN.start} al ${PLAN.end}`, C13.name, `Del ${C13.start} al ${C13.end}`];
  for (const p of [...C13.responsible, ...C13.coResponsible]) {
    v.push(p.name, p.position, p.institution, p.emailStored ?? p.email, p.phone);
  }
  v.push(C13.shortObjective, C13.mediumObjective, C13.problem, C13.howItHelps, C13.assumptions,
    C13.verification, C13.otherActors, C13.summary, C13.gender, C13.pndAxis);
  for (const [, reason] of C13.values) v.push(reason);
  for (const ka of C13.keyActions) {
    v.push(ka.name, ka.objective, `${ka.weight} %`, ka.indicator, ka.verification, `Del ${ka.start} al ${ka.end}`,
      ka.person.name, ka.person.email, ka.person.phone, ka.person.institution);
    for (const [a, d, m] of ka.activities) v.push(a, d, m);
  }
  return v;
}

test('commitment 13 typed by keyboard only, found again after reload on the review page and in the JSON', async () => {
  const { page, origin } = s;
  stats.started = Date.now();
  await page.goto(origin + '/');
  await ready(page);
  await press(page, 'Comenzar');
  await arrive(page, '**/plan', 'lista de tareas');

  // Profile (page 1): a state, the plan's name and the national plan's period.
  await press(page, 'Perfil de la jurisdicción');
  await arrive(page, '**/plan/perfil', 'perfil');
  await tabTo(page, { id: 'tipo-jurisdiccion' });
  await page.keyboard.press('Space');
  stats.fields += 1;
  await tabTo(page, { id: 'estado' });
  await page.keyboard.type(PLAN.state.slice(0, 3));
  assert.equal(await page.inputValue('#estado'), PLAN.stateCode);
  stats.fields += 1;
  await typeInto(page, 'nombre-plan', PLAN.planName);
  await typeInto(page, 'inicio-plan', PLAN.start);
  await typeInto(page, 'termino-plan', PLAN.end);
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/perfil/contacto', 'perfil: contacto');
  await press(page, 'Guardar y volver más tarde');
  await arrive(page, '**/plan');

  // The commitment's name and dates.
  await press(page, 'Compromisos');
  await arrive(page, '**/plan/compromisos', 'compromisos');
  await press(page, 'Agregar un compromiso');
  await arrive(page, '**/plan/compromisos/nuevo', 'compromiso: datos');
  await typeInto(page, 'nombre-compromiso', C13.name);
  await typeInto(page, 'inicio-compromiso', C13.start);
  await typeInto(page, 'termino-compromiso', C13.end);
  await press(page, 'Guardar y continuar');

  // Responsible people, then co-responsible organisations.
  await arrive(page, '**/plan/compromisos/1/responsables', 'responsables');
  for (const p of C13.responsible) {
    await press(page, 'Agregar una institución responsable');
    await arrive(page, '**/plan/compromisos/1/responsables/nuevo', 'institución responsable');
    await person(page, p);
    await press(page, 'Guardar y continuar');
    await arrive(page, '**/plan/compromisos/1/responsables');
  }
  assert.ok((await page.locator('main').innerText()).includes(C13.responsible[1].name));
  await press(page, 'Continuar');
  await arrive(page, '**/plan/compromisos/1/corresponsables', 'corresponsables');
  for (const p of C13.coResponsible) {
    await press(page, 'Agregar una organización corresponsable');
    await arrive(page, '**/plan/compromisos/1/corresponsables/nuevo');
    await person(page, p);
    await press(page, 'Guardar y continuar');
    await arrive(page, '**/plan/compromisos/1/corresponsables');
  }
  await press(page, 'Continuar');

  // Objectives, problem, assumptions, verification.
  await arrive(page, '**/plan/compromisos/1/objetivos', 'objetivos');
  await typeInto(page, 'objetivo-corto', C13.shortObjective);
  await typeInto(page, 'objetivo-mediano', C13.mediumObjective);
  await typeInto(page, 'problematica', C13.problem);
  await typeInto(page, 'como-contribuye', C13.howItHelps);
  await typeInto(page, 'supuestos', C13.assumptions);
  await typeInto(page, 'verificacion', C13.verification);
  await typeInto(page, 'otros-actores', C13.otherActors);
  await typeInto(page, 'resumen-ejecutivo', C13.summary);
  await press(page, 'Guardar y continuar');

  // OGP values: a checkbox each, then the reason that appears for it.
  await arrive(page, '**/plan/compromisos/1/valores', 'valores');
  await tabTo(page, { id: 'valores-aga' });
  await page.keyboard.press('Space');
  await tabTo(page, { id: 'valores-aga-participacion' });
  await page.keyboard.press('Space');
  stats.fields += 2;
  const reasons = Object.fromEntries(C13.values);
  await typeInto(page, 'razon-transparencia', reasons.transparencia);
  await typeInto(page, 'razon-participacion', reasons.participacion);
  await press(page, 'Guardar y continuar');

  // Alignment: replicates MX0087; eight SDG targets; the PND axis; gender.
  await arrive(page, '**/plan/compromisos/1/alineacion', 'alineación');
  await tabTo(page, { id: 'relacion-nacional' });
  await page.keyboard.press('Space');
  await typeInto(page, 'compromiso-nacional', 'subnacional');
  await page.waitForFunction(() => document.querySelectorAll('input[name="compromiso-nacional"]').length === 1);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  assert.ok(await page.isChecked('#compromiso-nacional-MX0087'));
  stats.fields += 1;
  for (const code of C13.sdgTargets) {
    await tabTo(page, { id: 'metas-ods' });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(code);
    const box = `meta-${code.replace('.', '-')}`;
    await page.waitForFunction((b) => document.getElementById(b), box);
    await tabTo(page, { id: box }, 8);
    await page.keyboard.press('Space');
    assert.ok(await page.isChecked('#' + box), `${code} checked`);
    stats.fields += 1;
  }
  await tabTo(page, { id: 'eje-pnd' }, 80);
  await page.keyboard.press('Space');
  await typeInto(page, 'eje-pnd-cual', C13.pndAxis);
  await typeInto(page, 'perspectiva-genero', C13.gender);
  await press(page, 'Guardar y continuar', 80);

  // Three key actions, each with its activities.
  await arrive(page, '**/plan/compromisos/1/acciones', 'acciones clave');
  for (const [i, ka] of C13.keyActions.entries()) {
    await press(page, 'Agregar una acción clave', 200);
    await arrive(page, '**/plan/compromisos/1/acciones/nuevo', 'acción clave');
    await typeInto(page, 'nombre-accion', ka.name);
    await typeInto(page, 'objetivo-accion', ka.objective);
    await typeInto(page, 'ponderacion', ka.weight);
    await typeInto(page, 'indicador', ka.indicator);
    await typeInto(page, 'medio-verificacion', ka.verification, 80);
    await typeInto(page, 'inicio-accion', ka.start);
    await typeInto(page, 'termino-accion', ka.end);
    await person(page, ka.person);
    await press(page, 'Guardar y continuar');
    await arrive(page, '**/plan/compromisos/1/acciones');
    for (const [name, objective, verification] of ka.activities) {
      await press(page, `Agregar una actividad a la acción clave ${i + 1}`, 200);
      await arrive(page, '**/plan/compromisos/1/acciones/*/actividades/nuevo', 'actividad');
      await typeInto(page, 'actividad', name);
      await typeInto(page, 'objetivo-actividad', objective);
      await typeInto(page, 'medio-verificacion-actividad', verification);
      await press(page, 'Guardar y continuar');
      await arrive(page, '**/plan/compromisos/1/acciones');
    }
  }
  const list = await page.locator('main').innerText();
  assert.ok(list.includes('Las ponderaciones suman 100 %.'), 'weights 35/40/25 add up to 100');
  const typing = Date.now() - stats.started;

  // Reload: everything is still there.
  await page.reload();
  await ready(page);
  assert.ok((await page.locator('main').innerText()).includes(C13.keyActions[2].activities[5][0]));
  await page.goto(origin + '/plan');
  await ready(page);
  await press(page, 'Revisar y exportar el plan');
  await arrive(page, '**/plan/revisar', 'revisar');
  await openAllFolds(page, { keyboard: true });
  const review = squash(await page.locator('main').innerText());
  const missing = expectedValues().filter((v) => !review.includes(squash(v)));
  assert.deepEqual(missing, [], 'every typed value is on the review page');
  for (const code of C13.sdgTargets) assert.ok(review.includes(`${code} `), `SDG target ${code} on the review page`);
  assert.ok(review.includes('MX0087 · Estrategia subnacional de gobierno abierto'));

  // The JSON download holds every value too.
  await tabTo(page, { text: 'Descargar borrador (JSON)' }, 400);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const path = join(OUT, 'compromiso-13.json');
  await download.saveAs(path);
  const json = JSON.parse(await readFile(path, 'utf8'));
  const strings = [];
  (function walk(x) {
    if (typeof x === 'string') strings.push(x);
    else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  })(json.plan);
  const all = strings.map(squash).join('\n');
  const missingJson = expectedValues()
    .filter((v) => !/^Del /.test(v) && !/ %$/.test(v))
    .filter((v) => !all.includes(squash(v)));
  assert.deepEqual(missingJson, [], 'every typed value is in the JSON');
  const c = json.plan.commitments[0];
  assert.deepEqual(c.key_actions.map((k) => k.weight), [35, 40, 25]);
  assert.deepEqual(c.key_actions.map((k) => k.activities.length), [3, 5, 6]);
  assert.deepEqual(c.key_actions.map((k) => [k.period.start, k.period.end]),
    [['2020-01-02', '2020-04-30'], ['2020-05-01', '2021-07-31'], ['2020-07-01', '2021-08-31']]);
  assert.deepEqual(c.alignment.sdg_targets, C13.sdgTargets);
  assert.equal(c.co_responsible[0].email, 'alfredo.elizondo@gesoc.org.mx', 'the stray space before @ is gone');
  console.log(`ficha e2e: ${stats.pages} pages visited, ${stats.fields} fields entered, ${(typing / 1000).toFixed(1)} s typing, ${((Date.now() - stats.started) / 1000).toFixed(1)} s in all, ${checked.size} kinds of page checked with axe-core`);
});

test('the ficha session: no console errors, no foreign requests, axe clean, on every page', () => {
  assertClean(s);
  assert.ok(checked.size >= 14, `${checked.size} kinds of page checked with axe-core`);
});
