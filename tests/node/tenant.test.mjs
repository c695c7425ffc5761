// The local tenant itself, over plain fetch: the behaviour the other suites, the demo and the
// benchmarks rely on.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTenant } from '../../tenant/server.mjs';

let tenant;
const auth = { authorization: 'Bearer local-token' };
/** The content type the control endpoints take. */
const JSON_TYPE = { 'content-type': 'application/json' };
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
  await fetch(`${tenant.origin}/__control/faults`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ path: '/api/v2/connections', status: 503, times: 2 }) });
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

test('filters: repeated strategy, name, fields with include_fields both ways; query limits', async () => {
  const both = await (await api('/connections?strategy=samlp&strategy=oidc&per_page=100')).json();
  assert.ok(both.length > 0 && both.every((c) => ['samlp', 'oidc'].includes(c.strategy)));
  assert.ok(new Set(both.map((c) => c.strategy)).size === 2, 'both strategies are kept');
  const named = await (await api('/connections?name=bulk-00007')).json();
  assert.deepEqual(named.map((c) => c.name), ['bulk-00007']);
  const only = await (await api('/connections?take=2&fields=id,name&include_fields=true')).json();
  assert.deepEqual(Object.keys(only.connections[0]).sort(), ['id', 'name']);
  const without = await (await api('/connections?take=2&fields=options,metadata&include_fields=false')).json();
  assert.ok(!('options' in without.connections[0]) && 'name' in without.connections[0]);
  for (const bad of ['strategy=samlp&strategy=not-a-strategy', 'take=0', 'take=101', 'per_page=0', 'page=-1', 'from=nope']) {
    const answer = await api(`/connections?${bad}`);
    assert.equal(answer.status, 400, bad);
    assert.equal((await answer.json()).statusCode, 400);
  }
  // Both paging styles: Auth0 answers 200 in checkpoint form (go-auth0 and Terraform send this).
  const mixed = await (await api('/connections?include_totals=true&per_page=50&take=2')).json();
  assert.equal(mixed.connections.length, 2);
  assert.equal(typeof mixed.next, 'string');
  assert.equal(mixed.total, undefined);
});

test('PATCH replaces options wholesale, as Auth0 does; malformed escapes are a 400', async () => {
  const made = await (await api('/connections', { method: 'POST', body: JSON.stringify({ name: 'wholesale', strategy: 'auth0', options: { brute_force_protection: true, disable_signup: true } }) })).json();
  const patched = await (await api(`/connections/${made.id}`, { method: 'PATCH', body: JSON.stringify({ options: { disable_signup: false } }) })).json();
  assert.deepEqual(patched.options, { disable_signup: false });
  assert.equal((await api(`/connections/${made.id}`, { method: 'DELETE' })).status, 204);
  assert.equal((await api(`/connections/${made.id}`)).status, 404);
  const malformed = await api('/connections/%E0%A4%A');
  assert.deepEqual([malformed.status, (await malformed.json()).errorCode], [400, 'invalid_uri']);
});

test('client credentials: form-encoded too, wrong secrets refused, issued tokens expire', async () => {
  const short = await startTenant({ seed: 'empty', tokenLifetime: 1 });
  try {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'local-client', client_secret: 'local-secret' });
    const issued = await fetch(`${short.origin}/oauth/token`, { method: 'POST', body: form });
    const { access_token: token, expires_in: expiresIn } = await issued.json();
    assert.equal(expiresIn, 1);
    const list = () => fetch(`${short.origin}/api/v2/connections`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal((await list()).status, 200);
    const wrong = await fetch(`${short.origin}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'local-client', client_secret: 'nope' }) });
    assert.equal(wrong.status, 401);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const expired = await list();
    assert.deepEqual([expired.status, (await expired.json()).errorCode], [401, 'invalid_token']);
  } finally {
    await short.close();
  }
});

test('faults: delays hold the answer; control endpoints clear faults and reset the seed', async () => {
  tenant.inject({ method: 'GET', path: '/api/v2/connections', delayMs: 300 });
  const started = Date.now();
  assert.equal((await api('/connections?take=1')).status, 200);
  assert.ok(Date.now() - started >= 290, 'the delayed answer came late');
  await fetch(`${tenant.origin}/__control/faults`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ path: { regexp: '^/api/v2/connections$' }, status: 500, times: 'Infinity' }) });
  assert.equal((await api('/connections')).status, 500);
  assert.equal((await fetch(`${tenant.origin}/__control/faults`, { method: 'DELETE', headers: JSON_TYPE })).status, 204);
  assert.equal((await api('/connections?take=1')).status, 200);
  tenant.inject({ path: '/api/v2/connections', status: 503, body: { message: 'down' } });
  const json = await api('/connections');
  assert.deepEqual([json.status, json.headers.get('content-type')?.startsWith('application/json'), (await json.json()).message], [503, true, 'down']);
  assert.equal((await fetch(`${tenant.origin}/__control/reset`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ seed: 'empty' }) })).status, 204);
  assert.deepEqual(await (await api('/connections')).json(), []);
  assert.equal(tenant.requests.length, 1, 'a reset empties the log');
  tenant.reset({ bulk: 250 });
  assert.equal(tenant.state.connections.length, 250);
});

test('headers: request ids and rate limits on every answer, exposed to browsers', async () => {
  const answer = await api('/connections?take=1');
  for (const name of ['x-auth0-requestid', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'date']) assert.ok(answer.headers.get(name), name);
  assert.ok(Number(answer.headers.get('x-ratelimit-reset')) >= Math.floor(Date.now() / 1000));
  assert.equal(answer.headers.get('access-control-allow-origin'), '*');
  for (const name of ['x-ratelimit-reset', 'retry-after', 'x-auth0-requestid', 'x-okta-request-id']) {
    assert.match(answer.headers.get('access-control-expose-headers'), new RegExp(name));
  }
});

test('Okta: Bearer too, consent links, UNKNOWN refusals, verify callbacks, Okta-shaped errors', async () => {
  const okta = (path, init = {}, scheme = 'SSWS') => fetch(`${tenant.origin}/api/v1/apps/${path}`, { ...init, headers: { authorization: `${scheme} local-okta-token`, 'content-type': 'application/json' } });
  assert.equal((await okta('0oa-org2org/connections/default', {}, 'Bearer')).status, 200);
  const denied = await okta('0oa-org2org/connections/default', {}, 'Basic');
  const deniedBody = await denied.json();
  assert.deepEqual([denied.status, deniedBody.errorCode], [401, 'E0000011']);
  assert.deepEqual(Object.keys(deniedBody).sort(), ['errorCauses', 'errorCode', 'errorId', 'errorLink', 'errorSummary']);
  const consent = await (await okta('0oa-office365/connections/default', { method: 'POST', body: JSON.stringify({ profile: { authScheme: 'OAUTH2', clientId: 'abc' } }) })).json();
  assert.match(consent._links.authorize.href, /^https:\/\//);
  assert.equal(consent.status, 'DISABLED', 'consent is still needed');
  const token = await (await okta('0oa-org2org/connections/default?activate=true', { method: 'POST', body: JSON.stringify({ baseUrl: 'https://other.okta.example', profile: { authScheme: 'TOKEN', token: 't' } }) })).json();
  assert.deepEqual([token.status, token.authScheme, token.baseUrl], ['ENABLED', 'TOKEN', 'https://other.okta.example']);
  const unknown = await okta('0oa-unknown/connections/default', { method: 'POST', body: JSON.stringify({ profile: { authScheme: 'TOKEN' } }) });
  assert.deepEqual([unknown.status, (await unknown.json()).errorCode], [400, 'E0000001']);
  const badScheme = await okta('0oa-org2org/connections/default', { method: 'POST', body: JSON.stringify({ profile: { authScheme: 'BASIC' } }) });
  assert.equal((await badScheme.json()).errorCauses.length, 1);
  assert.equal((await okta('office365/0oa-office365/oauth2/callback?code=c&state=s', { method: 'POST' })).status, 204);
  assert.equal((await okta('salesforce/0oa-office365/oauth2/callback', { method: 'POST' })).status, 400);
  assert.equal((await okta('office365/nope/oauth2/callback', { method: 'POST' })).status, 404);
  assert.ok(tenant.requests.every((r) => !JSON.stringify(r).includes('local-okta-token')), 'the log keeps no Okta token');
  assert.ok(tenant.requests.some((r) => r.authScheme === 'Bearer') && tenant.requests.some((r) => r.authScheme === 'SSWS'));
});

/** A tenant serving a new temporary directory that holds `files` (`{ name: text }`). */
async function staticTenant(files) {
  const dir = await mkdtemp(join(tmpdir(), 'tenant-static-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return startTenant({ seed: 'empty', staticDir: dir });
}

test('static files: the directory is served at /, nothing outside it', async () => {
  const served = await staticTenant({ 'index.html': '<h1>console</h1>', 'app.js': 'export {};' });
  try {
    const index = await fetch(`${served.origin}/`);
    assert.deepEqual([index.status, index.headers.get('content-type'), await index.text()], [200, 'text/html; charset=utf-8', '<h1>console</h1>']);
    assert.equal((await fetch(`${served.origin}/app.js`)).headers.get('content-type'), 'text/javascript');
    const { request } = await import('node:http');
    // Sent raw (fetch would normalize the path): encoded slashes and dots must not leave the dir.
    const escaped = await new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port: served.port, path: '/..%2f..%2f..%2fetc%2fpasswd' }, (res) => { res.resume(); resolve(res.statusCode); }).on('error', reject).end();
    });
    assert.equal(escaped, 404);
    assert.equal((await fetch(`${served.origin}/missing.js`)).status, 404);
  } finally {
    await served.close();
  }
});

test('static files: HEAD answers like GET (status, type, length, security headers) without a body', async () => {
  const served = await staticTenant({ 'index.html': '<h1>console é</h1>', 'app.js': 'export const x = 1;' });
  const kept = ['content-type', 'content-length', 'content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'cache-control'];
  try {
    for (const path of ['/', '/app.js']) {
      const get = await fetch(`${served.origin}${path}`);
      const bytes = Buffer.from(await get.arrayBuffer());
      const head = await fetch(`${served.origin}${path}`, { method: 'HEAD' });
      assert.equal(head.status, 200, path);
      assert.equal(get.headers.get('content-length'), String(bytes.length), `${path}: GET says its length`);
      for (const name of kept) assert.equal(head.headers.get(name), get.headers.get(name), `${path}: ${name}`);
      assert.match(head.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
      assert.equal((await head.arrayBuffer()).byteLength, 0, `${path}: HEAD has no body`);
    }
    assert.equal((await fetch(`${served.origin}/missing.js`, { method: 'HEAD' })).status, 404);
    assert.equal((await fetch(`${served.origin}/app.js`, { method: 'DELETE' })).status, 404, 'other methods are not served');
  } finally {
    await served.close();
  }
});

test('rate-limit headers count down within their window', async () => {
  const limited = await startTenant({ seed: 'empty', rateLimit: 5 });
  try {
    const remaining = [];
    for (let i = 0; i < 12; i += 1) {
      const answer = await fetch(`${limited.origin}/api/v2/connections`, { headers: auth });
      remaining.push([Number(answer.headers.get('x-ratelimit-remaining')), Number(answer.headers.get('x-ratelimit-reset'))]);
    }
    // The window may roll over once during the loop: within one reset value, remaining only falls.
    for (let i = 1; i < remaining.length; i += 1) {
      if (remaining[i][1] === remaining[i - 1][1]) assert.ok(remaining[i][0] < remaining[i - 1][0] || remaining[i][0] === 0, JSON.stringify(remaining));
    }
    assert.ok(remaining.some(([left]) => left === 0), `the budget runs out: ${JSON.stringify(remaining)}`);
  } finally {
    await limited.close();
  }
});

test('control endpoints: JSON only, no CORS, a bad fault is a 400 and the tenant keeps serving', async () => {
  // The tenant as `make tenant` runs it, in its own process, so a crash shows as an exit.
  const { spawn } = await import('node:child_process');
  const cli = new URL('../../tenant/cli.mjs', import.meta.url).pathname;
  const child = spawn(process.execPath, [cli, '--port', '0', '--seed', 'empty'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    const origin = await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
        if (found) resolve(found[0]);
      });
      child.once('exit', () => reject(new Error(`the tenant exited: ${output}`)));
    });
    const control = (path, init = {}) => fetch(`${origin}/__control/${path}`, init);
    const post = (path, text, type = 'application/json') => control(path, { method: 'POST', headers: { 'content-type': type }, body: text });
    const listing = () => fetch(`${origin}/api/v2/connections`, { headers: auth });
    // A cross-origin page can send these without a preflight: refused before anything happens.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const refused = await post('faults', '{"path":{"regexp":"("}}', type);
      assert.deepEqual([refused.status, (await refused.json()).message], [415, 'control endpoints take Content-Type: application/json'], type);
    }
    assert.equal((await control('faults', { method: 'DELETE' })).status, 415);
    assert.equal((await post('reset', '', 'text/plain')).status, 415);
    assert.equal((await control('reset', { method: 'POST' })).status, 415);
    // Malformed faults and seeds: a 400 naming the problem.
    const bad = [
      ['faults', '{"path":{"regexp":"("}}', /path\.regexp does not compile/],
      ['faults', '{"method":1}', /method must be an HTTP method name/],
      ['faults', '{"status":"500"}', /status must be/],
      ['faults', '{"times":-1}', /times must be/],
      ['faults', '{"headers":{"x":1}}', /headers must be/],
      ['faults', '{"colour":"red"}', /unknown fault member "colour"/],
      ['faults', '[]', /a fault is a JSON object/],
      ['faults', '{"status":', /not JSON/],
      ['reset', '{"seed":{"bulk":1000000000}}', /seed must be/],
      ['reset', '"empty"', /a reset body is a JSON object/],
    ];
    for (const [path, text, message] of bad) {
      const answer = await post(path, text);
      assert.equal(answer.status, 400, text);
      assert.match((await answer.json()).message, message, text);
    }
    assert.equal(child.exitCode, null, 'the tenant is still running');
    assert.equal((await listing()).status, 200, 'no fault was kept: requests are served');
    // A valid fault still works; no control answer opens CORS, and a preflight is refused.
    assert.equal((await post('faults', '{"method":"get","path":{"regexp":"^/api/v2/connections$"},"status":503}')).status, 204);
    assert.equal((await listing()).status, 503);
    assert.equal((await listing()).status, 200);
    const preflight = await control('faults', { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    assert.equal(preflight.status, 403);
    const log = await control('requests', { headers: { origin: 'http://evil.example' } });
    assert.equal(log.status, 200);
    for (const answer of [preflight, log]) assert.equal(answer.headers.get('access-control-allow-origin'), null);
    assert.equal((await listing()).headers.get('access-control-allow-origin'), '*', 'the API itself keeps CORS');
    assert.equal((await post('reset', '{"seed":{"bulk":3}}')).status, 204);
    assert.equal((await (await listing()).json()).length, 3);
  } finally {
    child.kill();
  }
});
