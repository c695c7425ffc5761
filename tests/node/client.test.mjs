// ManagementClient through the installed package against a local tenant on 127.0.0.1.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { ManagementClient, ManagementError, OktaClient } from 'idp-connections';
import { glue } from './internals.mjs';
import { inspect } from 'node:util';
import { startTenant } from '../../tenant/server.mjs';

let tenant;
let client;
before(async () => {
  tenant = await startTenant({ seed: { bulk: 7 } });
  client = new ManagementClient({ domain: tenant.domain, token: 'local-token', maxRetries: 2 });
});
after(() => tenant?.close());
beforeEach(() => tenant.clearFaults());

/** The id of the n-th seeded connection. */
const C = (n) => tenant.state.connections[n].id;

const rejects = async (promise, check) => {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ManagementError, `not a ManagementError: ${error}`);
    check(error);
    return error;
  }
  assert.fail('expected a rejection');
};

test('construction refuses bad domains and missing auth with clear errors', () => {
  for (const [domain, text] of [['http://acme.auth0.com', 'loopback'], ['https://acme.auth0.com/api/v2', 'path'], ['ftp://x.com', 'scheme'], ['http://127.0.0.1:99999', 'port'], ['http://127.0.0.1:+80', 'port'], ['http://127.0.0.1:0', 'port']]) {
    assert.throws(() => new ManagementClient({ domain, token: 't' }), (e) => e instanceof ManagementError && e.kind === 'validation' && e.message.includes(text));
  }
  assert.throws(() => new ManagementClient({ domain: 'acme.auth0.com' }), /token/);
  assert.equal(new ManagementClient({ domain: 'acme.eu.auth0.com', token: 't' }).baseUrl, 'https://acme.eu.auth0.com/api/v2');
  assert.equal(new ManagementClient({ domain: ' \tacme.eu.auth0.com\n', token: 't' }).baseUrl, 'https://acme.eu.auth0.com/api/v2', 'surrounding whitespace is trimmed');
});

test('list: checkpoint paging, for-await over every page, progress', async () => {
  const first = await client.connections.list({ take: 3 });
  assert.equal(first.data.length, 3);
  assert.ok(first.next && first.hasNextPage());
  const second = await first.getNextPage();
  assert.equal(second.data[0].id, first.next);
  const progress = [];
  const page = await client.connections.list({ take: 2 }, { onProgress: (n) => progress.push(n) });
  const ids = [];
  for await (const connection of page) ids.push(connection.id);
  assert.equal(ids.length, tenant.state.connections.length);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(progress, [2, 4, 6, 7]);
});

test('list: offset paging with totals, repeated strategy, refusal past 1000', async () => {
  const page = await client.connections.list({ per_page: 2, include_totals: true });
  assert.equal(page.total, tenant.state.connections.length);
  assert.equal(page.start, 0);
  const all = [];
  for await (const c of page) all.push(c.id);
  assert.equal(all.length, tenant.state.connections.length);
  const before = tenant.requests.length;
  await client.connections.list({ strategy: ['samlp', 'waad'], take: 50 });
  assert.match(tenant.requests.at(-1).rawPath, /strategy=samlp&strategy=waad/);
  assert.equal(tenant.requests.length, before + 1);
  await rejects(client.connections.list({ page: 20, per_page: 50 }), (e) => {
    assert.equal(e.kind, 'validation');
    assert.match(e.message, /checkpoint paging/);
  });
  assert.equal(tenant.requests.length, before + 1, 'no request for a refused page');
  await rejects(client.connections.create({ name: 'bad--', strategy: 'nope' }), (e) => {
    assert.equal(e.kind, 'validation');
    // The unknown strategy alone would be sent (drift); the bad name blocks.
    assert.deepEqual(e.issues.map((i) => i.code), ['pattern']);
    assert.match(e.message, /^the request body is invalid: name must /);
  });
  await rejects(client.connections.create({ name: 'bad--', strategy: 'nope' }, { validation: 'strict' }), (e) => {
    assert.equal(e.issues.length, 2);
    assert.match(e.message, /^the request body has 2 issues; the first: name must /);
  });
  assert.equal(tenant.requests.length, before + 1, 'no request for a refused body');
});

test('every other operation reaches its path', async () => {
  const created = await client.connections.create({ name: 'made-here', strategy: 'auth0' });
  const id = created.id;
  assert.equal((await client.connections.get(id)).name, 'made-here');
  assert.equal((await client.connections.update(id, { display_name: 'x' })).display_name, 'x');
  await client.connections.checkStatus(id);
  await client.connections.users.deleteByEmail(id, { email: 'a+b@example.com' });
  assert.match(tenant.requests.at(-1).rawPath, /\/users\?email=a%2Bb%40example\.com$/);
  await client.connections.keys.get(id);
  await client.connections.keys.create(id);
  await client.connections.keys.rotate(id, {});
  const s = client.connections.scimConfiguration;
  await s.create(id, {}); await s.get(id); await s.update(id, { user_id_attribute: 'externalId', mapping: [{ auth0: 'email', scim: 'emails[0].value' }] }); await s.delete(id); await s.getDefaultMapping(id);
  await s.tokens.get(id); await s.tokens.create(id, { scopes: ['get:users'], token_lifetime: 3600 }); await s.tokens.delete(id, 'tok_1');
  assert.ok((await s.list()).data);
  const d = client.connections.directoryProvisioning;
  await d.create(id, {}); await d.get(id); await d.update(id, { synchronize_automatically: true }); await d.delete(id); await d.getDefaultMapping(id);
  await d.listSynchronizedGroups(id); await d.set(id, { groups: [] }); await d.synchronizations.create(id);
  assert.ok((await d.list()).data);
  const paths = tenant.requests.slice(-20).map((r) => `${r.method} ${r.rawPath.split('?')[0]}`);
  for (const expected of [
    `POST /api/v2/connections/${id}/keys/rotate`,
    `DELETE /api/v2/connections/${id}/scim-configuration/tokens/tok_1`,
    `PUT /api/v2/connections/${id}/directory-provisioning/synchronized-groups`,
    `POST /api/v2/connections/${id}/directory-provisioning/synchronizations`,
    'GET /api/v2/connections-directory-provisionings',
  ]) assert.ok(paths.includes(expected), `${expected} in ${paths.join('\n')}`);
  assert.equal(await client.connections.delete(id), undefined);
  await rejects(client.connections.get(id), (e) => {
    assert.equal(e.kind, 'api');
    assert.equal(e.statusCode, 404);
    assert.equal(e.errorCode, 'inexistent_connection');
    assert.ok(e.requestId);
  });
});

test('409 on duplicate names is an api error; POST 5xx is not retried', async () => {
  await rejects(client.connections.create({ name: 'bulk-00001', strategy: 'auth0' }), (e) => assert.equal(e.statusCode, 409));
  tenant.inject({ method: 'POST', path: '/api/v2/connections', status: 503, times: 1 });
  const before = tenant.requests.length;
  await rejects(client.connections.create({ name: 'after-503', strategy: 'auth0' }), (e) => {
    assert.equal(e.statusCode, 503);
    assert.match(e.message, /503 with an empty body/);
  });
  assert.equal(tenant.requests.length, before + 1);
});

test('retries: 429 with Retry-After, 429 with X-RateLimit-Reset, 503 on GET', async () => {
  tenant.inject({ path: `/api/v2/connections/${C(0)}`, status: 429, headers: { 'retry-after': '0' }, times: 1 });
  assert.equal((await client.connections.get(C(0))).id, C(0));
  tenant.inject({ path: `/api/v2/connections/${C(0)}`, status: 429, headers: { 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)), 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0' }, times: 1 });
  const started = Date.now();
  assert.equal((await client.connections.get(C(0))).id, C(0));
  assert.ok(Date.now() - started < 2000);
  tenant.inject({ method: 'GET', path: `/api/v2/connections/${C(1)}`, status: 503, times: 1 });
  const before = tenant.requests.length;
  assert.equal((await client.connections.get(C(1))).id, C(1));
  assert.equal(tenant.requests.length, before + 2);
  tenant.inject({ path: `/api/v2/connections/${C(1)}`, status: 429, headers: { 'retry-after': '0', 'x-ratelimit-remaining': '0' }, times: 5 });
  await rejects(client.connections.get(C(1), undefined, { maxRetries: 1 }), (e) => {
    assert.equal(e.statusCode, 429);
    assert.equal(e.rateLimit.remaining, 0);
  });
});

test('Retry-After as an HTTP date: the retry waits until that moment', async () => {
  // Without a usable header the client backs off 0.8-1.2 s; both figures below rule that out.
  const timed = async (until) => {
    tenant.inject({ path: `/api/v2/connections/${C(0)}`, status: 429, headers: { 'retry-after': until }, times: 1 });
    const started = Date.now();
    assert.equal((await client.connections.get(C(0))).id, C(0));
    return Date.now() - started;
  };
  // IMF-fixdate has whole seconds: three seconds ahead is a wait of two to three seconds.
  const ahead = new Date(Date.now() + 3000).toUTCString();
  const waited = await timed(ahead);
  assert.ok(waited >= 1500 && waited < 5000, `waited ${waited} ms for ${ahead}`);
  const past = new Date(Date.now() - 5000).toUTCString();
  const immediate = await timed(past);
  assert.ok(immediate < 600, `a moment already past is no wait; waited ${immediate} ms`);
});

test('a hung attempt times out; abort during a retry wait rejects at once', async () => {
  tenant.inject({ path: `/api/v2/connections/${C(2)}`, hang: true, times: 1 });
  await rejects(client.connections.get(C(2), undefined, { timeoutInSeconds: 0.3 }), (e) => assert.equal(e.kind, 'timeout'));
  tenant.inject({ path: `/api/v2/connections/${C(2)}`, status: 429, headers: { 'retry-after': '30' }, times: 1 });
  const controller = new AbortController();
  const started = Date.now();
  setTimeout(() => controller.abort(new Error('user left')), 200);
  const error = await rejects(client.connections.get(C(2), undefined, { abortSignal: controller.signal }), (e) => assert.equal(e.kind, 'network'));
  assert.equal(error.cause.message, 'user left');
  assert.ok(Date.now() - started < 5000);
});

test('a dropped connection on GET is retried', async () => {
  tenant.inject({ path: `/api/v2/connections/${C(3)}`, drop: true, times: 1 });
  assert.equal((await client.connections.get(C(3))).id, C(3));
});

test('invalid input makes no request', async () => {
  const before = tenant.requests.length;
  await rejects(client.connections.get(''), (e) => assert.equal(e.issues[0].code, 'too_short'));
  await rejects(client.connections.list({ take: 500 }), (e) => assert.equal(e.issues[0].code, 'too_large'));
  await rejects(client.connections.list({ take: NaN }), (e) => assert.deepEqual([e.issues[0].code, e.issues[0].path], ['type', ['params', 'take']]));
  await rejects(client.connections.list({ take: Infinity }), (e) => assert.equal(e.kind, 'validation'));
  const cyclic = {}; cyclic.self = cyclic;
  await rejects(client.connections.update(C(0), cyclic), (e) => {
    assert.equal(e.kind, 'validation');
    assert.deepEqual([e.issues[0].path, e.issues[0].code], [['body'], 'type']);
    assert.match(e.issues[0].message, /cannot be sent as JSON: .*circular/i);
  });
  await rejects(client.connections.update(C(0), { display_name: 10n }), (e) => assert.deepEqual(e.issues[0].path, ['body']));
  let deep = {}; for (let i = 0; i < 100_000; i += 1) deep = { deep };
  await rejects(client.connections.update(C(0), deep), (e) => assert.deepEqual([e.issues[0].path, e.issues[0].code], [['body'], 'too_deep']));
  await rejects(client.connections.users.deleteByEmail(C(0), {}), (e) => assert.equal(e.issues[0].code, 'required'));
  assert.equal(tenant.requests.length, before);
});

test('path parameters stay in their segment', async () => {
  await rejects(client.connections.get('..'), (e) => assert.equal(e.issues[0].code, 'pattern'));
  await rejects(client.connections.get('.'), (e) => assert.equal(e.kind, 'validation'));
  for (const id of ['../../clients', 'a/b', 'x?y=1', 'h#f', '...', '%2e%2e', 'é ü']) {
    await rejects(client.connections.get(id), (e) => assert.equal(e.statusCode, 404));
    const raw = tenant.requests.at(-1).rawPath;
    assert.match(raw, /^\/api\/v2\/connections\/[^/?#]+$/, raw);
    assert.equal(decodeURIComponent(raw.split('/').pop()), id);
  }
});

test('clients.update sends batches of 50; updateOptions merges options', async () => {
  const entries = Array.from({ length: 120 }, (_, i) => ({ client_id: `client_${i}`, status: true }));
  const before = tenant.requests.length;
  await client.connections.clients.update(C(4), entries);
  const patches = tenant.requests.slice(before).filter((r) => r.method === 'PATCH');
  assert.deepEqual(patches.map((r) => r.body.length), [50, 50, 20]);
  const page = await client.connections.clients.get(C(4));
  assert.equal(page.data.length, 50, 'the first checkpoint page');
  const enabled = [];
  for await (const entry of page) enabled.push(entry.client_id);
  assert.equal(enabled.length, 120);
  // C(2) is a samlp connection: updateOptions reads its options and strategy, and checks the
  // merged options against the samlp options schema (unknown keys are sent under 'drift').
  await client.connections.update(C(2), { options: { a: 1 } });
  const updated = await client.connections.updateOptions(C(2), { b: 2 });
  assert.deepEqual(updated.options, { a: 1, b: 2 });
  assert.match(tenant.requests.filter((r) => r.method === 'GET').at(-1).rawPath, /fields=options%2Cstrategy/);
  const sent = tenant.requests.length;
  await rejects(client.connections.updateOptions(C(2), { signInEndpoint: 42 }), (e) => {
    assert.equal(e.kind, 'validation');
    assert.deepEqual(e.issues.map((i) => [i.path.join('.'), i.code]), [['options.signInEndpoint', 'type']]);
    return true;
  });
  assert.equal(tenant.requests.filter((r) => r.method === 'PATCH').length, tenant.requests.slice(0, sent).filter((r) => r.method === 'PATCH').length, 'no PATCH sent');
});

test('client credentials: cached, shared by concurrent calls, refreshed once after a 401', async () => {
  const cc = new ManagementClient({ domain: tenant.domain, clientId: 'local-client', clientSecret: 'local-secret' });
  const tokenCalls = () => tenant.requests.filter((r) => r.rawPath === '/oauth/token').length;
  const before = tokenCalls();
  await Promise.all([cc.connections.get(C(0)), cc.connections.get(C(1)), cc.connections.get(C(2))]);
  assert.equal(tokenCalls(), before + 1);
  await cc.connections.get(C(0));
  assert.equal(tokenCalls(), before + 1);
  const sent = tenant.requests.find((r) => r.rawPath === '/oauth/token').body;
  assert.equal(sent.grant_type, 'client_credentials');
  assert.equal(sent.audience, 'https://127.0.0.1/api/v2/');
  tenant.inject({ path: `/api/v2/connections/${C(0)}`, status: 401, body: { statusCode: 401, message: 'Expired token' }, times: 1 });
  assert.equal((await cc.connections.get(C(0))).id, C(0));
  assert.equal(tokenCalls(), before + 2);
  const bad = new ManagementClient({ domain: tenant.domain, clientId: 'local-client', clientSecret: 'wrong-secret' });
  await rejects(bad.connections.get(C(0)), (e) => assert.equal(e.statusCode, 401));
});

test('token functions, sync and async', async () => {
  let calls = 0;
  const viaFn = new ManagementClient({ domain: tenant.domain, token: async () => { calls += 1; return 'local-token'; } });
  assert.equal((await viaFn.connections.get(C(0))).id, C(0));
  assert.equal(calls, 1);
  const broken = new ManagementClient({ domain: tenant.domain, token: () => 42 });
  await rejects(broken.connections.get(C(0)), (e) => assert.match(e.message, /token function/));
});

test('the token never appears in errors, strings or JSON', async () => {
  const secret = 'super-secret-token-value';
  const leaky = new ManagementClient({ domain: tenant.domain, token: secret });
  tenant.inject({ path: `/api/v2/connections/${C(0)}`, status: 400, body: { statusCode: 400, message: `bad header Bearer ${secret}` }, times: 1 });
  const errors = [];
  errors.push(await rejects(leaky.connections.get(C(0)), () => {}));
  errors.push(await rejects(leaky.connections.get(C(0)), () => {}));
  errors.push(await rejects(leaky.connections.get(''), () => {}));
  for (const error of errors) {
    for (const text of [error.message, error.stack, JSON.stringify(error), String(error), JSON.stringify(error.body ?? null)]) {
      assert.ok(!String(text).includes(secret), text);
    }
  }
  assert.match(errors[0].message, /\[redacted\]/);
  for (const text of [String(leaky), JSON.stringify(leaky), JSON.stringify(Object.entries(leaky)), inspect(leaky, { depth: 5, showHidden: true })]) {
    assert.ok(!text.includes(secret), text);
  }
});

test('a finished call leaves nothing behind: wasm memory stays flat over 3,000 calls', async () => {
  // Each call is a Rust task the JS driver frees when it ends, whether it succeeded, failed at
  // the server, was refused before sending, or was retried; shared client state must not keep
  // finished tasks alive.
  const round = async (i) => {
    if (i % 4 === 0) return client.connections.get(C(i % 7));
    if (i % 4 === 1) return client.connections.get('con_missing').catch((e) => e);
    if (i % 4 === 2) return client.connections.create({ name: 'bad--name', strategy: 'auth0' }).catch((e) => e);
    tenant.inject({ path: `/api/v2/connections/${C(1)}`, status: 429, headers: { 'retry-after': '0' }, times: 1 });
    return client.connections.get(C(1));
  };
  for (let i = 0; i < 200; i += 1) await round(i);
  const start = glue.wasmMemoryBytes();
  const results = [];
  for (let i = 0; i < 3_000; i += 1) results.push(await round(i));
  const grown = glue.wasmMemoryBytes() - start;
  assert.equal(results.filter((r) => r instanceof ManagementError && r.statusCode === 404).length, 750);
  assert.equal(results.filter((r) => r instanceof ManagementError && r.kind === 'validation').length, 750);
  assert.equal(results.filter((r, i) => i % 4 === 3 && r?.id === C(1)).length, 750, 'every rate-limited call retried to success');
  assert.ok(grown <= 128 * 1024, `wasm memory grew by ${grown} bytes`);
  console.log(`# wasm memory: ${start} bytes, +${grown} after 3,000 calls`);
});

test('client messages put figures and lists where they belong (built in wasm without core::fmt)', async () => {
  const quick = new ManagementClient({ domain: tenant.domain, token: 'local-token', timeoutInSeconds: 0.25, maxRetries: 0 });
  const message = (promise) => promise.then(() => assert.fail('expected a rejection'), (error) => error.message);
  assert.equal(
    await message(quick.connections.list({ bogus: 1 }, { validation: 'strict' })),
    'the request is invalid: bogus is not a parameter of this operation; accepted: per_page, page, include_totals, from, take, strategy, name, fields, include_fields',
  );
  assert.equal(
    await message(quick.connections.list({ page: 20, per_page: 50 })),
    'the request is invalid: offset paging reaches at most 1000 records; page 20 with per_page 50 starts at record 1000; use checkpoint paging (from, take) to read further',
  );
  assert.equal(await message(quick.connections.list({ take: 500 })), 'the request is invalid: take may be at most 100; it is 500');
  tenant.inject({ path: '/api/v2/connections', hang: true, times: 1 });
  assert.equal(await message(quick.connections.list()), 'no response within the timeout of 0.25 s (GET /api/v2/connections)');
  const okta = new OktaClient({ orgUrl: tenant.origin, token: 'local-okta-token' });
  assert.equal(
    await message(okta.verifyProvisioningConnectionForApplication({ appName: 'x', appId: 'y' }, { validation: 'strict' })),
    'the request is invalid: appName must be one of google, office365, slack, zoomus; it is "x"',
  );
});
