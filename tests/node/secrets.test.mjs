// Secrets: walks every error path of the client with each way of passing credentials (a static
// token, a token function, client credentials) and checks that no secret appears in messages,
// stacks, String()/JSON/inspect of errors or clients, or anything written to the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { ManagementClient, OktaClient } from 'idp-connections';
import { startTenant } from '../../tenant/server.mjs';

const STATIC = 'tok-static-7f3a9c2e5b1d';
const SECRET = 'cc-secret-4e8b2a6f0c9d';
const OKTA = 'okta-ssws-1a2b3c4d5e6f';

let tenant;
/** Every credential seen on the wire (issued client-credentials tokens included). */
const secrets = new Set([STATIC, SECRET, OKTA]);
/** Everything written to the console while the suite runs. */
const consoleOutput = [];
const realFetch = globalThis.fetch;
const realConsole = {};

before(async () => {
  tenant = await startTenant({
    seed: 'sample',
    token: STATIC,
    clients: [{ clientId: 'cc-client', clientSecret: SECRET }],
    oktaToken: OKTA,
  });
  // Records the tokens the client really sends, so issued tokens are checked too.
  globalThis.fetch = async (url, init) => {
    const auth = new Headers(init?.headers).get('authorization');
    if (auth) secrets.add(auth.replace(/^(Bearer|SSWS) /, ''));
    const response = await realFetch(url, init);
    if (String(url).endsWith('/oauth/token') && response.ok) {
      const body = await response.clone().json();
      if (body.access_token) secrets.add(body.access_token);
    }
    return response;
  };
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
    realConsole[level] = console[level];
    console[level] = (...args) => consoleOutput.push(args.map((a) => inspect(a)).join(' '));
  }
});

after(async () => {
  globalThis.fetch = realFetch;
  Object.assign(console, realConsole);
  await tenant.close();
});

/** Every string form of a value a user might log or send. */
function forms(value) {
  const out = [String(value), inspect(value, { depth: 10, showHidden: true })];
  try {
    out.push(JSON.stringify(value));
  } catch (e) {
    out.push(String(e));
  }
  if (value instanceof Error) out.push(value.message, String(value.stack), inspect(value.cause, { depth: 10 }));
  return out.join('\n');
}

/** Asserts that no secret occurs in any string form of `value`. */
function assertClean(value, label) {
  const text = forms(value);
  for (const secret of secrets) assert.ok(!text.includes(secret), `${label}: a secret leaked:\n${text.slice(0, 500)}`);
}

/** The rejection of a call. */
const rejection = (promise) => promise.then(() => assert.fail('expected a rejection'), (e) => e);

/** The error paths of one client; `own` are the credentials it holds (a server can echo them). */
function errorPaths(client, own) {
  return {
    'api 404': () => client.connections.get('con_missing'),
    'api 409': async () => {
      await client.connections.create({ name: 'dup-secret', strategy: 'auth0' }).catch(() => {});
      return client.connections.create({ name: 'dup-secret', strategy: 'auth0' });
    },
    'api 503 exhausted': () => {
      tenant.inject({ method: 'GET', path: '/api/v2/connections', status: 503, times: 1 });
      return client.connections.list({ take: 1 }, { maxRetries: 0 });
    },
    'server echoes the token': () => {
      const echoed = own().join(' ');
      tenant.inject({ method: 'GET', path: '/api/v2/connections', status: 400, times: 1, body: JSON.stringify({ statusCode: 400, error: 'Bad Request', message: `bad credentials ${echoed}`, errorCode: 'x' }), headers: { 'content-type': 'application/json' } });
      return client.connections.list({ take: 1 }, { maxRetries: 0 });
    },
    timeout: () => {
      tenant.inject({ method: 'GET', path: '/api/v2/connections', hang: true, times: 1 });
      return client.connections.list({ take: 1 }, { timeoutInSeconds: 0.3, maxRetries: 0 });
    },
    'dropped connection': () => {
      tenant.inject({ method: 'GET', path: '/api/v2/connections', drop: true, times: 1 });
      return client.connections.list({ take: 1 }, { maxRetries: 0 });
    },
    validation: () => client.connections.create({ name: 'bad--name', strategy: 'nope' }),
    abort: () => {
      const controller = new AbortController();
      controller.abort();
      return client.connections.list({ take: 1 }, { abortSignal: controller.signal });
    },
  };
}

/** The latest client-credentials token the tenant issued. */
const issuedTokens = () => [...secrets].filter((s) => s.startsWith('cc_'));

const clients = {
  'static token': [() => new ManagementClient({ domain: tenant.origin, token: STATIC }), () => [STATIC]],
  'token function': [() => new ManagementClient({ domain: tenant.origin, token: async () => STATIC }), () => [STATIC]],
  'client credentials': [() => new ManagementClient({ domain: tenant.origin, clientId: 'cc-client', clientSecret: SECRET }), () => [SECRET, ...issuedTokens()]],
};

for (const [mode, [make, own]] of Object.entries(clients)) {
  test(`no secret in any error or client form: ${mode}`, async () => {
    const client = make();
    await client.connections.list({ take: 1 });
    assertClean(client, `${mode} client`);
    for (const [path, call] of Object.entries(errorPaths(client, own))) {
      tenant.clearFaults();
      const error = await rejection(call());
      assert.ok(error instanceof Error, `${mode} / ${path}: an Error`);
      assertClean(error, `${mode} / ${path}`);
    }
    assertClean(client, `${mode} client after errors`);
  });
}

test('client credentials refused by /oauth/token: the secret stays out of the error', async () => {
  const client = new ManagementClient({ domain: tenant.origin, clientId: 'cc-client', clientSecret: `${SECRET}-wrong` });
  secrets.add(`${SECRET}-wrong`);
  const error = await rejection(client.connections.list({ take: 1 }));
  assert.equal(error.kind, 'api');
  assertClean(error, 'refused client credentials');
});

test('a throwing token function: its error is the cause, no secret anywhere', async () => {
  const client = new ManagementClient({ domain: tenant.origin, token: () => { throw new Error('vault down'); } });
  const error = await rejection(client.connections.list({ take: 1 }));
  assertClean(error, 'throwing token function');
});

test('Okta: no SSWS token in errors or the client', async () => {
  const okta = new OktaClient({ orgUrl: tenant.origin, token: OKTA });
  assertClean(okta, 'okta client');
  const missing = await rejection(okta.getDefaultProvisioningConnectionForApplication({ appId: 'missing-app' }));
  assertClean(missing, 'okta 404');
  const invalid = await rejection(okta.updateDefaultProvisioningConnectionForApplication({ appId: 'x', body: { profile: { authScheme: 'NOPE' } } }));
  assertClean(invalid, 'okta validation');
});

test('nothing was written to the console', () => {
  for (const line of consoleOutput) for (const secret of secrets) assert.ok(!line.includes(secret), 'a secret reached the console');
  assert.ok(secrets.size > 3, 'issued tokens were recorded and checked too');
});
