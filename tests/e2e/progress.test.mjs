// Report rounds ("Informes de avance", issue 18), by keyboard only, on the
// draft of the national plan's commitment 13 (MX0087: three key actions
// weighted 35/40/25 with 3, 5 and 6 activities, a gender perspective;
// tests/fixtures/planes-reales/borradores/, what tests/real_plans.rs
// generates). From the task list to the hub; a new round (an empty page and a
// month instead of a day refused, with the error summary); commitment 1's
// page: statuses, percents, evidence, a gender note, a percent of 150 and one
// in words refused without losing anything; then a second round that copies
// the first (asked first, since something was typed) and changes two key
// actions. The hub's chart (its aria-label) and table agree with the weighted
// progress computed here from the stored draft's weights; «Requiere
// atención» lists what the domain's rules find and its links land on the
// item's field; the task list says how many rounds; storage holds both
// rounds; input typed and not saved survives a reload; a third round is
// removed after a confirmation. axe-core on every kind of page; no console
// errors. Typing on the entry page is measured (Event Timing), not asserted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startSession, endSession, ready, axeCheck, assertClean, tabTo, focused, putDraft,
  waitForDraft, OUT,
  arriver, press,
  download, pdfText, parseCsv, flat,
} from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', 'fixtures', 'planes-reales', 'borradores', 'mx0087-estrategia-subnacional-2019-2021.json');

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const arrive = arriver(() => s);

async function pressId(page, id, max = 120) {
  await tabTo(page, { id }, max);
  await page.keyboard.press('Enter');
}

/** Tabs to a field and types (after selecting what it holds). */
async function typeInto(page, id, text, max = 400) {
  await tabTo(page, { id }, max);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(lines[i]);
  }
}

const STATUSES = ['no-iniciado', 'limitado', 'sustancial', 'completo', 'sin-evidencia'];

/** Chooses a status with the arrow keys: Tab into the group (the chosen radio, or the first), then down or up. */
async function chooseStatus(page, prefix, status, max = 400) {
  const current = await page.evaluate((name) => document.querySelector(`input[name="${name}"]:checked`)?.value ?? null, `${prefix}-estado`);
  const entry = current === null || current === 'no-iniciado' ? `${prefix}-estado` : `${prefix}-estado-${current}`;
  await tabTo(page, { id: entry }, max);
  const from = current === null ? 0 : STATUSES.indexOf(current);
  const to = STATUSES.indexOf(status);
  if (current === null && to === 0) await page.keyboard.press('Space');
  for (let i = from; i < to; i++) await page.keyboard.press('ArrowDown');
  for (let i = from; i > to; i--) await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate((name) => document.querySelector(`input[name="${name}"]:checked`)?.value, `${prefix}-estado`), status);
}

/** Presses Shift+Tab until the element with `id` has the focus (a keyboard user going back up). */
async function backTo(page, id, max = 200) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Shift+Tab');
    if (await page.evaluate((x) => document.activeElement?.id === x, id)) return;
  }
  throw new Error(`Could not reach #${id} with Shift+Tab`);
}

/** Presses Tab until the focused link goes to `href`. */
async function tabToHref(page, href, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((h) => document.activeElement?.getAttribute('href') === h, href)) return;
  }
  throw new Error(`Could not reach a link to ${href} with Tab`);
}

/**
 * Typing speed on an entry page: measured, not asserted (a benchmark, not a
 * timed test). Per keystroke: the time from the key down until its input
 * event has run through the field's handler and the reactive updates it
 * started (microtasks run when a handler returns), and until the next frame
 * begins.
 */
async function typingFigures(page, id) {
  await page.evaluate(() => {
    window.__keys = [];
    let t0 = 0;
    let k = null;
    document.addEventListener('keydown', () => {
      t0 = performance.now();
      k = { handled: null, frame: null };
      window.__keys.push(k);
      const mine = k;
      requestAnimationFrame(() => { mine.frame = performance.now() - t0; });
    }, true);
    window.addEventListener('input', () => { if (k) k.handled = performance.now() - t0; });
  });
  await tabTo(page, { id }, 400);
  await page.evaluate(() => { window.__keys = []; });
  await page.keyboard.type('Presentar el modelo a los 32 órganos garantes locales.');
  await page.waitForTimeout(300);
  const keys = await page.evaluate(() => window.__keys);
  const stat = (xs) => { const v = xs.filter((x) => x !== null).sort((a, b) => a - b); return `median ${v[Math.floor(v.length / 2)].toFixed(1)} ms, worst ${v[v.length - 1].toFixed(1)} ms`; };
  return `${keys.length} keys typed; handled in ${stat(keys.map((k) => k.handled))}; next frame after ${stat(keys.map((k) => k.frame))}`;
}

const squash = (t) => t.replace(/\s+/g, ' ').trim();

/** "69.5 %" from hundredths, rounded to a tenth (messages::rounds::percent). */
const pct = (h) => { const t = Math.floor((h + 5) / 10); return `${Math.floor(t / 10)}.${t % 10} %`; };
/** dd/mm/yyyy from an ISO day. */
const day = (iso) => iso.split('-').reverse().join('/');

/** Each round's weighted progress, computed here from the stored draft: Σ key-action percent × weight. */
function expectedProgress(plan) {
  const rounds = [...plan.implementation.rounds].sort((a, b) => a.cutoff.localeCompare(b.cutoff) || a.id - b.id);
  return rounds.map((r) => {
    const commitments = plan.commitments.map((c) => c.key_actions.reduce((sum, k) => {
      const rep = r.reports.find((x) => x.commitment === c.id && x.key_action === k.id && x.activity === undefined);
      const counted = rep ? (rep.percent ?? (rep.status === 'completo' ? 100 : 0)) : 0;
      return sum + counted * (k.weight ?? 0);
    }, 0));
    const planValue = Math.floor((commitments.reduce((a, b) => a + b, 0) + Math.floor(commitments.length / 2)) / commitments.length);
    return { round: r, commitments, plan: planValue };
  });
}

/** What needs attention in round `r` by the domain's rules (domain/progress.rs, Plan::needs_attention). */
function expectedAttention(plan, r) {
  const rounds = [...plan.implementation.rounds].sort((a, b) => a.cutoff.localeCompare(b.cutoff) || a.id - b.id);
  const i = rounds.findIndex((x) => x.id === r);
  const round = rounds[i];
  const previous = i > 0 ? rounds[i - 1] : null;
  const counted = (rep) => rep ? Math.min(100, rep.percent ?? (rep.status === 'completo' ? 100 : 0)) : 0;
  const out = [];
  plan.commitments.forEach((c, ci) => c.key_actions.forEach((k, ki) => {
    const items = [{ k, a: null, name: `Compromiso ${ci + 1} · Acción clave ${ki + 1}: ${k.name}`, end: k.period?.end }]
      .concat(k.activities.map((a, ai) => ({ k, a, name: `Compromiso ${ci + 1} · Actividad ${ki + 1}.${ai + 1}: ${a.name}`, end: a.period?.end })));
    for (const it of items) {
      const find = (rr) => rr?.reports.find((x) => x.commitment === c.id && x.key_action === it.k.id && (x.activity ?? null) === (it.a?.id ?? null));
      const rep = find(round);
      const before = find(previous);
      const complete = rep?.status === 'completo';
      const why = [];
      if (before && !complete && counted(rep) <= counted(before)) why.push('No avanzó desde el informe anterior');
      if (it.end && it.end < round.cutoff && !complete) why.push('pasó su fecha de término y no está completa');
      if (rep && ['limitado', 'sustancial', 'completo'].includes(rep.status) && rep.evidence.length === 0) why.push('tiene avance pero no tiene evidencia');
      if (why.length) {
        const words = why.map((w, j) => (j === 0 ? w[0].toUpperCase() + w.slice(1) : w[0].toLowerCase() + w.slice(1)));
        const sentence = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} y ${words[words.length - 1]}`;
        out.push({ name: it.name, text: `${it.name} ${sentence}.`, field: `${it.a ? `k${it.k.id}-a${it.a.id}` : `k${it.k.id}`}-estado`, commitment: c.id });
      }
    }
  }));
  return out;
}

test('two report rounds by keyboard: the second copies the first; chart, table and «Requiere atención» agree with the draft', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/');
  await ready(page);
  const draft = JSON.parse(await readFile(FIXTURE, 'utf8'));
  delete draft.plan.implementation;
  await putDraft(page, JSON.stringify(draft));
  await page.goto(origin + '/plan');
  await ready(page);

  // From the task list to the hub.
  await press(page, 'Informes de avance', 200);
  await arrive(page, '**/plan/avances', 'informes de avance, vacío');
  assert.equal((await focused(page)).tag, 'H1');
  assert.match(await page.locator('main').innerText(), /Todavía no hay informes/);
  assert.equal(await page.locator('#grafica-avance').count(), 0, 'no chart before the first round');

  // A new round: an empty page, then a month instead of a day, are refused.
  await press(page, 'Registrar un informe de avance');
  await arrive(page, '**/plan/avances/nuevo', 'informe nuevo');
  assert.equal((await focused(page)).tag, 'H1');
  await press(page, 'Guardar y continuar');
  await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores');
  assert.match(await page.title(), /^Error: /);
  const summary = squash(await page.locator('#resumen-errores').innerText());
  assert.ok(summary.includes('Escriba el nombre del informe'), summary);
  assert.ok(summary.includes('Escriba la fecha de corte del informe'), summary);
  assert.deepEqual(await axeCheck(s, 'informe nuevo con errores'), []);
  await typeInto(page, 'nombre-informe', 'Primer informe semestral');
  await typeInto(page, 'fecha-corte', '06/2020');
  await typeInto(page, 'quien-informa', 'Dirección General de Gobierno Abierto y Transparencia (INAI)');
  await press(page, 'Guardar y continuar');
  await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores');
  assert.ok(squash(await page.locator('#resumen-errores').innerText()).includes('La fecha de corte debe ser un día, escrito como día/mes/año, por ejemplo 30/06/2026'));
  assert.equal(await page.inputValue('#nombre-informe'), 'Primer informe semestral', 'the name is kept');
  await typeInto(page, 'fecha-corte', '30/06/2020');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/avances/1', 'resumen del informe');
  assert.equal(squash(await page.locator('main h1').innerText()), 'Primer informe semestral');
  assert.match(squash(await page.locator('#compromiso-1-estado').innerText()), /Sin reportar/);

  // Commitment 1's page: every key action and activity together.
  await pressId(page, 'registrar-compromiso-1');
  await arrive(page, '**/plan/avances/1/compromisos/1', 'avance de un compromiso');
  assert.equal(squash(await page.locator('main h1').innerText()), 'Compromiso 1: Estrategia subnacional de gobierno abierto');
  const legends = await page.locator('main legend h2').allInnerTexts();
  assert.equal(legends.length, 3);
  assert.match(legends[0], /^Acción clave 1: Estudio de las condiciones de apertura .* \(35 %\)$/);
  assert.match(legends[1], /\(40 %\)$/);
  assert.equal(await page.locator('main legend h3').count(), 14, 'the 14 activities');
  assert.equal(await page.locator('textarea[id$="-nota-genero"]').count(), 17, 'a gender note per item: the commitment has a gender perspective');
  assert.equal(await page.locator('#copiar-informe-anterior').count(), 0, 'nothing to copy in the first round');
  const ids = await page.evaluate(() => [...document.querySelectorAll('main [id]')].map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, 'every id on the page is unique');

  await chooseStatus(page, 'k1', 'completo');
  await typeInto(page, 'k1-avance', '100');
  await typeInto(page, 'k1-evidencia', 'https://home.inai.org.mx/estudio-apertura-subnacional.pdf\nPresentación del estudio, 28/04/2020');
  await typeInto(page, 'k1-nota-genero', 'El estudio desagrega por sexo a las personas entrevistadas.');
  await chooseStatus(page, 'k1-a1', 'completo');
  await chooseStatus(page, 'k2', 'limitado');
  await typeInto(page, 'k2-avance', '25 %');
  await typeInto(page, 'k2-evidencia', 'Acta de instalación del espacio de coordinación nacional');
  await typeInto(page, 'k2-dificultades', 'La contingencia sanitaria suspendió las sesiones presenciales.');
  await typeInto(page, 'k2-siguientes-pasos', 'Sesionar en línea.');
  await chooseStatus(page, 'k2-a1', 'limitado');
  await typeInto(page, 'k2-a1-avance', 'treinta');
  await chooseStatus(page, 'k3', 'no-iniciado');
  await typeInto(page, 'k3-avance', '150');
  await press(page, 'Guardar y continuar', 600);
  await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores');
  assert.match(await page.title(), /^Error: /);
  const errors = await page.locator('#resumen-errores li').allInnerTexts();
  assert.deepEqual(errors.map(squash), [
    'El avance de la actividad 2.1 debe ser un número entero de 0 a 100, por ejemplo 35 o 35 %',
    'El avance de la acción clave 3 debe ser un número de 0 a 100; 100 quiere decir que está terminada',
  ]);
  assert.deepEqual(await axeCheck(s, 'avance de un compromiso con errores'), []);
  assert.equal(await page.inputValue('#k2-a1-avance'), 'treinta', 'what was typed is kept');
  assert.equal(await page.inputValue('#k1-evidencia'), 'https://home.inai.org.mx/estudio-apertura-subnacional.pdf\nPresentación del estudio, 28/04/2020');
  assert.ok(await page.isChecked('#k1-estado-completo'));
  // The summary's links take the focus to the fields.
  await press(page, errors[0], 10);
  await page.waitForFunction(() => document.activeElement?.id === 'k2-a1-avance');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('30');
  await typeInto(page, 'k3-avance', '0');
  await press(page, 'Guardar y continuar', 600);
  await arrive(page, '**/plan/avances/1');
  assert.equal(squash(await page.locator('#compromiso-1-estado').innerText()), '5 de 17 reportadas');
  let stored = await waitForDraft(page, (d) => d.plan.implementation.rounds[0].reports.length === 5);
  assert.ok(!Object.keys(stored.unsaved ?? {}).some((k) => k.startsWith('avances/')), 'no unsaved input is left');
  const r1 = stored.plan.implementation.rounds[0];
  assert.equal(r1.name, 'Primer informe semestral');
  assert.equal(r1.cutoff, '2020-06-30');
  const k1 = r1.reports.find((r) => r.key_action === 1 && r.activity === undefined);
  assert.deepEqual([k1.status, k1.percent, k1.evidence, k1.gender_note], ['completo', 100, ['https://home.inai.org.mx/estudio-apertura-subnacional.pdf', 'Presentación del estudio, 28/04/2020'], 'El estudio desagrega por sexo a las personas entrevistadas.']);
  const k2a1 = r1.reports.find((r) => r.key_action === 2 && r.activity === 1);
  assert.deepEqual([k2a1.status, k2a1.percent], ['limitado', 30]);

  // The second round copies the first and changes two key actions.
  await press(page, 'Volver a Informes de avance');
  await arrive(page, '**/plan/avances', 'informes de avance');
  await press(page, 'Registrar un informe de avance');
  await arrive(page, '**/plan/avances/nuevo');
  await typeInto(page, 'nombre-informe', 'Segundo informe semestral');
  await typeInto(page, 'fecha-corte', '31/12/2020');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/avances/2');
  await pressId(page, 'registrar-compromiso-1');
  await arrive(page, '**/plan/avances/2/compromisos/1', 'avance con el informe anterior');
  const reference = squash(await page.locator('main .inset').nth(1).innerText());
  assert.ok(reference.startsWith('En el informe anterior, «Primer informe semestral» (corte al 30/06/2020): Completo, 100 %.'), reference);
  assert.ok(reference.includes('Evidencia: https://home.inai.org.mx/estudio-apertura-subnacional.pdf; Presentación del estudio, 28/04/2020'), reference);
  // Something typed first: copying asks before replacing it.
  await typeInto(page, 'k3-avance', '5');
  await backTo(page, 'copiar-informe-anterior');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'confirmar-copia');
  assert.deepEqual(await axeCheck(s, 'copiar el informe anterior'), []);
  await press(page, 'Sí, copiar', 10);
  await page.waitForFunction(() => document.activeElement?.id === 'copiar-informe-anterior');
  assert.match(await page.locator('#copia-estado').innerText(), /Se copiaron las respuestas de «Primer informe semestral»/);
  assert.equal(await page.inputValue('#k3-avance'), '0', 'the page holds the first round\'s answers');
  assert.equal(await page.inputValue('#k2-avance'), '25');
  assert.ok(await page.isChecked('#k1-estado-completo'));
  // Two key actions changed.
  await chooseStatus(page, 'k2', 'sustancial');
  await typeInto(page, 'k2-avance', '60');
  await typeInto(page, 'k2-dificultades', '');
  await chooseStatus(page, 'k3', 'limitado');
  await typeInto(page, 'k3-avance', '20 %');
  await typeInto(page, 'k3-evidencia', 'Convocatoria a la socialización del modelo');

  console.log(`commitment 13's page (17 items): ${await typingFigures(page, 'k3-siguientes-pasos')}`);

  await press(page, 'Guardar y continuar', 600);
  await arrive(page, '**/plan/avances/2');
  stored = await waitForDraft(page, (d) => d.plan.implementation.rounds.length === 2
    && d.plan.implementation.rounds[1].reports.some((r) => r.key_action === 3 && r.activity === undefined && r.percent === 20));
  const r2 = stored.plan.implementation.rounds[1];
  assert.equal(r2.name, 'Segundo informe semestral');
  assert.equal(r2.reports.length, 5);
  const r2k2 = r2.reports.find((r) => r.key_action === 2 && r.activity === undefined);
  assert.deepEqual([r2k2.status, r2k2.percent, r2k2.difficulties], ['sustancial', 60, null]);
  assert.deepEqual(r2.reports.find((r) => r.key_action === 1 && r.activity === undefined), k1, 'key action 1 copied as it was');
  assert.deepEqual(stored.plan.implementation.rounds[0], r1, 'the first round is unchanged');

  // The hub: the chart's words and the table agree with the draft's numbers.
  await press(page, 'Volver a Informes de avance');
  await arrive(page, '**/plan/avances', 'informes de avance con gráfica');
  const expected = expectedProgress(stored.plan);
  assert.deepEqual(expected.map((e) => e.plan), [3500 + 25 * 40, 3500 + 60 * 40 + 20 * 25]);
  const label = await page.getAttribute('#grafica-avance', 'aria-label');
  assert.equal(await page.getAttribute('#grafica-avance', 'role'), 'img');
  const planWords = expected.map((e) => `${pct(e.plan)} al ${day(e.round.cutoff)}`).join('; ');
  assert.ok(label.includes(`Plan: ${planWords}.`), label);
  assert.ok(label.includes(`En el último informe: compromiso 1, ${pct(expected[1].commitments[0])}.`), label);
  const rows = await page.locator('#tabla-avance tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.innerText.trim())));
  assert.deepEqual(rows, expected.map((e) => [e.round.name, day(e.round.cutoff), pct(e.plan), ...e.commitments.map(pct)]));
  const headers = await page.locator('#tabla-avance thead th').allInnerTexts();
  assert.deepEqual(headers.map(squash), ['Informe', 'Fecha de corte', 'Plan', 'Compromiso 1']);
  // The chart draws a point per round for the plan and for the commitment.
  assert.equal(await page.locator('#grafica-avance circle').count(), 4);
  assert.equal(await page.locator('#grafica-avance [style]').count(), 0, 'no inline style');
  // The rounds' list.
  const listed = await page.locator('#informes tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.innerText.trim())));
  assert.deepEqual(listed, [
    ['Primer informe semestral', '30/06/2020', 'Dirección General de Gobierno Abierto y Transparencia (INAI)', pct(expected[0].plan)],
    ['Segundo informe semestral', '31/12/2020', '', pct(expected[1].plan)],
  ]);

  // Published as typed: the latest round's PDF and every round's CSV, by keyboard.
  const report = await download(page, { text: 'Descargar informe de avance (PDF)' });
  const text = await pdfText(report, 'avance-compromiso-13.pdf');
  for (const want of [
    'Segundo informe semestral', 'Sustancial', '60 %', 'Limitado', '20 %',
    // (pdftotext may interleave a cell's last line with the next column's.)
    'Convocatoria a la socialización', 'Completo', '100 %',
    'https://home.inai.org.mx/estudio-apertura-subnacional.pdf',
    'El estudio desagrega por sexo a las personas entrevistadas.',
    // The report writes a whole percent without decimals.
    expected[1].plan % 100 === 0 ? `${expected[1].plan / 100} %` : pct(expected[1].plan),
  ]) {
    assert.ok(text.includes(flat(want)), `${want} in the report's text`);
  }
  const csvFile = await download(page, { text: 'Descargar avances (CSV)' });
  const csvPath = join(OUT, 'avances-compromiso-13.csv');
  await csvFile.saveAs(csvPath);
  const [header, ...csvRows] = parseCsv((await readFile(csvPath, 'utf8')).replace(/^\uFEFF/, ''));
  const col = (name) => header.indexOf(name);
  // 3 key actions and 14 activities, in each of the two rounds.
  assert.equal(csvRows.length, 2 * 17, 'one row per key action or activity per round');
  assert.deepEqual([...new Set(csvRows.map((r) => r[col('round_name')]))], ['Primer informe semestral', 'Segundo informe semestral']);
  const keyRow = (round, k) => csvRows.find((r) => r[col('round_id')] === String(round) && r[col('key_action_number')] === String(k) && r[col('activity_number')] === '');
  assert.deepEqual([keyRow(2, 2)[col('status')], keyRow(2, 2)[col('percent')], keyRow(2, 2)[col('weight')]], ['sustancial', '60', '40']);
  assert.deepEqual([keyRow(1, 3)[col('status')], keyRow(2, 3)[col('percent')]], ['no-iniciado', '20']);
  assert.equal(keyRow(2, 3)[col('evidence')], 'Convocatoria a la socialización del modelo');

  // «Requiere atención»: what the domain's rules find in the latest round.
  const attention = expectedAttention(stored.plan, 2);
  assert.ok(attention.length > 0);
  const shown = await page.locator('#atencion li').allInnerTexts();
  assert.deepEqual(shown.map(squash), attention.map((a) => a.text));
  assert.match(squash(await page.locator('main').innerText()), /Requiere atención En el último informe, «Segundo informe semestral» \(corte al 31\/12\/2020\):/);
  await page.screenshot({ path: join(OUT, 'avances.png'), fullPage: true });
  // Its link lands on the item's status on the commitment's page.
  const first = attention[0];
  await press(page, first.name, 200);
  await arrive(page, (u) => u.pathname === '/plan/avances/2/compromisos/1' && u.hash === `#${first.field}`);
  await page.waitForFunction((id) => document.activeElement?.id?.startsWith(id), first.field);

  // Typed and not saved: kept under the step's prefix through a reload.
  await typeInto(page, 'k3-dificultades', 'Faltan fechas de los órganos garantes.');
  const key = 'avances/informe/2/compromiso/1';
  await waitForDraft(page, (d) => d.unsaved?.[key]?.['k3-dificultades'] === 'Faltan fechas de los órganos garantes.');
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('#k3-dificultades'), 'Faltan fechas de los órganos garantes.');
  assert.equal(await page.inputValue('#k3-avance'), '20', 'the saved percent');
  await page.screenshot({ path: join(OUT, 'avance-compromiso.png'), fullPage: true });
  await press(page, 'Guardar y volver más tarde', 600);
  await arrive(page, '**/plan', 'lista de tareas');
  stored = await waitForDraft(page, (d) => d.plan.implementation.rounds[1].reports.some((r) => r.difficulties === 'Faltan fechas de los órganos garantes.'));
  assert.ok(!(key in (stored.unsaved ?? {})));

  // The task list's line.
  const final = expectedProgress(stored.plan);
  assert.equal(squash(await page.locator('#resumen-informes').innerText()), `2 informes; último: 31/12/2020, avance del plan ${pct(final[1].plan)}`);

  // A third round, removed after a confirmation (cancelled once).
  await page.goto(origin + '/plan/avances/nuevo');
  await ready(page);
  await typeInto(page, 'nombre-informe', 'Informe de prueba');
  await typeInto(page, 'fecha-corte', '31/03/2021');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/avances/3');
  await waitForDraft(page, (d) => d.plan.implementation.rounds.length === 3);
  await tabToHref(page, '/plan/avances/3/datos');
  assert.equal(squash(await page.evaluate(() => document.activeElement.textContent)), 'Cambiar nombre del informe');
  await page.keyboard.press('Enter');
  await arrive(page, '**/plan/avances/3/datos', 'datos del informe');
  assert.equal(await page.inputValue('#nombre-informe'), 'Informe de prueba');
  await press(page, 'Guardar y continuar');
  await arrive(page, '**/plan/avances/3');
  await pressId(page, 'eliminar-informe', 200);
  await page.waitForFunction(() => document.activeElement?.id === 'confirmar-eliminar-informe');
  assert.deepEqual(await axeCheck(s, 'eliminar un informe'), []);
  await press(page, 'Cancelar', 10);
  await page.waitForFunction(() => document.activeElement?.id === 'eliminar-informe');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'confirmar-eliminar-informe');
  await press(page, 'Sí, eliminar', 10);
  await arrive(page, '**/plan/avances');
  assert.match(await page.locator('main').innerText(), /Se eliminó el informe «Informe de prueba»/);
  stored = await waitForDraft(page, (d) => d.plan.implementation.rounds.length === 2);
  assert.deepEqual(stored.plan.implementation.rounds.map((r) => r.name), ['Primer informe semestral', 'Segundo informe semestral']);

  assertClean(s);
});

test('typing on the page of a commitment with 4 key actions × 4 activities (figures printed)', async () => {
  const { page, origin } = s;
  // Commitment 13 made 4 × 4: a fourth key action, four activities each, weights 25.
  const draft = JSON.parse(await readFile(FIXTURE, 'utf8'));
  const c = draft.plan.commitments[0];
  const template = c.key_actions[2];
  c.key_actions.push({ ...structuredClone(template), id: 4, name: 'Acción clave de prueba' });
  for (const k of c.key_actions) {
    k.weight = 25;
    k.activities = [0, 1, 2, 3].map((i) => ({ ...structuredClone(template.activities[i]), id: i + 1 }));
  }
  draft.plan.implementation = { rounds: [{ id: 1, name: 'Informe', cutoff: '2020-06-30', reports: [] }] };
  await page.goto(origin + '/');
  await ready(page);
  await putDraft(page, JSON.stringify(draft));
  await page.goto(origin + '/plan/avances/1/compromisos/1');
  await ready(page);
  assert.equal(await page.locator('main fieldset.activity').count(), 16);
  assert.equal(await page.locator('main textarea').count(), 80, '20 items × 4 texts (the gender note too)');
  console.log(`a 4 × 4 commitment's page (20 items): ${await typingFigures(page, 'k4-a4-siguientes-pasos')}`);
  await page.screenshot({ path: join(OUT, 'avance-4x4.png') });
  assertClean(s);
});
