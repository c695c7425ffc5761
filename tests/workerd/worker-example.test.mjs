// The Cloudflare Worker example, bundled as wrangler bundles it and run in real workerd against
// the local tenant: a validation refusal, a create, a paged listing, a retried 429.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startWorker } from './harness.mjs';
import { startTenant } from '../../tenant/server.mjs';

let tenant;
let worker;
before(async () => {
  tenant = await startTenant({ seed: { bulk: 230 } });
  worker = await startWorker({
    entry: fileURLToPath(new URL('../../examples/cloudflare-worker/src/worker.js', import.meta.url)),
    name: 'example',
    bindings: { AUTH0_DOMAIN: tenant.origin, AUTH0_CLIENT_ID: 'local-client', AUTH0_CLIENT_SECRET: 'local-secret' },
  });
});
after(async () => {
  await worker?.close();
  await tenant?.close();
});

const post = (body) => fetch(`${worker.url}/connections`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

test('an invalid body is refused at the edge with its issues, and never reaches Auth0', async () => {
  const before = tenant.requests.length;
  const response = await post({ name: 'bad--name', strategy: 'nope', metadata: { a: 'x'.repeat(300) } });
  assert.equal(response.status, 400);
  const { issues } = await response.json();
  assert.deepEqual(issues.map((i) => i.code), ['pattern', 'enum', 'too_long']);
  assert.equal((await post('{"name": ')).status, 400);
  assert.equal(tenant.requests.length, before, 'nothing was forwarded');
});

test('a valid body is created with a client-credentials token cached across requests', async () => {
  const first = await post({ name: 'edge-created', strategy: 'auth0' });
  assert.equal(first.status, 201);
  assert.equal((await first.json()).name, 'edge-created');
  const second = await post({ name: 'edge-created-2', strategy: 'samlp' });
  assert.equal(second.status, 201);
  assert.equal(tenant.requests.filter((r) => r.rawPath === '/oauth/token').length, 1, 'one token for both requests');
  const duplicate = await post({ name: 'edge-created', strategy: 'auth0' });
  assert.equal(duplicate.status, 409);
  assert.equal((await duplicate.json()).errorCode, 'connection_conflict');
});

test('GET /connections pages through every connection, retrying a 429', async () => {
  tenant.inject({ method: 'GET', path: '/api/v2/connections', status: 429, headers: { 'retry-after': '0' }, times: 1 });
  const response = await fetch(`${worker.url}/connections?take=50`);
  assert.equal(response.status, 200);
  const { count, connections } = await response.json();
  assert.equal(count, 232);
  assert.equal(new Set(connections.map((c) => c.id)).size, 232);
  const listings = tenant.requests.filter((r) => r.method === 'GET' && r.rawPath.startsWith('/api/v2/connections?'));
  assert.ok(listings.some((r) => r.status === 429), 'the 429 happened');
  assert.equal(listings.filter((r) => r.status === 200).length, 5, '5 pages of 50');
});
