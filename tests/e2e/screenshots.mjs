// Developer tool (not a test): screenshots of every page, to look at them.
// Usage: node screenshots.mjs [distDir] → tests/e2e/out/shots/*.png
import { startSession, endSession, ready, OUT } from './harness.mjs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const s = await startSession();
const dir = join(OUT, 'shots');
await mkdir(dir, { recursive: true });
const { page, origin } = s;
const shot = async (name, width = 1280) => {
  await page.setViewportSize({ width, height: 900 });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
};
await page.goto(origin + '/'); await ready(page); await shot('01-inicio');
await page.goto(origin + '/plan'); await ready(page); await shot('02-tareas');
await page.goto(origin + '/plan/perfil'); await ready(page); await shot('03-perfil');
await page.click('button[type=submit]'); await page.waitForSelector('#resumen-errores'); await shot('04-perfil-errores');
await page.check('#tipo-jurisdiccion-municipio');
await page.fill('#nombre-jurisdiccion', 'Santiago de Querétaro');
await page.fill('#clave-inegi', '22014');
await page.fill('#nombre-plan', 'Plan de Acción Local de Gobierno Abierto 2025-2027');
await page.fill('#inicio-plan', '10/12/2025');
await page.fill('#termino-plan', '31/08/2027');
await page.click('button[type=submit]'); await page.waitForURL('**/plan/compromisos'); await ready(page);
await shot('05-compromisos-vacio');
await page.goto(origin + '/plan/compromisos/nuevo'); await ready(page);
await page.fill('#nombre-compromiso', 'Estrategia subnacional de gobierno abierto');
await page.fill('#inicio-compromiso', '02/01/2026');
await page.fill('#termino-compromiso', '31/12/2027');
await page.click('button[type=submit]'); await page.waitForSelector('#resumen-errores'); await shot('06-compromiso-error');
await page.fill('#termino-compromiso', '31/07/2027');
await page.click('button[type=submit]'); await page.waitForURL('**/plan/compromisos'); await ready(page);
await shot('07-compromisos-uno');
await page.goto(origin + '/plan'); await ready(page); await shot('08-tareas-avance');
await shot('08b-tareas-movil', 380);
await page.goto(origin + '/plan/revisar'); await ready(page); await shot('09-revisar');
await page.goto(origin + '/abrir'); await ready(page); await shot('10-abrir');
await page.goto(origin + '/no-existe'); await ready(page); await shot('11-404');
console.log('errors:', s.consoleErrors, 'foreign:', s.foreignRequests);
await endSession(s);
