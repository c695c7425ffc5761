// The local tenant's request log and fault matching: every answer's status is logged (the token
// exchange included), secrets in bodies never reach the log, a `log` callback sees each entry, and
// fault paths may be written relative to /api/v2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTenant } from '../../tenant/server.mjs';
import { redactSecrets } from '../../tenant/redact.mjs';

let tenant;
const seen = [];
before(async () => {
  tenant = await startTenant({ seed: 'sample', log: (entry) => seen.push(entry) });
});
after(() => tenant?.close());

const auth0 = (path, init = {}) => fetch(`${tenant.origin}/api/v2${path}`, { ...init, headers: { authorization: 'Bearer local-token', 'content-type': 'application/json' } });
const okta = (path, init = {}) => fetch(`${tenant.origin}/api/v1/apps/${path}`, { ...init, headers: { authorization: 'SSWS local-okta-token', 'content-type': 'application/json' } });

test('fault paths relative to /api/v2 match Auth0 paths only; full paths and RegExps still match', async () => {
  tenant.inject({ method: 'GET', path: '/connections', status: 503, times: 1 });
  assert.equal((await auth0('/connections?take=1')).status, 503);
  assert.equal((await auth0('/connections?take=1')).status, 200, 'the fault fired once');
  const [first] = tenant.state.connections;
  tenant.inject({ path: `/connections/${first.id}/status`, status: 429, headers: { 'retry-after': '1' }, times: 1 });
  assert.equal((await auth0(`/connections/${first.id}`)).status, 200, 'a longer relative prefix does not match a shorter path');
  const limited = await auth0(`/connections/${first.id}/status`);
  assert.deepEqual([limited.status, limited.headers.get('retry-after')], [429, '1']);
  tenant.inject({ path: '/connections', status: 500, times: Infinity });
  assert.equal((await okta('0oa-org2org/connections/default')).status, 200, 'a relative Auth0 path never matches Okta');
  tenant.clearFaults();
  tenant.inject({ path: '/api/v1/apps/0oa-org2org', status: 500, times: 1 });
  assert.equal((await okta('0oa-org2org/connections/default')).status, 500);
  tenant.inject({ path: /\/keys$/, status: 502, times: 1 });
  assert.equal((await auth0(`/connections/${first.id}/keys`)).status, 502);
});

test('the token exchange is logged with its status, its secret redacted', async () => {
  const form = (secret) => new URLSearchParams({ grant_type: 'client_credentials', client_id: 'local-client', client_secret: secret });
  assert.equal((await fetch(`${tenant.origin}/oauth/token`, { method: 'POST', body: form('local-secret') })).status, 200);
  assert.equal((await fetch(`${tenant.origin}/oauth/token`, { method: 'POST', body: form('wrong-secret') })).status, 401);
  const exchanges = tenant.requests.filter((r) => r.rawPath === '/oauth/token').slice(-2);
  assert.deepEqual(exchanges.map((r) => r.status), [200, 401]);
  assert.deepEqual(exchanges.map((r) => r.body.client_secret), ['[redacted]', '[redacted]']);
  assert.equal(exchanges[0].body.client_id, 'local-client', 'what is not secret stays readable');
});

test('secrets in Auth0 and Okta bodies never reach the log; option names that mention them stay', async () => {
  const created = await auth0('/connections', {
    method: 'POST',
    body: JSON.stringify({ name: 'logged-oidc', strategy: 'oidc', options: { client_id: 'cid', client_secret: 'oidc-secret-value', type: 'back_channel', issuer: 'https://idp.example', token_endpoint: 'https://idp.example/token' } }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const token = await okta('0oa-org2org/connections/default', { method: 'POST', body: JSON.stringify({ profile: { authScheme: 'TOKEN', token: 'okta-provisioning-token' } }) });
  assert.equal(token.status, 200);
  const oauth = await okta('0oa-office365/connections/default', { method: 'POST', body: JSON.stringify({ profile: { authScheme: 'OAUTH2', clientId: 'abc', settings: { adminUsername: 'admin@example.com', adminPassword: 'hunter2-admin' } } }) });
  assert.equal(oauth.status, 200);
  const log = JSON.stringify(tenant.requests);
  for (const secret of ['oidc-secret-value', 'okta-provisioning-token', 'hunter2-admin', 'local-token', 'local-okta-token', 'local-secret']) {
    assert.ok(!log.includes(secret), `the log holds no ${secret}`);
  }
  const oidc = tenant.requests.find((r) => r.body?.name === 'logged-oidc');
  assert.deepEqual([oidc.body.options.client_secret, oidc.body.options.token_endpoint, oidc.status], ['[redacted]', 'https://idp.example/token', 201]);
  const stored = tenant.state.connections.find((c) => c.name === 'logged-oidc');
  assert.equal(stored.options.client_secret, 'oidc-secret-value', 'only the log is redacted, not the stored connection');
});

test('redactSecrets: nested, in arrays, keeps empty values and non-secret keys', () => {
  const body = { options: { passwordPolicy: 'good', twilio_token: 'tw', list: [{ apiKey: 'k', name: 'n' }], client_secret: '' }, password: 'p' };
  assert.deepEqual(redactSecrets(body), { options: { passwordPolicy: 'good', twilio_token: '[redacted]', list: [{ apiKey: '[redacted]', name: 'n' }], client_secret: '' }, password: '[redacted]' });
  assert.equal(body.password, 'p', 'the input is not changed');
  assert.deepEqual([redactSecrets(undefined), redactSecrets('x'), redactSecrets(3)], [undefined, 'x', 3]);
});

test('the log callback sees each logged request once it is answered', async () => {
  const from = seen.length;
  await auth0('/connections?take=2');
  await auth0('/connections/con_missing_entirely');
  const fresh = seen.slice(from);
  assert.deepEqual(fresh.map((e) => [e.method, e.rawPath, e.status]), [['GET', '/api/v2/connections?take=2', 200], ['GET', '/api/v2/connections/con_missing_entirely', 404]]);
  assert.ok(fresh.every((e) => tenant.requests.includes(e)));
});

/** A PEM block of `label` with a recognisable body. */
const pem = (label, body) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;

test('SAML private keys and PEM private key blocks never reach the log; certificates stay', async () => {
  const cert = pem('CERTIFICATE', 'MIIBcertificatebody');
  const options = {
    signInEndpoint: 'https://idp.example/sso',
    signing_key: { cert, key: pem('PRIVATE KEY', 'MIIEsigningkeybody') },
    decryptionKey: { cert, key: pem('RSA PRIVATE KEY', 'MIIEdecryptionkeybody') },
    note: `rotated key below\n${pem('EC PRIVATE KEY', 'MHcCAQEEnotekeybody')}\nend of note`,
    pasted: ['-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFcutshortkeybody'],
  };
  const created = await auth0('/connections', { method: 'POST', body: JSON.stringify({ name: 'logged-saml', strategy: 'samlp', options }) });
  assert.equal(created.status, 201, await created.clone().text());
  const logged = tenant.requests.find((r) => r.body?.name === 'logged-saml');
  const text = JSON.stringify(logged);
  for (const secret of ['signingkeybody', 'decryptionkeybody', 'notekeybody', 'cutshortkeybody', 'PRIVATE KEY']) {
    assert.ok(!text.includes(secret), `the log holds no ${secret}`);
  }
  const { options: kept } = logged.body;
  assert.deepEqual([kept.signing_key, kept.decryptionKey], [{ cert, key: '[redacted]' }, { cert, key: '[redacted]' }]);
  assert.deepEqual([kept.note, kept.pasted], ['rotated key below\n[redacted]\nend of note', ['[redacted]']]);
  assert.equal(kept.signInEndpoint, 'https://idp.example/sso');
  const stored = tenant.state.connections.find((c) => c.name === 'logged-saml');
  assert.equal(stored.options.signing_key.key, options.signing_key.key, 'only the log is redacted');
});

test('redactSecrets: a key is data, a `key` outside a key pair stays', () => {
  const body = JSON.parse('{"metadata":{"__proto__":"kept","key":"not a secret"},"signingKey":{"key":"s","cert":"c"}}');
  const copy = redactSecrets(body);
  assert.deepEqual(Object.keys(copy.metadata), ['__proto__', 'key']);
  assert.equal(Object.getPrototypeOf(copy.metadata), Object.prototype);
  assert.equal(JSON.stringify(copy), '{"metadata":{"__proto__":"kept","key":"not a secret"},"signingKey":{"key":"[redacted]","cert":"c"}}');
});
