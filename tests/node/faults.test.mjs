// Faults on the local tenant, through the installed package: nothing lost or duplicated under
// rate limits and 5xx, hung responses become timeouts, broken bodies become api errors with the
// status, POSTs are never repeated after a 5xx, and the caller's abort ends a call at once.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { ManagementClient } from 'idp-connections';
import { startTenant } from '../../tenant/server.mjs';
import { failure } from './failure.mjs';

let tenant;
let client;

before(async () => {
  tenant = await startTenant({ seed: { bulk: 10_000 } });
  client = new ManagementClient({ domain: tenant.origin, token: 'local-token', maxRetries: 10 });
});

after(() => tenant.close());

beforeEach(() => tenant.clearFaults());

/** Requests the tenant logged for `method` whose raw path starts with `prefix`. */
const logged = (method, prefix) => tenant.requests.filter((r) => r.method === method && r.rawPath.startsWith(prefix));

test('10,000 connections under 30% 429s and 5% 503s: every item exactly once', async () => {
  const path = '/api/v2/connections';
  tenant.inject({ method: 'GET', path, times: Infinity, probability: 0.3, status: 429, headers: { 'retry-after': '0' } });
  tenant.inject({ method: 'GET', path, times: Infinity, probability: 0.05, status: 503, headers: { 'retry-after': '0' } });
  const before = logged('GET', path).length;
  const seen = new Map();
  let progress = 0;
  const page = await client.connections.list({ take: 100 }, { onProgress: (n) => (progress = n) });
  for await (const connection of page) seen.set(connection.id, (seen.get(connection.id) ?? 0) + 1);
  assert.equal(seen.size, 10_000, 'every connection listed');
  assert.ok([...seen.values()].every((n) => n === 1), 'no connection listed twice');
  assert.equal(progress, 10_000, 'progress reports the items walked');
  const attempts = logged('GET', path).length - before;
  assert.ok(attempts > 100, `faults were injected and retried: ${attempts} requests for 100 pages`);
  console.log(`# 10,000 items over ${attempts} requests for 100 pages`);
});

test('a hung response becomes a timeout error within the timeout + 10%', async () => {
  tenant.inject({ method: 'GET', path: '/api/v2/connections', hang: true });
  const started = performance.now();
  const error = await failure(client.connections.get('con_hang', undefined, { timeoutInSeconds: 1, maxRetries: 0 }));
  const elapsed = performance.now() - started;
  assert.equal(error.kind, 'timeout');
  assert.ok(elapsed >= 950 && elapsed <= 1100, `timed out after ${elapsed.toFixed(0)} ms`);
});

test('truncated JSON, HTML pages, empty bodies and wrong content types become api errors with the status', async () => {
  const cases = [
    { status: 500, body: '{"statusCode":500,"mess', headers: { 'content-type': 'application/json' } },
    { status: 502, body: '<html><body>Bad gateway</body></html>', headers: { 'content-type': 'text/html' } },
    { status: 503, body: '', headers: {} },
    { status: 400, body: 'plain words', headers: { 'content-type': 'application/json' } },
    { status: 200, body: '{"connections": [', headers: { 'content-type': 'application/json' } },
    { status: 200, body: '<!doctype html><p>login</p>', headers: { 'content-type': 'text/html' } },
  ];
  for (const fault of cases) {
    tenant.inject({ method: 'GET', path: '/api/v2/connections', ...fault });
    const error = await failure(client.connections.list({ take: 5 }, { maxRetries: 0 }));
    assert.equal(error.kind, 'api', JSON.stringify(fault));
    assert.equal(error.statusCode, fault.status, JSON.stringify(fault));
    assert.ok(error.message.includes(String(fault.status)) || error.message.length > 0, error.message);
  }
});

test('a 2xx body that is only whitespace is no data; one that is JSON arrives parsed, escapes and all', async () => {
  tenant.inject({ method: 'GET', path: '/api/v2/connections/con_blank', status: 200, body: ' \n\t ', headers: { 'content-type': 'application/json' } });
  assert.equal(await client.connections.get('con_blank'), undefined);
  const body = { id: 'con_text', name: 'ünïcode-😀', strategy: 'auth0', options: { note: 'a "quoted" \\ line\n' } };
  tenant.inject({ method: 'GET', path: '/api/v2/connections/con_text', status: 200, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  assert.deepEqual(await client.connections.get('con_text'), body);
});

test('a POST is never repeated after a 5xx', async () => {
  const before = logged('POST', '/api/v2/connections').length;
  tenant.inject({ method: 'POST', path: '/api/v2/connections', status: 503, times: Infinity, headers: { 'retry-after': '0' } });
  const error = await failure(client.connections.create({ name: 'post-once', strategy: 'auth0' }));
  assert.equal(error.statusCode, 503);
  assert.equal(logged('POST', '/api/v2/connections').length - before, 1, 'exactly one POST reached the tenant');
});

test("the caller's abort ends a call at once, even during a retry wait", async () => {
  tenant.inject({ method: 'GET', path: '/api/v2/connections', status: 429, times: Infinity, headers: { 'retry-after': '30' } });
  const controller = new AbortController();
  const started = performance.now();
  setTimeout(() => controller.abort(new Error('user left the page')), 150);
  const error = await failure(client.connections.list({ take: 5 }, { abortSignal: controller.signal }));
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 1000, `aborted after ${elapsed.toFixed(0)} ms`);
  assert.equal(error.kind, 'network');
  assert.match(String(error.cause?.message ?? error.message), /user left the page|abort/);
});

test('no server at all: a network error naming the request and the socket error, after the retries', async () => {
  const { createServer } = await import('node:net');
  // A port that was free a moment ago: nothing listens there now.
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
  const nowhere = new ManagementClient({ domain: `http://127.0.0.1:${port}`, token: 'local-token', maxRetries: 1 });
  const started = performance.now();
  const error = await failure(nowhere.connections.get('con_x'));
  assert.equal(error.kind, 'network');
  assert.match(error.message, /^network error on GET \/api\/v2\/connections\/con_x: /);
  assert.match(error.message, /ECONNREFUSED/, 'the socket error from fetch\'s cause is in the message');
  assert.ok(!error.message.includes('local-token'));
  assert.ok(performance.now() - started < 10_000, 'the retry waited a bounded time');
});
