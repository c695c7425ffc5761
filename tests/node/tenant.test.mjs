// The local tenant itself, over plain fetch: the behaviour the other suites, the demo and the
// benchmarks rely on.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startTenant } from '../../tenant/server.mjs';

let tenant;
const auth = { authorization: 'Bearer local-token' };
const api = (path, init = {}) => fetch(`${tenant.origin}/api/v2${path}`, { ...init, headers: { ...auth, 'content-type': 'application/json', ...init.headers } });

before(async () => {
  tenant = await startTenant({ seed: { bulk: 250 } });
});
after(() => tenant.close());
beforeEach(() => tenant.clearFaults());

test('checkpoint and offset paging', async () => {
  const ids = [];
  let from;
  do {
    const page = await (await api(`/connections?take=100${from ? `&from=${from}` : ''}`)).json();
    ids.push(...page.connections.map((c) => c.id));
    from = page.next;
  } while (from);
  assert.equal(new Set(ids).size, 250);
  const offset = await (await api('/connections?per_page=100&page=2&include_totals=true')).json();
  assert.deepEqual([offset.total, offset.start, offset.limit, offset.connections.length], [250, 200, 100, 50]);
  assert.ok(Array.isArray(await (await api('/connections?per_page=5')).json()));
  assert.equal((await api('/connections?per_page=100&page=10')).status, 400, 'offset paging stops at 1000 records');
});

test('creates, refuses duplicates and bodies the official schema refuses', async () => {
  const created = await api('/connections', { method: 'POST', body: JSON.stringify({ name: 'tenant-test', strategy: 'auth0' }) });
  assert.equal(created.status, 201);
  assert.equal((await api('/connections', { method: 'POST', body: JSON.stringify({ name: 'tenant-test', strategy: 'auth0' }) })).status, 409);
  const bad = await api('/connections', { method: 'POST', body: JSON.stringify({ name: 'x', strategy: 'auth0', colour: 'red' }) });
  assert.equal(bad.status, 400);
  const body = await bad.json();
  assert.deepEqual(Object.keys(body).sort(), ['error', 'errorCode', 'message', 'statusCode']);
});

test('auth: static token, client credentials, 401 otherwise', async () => {
  assert.equal((await fetch(`${tenant.origin}/api/v2/connections`)).status, 401);
  const token = await (await fetch(`${tenant.origin}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'local-client', client_secret: 'local-secret', audience: 'x' }) })).json();
  assert.ok(token.access_token && token.expires_in > 0);
  assert.equal((await fetch(`${tenant.origin}/api/v2/connections?take=1`, { headers: { authorization: `Bearer ${token.access_token}` } })).status, 200);
  const logged = tenant.requests.find((r) => r.rawPath === '/oauth/token');
  assert.equal(logged.body.client_secret, '[redacted]', 'the log keeps no secret');
  assert.ok(tenant.requests.every((r) => !JSON.stringify(r).includes('local-token')));
});

test('faults: status with headers, raw bodies, drops, hangs, probability; over HTTP too', async () => {
  tenant.inject({ method: 'GET', path: '/api/v2/connections', status: 429, headers: { 'retry-after': '3' } });
  const limited = await api('/connections');
  assert.deepEqual([limited.status, limited.headers.get('retry-after')], [429, '3']);
  tenant.inject({ path: /\/connections$/, status: 502, body: '<html>bad gateway</html>' });
  assert.equal(await (await api('/connections')).text(), '<html>bad gateway</html>');
  tenant.inject({ path: '/api/v2/connections', drop: true });
  await assert.rejects(api('/connections'));
  tenant.inject({ path: '/api/v2/connections', hang: true });
  await assert.rejects(api('/connections', { signal: AbortSignal.timeout(200) }));
  await fetch(`${tenant.origin}/__control/faults`, { method: 'POST', body: JSON.stringify({ path: '/api/v2/connections', status: 503, times: 2 }) });
  assert.deepEqual([(await api('/connections')).status, (await api('/connections')).status, (await api('/connections?take=1')).status], [503, 503, 200]);
  tenant.inject({ path: '/api/v2/connections', status: 429, times: Infinity, probability: 0.3 });
  let limitedCount = 0;
  for (let i = 0; i < 200; i += 1) limitedCount += (await api('/connections?take=1')).status === 429 ? 1 : 0;
  assert.ok(limitedCount > 30 && limitedCount < 90, `about 30% limited: ${limitedCount}`);
});

test('the request log keeps raw paths; CORS answers preflights', async () => {
  await api('/connections/a%2Fb%3Fc');
  assert.equal(tenant.requests.at(-1).rawPath, '/api/v2/connections/a%2Fb%3Fc');
  assert.equal(tenant.requests.at(-1).status, 404);
  const preflight = await fetch(`${tenant.origin}/api/v2/connections`, { method: 'OPTIONS' });
  assert.equal(preflight.status, 204);
  assert.match(preflight.headers.get('access-control-allow-headers'), /authorization/);
  const logged = await (await fetch(`${tenant.origin}/__control/requests`)).json();
  assert.ok(logged.length >= 1);
});

test('Okta: SSWS auth, the three sample apps, 204 lifecycle answers', async () => {
  const okta = (path, init = {}) => fetch(`${tenant.origin}/api/v1/apps/${path}`, { ...init, headers: { authorization: 'SSWS local-okta-token', 'content-type': 'application/json' } });
  const org2org = await (await okta('0oa-org2org/connections/default')).json();
  assert.equal(org2org.profile, undefined);
  assert.deepEqual(await (await okta('0oa-unknown/connections/default')).json(), { status: 'UNKNOWN', profile: { authScheme: 'UNKNOWN' } });
  const activated = await okta('0oa-org2org/connections/default/lifecycle/activate', { method: 'POST' });
  assert.deepEqual([activated.status, activated.headers.get('content-type'), await activated.text()], [204, null, '']);
  const missing = await okta('nope/connections/default');
  assert.equal((await missing.json()).errorCode, 'E0000007');
  assert.ok(missing.headers.get('x-okta-request-id'));
});
