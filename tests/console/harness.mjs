// The console suites' setup: the console built with the demo's credentials, served by a local
// tenant, open in headless Chromium and connected.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsole } from '../../www/build.mjs';
import { launchChromium } from '../browser/harness.mjs';
import { startTenant } from '../../tenant/server.mjs';

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the console suites save their screenshots. */
export const shots = join(root, 'tests', 'artifacts', 'console');

/**
 * Builds the console into target/<name>, starts a tenant serving it (`prepare(tenant, page)` runs
 * before the page loads), opens it in Chromium and waits until it is connected. Returns
 * `{ tenant, browser, page, close }`.
 */
export async function openConsole(name, { seed, prepare, viewport = { width: 1280, height: 860 } } = {}) {
  mkdirSync(shots, { recursive: true });
  const staticDir = await buildConsole({ outDir: join(root, 'target', name), demo: { token: 'local-token', oktaToken: 'local-okta-token' } });
  const tenant = await startTenant({ staticDir, seed });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => console.log(`# page error: ${error.message}`));
  await prepare?.(tenant, page);
  await page.goto(`${tenant.origin}/`);
  await page.getByText('Connected: embedded local tenant').waitFor();
  const close = async () => {
    await browser.close();
    await tenant.close();
  };
  return { tenant, browser, page, close };
}
