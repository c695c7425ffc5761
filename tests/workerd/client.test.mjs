// ManagementClient inside real workerd against the local tenant on loopback.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startWorker } from './harness.mjs';
import { startTenant } from '../../tenant/server.mjs';

let worker;
let tenant;
before(async () => {
  tenant = await startTenant({ seed: { bulk: 120 } });
  worker = await startWorker({ entry: fileURLToPath(new URL('./worker.mjs', import.meta.url)), name: 'client', bindings: { TENANT: tenant.origin } });
});
after(async () => {
  await worker?.close();
  await tenant?.close();
});

test('list, for-await, create, a retried 429, Okta and a burst paced by the rate limiter in workerd', async () => {
  const response = await fetch(`${worker.url}/suite/client`);
  const report = await response.json();
  assert.equal(response.status, 200, report.error);
  for (const check of report.checks) assert.ok(check.ok, `${check.name}: ${check.detail}`);
  assert.equal(report.checks.length, 11);
});
