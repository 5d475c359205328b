// The start page paints before any script runs (issue 21): its heading and
// lead are in the served HTML, so the largest paint does not wait for the
// WebAssembly; once the app starts, the static copy is gone and the page has
// one heading, the app's, with the same words. On any other address the
// static copy's header shows with a loading notice instead of its words.
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

  // Another address never paints the start page's words: the inline script
  // right after them puts a loading notice in their place before the first
  // paint, so the header and the notice show while the app arrives.
  // Read at DOMContentLoaded inside the page: with the bundle in the
  // browser's cache, the app may already be in place when the test asks later.
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    window.__early = {
      start: document.getElementById('portada-inicio') !== null,
      notice: document.getElementById('portada-cargando')?.hidden === false
        ? document.getElementById('portada-cargando').innerText : null,
      header: document.querySelector('#portada header')?.innerText ?? null,
    };
  }));
  await page.goto(origin + '/plan/perfil', { waitUntil: 'domcontentloaded' });
  const early = await page.evaluate(() => window.__early);
  assert.equal(early.start, false, 'no start page on another address');
  assert.match(early.notice ?? '', /^Cargando la herramienta/);
  assert.match(early.header ?? '', /Plan de acción local de gobierno abierto/);
  await ready(page);
  assert.equal(await page.locator('#portada').count(), 0, 'the notice is gone once the app shows');
  assert.equal(await page.locator('h1').count(), 1);
  assertClean(s);
});
