// The exported PDF carries the draft: export it from the review page, open that
// PDF with «Abrir un borrador» in a fresh browser profile, and find the same
// plan. PDFs made by something else get the clear message and change nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, ready, axeCheck, OUT, openAllFolds } from './harness.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const FORMAT = 'plan-local-gobierno-abierto';
const sessions = [];
after(async () => { for (const s of sessions) await endSession(s); });

async function session() {
  const s = await startSession();
  sessions.push(s);
  return s;
}

/** Every draft envelope stored in this profile (whatever the storage keys). */
async function storedDrafts(page) {
  const all = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  const drafts = [];
  for (const value of Object.values(all)) {
    try {
      const v = JSON.parse(value);
      if (v && v.format === 'plan-local-gobierno-abierto') drafts.push(v);
    } catch { /* not JSON: not a draft */ }
  }
  return { all, drafts };
}

/** Opens a file with «Abrir un borrador» and waits for the preview. */
async function choose(page, origin, file) {
  await page.goto(origin + '/abrir');
  await ready(page);
  await page.setInputFiles('#archivo-borrador', file);
}

/** «Descargar borrador (JSON)» from the review page, parsed. */
async function downloadDraft(page, origin, name) {
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Descargar borrador (JSON)' }).click(),
  ]);
  const path = join(OUT, name);
  await download.saveAs(path);
  return JSON.parse(await readFile(path, 'utf8'));
}

/** A minimal valid PDF with one blank page, written by hand (correct offsets). */
function handMadePdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

let exported; // the PDF exported in the first profile
let original; // the draft as the first profile had it

test('the PDF exported from the review page carries the draft', async () => {
  const s = await session();
  const { page, origin } = s;
  // A complete plan, opened from the current version's fixture.
  await choose(page, origin, join(FIXTURES, 'borrador-v5.json'));
  await page.waitForSelector('#borrador-elegido');
  await page.getByRole('button', { name: 'Abrir este borrador' }).click();
  await page.waitForURL('**/plan');
  original = await downloadDraft(page, origin, 'reabrir-origen.json');
  const fixture = JSON.parse(await readFile(join(FIXTURES, 'borrador-v5.json'), 'utf8'));
  assert.deepEqual(original.plan, fixture.plan, 'the fixture opened whole');

  await page.goto(origin + '/plan/revisar');
  await ready(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exportar PDF' }).click(),
  ]);
  exported = join(OUT, 'reabrir.pdf');
  await download.saveAs(exported);

  // The tools people use see the attachment and a valid file.
  execFileSync('qpdf', ['--check', exported]);
  const list = execFileSync('pdfdetach', ['-list', exported]).toString('utf8');
  assert.match(list, /1: borrador\.json/);
  const attached = join(OUT, 'reabrir-adjunto.json');
  execFileSync('pdfdetach', ['-save', '1', '-o', attached, exported]);
  const inside = JSON.parse(await readFile(attached, 'utf8'));
  assert.equal(inside.format, FORMAT);
  assert.deepEqual(inside.plan, original.plan, 'the PDF carries the plan as it was');
  assert.deepEqual(inside.unsaved, {}, 'and not the half-typed input of forms');
  assert.deepEqual(s.consoleErrors, []);
  assert.deepEqual(s.foreignRequests, []);
});

test('a fresh browser profile opens that PDF and finds the same plan', async () => {
  assert.ok(exported, 'the first test exported the PDF');
  const s = await session();
  const { page, origin } = s;
  await page.goto(origin + '/');
  await ready(page);
  assert.deepEqual((await storedDrafts(page)).drafts, [], 'a fresh profile holds no draft');

  await choose(page, origin, exported);
  await page.waitForSelector('#borrador-elegido');
  await page.waitForFunction(() => document.activeElement?.id === 'borrador-elegido', null, { timeout: 2000 });
  const preview = await page.locator('#borrador-elegido').innerText();
  assert.ok(preview.includes(original.plan.profile.plan_name), preview);
  assert.ok(preview.includes('Querétaro'), preview);
  assert.deepEqual(await axeCheck(s, 'abrir un borrador desde un PDF (vista previa)'), []);
  assert.deepEqual((await storedDrafts(page)).drafts, [], 'nothing stored before confirming');

  await page.getByRole('button', { name: 'Abrir este borrador' }).click();
  await page.waitForURL('**/plan');
  await ready(page);
  assert.ok((await page.locator('main').innerText()).includes('Se abrió el borrador'));
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  await openAllFolds(page);
  const review = await page.locator('main').innerText();
  for (const c of original.plan.commitments) assert.ok(review.includes(c.name), `review shows "${c.name}"`);

  // Stored: exactly the exported plan.
  await page.waitForFunction((f) => Object.keys(localStorage).some((k) => {
    try { return JSON.parse(localStorage.getItem(k))?.format === f; } catch { return false; }
  }), FORMAT, { timeout: 5000 });
  const { drafts } = await storedDrafts(page);
  assert.ok(drafts.some((d) => JSON.stringify(d.plan) === JSON.stringify(original.plan)), 'the stored plan equals the exported one');
  // And the same comes out again as a JSON file.
  const again = await downloadDraft(page, origin, 'reabrir-de-nuevo.json');
  assert.deepEqual(again.plan, original.plan);
  assert.deepEqual(s.consoleErrors, []);
  assert.deepEqual(s.foreignRequests, []);
  assert.deepEqual(s.axeViolations, []);
});

test('PDFs made by something else get the clear message and change nothing', async () => {
  const s = sessions[1] ?? (await session());
  const { page, origin } = s;
  const before = (await storedDrafts(page)).all;
  const handMade = join(OUT, 'hecho-a-mano.pdf');
  await writeFile(handMade, handMadePdf());
  execFileSync('qpdf', ['--check', handMade]);
  // A real PDF of another program: Chromium's own print to PDF.
  const printed = join(OUT, 'impreso-por-chromium.pdf');
  await page.goto(origin + '/');
  await ready(page);
  await page.pdf({ path: printed });
  for (const file of [handMade, printed]) {
    await choose(page, origin, file);
    await page.waitForFunction(
      () => /Este PDF no contiene un borrador de esta herramienta/.test(document.querySelector('#resumen-errores')?.innerText ?? ''),
      null,
      { timeout: 10000 },
    );
    await page.waitForFunction(() => document.activeElement?.id === 'resumen-errores', null, { timeout: 2000 });
    const message = await page.locator('#resumen-errores').innerText();
    assert.match(message, /otro programa/, 'says who made it');
    assert.match(message, /«Exportar PDF»/, 'says what to do');
    assert.match(await page.title(), /^Error: /);
    assert.equal(await page.locator('#borrador-elegido').count(), 0, 'no preview');
  }
  assert.deepEqual(await axeCheck(s, 'abrir un borrador (PDF ajeno)'), []);
  assert.deepEqual((await storedDrafts(page)).all, before, 'storage did not change');
  assert.deepEqual(s.consoleErrors, []);
  assert.deepEqual(s.foreignRequests, []);
  assert.deepEqual(s.axeViolations, []);
});
