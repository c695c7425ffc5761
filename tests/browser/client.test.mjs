// ManagementClient in headless Chromium (bundled by esbuild) against the local tenant, cross-origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPage, serveDir, runPage } from './harness.mjs';
import { startTenant } from '../../tenant/server.mjs';

let server;
let tenant;
let pageUrl;
before(async () => {
  tenant = await startTenant({ seed: { bulk: 120 } });
  const dir = await buildPage({ entry: fileURLToPath(new URL('./client-page.mjs', import.meta.url)), name: 'client' });
  server = await serveDir(join(dir, '..'), { control: tenant.origin });
  pageUrl = `${server.url}/client/index.html?tenant=${encodeURIComponent(tenant.origin)}`;
});
after(async () => {
  await server?.close();
  await tenant?.close();
});

test('list, for-await, create, a retried 429, Okta and a burst paced by the rate limiter in Chromium', async () => {
  const report = await runPage(pageUrl);
  for (const check of report.checks) assert.ok(check.ok, `${check.name}: ${check.detail}`);
  assert.equal(report.checks.length, 11);
});
