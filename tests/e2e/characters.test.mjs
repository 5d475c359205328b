// Characters beyond Spanish reach the PDF as typed, and what the PDF's fonts
// cannot draw (an emoji) is never changed silently: "Exportar PDF" first shows
// which characters and where (step, commitment, field, with a link to its page),
// and exports only on "Exportar de todos modos"; the PDF and the print view then
// show the same U+FFFD in the emoji's place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, ready, axeCheck, focused, putDraft, OUT } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', 'fixtures', 'borrador-v5.json');

// Typed as people in Mexico write: operators, arrows, subscripts, Wixárika ɨ,
// the saltillo of Mayan and Zapotec orthographies, Hungarian and Latvian
// accents, Greek, and an accent typed as a separate combining mark.
const PLAN_NAME = 'Plan Kɨ → 2025 ≥ 2027';
const COMMITMENT = 'Reducir el CO₂ ≥ 80 % → xꞌ Ꞌ ő ā α β n\u0303';
const OBJECTIVE = 'Publicar el presupuesto cada trimestre 😀';
const REPLACEMENT = '\uFFFD';

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const squash = (t) => t.replace(/\s+/g, '');

test('the notice before the export names the emoji and its field; the PDF keeps every other character as typed', async () => {
  const { page, origin } = s;
  const env = JSON.parse(await readFile(FIXTURE, 'utf8'));
  env.plan.profile.plan_name = PLAN_NAME;
  env.plan.commitments[0].name = COMMITMENT;
  env.plan.commitments[0].objectives.short_term = OBJECTIVE;
  await page.goto(origin + '/');
  await ready(page);
  await putDraft(page, JSON.stringify(env));
  await page.goto(origin + '/plan/revisar');
  await ready(page);

  // "Exportar PDF" does not export yet: it says what cannot be drawn, and where.
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.getByRole('button', { name: 'Exportar PDF' }).click();
  const notice = page.locator('#caracteres-no-imprimibles');
  await notice.waitFor({ timeout: 5000 });
  await page.waitForFunction(() => document.activeElement?.id === 'caracteres-no-imprimibles');
  assert.equal((await focused(page)).id, 'caracteres-no-imprimibles', 'the notice takes focus');
  const said = await notice.innerText();
  assert.match(said, /Hay caracteres que el PDF no puede mostrar/);
  assert.ok(said.includes('«😀»'), `the notice names the emoji: ${said}`);
  assert.match(said, /Objetivo a corto plazo/, 'and its field');
  assert.match(said, /Compromisos · Compromiso 1/, 'and its step and commitment');
  assert.ok(!said.includes('«ɨ»') && !said.includes('«≥»'), 'only what cannot be drawn is listed');
  const link = notice.getByRole('link', { name: 'Objetivo a corto plazo' });
  assert.match(await link.getAttribute('href'), /^\/plan\/compromisos\/\d+\/objetivos\?/, 'the field links to its page');
  assert.equal(downloads, 0, 'nothing is exported before the person chooses');
  const bad = await axeCheck(s, 'revisar: aviso de caracteres');
  assert.deepEqual(bad, []);
  await notice.screenshot({ path: join(OUT, 'aviso-caracteres.png') });

  // "Exportar de todos modos" exports.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30000 }),
    page.getByRole('button', { name: 'Exportar de todos modos' }).click(),
  ]);
  const path = join(OUT, 'caracteres.pdf');
  await download.saveAs(path);
  execFileSync('qpdf', ['--check', path]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString('utf8');
  for (const typed of [PLAN_NAME, COMMITMENT]) {
    assert.ok(squash(text).includes(squash(typed)), `the PDF has ${JSON.stringify(typed)} as typed`);
  }
  assert.ok(squash(text).includes(squash(`cada trimestre ${REPLACEMENT}`)), 'the emoji is a visible U+FFFD');
  assert.ok(!text.includes('😀'));
  assert.equal(await page.locator('#caracteres-no-imprimibles').count(), 0, 'the notice goes once the export starts');

  // The print view shows the same text, with the same replacement.
  await page.goto(origin + '/plan/imprimir');
  await ready(page);
  const view = await page.locator('main').innerText();
  await page.locator('.print-h--ficha').first().screenshot({ path: join(OUT, 'imprimir-caracteres.png') });
  assert.ok(squash(view).includes(squash(COMMITMENT)), 'print view: as typed');
  assert.ok(squash(view).includes(squash(`cada trimestre ${REPLACEMENT}`)), 'print view: the same U+FFFD');
  assert.deepEqual(s.consoleErrors, []);
  assert.deepEqual(s.foreignRequests, []);
});
