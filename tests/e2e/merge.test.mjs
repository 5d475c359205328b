// «Combinar con otro borrador» (/plan/combinar), by keyboard: the
// commitment-13 plan is the open draft; a copy (given as a JSON file) where an
// agency edited commitment 1 (its short-term objective and the weight of key
// action 1) and added a commitment of its own is merged into it, choosing per
// item (keep mine for the edited commitment, take theirs for the weight, take
// the new commitment). The combined draft is a new draft in «Mis borradores»,
// opened, with the weights to fix named; the source draft is unchanged. The
// two drafts are written by tests/merge.rs (tests/e2e/fixtures/combinar-*.json).
//
// The timing: the benchmark-sized plan (60 commitments, built here from the
// commitment-13 draft) merged with an edited copy, from choosing the file to
// the choices shown, measured in the page (printed with console.log).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startSession, endSession, ready, assertClean, focused, putDraft, arriver, press,
  tabTo, axeCheck, INDEX_KEY, DRAFT_PREFIX, OUT,
} from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const MINE = join(here, 'fixtures', 'combinar-mio.json');
const THEIRS = join(here, 'fixtures', 'combinar-suyo.json');
const NEW_NAME = 'Portal municipal de datos abiertos';
const C13_NAME = 'Estrategia subnacional de gobierno abierto';
const EDITED_SHORT = 'Articular las agendas federal y local de gobierno abierto con los 125 municipios de Jalisco.';

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const arrive = arriver(() => s);

/** Every draft in storage: { index, drafts: { id: parsed envelope } }. */
async function storage(page) {
  return page.evaluate(([indexKey, prefix]) => {
    const index = JSON.parse(localStorage.getItem(indexKey) ?? 'null');
    const drafts = {};
    for (const k of Object.keys(localStorage)) {
      if (k.startsWith(prefix)) drafts[k.slice(prefix.length)] = localStorage.getItem(k);
    }
    return { index, drafts };
  }, [INDEX_KEY, DRAFT_PREFIX]);
}

test('a copy that added a commitment and edited another is merged item by item, into a new draft', async () => {
  const { page, origin } = s;
  const mineText = await readFile(MINE, 'utf8');
  const mine = JSON.parse(mineText);
  await page.goto(origin + '/');
  await ready(page);
  await putDraft(page, mineText);
  await page.goto(origin + '/plan');
  await arrive(page, '**/plan', 'lista de tareas');

  await press(page, 'Combinar con otro borrador', 300);
  await arrive(page, '**/plan/combinar', 'combinar');
  assert.equal((await focused(page)).tag, 'H1');
  assert.match(await page.locator('main').innerText(), /No tiene otros borradores en este navegador/);
  const sourceBefore = (await storage(page)).drafts['1'];

  // The file, reached by keyboard (the file dialog itself is the system's).
  await tabTo(page, { id: 'archivo-combinar' }, 60);
  await page.setInputFiles('#archivo-combinar', THEIRS);
  await page.waitForFunction(() => document.activeElement?.id === 'combinar-diferencias');
  const shown = await page.locator('#combinar-diferencias').innerText();
  assert.match(shown, /Copia de la Secretaría de Planeación/);
  assert.match(shown, new RegExp(NEW_NAME));
  assert.match(shown, /Solo está en el otro borrador/);
  assert.match(shown, /Cambió en el otro borrador/);
  assert.ok(shown.includes(EDITED_SHORT), 'the edited objective, beside mine');
  assert.ok(shown.includes(mine.plan.commitments[0].objectives.short_term), 'mine, beside it');
  assert.equal(await page.locator('#combinar-diferencias fieldset').count(), 3, 'three differences');
  assert.deepEqual(await axeCheck(s, 'combinar: diferencias'), []);

  // Nothing is dropped without a choice: the two conflicts are asked for.
  await press(page, 'Crear el borrador combinado', 80);
  await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores');
  const summary = await page.locator('#resumen-errores').innerText();
  assert.match(summary, /Elija qué conservar de «Compromiso 1: Estrategia subnacional de gobierno abierto»/);
  assert.match(summary, /Elija qué conservar de «Acción clave: /);
  assert.match(await page.title(), /^Error: /);
  assert.deepEqual(await axeCheck(s, 'combinar: falta elegir'), []);
  assert.equal((await storage(page)).index.drafts.length, 1, 'nothing created yet');

  // From the summary's first link to the commitment's choices: keep mine.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'eleccion-0-mio');
  await page.keyboard.press('Space');
  // The key action's weight: take theirs (arrow keys move within the group).
  await tabTo(page, { id: 'eleccion-1-mio' }, 60);
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).id, 'eleccion-1-suyo');
  // The new commitment is taken unless the person says otherwise.
  assert.equal(await page.locator('#eleccion-2-suyo').isChecked(), true);

  await press(page, 'Crear el borrador combinado', 80);
  await page.waitForFunction(() => document.activeElement?.id === 'combinado');
  const done = await page.locator('#combinado').innerText();
  const combinedName = `${mine.plan.profile.plan_name} (combinado)`;
  assert.ok(done.includes(`Se creó el borrador «${combinedName}» y quedó abierto`), done);
  assert.match(done, /Compromiso 1: Estrategia subnacional de gobierno abierto\. Las ponderaciones suman 110 %\. Deben sumar 100 %: sobran 10 puntos\./);
  assert.deepEqual(await axeCheck(s, 'combinar: creado'), []);

  // In storage: a second draft, current, with the merged plan; the source unchanged.
  const after = await storage(page);
  assert.equal(after.index.drafts.length, 2);
  const created = after.index.drafts.find((d) => d.id !== 1);
  assert.equal(created.name, combinedName);
  assert.equal(after.index.current, created.id);
  const merged = JSON.parse(after.drafts[String(created.id)]).plan;
  assert.deepEqual(merged.commitments.map((c) => c.name), [C13_NAME, NEW_NAME]);
  assert.deepEqual(merged.commitments.map((c) => c.id), [1, 2]);
  assert.equal(merged.commitments[0].objectives.short_term, mine.plan.commitments[0].objectives.short_term, 'mine kept');
  assert.equal(merged.commitments[0].key_actions[0].weight, 45, 'theirs taken');
  assert.equal(merged.commitments[1].objectives.problem, 1, 'the new commitment answers problem 1');
  assert.equal(after.drafts['1'], sourceBefore, 'the source draft is unchanged');
  assert.deepEqual(JSON.parse(after.drafts['1']).plan, mine.plan);

  // In the app: the combined draft's commitments.
  await press(page, 'Ver los compromisos del borrador combinado', 80);
  await arrive(page, '**/plan/compromisos', 'compromisos');
  const list = await page.locator('main').innerText();
  assert.ok(list.includes(C13_NAME) && list.includes(NEW_NAME), 'both commitments listed');

  // The source is still in «Mis borradores», under its own name.
  await page.goto(origin + '/borradores');
  await ready(page);
  const drafts = await page.locator('main').innerText();
  assert.ok(drafts.includes(combinedName));
  assert.ok(drafts.includes(mine.plan.profile.plan_name));
  assertClean(s);
});

test('timing: the 60-commitment plan merged with an edited copy, from choosing the file to the choices shown', async () => {
  const { page, origin } = s;
  const base = JSON.parse(await readFile(MINE, 'utf8'));
  const c = base.plan.commitments[0];
  const commitments = Array.from({ length: 60 }, (_, i) => ({ ...structuredClone(c), id: i + 1, name: `${c.name} ${i + 1}` }));
  const mine = structuredClone(base);
  mine.plan.commitments = commitments;
  mine.plan.responses = [];
  const theirs = structuredClone(mine);
  theirs.name = 'Copia editada';
  for (let i = 0; i < 60; i += 6) theirs.plan.commitments[i].objectives.short_term += ' Con los municipios.';
  for (let i = 3; i < 60; i += 12) theirs.plan.commitments[i].key_actions[0].weight = 45;
  for (let i = 0; i < 3; i++) {
    theirs.plan.commitments.push({ ...structuredClone(c), id: 61 + i, name: `Compromiso nuevo ${i + 1}` });
  }
  await mkdir(OUT, { recursive: true });
  const theirsFile = join(OUT, 'combinar-bench-suyo.json');
  await writeFile(theirsFile, JSON.stringify(theirs));

  const times = [];
  for (let run = 0; run < 3; run++) {
    await page.goto(origin + '/');
    await ready(page);
    await putDraft(page, JSON.stringify(mine));
    await page.goto(origin + '/plan/combinar');
    await ready(page);
    await page.evaluate(() => {
      window.mergeTiming = {};
      document.getElementById('archivo-combinar').addEventListener('change', () => {
        window.mergeTiming.chosen = performance.now();
      }, { capture: true, once: true });
      new MutationObserver((_, observer) => {
        if (document.querySelector('#combinar-diferencias input[type=radio]')) {
          window.mergeTiming.shown = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.setInputFiles('#archivo-combinar', theirsFile);
    await page.waitForFunction(() => window.mergeTiming.shown !== undefined, null, { timeout: 30000 });
    const t = await page.evaluate(() => window.mergeTiming.shown - window.mergeTiming.chosen);
    times.push(t);
    if (run === 0) {
      // 10 objectives and 5 weights changed, 3 commitments added.
      assert.equal(await page.locator('#combinar-diferencias fieldset').count(), 18);
      assert.deepEqual(await axeCheck(s, 'combinar: 60 compromisos'), []);
    }
  }
  times.sort((a, b) => a - b);
  console.log(`merge timing: 60 commitments + edited copy (${JSON.stringify(theirs).length} B), file chosen → choices shown: median ${times[1].toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`);
  assertClean(s);
});
