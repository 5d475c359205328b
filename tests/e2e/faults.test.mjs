// Faults a real office computer produces: a tab closed right after typing,
// full storage, storage disabled, and hostile or broken files to open.
// Each test would fail if its protection were removed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, ready, axeCheck, assertClean, OUT, storedDraft, waitForDraft, INDEX_KEY, openAllFolds } from './harness.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const stored = (page) => storedDraft(page);
const storedIndex = (page) => page.evaluate((k) => localStorage.getItem(k), INDEX_KEY);

test('typing then closing the tab within a second loses nothing', async () => {
  const { context, origin } = s;
  const page = await context.newPage();
  await page.goto(origin + '/plan/perfil');
  await ready(page);
  await page.focus('#nombre-plan');
  await page.keyboard.type('Escrito justo antes de cerrar');
  // Well under the 600 ms autosave delay: only the pagehide save can keep it.
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(origin + '/plan/perfil');
  await ready(again);
  assert.equal(await again.inputValue('#nombre-plan'), 'Escrito justo antes de cerrar');
  await again.close();
});

test('full storage: a banner, the saved draft intact, the download still works', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/plan/perfil');
  await ready(page);
  await waitForDraft(page, () => true);
  const before = await stored(page);
  const indexBefore = await storedIndex(page);
  // Fill the origin's quota with other data.
  const filled = await page.evaluate(() => {
    // Large chunks first, then smaller ones, until not one more byte fits.
    let n = 0;
    let last = 'none';
    for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`relleno-${n++}`, chunk); } catch (e) { last = e.name; break; }
      }
    }
    return { n, name: last };
  });
  assert.equal(filled.name, 'QuotaExceededError', 'the quota was reached');
  await page.focus('#nombre-plan');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Cambio que no cabe '.repeat(40));
  await page.waitForSelector('text=El almacenamiento de este navegador está lleno', { timeout: 4000 });
  assert.deepEqual(await axeCheck(s, 'perfil con el almacenamiento lleno'), []);
  assert.equal(await stored(page), before, 'what was saved before is intact');
  assert.equal(await storedIndex(page), indexBefore, 'and the index still points to it');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.banner').getByRole('button', { name: 'Descargar borrador (JSON)' }).click(),
  ]);
  const path = join(OUT, 'lleno.json');
  await download.saveAs(path);
  const json = JSON.parse(await readFile(path, 'utf8'));
  assert.ok(json.unsaved.perfil['nombre-plan'].startsWith('Cambio que no cabe'), 'the download has the unsaved change');
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('relleno-')) localStorage.removeItem(k); });
});

test('storage disabled: the app works in memory and says so', async () => {
  const { context, origin } = s;
  const page = await context.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('Acceso denegado', 'SecurityError'); } });
  });
  await page.goto(origin + '/plan/perfil');
  await ready(page);
  const banner = page.locator('.banner', { hasText: 'Este navegador no permite guardar datos' });
  await banner.waitFor();
  assert.match(await page.locator('#estado-guardado').innerText(), /El borrador no se guarda en este navegador/);
  assert.deepEqual(await axeCheck(s, 'perfil sin almacenamiento', page), []);
  // A mark on this document: it is gone if anything below reloads the page
  // (a reload would lose the draft, which lives only in this page's memory).
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.check('#tipo-jurisdiccion');
  await page.selectOption('#estado', '22');
  await page.fill('#nombre-plan', 'Plan en memoria');
  await page.fill('#inicio-plan', '01/01/2026');
  await page.fill('#termino-plan', '31/12/2027');
  await page.click('main button[type=submit]');
  await page.waitForURL('**/plan/perfil/contacto');
  await ready(page);
  // Back to the profile by its link, inside the app: the saved answers are there.
  await page.locator('main a.back-link').click();
  await page.waitForURL('**/plan/perfil');
  await ready(page);
  assert.equal(await page.inputValue('#nombre-plan'), 'Plan en memoria');
  assert.equal(await page.inputValue('#inicio-plan'), '01/01/2026');
  assert.equal(await page.inputValue('#estado'), '22');
  // The task list counts it, and the browser's back button returns to it.
  await page.locator('main a.back-link').click();
  await page.waitForURL(origin + '/plan');
  await ready(page);
  assert.match(await page.locator('main').innerText(), /Perfil de la jurisdicción\n[^\n]*\nEn curso/);
  await page.goBack();
  await page.waitForURL('**/plan/perfil');
  await ready(page);
  assert.equal(await page.inputValue('#termino-plan'), '31/12/2027');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page was reloaded');
  assert.ok(await banner.isVisible(), 'the page still says storage is off');
  assert.match(await page.locator('#estado-guardado').innerText(), /El borrador no se guarda en este navegador/);
  await page.close();
});

test('bad or hostile files never change the draft; old versions open; text stays text', async () => {
  const { page, origin } = s;
  await page.goto(origin + '/abrir');
  await ready(page);
  const before = await stored(page);
  const big = join(OUT, 'enorme.json');
  await writeFile(big, '{"format":"plan-local-gobierno-abierto","x":"' + 'a'.repeat(50 * 1024 * 1024) + '"}');
  const deep = join(OUT, 'profundo.json');
  await writeFile(deep, '['.repeat(100000) + ']'.repeat(100000));
  const newer = join(OUT, 'version-futura.json');
  const v1 = JSON.parse(await readFile(join(FIXTURES, 'borrador-v1.json'), 'utf8'));
  await writeFile(newer, JSON.stringify({ ...v1, schema_version: 99 }));
  const pdf = join(OUT, 'otro.pdf');
  await writeFile(pdf, '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
  const cases = [
    [big, /pesa .* KB y el máximo es/],
    [deep, /no es JSON/],
    [newer, /versión más reciente de esta herramienta/],
    [pdf, /Este PDF no contiene un borrador/],
  ];
  for (const [file, message] of cases) {
    await page.setInputFiles('#archivo-borrador', file);
    await page.waitForFunction((m) => new RegExp(m).test(document.querySelector('#resumen-errores')?.innerText ?? ''), message.source, { timeout: 10000 });
  }
  assert.equal(await stored(page), before, 'no bad file changed the stored draft');

  // Every earlier version opens (after confirming).
  for (const v of ['borrador-v1.json', 'borrador-v2.json']) {
    await page.setInputFiles('#archivo-borrador', join(FIXTURES, v));
    await page.waitForSelector('#borrador-elegido');
    assert.match(await page.locator('#borrador-elegido').innerText(), /Plan de Acción Local de Gobierno Abierto 2025-2027/);
  }

  // Script and HTML in texts show as text and never run.
  const hostile = structuredClone(v1);
  hostile.plan.profile.plan_name = '<script>window.__pwned = 1</script> Plan';
  hostile.plan.commitments[0].name = '<img src=x onerror="window.__pwned = 2">';
  const file = join(OUT, 'hostil.json');
  await writeFile(file, JSON.stringify(hostile));
  await page.setInputFiles('#archivo-borrador', file);
  await page.waitForSelector('#borrador-elegido');
  await page.getByRole('button', { name: 'Abrir este borrador' }).click();
  await page.waitForURL('**/plan');
  await page.goto(origin + '/plan/revisar');
  await ready(page);
  await openAllFolds(page);
  const text = await page.locator('main').innerText();
  assert.ok(text.includes('<script>window.__pwned = 1</script> Plan'), 'the script is shown as text');
  assert.ok(text.includes('<img src=x onerror="window.__pwned = 2">'), 'the tag is shown as text');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
  assert.equal(await page.locator('main img').count(), 0, 'no element was created from the text');
});

test('fault session: no console errors, no foreign requests, axe clean, on any of its pages', () => {
  // Chromium reports the failed quota write itself as no console error; ours are none.
  assertClean(s);
  assert.ok(s.pagesWatched >= 4, `${s.pagesWatched} pages watched`);
});
