// The Cloudflare Worker example, bundled as wrangler bundles it and run in real workerd against
// the local tenant: the gateway's own auth, a validation refusal, a create, a paged listing, a
// retried 429.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startWorker } from './harness.mjs';
import { startTenant } from '../../tenant/server.mjs';

const GATEWAY_TOKEN = 'gateway-test-token';
const entry = fileURLToPath(new URL('../../examples/cloudflare-worker/src/worker.js', import.meta.url));
let tenant;
let worker;
before(async () => {
  tenant = await startTenant({ seed: { bulk: 230 } });
  worker = await startWorker({
    entry,
    name: 'example',
    bindings: { AUTH0_DOMAIN: tenant.origin, AUTH0_CLIENT_ID: 'local-client', AUTH0_CLIENT_SECRET: 'local-secret', GATEWAY_TOKEN },
  });
});
after(async () => {
  await worker?.close();
  await tenant?.close();
});

const admin = { authorization: `Bearer ${GATEWAY_TOKEN}` };
const post = (body) => fetch(`${worker.url}/connections`, { method: 'POST', headers: admin, body: typeof body === 'string' ? body : JSON.stringify(body) });

test('only callers with the gateway token get in; nothing reaches Auth0 otherwise', async () => {
  const before = tenant.requests.length;
  for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Basic ${GATEWAY_TOKEN}` }, { authorization: 'Bearer ' }, { authorization: `Bearer ${GATEWAY_TOKEN}x` }]) {
    const refused = await fetch(`${worker.url}/connections`, { method: 'POST', headers, body: JSON.stringify({ name: 'sneaky', strategy: 'auth0' }) });
    assert.equal(refused.status, 401, JSON.stringify(headers));
    assert.equal(refused.headers.get('www-authenticate'), 'Bearer');
    assert.equal((await refused.json()).error, 'unauthorized');
  }
  assert.equal((await fetch(`${worker.url}/connections`)).status, 401);
  assert.equal(tenant.requests.length, before, 'nothing was forwarded');
  assert.ok(!tenant.state.connections.some((c) => c.name === 'sneaky'));
});

test('a gateway without its GATEWAY_TOKEN secret fails closed', async () => {
  const unconfigured = await startWorker({
    entry,
    name: 'example-unconfigured',
    bindings: { AUTH0_DOMAIN: tenant.origin, AUTH0_CLIENT_ID: 'local-client', AUTH0_CLIENT_SECRET: 'local-secret' },
  });
  try {
    const answer = await fetch(`${unconfigured.url}/connections`, { headers: { authorization: 'Bearer ' } });
    assert.equal(answer.status, 503);
    assert.equal((await answer.json()).error, 'not_configured');
  } finally {
    await unconfigured.close();
  }
});

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
  const response = await fetch(`${worker.url}/connections?take=50`, { headers: admin });
  assert.equal(response.status, 200);
  const { count, connections } = await response.json();
  assert.equal(count, 232);
  assert.equal(new Set(connections.map((c) => c.id)).size, 232);
  const listings = tenant.requests.filter((r) => r.method === 'GET' && r.rawPath.startsWith('/api/v2/connections?'));
  assert.ok(listings.some((r) => r.status === 429), 'the 429 happened');
  assert.equal(listings.filter((r) => r.status === 200).length, 5, '5 pages of 50');
});

test('listing parameters are checked at the edge too', async () => {
  const before = tenant.requests.length;
  for (const [take, code] of [['abc', 'type'], ['1.5', 'type'], ['0', 'too_small'], ['101', 'too_large']]) {
    const answer = await fetch(`${worker.url}/connections?take=${take}`, { headers: admin });
    assert.equal(answer.status, 400, take);
    assert.deepEqual((await answer.json()).issues.map((i) => [i.path.join('.'), i.code]), [['take', code]], take);
  }
  assert.equal(tenant.requests.length, before, 'nothing was forwarded');
});

test('an upstream answer with a null-body status (101, 204, 205, 304) is a 502 with a JSON error', async () => {
  for (const status of [101, 204, 205, 304]) {
    const calls = [
      ['POST', () => post({ name: `edge-null-body-${status}`, strategy: 'auth0' })],
      ['GET', () => fetch(`${worker.url}/connections?take=50`, { headers: admin })],
    ];
    for (const [method, call] of calls) {
      tenant.inject({ method, path: '/api/v2/connections', status, times: 1 });
      const answer = await call();
      const text = await answer.text();
      assert.equal(answer.status, 502, `${method} ${status}: ${text}`);
      assert.match(answer.headers.get('content-type'), /^application\/json/);
      const body = JSON.parse(text);
      assert.equal(typeof body.message, 'string', `${method} ${status}: ${text}`);
      assert.ok(body.error, `${method} ${status}: ${text}`);
    }
  }
  tenant.clearFaults();
  const after = await post({ name: 'edge-after-null-body', strategy: 'auth0' });
  assert.equal(after.status, 201, 'the gateway keeps working');
});

test('request bodies over 1 MiB are refused with a 413 without being read to the end', async () => {
  const before = tenant.requests.length;
  const big = JSON.stringify({ name: 'edge-big', strategy: 'auth0', options: { pad: 'x'.repeat(1024 * 1024) } });
  const declared = await post(big);
  assert.equal(declared.status, 413);
  assert.equal((await declared.json()).error, 'payload_too_large');
  // No Content-Length: streamed in chunks, 16 MiB offered, refused once past the cap.
  let offered = 0;
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
  const stream = new ReadableStream({
    pull(controller) {
      if (offered >= 16 * 1024 * 1024) return controller.close();
      offered += chunk.byteLength;
      controller.enqueue(offered === chunk.byteLength ? new TextEncoder().encode('{"name":"') : chunk);
      return undefined;
    },
  });
  const streamed = await fetch(`${worker.url}/connections`, { method: 'POST', headers: admin, body: stream, duplex: 'half' }).catch((error) => error);
  // The gateway answers 413 as soon as the cap is passed (the sender may see the connection close).
  if (streamed instanceof Response) assert.equal(streamed.status, 413);
  assert.ok(offered < 16 * 1024 * 1024, `reading stopped after ${offered} bytes`);
  const near = await post(JSON.stringify({ name: 'edge-near', strategy: 'auth0', colour: 'x'.repeat(1000 * 1024) }));
  assert.equal(near.status, 400, 'a body under the cap is read and validated');
  assert.equal(tenant.requests.length, before, 'nothing was forwarded');
});
