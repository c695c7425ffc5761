// The console against a rate-limited tenant (issue 21): "Load all" pages 150 connections through a
// bucket of 3 refilling 20/s; the console says it is waiting for the rate limit, every row arrives,
// and the clients' limiter keeps the tenant's 429s to at most one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openConsole, shots } from './harness.mjs';

let tenant;
let page;
let close;

before(async () => {
  ({ tenant, page, close } = await openConsole('console-rate-limit', { seed: { bulk: 150 } }));
  await page.getByText('25 loaded, more available').waitFor();
});

after(() => close?.());

test('Load all through a small bucket: a "waiting for the rate limit" notice, every row, at most one 429', async () => {
  tenant.setRateLimit({ size: 3, refillPerSecond: 20 });
  await page.getByRole('button', { name: 'Load all' }).click();
  await page.getByText('Waiting for the rate limit…').first().waitFor();
  await page.getByText('150 loaded (all; 125 just now)').waitFor();
  assert.equal(await page.locator('tbody tr').count(), 150);
  const refused = tenant.requests.filter((r) => r.status === 429).length;
  assert.ok(refused <= 1, `${refused} 429 answers`);
  await page.screenshot({ path: join(shots, 'rate-limit-load-all.png'), fullPage: true });
});
