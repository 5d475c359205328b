// The start page paints before any script runs (issue 21): its heading and
// lead are in the served HTML, so the largest paint does not wait for the
// WebAssembly; once the app starts, the static copy is gone and the page has
// one heading, the app's, with the same words. On any other address the
// static copy never shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, endSession, ready, assertClean, arriver } from './harness.mjs';

const HEADING = 'Elabore el plan de acción local de gobierno abierto de su estado o municipio';

let s;
before(async () => { s = await startSession(); });
after(async () => { if (s) await endSession(s); });

const arrive = arriver(() => s);

test('the start page is in the served HTML, and the app takes its place', async () => {
  const { page, origin } = s;
  // What the server sends, before any script.
  const html = await (await fetch(origin + '/')).text();
  assert.ok(html.includes(`<h1 class="heading-xl">${HEADING}</h1>`), 'the heading is in the HTML');
  assert.match(html, /<p class="lead">Esta herramienta le guía paso a paso/);

  // With scripts off, a browser shows it (and the notice that the tool needs them).
  const noScript = await s.context.browser().newContext({ javaScriptEnabled: false });
  const bare = await noScript.newPage();
  await bare.goto(origin + '/');
  assert.equal(await bare.locator('h1').innerText(), HEADING);
  await bare.goto(origin + '/plan/perfil');
  assert.equal(await bare.locator('h1').count(), 1, 'the static start page shows without scripts on any address');
  await noScript.close();

  // With scripts, the app replaces it: one heading, the app's.
  await page.goto(origin + '/');
  await arrive(page, '**/', 'inicio');
  assert.equal(await page.locator('#portada').count(), 0, 'the static copy is gone');
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.locator('main h1').innerText(), HEADING);

  // Another address never paints the start page: it is removed before the first paint.
  // (By the time the document is parsed, before the app starts, the inline
  // script right after it has removed it.)
  await page.goto(origin + '/plan/perfil', { waitUntil: 'domcontentloaded' });
  const shown = await page.evaluate(() => document.getElementById('portada') !== null);
  assert.equal(shown, false);
  await ready(page);
  assertClean(s);
});
