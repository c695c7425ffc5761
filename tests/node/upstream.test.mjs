// Hostile or broken upstreams, through the installed package (issue 17, client items): redirects
// are refused, the caller's signal and timeout cover the wait for a token, error bodies are read
// up to a bound, long timeouts do not fire at once, echoed secrets are redacted from every field,
// and paging cannot loop forever. Each upstream is a small scripted server on 127.0.0.1.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { inspect } from 'node:util';
import { ManagementClient, OktaClient } from 'idp-connections';
import { glue } from './internals.mjs';
import { failure } from './failure.mjs';

/** A hang on the unfixed package fails its test instead of the whole file. */
const LIMIT = { timeout: 20_000 };

const servers = [];
after(() => Promise.all(servers.map((s) => s.close())));

/**
 * A server answering every request with `handler(req, body, res)`; records each request as
 * `{ method, url, body, authorization }`. `close()` also ends hanging sockets.
 */
async function upstream(handler) {
  const requests = [];
  const sockets = new Set();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, body, authorization: req.headers.authorization });
      handler(req, body, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const handle = {
    origin,
    requests,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  servers.push(handle);
  return handle;
}

/** Answers `status` with a JSON body. */
const json = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/** Milliseconds `promise` takes to settle, with how it settled. */
async function timed(promise) {
  const started = performance.now();
  const error = await failure(promise);
  return { error, ms: performance.now() - started };
}

// ---------------------------------------------------------------------------------------- 1

test('redirects are never followed: token exchange, GET, POST with a body, Okta', LIMIT, async () => {
  const thief = await upstream((req, body, res) => json(res, 200, { access_token: 'stolen', expires_in: 3600, connections: [] }));
  const api = await upstream((req, body, res) => {
    res.writeHead(req.url.startsWith('/oauth') ? 307 : req.method === 'GET' ? 302 : 308, { location: `${thief.origin}${req.url}?x=1` });
    res.end();
  });
  const cc = new ManagementClient({ domain: api.origin, clientId: 'cid', clientSecret: 'cc-secret-redirected', maxRetries: 0 });
  const exchange = await failure(cc.connections.list());
  assert.equal(exchange.kind, 'api');
  assert.equal(exchange.statusCode, 307);
  assert.match(exchange.message, /^POST \/oauth\/token: HTTP 307 redirect to http:\/\/127\.0\.0\.1:\d+ not followed/);
  assert.ok(exchange.message.includes(thief.origin), exchange.message);
  assert.ok(!exchange.message.includes('x=1'), 'only the origin is named');

  const client = new ManagementClient({ domain: api.origin, token: 'tok-redirected', maxRetries: 2 });
  const get = await failure(client.connections.get('con_1'));
  assert.equal(get.statusCode, 302);
  assert.match(get.message, /^GET \/api\/v2\/connections\/con_1: HTTP 302 redirect to /);
  const before = api.requests.length;
  const post = await failure(client.connections.create({ name: 'x', strategy: 'auth0', options: { passwordPolicy: 'good' } }));
  assert.equal(post.statusCode, 308);
  assert.equal(api.requests.length - before, 1, 'a redirect is not retried either');

  const okta = new OktaClient({ orgUrl: api.origin, token: 'okta-redirected' });
  const oktaError = await failure(okta.getDefaultProvisioningConnectionForApplication({ appId: 'a1' }));
  assert.equal(oktaError.statusCode, 302);
  assert.equal(thief.requests.length, 0, `nothing reached the other origin: ${JSON.stringify(thief.requests)}`);
});

// ---------------------------------------------------------------------------------------- 2

test("a token function that never settles: the call's timeout and abort still end it", LIMIT, async () => {
  const api = await upstream((req, body, res) => json(res, 200, []));
  const client = new ManagementClient({ domain: api.origin, token: () => new Promise(() => {}) });
  const late = await timed(client.connections.get('con_1', undefined, { timeoutInSeconds: 0.3 }));
  assert.equal(late.error.kind, 'timeout');
  assert.match(late.error.message, /^no access token within the timeout of 0\.3 s \(GET \/api\/v2\/connections\/con_1\)/);
  assert.ok(late.ms >= 280 && late.ms < 1500, `timed out after ${late.ms.toFixed(0)} ms`);
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('user left')), 100);
  const aborted = await timed(client.connections.get('con_1', undefined, { abortSignal: controller.signal }));
  assert.equal(aborted.error.kind, 'network');
  assert.equal(aborted.error.cause?.message, 'user left');
  assert.ok(aborted.ms < 1000, `aborted after ${aborted.ms.toFixed(0)} ms`);
  assert.equal(api.requests.length, 0);
});

test('a hanging token endpoint: the timeout ends the call; one caller aborting leaves the shared exchange to the others', LIMIT, async () => {
  let hold = true;
  const api = await upstream((req, body, res) => {
    if (req.url === '/oauth/token') {
      if (hold) return undefined; // hangs
      return setTimeout(() => json(res, 200, { access_token: 'cc-issued-token', expires_in: 3600 }), 400);
    }
    return json(res, 200, { id: 'con_1' });
  });
  const hanging = new ManagementClient({ domain: api.origin, clientId: 'cid', clientSecret: 'cc-secret-hanging', timeoutInSeconds: 30 });
  const late = await timed(hanging.connections.get('con_1', undefined, { timeoutInSeconds: 0.3 }));
  assert.equal(late.error.kind, 'timeout');
  assert.ok(late.ms < 1500, `timed out after ${late.ms.toFixed(0)} ms, not after the client's 30 s`);

  hold = false;
  const shared = new ManagementClient({ domain: api.origin, clientId: 'cid', clientSecret: 'cc-secret-shared' });
  const tokenRequests = () => api.requests.filter((r) => r.url === '/oauth/token').length;
  const exchangesBefore = tokenRequests();
  const controller = new AbortController();
  const first = shared.connections.get('con_1', undefined, { abortSignal: controller.signal });
  const second = shared.connections.get('con_1');
  setTimeout(() => controller.abort(new Error('first caller left')), 100);
  const { error, ms } = await timed(first);
  assert.equal(error.kind, 'network');
  assert.ok(ms < 350, `the first caller was let go at once (${ms.toFixed(0)} ms), not after the exchange`);
  assert.deepEqual(await second, { id: 'con_1' }, 'the other caller still gets its answer');
  assert.equal(tokenRequests() - exchangesBefore, 1, 'one shared exchange');
  assert.equal(api.requests.at(-1).authorization, 'Bearer cc-issued-token');
});

test("the call's timeout bounds its retry pauses: a longer wait the server asks for ends the call with its answer; backoff is shortened", LIMIT, async () => {
  const api = await upstream((req, body, res) => {
    if (req.url.includes('limited')) return json(res, 429, { statusCode: 429, error: 'Too Many Requests', message: 'slow down' }, { 'retry-after': '30' });
    return json(res, 503, { statusCode: 503, message: 'busy' });
  });
  const client = new ManagementClient({ domain: api.origin, token: 'tok-pause', maxRetries: 2 });
  const limited = await timed(client.connections.get('limited', undefined, { timeoutInSeconds: 1 }));
  assert.equal(limited.error.statusCode, 429);
  assert.equal(limited.error.message, 'slow down (not retried: the wait asked for exceeds the timeout of 1 s)');
  assert.ok(limited.ms < 900, `ended after ${limited.ms.toFixed(0)} ms, not after the 30 s the server asked for`);
  // The 429's 30 s pause holds every call of that client (its rate limiter): another client.
  const other = new ManagementClient({ domain: api.origin, token: 'tok-pause', maxRetries: 2 });
  const before = api.requests.length;
  const busy = await timed(other.connections.get('busy', undefined, { timeoutInSeconds: 0.2 }));
  assert.equal(busy.error.statusCode, 503);
  assert.equal(api.requests.length - before, 3, 'both retries were made');
  assert.ok(busy.ms < 1500, `two backoff pauses of at most 0.2 s each: ${busy.ms.toFixed(0)} ms, not 1 s + 2 s`);
});

// ---------------------------------------------------------------------------------------- 3

test('20 gzip-compressed 32 MiB non-JSON 500s (and 200s): bounded reads, wasm memory stays flat', LIMIT, async () => {
  const huge = gzipSync(Buffer.alloc(32 * 1024 * 1024, 'x'));
  const api = await upstream((req, body, res) => {
    res.writeHead(req.url.includes('ok') ? 200 : 500, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
    res.end(huge);
  });
  const client = new ManagementClient({ domain: api.origin, token: 'tok-memory', maxRetries: 0 });
  await failure(client.connections.get('small'));
  const before = glue.wasmMemoryBytes();
  const started = performance.now();
  for (let i = 0; i < 20; i += 1) {
    const error = await failure(client.connections.get(`huge-${i}`));
    assert.equal(error.statusCode, 500);
    assert.equal(error.message, 'Auth0 answered HTTP 500 with a body that is not JSON');
  }
  for (let i = 0; i < 3; i += 1) {
    const error = await failure(client.connections.get(`ok-${i}`));
    assert.equal(error.statusCode, 200);
    assert.ok(error.cause instanceof SyntaxError);
  }
  const grown = glue.wasmMemoryBytes() - before;
  assert.ok(grown < 8 * 1024 * 1024, `wasm memory grew by ${(grown / 1048576).toFixed(1)} MiB`);
  console.log(`# 23 answers of 32 MiB in ${(performance.now() - started).toFixed(0)} ms; wasm memory grew ${(grown / 1048576).toFixed(2)} MiB`);
});

// ---------------------------------------------------------------------------------------- 4

test('timeouts beyond setTimeout\'s 2^31-1 ms are clamped, not fired at once; far retry waits stay bounded', LIMIT, async () => {
  const api = await upstream((req, body, res) => {
    if (req.url.includes('limited')) return json(res, 429, { message: 'slow down' }, { 'retry-after': '99999999999', 'x-ratelimit-reset': '99999999999' });
    return setTimeout(() => json(res, 200, { id: 'con_slow' }), 150);
  });
  const client = new ManagementClient({ domain: api.origin, token: 'tok-clamp', timeoutInSeconds: 1e7 });
  assert.deepEqual(await client.connections.get('con_slow'), { id: 'con_slow' });
  assert.deepEqual(await client.connections.get('con_slow', undefined, { timeoutInSeconds: 1e9 }), { id: 'con_slow' });
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('enough')), 300);
  const before = api.requests.length;
  const { error } = await timed(client.connections.get('limited', undefined, { abortSignal: controller.signal }));
  assert.equal(error.kind, 'network');
  assert.equal(api.requests.length - before, 1, 'the far retry wait was waited, not skipped');
});

// ---------------------------------------------------------------------------------------- 5

/** Every string form of an error a user might log or send. */
function forms(error) {
  const fields = ['message', 'error', 'errorCode', 'requestId', 'errorId', 'errorSummary', 'stack'].map((k) => String(error[k]));
  return [String(error), inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error), ...fields, inspect(error.cause, { depth: 10 }), String(error.cause?.message), String(error.cause?.stack)].join('\n');
}

test('a token or client secret echoed by the server is absent from every field of every error', LIMIT, async () => {
  const TOKEN = 'tok-echoed-5d1c9a7e3b';
  const SECRET = 'cc-secret-echoed-8f2e6a';
  const echo = (text) => ({ statusCode: 401, error: `bad token ${text}`, errorCode: `invalid_token:${text}`, message: `rejected ${text}`, errorId: text, errorSummary: text, errorCauses: [{ errorSummary: text }] });
  const api = await upstream((req, body, res) => {
    const auth = (req.headers.authorization ?? '').replace(/^(Bearer|SSWS) /, '');
    if (req.url === '/oauth/token') {
      const secret = JSON.parse(body).client_secret;
      return json(res, 401, { error: `invalid_client ${secret}`, error_description: `bad ${secret}` }, { 'x-request-id': secret });
    }
    return json(res, 401, echo(auth), { 'x-request-id': `req-${auth}`, 'x-okta-request-id': `req-${auth}` });
  });
  /** A token function: TOKEN, then (asked again after the 401) an error that quotes it. */
  const tokenThenThrow = () => {
    let calls = 0;
    return () => {
      calls += 1;
      if (calls === 1) return TOKEN;
      throw new Error(`vault: ${TOKEN} was revoked`);
    };
  };
  const cases = [
    ['static token, 401', new ManagementClient({ domain: api.origin, token: TOKEN }), 'con_1', [TOKEN]],
    ['token function, 401 after a refresh', new ManagementClient({ domain: api.origin, token: async () => TOKEN }), 'con_1', [TOKEN]],
    ['a token function whose refresh throws an error quoting the old token', new ManagementClient({ domain: api.origin, token: tokenThenThrow() }), 'con_1', [TOKEN]],
    ['client credentials refused', new ManagementClient({ domain: api.origin, clientId: 'cid', clientSecret: SECRET }), 'con_1', [SECRET]],
  ];
  for (const [label, client, id, secrets] of cases) {
    const error = await failure(client.connections.get(id));
    const text = forms(error);
    for (const secret of secrets) assert.ok(!text.includes(secret), `${label}: the secret leaked:\n${text.slice(0, 1500)}`);
    assert.match(text, /\[redacted\]/, `${label}: the echo was redacted, not dropped`);
  }
  const okta = new OktaClient({ orgUrl: api.origin, token: TOKEN });
  const error = await failure(okta.getDefaultProvisioningConnectionForApplication({ appId: 'a1' }));
  assert.ok(!forms(error).includes(TOKEN), forms(error).slice(0, 1500));
  assert.equal(error.errorCauses[0], '[redacted]');
});

// ---------------------------------------------------------------------------------------- 6

test('a server repeating the same next cursor: for await stops with an error naming it', LIMIT, async () => {
  const api = await upstream((req, body, res) => json(res, 200, { connections: [{ id: 'con_a' }], next: 'cursor-stuck' }));
  const client = new ManagementClient({ domain: api.origin, token: 'tok-paging' });
  const seen = [];
  const walk = (async () => {
    for await (const connection of await client.connections.list({ take: 1 })) {
      seen.push(connection.id);
      if (seen.length > 50) return 'endless';
    }
    return 'ended';
  })();
  const error = await failure(walk);
  assert.match(error.message, /"cursor-stuck"/);
  assert.equal(error.kind, 'api');
  assert.equal(error.statusCode, 200);
  assert.deepEqual(seen, ['con_a'], 'the first page, then the error for the page fetched with its cursor');
});

test('offset paging: hasNextPage() and getNextPage() agree at the 1,000-record cap', LIMIT, async () => {
  const api = await upstream((req, body, res) => {
    const url = new URL(req.url, 'http://x');
    const page = Number(url.searchParams.get('page') ?? 0);
    const perPage = Number(url.searchParams.get('per_page') ?? 100);
    const connections = Array.from({ length: perPage }, (_, i) => ({ id: `con_${page * perPage + i}` }));
    json(res, 200, { start: page * perPage, limit: perPage, total: 5000, connections });
  });
  const client = new ManagementClient({ domain: api.origin, token: 'tok-offset' });
  const eighth = await client.connections.list({ page: 8, per_page: 100, include_totals: true });
  assert.equal(eighth.hasNextPage(), true);
  const last = await eighth.getNextPage();
  assert.equal(last.data[0].id, 'con_900');
  assert.equal(last.total, 5000, 'the total still says how many exist');
  assert.equal(last.hasNextPage(), false, 'no page can be fetched past record 1000');
  await assert.rejects(last.getNextPage(), RangeError);
  let walked = 0;
  for await (const _ of await client.connections.list({ page: 4, per_page: 100, include_totals: true })) walked += 1;
  assert.equal(walked, 600, 'for await ends at the cap instead of failing there');
});

// ---------------------------------------------------------------------------------------- 7

test('connections.list strategy: known and unknown strings are sent (drift rule); wrongly typed values are refused with no request', LIMIT, async () => {
  const api = await upstream((req, body, res) => json(res, 200, { connections: [] }));
  const client = new ManagementClient({ domain: api.origin, token: 'tok-strategy' });
  const sent = [
    [['samlp', 'waad'], '?strategy=samlp&strategy=waad'],
    [['a-strategy-from-the-future'], '?strategy=a-strategy-from-the-future'],
    ['samlp', '?strategy=samlp'],
  ];
  for (const [strategy, query] of sent) {
    await client.connections.list({ strategy });
    assert.equal(api.requests.at(-1).url, `/api/v2/connections${query}`, JSON.stringify(strategy));
  }
  const before = api.requests.length;
  for (const strategy of [5, {}, true, [1], [{}], [null], [['samlp']], [true], ['samlp', 7]]) {
    const error = await failure(client.connections.list({ strategy }));
    assert.equal(error.kind, 'validation', JSON.stringify(strategy));
    assert.equal(error.issues[0].code, 'type', JSON.stringify(strategy));
    assert.equal(error.issues[0].path[0], 'strategy', JSON.stringify(strategy));
  }
  assert.equal(api.requests.length, before, 'no request for a wrongly typed strategy');
  // The values are checked against the strategy enum: an unknown one is an `enum` issue, which
  // 'drift' (above) sends and 'strict' refuses with no request; a known one passes strict too.
  const strict = new ManagementClient({ domain: api.origin, token: 'tok-strategy', validation: 'strict' });
  for (const strategy of [['samlp', 'a-strategy-from-the-future'], 'a-strategy-from-the-future']) {
    const error = await failure(strict.connections.list({ strategy }));
    assert.equal(error.kind, 'validation', JSON.stringify(strategy));
    assert.deepEqual(error.issues.map((i) => [i.path.join('.'), i.code]), [[Array.isArray(strategy) ? 'strategy.1' : 'strategy', 'enum']]);
    assert.match(error.issues[0].message, /"a-strategy-from-the-future" is not a value this package knows/);
  }
  assert.equal(api.requests.length, before, 'strict mode sends no unknown strategy');
  await strict.connections.list({ strategy: ['samlp', 'slack'] });
  assert.equal(api.requests.at(-1).url, '/api/v2/connections?strategy=samlp&strategy=slack');
});
