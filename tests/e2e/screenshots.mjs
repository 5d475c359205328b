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
await page.selectOption('#estado', '22');
await page.fill('#municipio', 'quer');
await page.check('#municipio-22014');
await shot('03b-perfil-municipio');
await page.fill('#nombre-plan', 'Plan de Acción Local de Gobierno Abierto 2025-2027');
await page.fill('#inicio-plan', '10/12/2025');
await page.fill('#termino-plan', '31/08/2027');
await page.click('button[type=submit]'); await page.waitForURL('**/plan/perfil/contacto'); await ready(page);
await page.goto(origin + '/plan/compromisos'); await ready(page); await shot('05-compromisos-vacio');
await page.goto(origin + '/plan/compromisos/nuevo'); await ready(page);
await page.click('button[type=submit]'); await page.waitForSelector('#resumen-errores'); await shot('06-compromiso-error');
await page.goto(origin + '/plan'); await ready(page); await shot('08-tareas-avance');
await shot('08b-tareas-movil', 380);
await page.goto(origin + '/plan/revisar'); await ready(page); await shot('09-revisar');
await page.goto(origin + '/abrir'); await ready(page); await shot('10-abrir');
await page.goto(origin + '/fuentes'); await ready(page); await shot('12-fuentes');
await page.goto(origin + '/no-existe'); await ready(page); await shot('11-404');
// Mis borradores: two drafts, a copy, the delete confirmation, a phone, the rename page.
await page.goto(origin + '/borradores'); await ready(page); await shot('13-borradores-uno');
await page.getByRole('button', { name: 'Crear un borrador nuevo' }).click(); await page.waitForURL('**/plan'); await ready(page);
await shot('13b-tareas-borrador-nuevo');
await page.goto(origin + '/borradores'); await ready(page);
await page.locator('table.drafts tbody tr').nth(1).getByRole('button', { name: /^Duplicar/ }).click();
await page.waitForSelector('#aviso-borradores'); await shot('14-borradores-copia');
await page.locator('table.drafts tbody tr').nth(0).getByRole('button', { name: /^Eliminar/ }).click();
await page.waitForSelector('#confirmar-eliminar'); await shot('15-borradores-confirmar');
await shot('15b-borradores-movil', 380);
await page.setViewportSize({ width: 1280, height: 900 });
await page.goto(origin + '/borradores/1/nombre'); await ready(page); await shot('16-nombre');
await page.fill('#nombre-borrador', ''); await page.click('main button[type=submit]');
await page.waitForSelector('#resumen-errores'); await shot('17-nombre-error');
console.log('errors:', s.consoleErrors, 'foreign:', s.foreignRequests);
await endSession(s);
