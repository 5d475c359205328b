// "Revisión de calidad" (issue 17), by keyboard only, on the complete plan of
// tests/fixtures/borrador-v5.json (Querétaro, "Presupuesto participativo")
// without its public repository and website: the task list says what the
// review found; the review lists the missing repository and the missing
// gender perspective as "Falta para la versión final"; each link lands on its
// field with the focus there; once saved, "Guardar y continuar" comes back to
// the review and the finding is gone. Then an
// advisory finding is kept with a reason (an empty reason is refused with a
// message, the focus in the field), stored in the draft, and printed in the
// PDF's annex. axe-core runs on every page visited, with the keep form open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, ready, axeCheck, assertClean, tabTo, focused, putDraft, waitForDraft, OUT } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '..', 'fixtures', 'borrador-v5.json');
const REPOSITORY = 'Falta la liga al repositorio público donde se guardan los documentos del proceso (en la hoja de ruta o en el seguimiento).';
const GENDER = 'Ningún compromiso tiene perspectiva de género. Escríbala en la alineación de al menos un compromiso (este enlace lleva al primero).';
const GENDER_TEXT = 'Indicadores desagregados por sexo; atiende a mujeres jefas de familia.';
const COUNT = 'El plan tiene 1 compromiso; la Alianza recomienda de 5 a 15.';
const REASON = 'Este plan tiene un solo compromiso porque es la estrategia subnacional del plan nacional.';
const URL = 'https://gobiernoabierto.jalisco.gob.mx/repositorio';

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

async function summary(page) {
  return (await page.locator('#resumen-calidad').innerText()).trim();
}

test('a finding leads to its field, and once fixed it is gone from the review', async () => {
  const page = await s.context.newPage();
  s.page = page;
  await page.goto(s.origin + '/');
  const draft = JSON.parse(await readFile(FIXTURE, 'utf8'));
  delete draft.plan.roadmap.site_url;
  delete draft.plan.roadmap.repository_url;
  if (draft.plan.monitoring) delete draft.plan.monitoring.repository_url;
  await putDraft(page, JSON.stringify(draft));

  await page.goto(s.origin + '/plan');
  await ready(page);
  const row = page.locator('.task-list__item', { hasText: 'Revisión de calidad' });
  assert.match(await row.innerText(), /2 cosas faltan para la versión final/);
  assert.match(await row.innerText(), /En curso/);
  await tabTo(page, { text: 'Revisión de calidad' }, 80);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan/calidad');
  await ready(page);
  assert.deepEqual(await axeCheck(s, 'revisión de calidad'), []);
  assert.match(await summary(page), /^2 cosas faltan para la versión final; \d+ recomendaciones; 1 de 1 compromiso es prometedor\.$/);
  const text = await page.locator('main').innerText();
  for (const expected of ['¿Es verificable?', 'Prometedor', 'Modesto', 'Falta para la versión final', 'Recomendación']) {
    assert.ok(text.includes(expected), `the review says «${expected}»`);
  }

  await tabTo(page, { text: REPOSITORY }, 60);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan/hoja-de-ruta?volver=calidad#liga-repositorio');
  await ready(page);
  await page.waitForFunction(() => document.activeElement?.id === 'liga-repositorio');
  await page.keyboard.type(URL);
  await tabTo(page, { text: 'Guardar y continuar' }, 40);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan/calidad');
  await ready(page);
  await waitForDraft(page, (d) => d.plan.roadmap.repository_url === URL);
  assert.match(await summary(page), /^1 cosa falta para la versión final;/);
  assert.equal(await page.getByText(REPOSITORY).count(), 0, 'the finding is gone');

  await tabTo(page, { text: GENDER }, 60);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan/compromisos/*/alineacion?volver=calidad#perspectiva-genero');
  await ready(page);
  await page.waitForFunction(() => document.activeElement?.id === 'perspectiva-genero');
  assert.deepEqual(await axeCheck(s, 'alineación desde la revisión'), []);
  await page.keyboard.type(GENDER_TEXT);
  await tabTo(page, { text: 'Guardar y continuar' }, 40);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/plan/calidad');
  await ready(page);
  await waitForDraft(page, (d) => d.plan.commitments[0].alignment.gender === GENDER_TEXT);
  assert.match(await summary(page), /^Nada falta para la versión final;/);
  assert.equal(await page.getByText(GENDER).count(), 0, 'the finding is gone');
});

test('a recommendation kept with its reason is stored and printed in the annex', async () => {
  const { page } = s;
  const before = await summary(page);
  const advisory = Number(before.match(/(\d+) recomendaciones/)[1]);
  // The first «Revisado, se mantiene así» is the plan's first recommendation:
  // the number of commitments.
  await tabTo(page, { text: 'Revisado, se mantiene así' }, 80);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  assert.deepEqual(await axeCheck(s, 'revisión de calidad, razón abierta'), []);
  // An empty reason is refused, with the message tied to the field.
  await tabTo(page, { text: 'Guardar la razón' }, 5);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.finding__keep .error-message');
  assert.match(await page.locator('.finding__keep .error-message').innerText(), /Escriba por qué se mantiene así/);
  assert.equal((await focused(page)).tag, 'TEXTAREA', 'the focus is back in the field');
  assert.equal(await page.locator('.finding__keep textarea').getAttribute('aria-invalid'), 'true');
  await page.keyboard.type(REASON);
  await tabTo(page, { text: 'Guardar la razón' }, 5);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('finding__status'));
  assert.match((await focused(page)).text, /^Revisado, se mantiene así: /);
  const stored = await waitForDraft(page, (d) => d.plan.kept_findings?.length === 1);
  assert.deepEqual(stored.plan.kept_findings, [{ key: 'numero-compromisos', reason: REASON }]);
  assert.equal(await summary(page),
    `Nada falta para la versión final; ${advisory - 1 === 1 ? '1 recomendación' : `${advisory - 1} recomendaciones`} (1 recomendación revisada se mantiene así); 1 de 1 compromiso es prometedor.`);
  const item = page.locator('.finding', { hasText: COUNT });
  assert.match(await item.innerText(), new RegExp(`Revisado, se mantiene así: ${REASON}`));

  // The review page says it too, then exports the PDF with the annex.
  await page.goto(s.origin + '/plan/revisar');
  await ready(page);
  assert.match(await page.locator('main').innerText(), /Nada falta para la versión final; .*1 recomendación revisada se mantiene así/);
  const downloaded = page.waitForEvent('download', { timeout: 60000 });
  await tabTo(page, { text: 'Exportar PDF' }, 200);
  await page.keyboard.press('Enter');
  const download = await downloaded;
  const path = join(OUT, 'calidad.pdf');
  await download.saveAs(path);
  const pdf = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const expected of ['Anexo: revisión de calidad', 'Las tres preguntas del Mecanismo de Revisión Independiente',
    `Revisado, se mantiene así: ${REASON}`]) {
    assert.ok(pdf.includes(expected), `the PDF has «${expected}»`);
  }
  assertClean(s);
});
