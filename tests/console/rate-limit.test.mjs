// The console against a rate-limited tenant (issue 21): "Load all" pages 150 connections through a
// bucket of 3 refilling 20/s; the console says it is waiting for the rate limit, every row arrives,
// and the clients' limiter keeps the tenant's 429s to at most one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsole } from '../../www/build.mjs';
import { launchChromium } from '../browser/harness.mjs';
import { startTenant } from '../../tenant/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let tenant;
let browser;
let page;

before(async () => {
  mkdirSync(join(root, 'tests', 'artifacts', 'console'), { recursive: true });
  const staticDir = await buildConsole({ outDir: join(root, 'target', 'console-rate-limit'), demo: { token: 'local-token', oktaToken: 'local-okta-token' } });
  tenant = await startTenant({ staticDir, seed: { bulk: 150 } });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${tenant.origin}/`);
  await page.getByText('Connected: embedded local tenant').waitFor();
  await page.getByText('25 loaded, more available').waitFor();
});

after(async () => {
  await browser?.close();
  await tenant?.close();
});

test('Load all through a small bucket: a "waiting for the rate limit" notice, every row, at most one 429', async () => {
  tenant.setRateLimit({ size: 3, refillPerSecond: 20 });
  await page.getByRole('button', { name: 'Load all' }).click();
  await page.getByText('Waiting for the rate limit…').first().waitFor();
  await page.getByText('150 loaded (all; 125 just now)').waitFor();
  assert.equal(await page.locator('tbody tr').count(), 150);
  const refused = tenant.requests.filter((r) => r.status === 429).length;
  assert.ok(refused <= 1, `${refused} 429 answers`);
  await page.screenshot({ path: join(root, 'tests', 'artifacts', 'console', 'rate-limit-load-all.png'), fullPage: true });
});
