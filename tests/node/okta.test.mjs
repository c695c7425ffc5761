// OktaClient through the installed package against a local tenant on 127.0.0.1.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { OktaClient, OktaError, ManagementError } from 'idp-connections';
import { startTenant } from '../../tenant/server.mjs';

let tenant;
let okta;
before(async () => {
  tenant = await startTenant();
  okta = new OktaClient({ orgUrl: tenant.origin, token: 'local-okta-token' });
});
after(() => tenant?.close());
beforeEach(() => tenant.clearFaults());

const fails = async (promise) => {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof OktaError && error instanceof ManagementError, String(error));
    return error;
  }
  return assert.fail('expected a rejection');
};

test('SSWS and Bearer auth headers', async () => {
  await okta.getDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org' });
  assert.equal(tenant.requests.at(-1).authScheme, 'SSWS');
  const bearer = new OktaClient({ orgUrl: tenant.origin, accessToken: 'local-okta-token' });
  await bearer.getDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org' });
  assert.equal(tenant.requests.at(-1).authScheme, 'Bearer');
  assert.throws(() => new OktaClient({ orgUrl: 'http://acme.okta.com', token: 't' }), /loopback/);
  assert.throws(() => new OktaClient({ orgUrl: 'https://acme.okta.com' }), /token/);
});

test('the six operations', async () => {
  const got = await okta.getDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org' });
  assert.equal(got.status, 'DISABLED');
  const updated = await okta.updateDefaultProvisioningConnectionForApplication({
    appId: '0oa-org2org', activate: true, body: { profile: { authScheme: 'TOKEN', token: 'abc' } },
  });
  assert.equal(updated.status, 'ENABLED');
  assert.equal(tenant.requests.at(-1).rawPath, '/api/v1/apps/0oa-org2org/connections/default?activate=true');
  assert.equal(await okta.activateDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org' }), undefined);
  assert.equal(tenant.requests.at(-1).rawPath, '/api/v1/apps/0oa-org2org/connections/default/lifecycle/activate');
  assert.equal(await okta.deactivateDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org' }), undefined);
  assert.equal(await okta.verifyProvisioningConnectionForApplication({ appName: 'office365', appId: '0oa-org2org', code: 'c d', state: 's' }), undefined);
  assert.equal(tenant.requests.at(-1).rawPath, '/api/v1/apps/office365/0oa-org2org/oauth2/callback?code=c%20d&state=s');
  const jwks = await okta.getUserProvisioningConnectionJWKS({ appId: '0oa-org2org' });
  assert.equal(jwks.jwks.keys[0].kid, 'kid-0oa-org2org');
});

test('appName is limited (strict) and ids are checked before sending', async () => {
  const before = tenant.requests.length;
  const error = await fails(okta.verifyProvisioningConnectionForApplication({ appName: 'salesforce', appId: '0oa-org2org' }, { validation: 'strict' }));
  assert.equal(error.kind, 'validation');
  assert.equal(error.issues[0].code, 'enum');
  await fails(okta.getDefaultProvisioningConnectionForApplication({ appId: '' }));
  await fails(okta.getDefaultProvisioningConnectionForApplication({}));
  assert.equal(tenant.requests.length, before);
});

test('Okta errors carry errorCode, errorSummary, errorCauses, errorId and requestId', async () => {
  const error = await fails(okta.getDefaultProvisioningConnectionForApplication({ appId: 'missing' }));
  assert.equal(error.statusCode, 404);
  assert.equal(error.errorCode, 'E0000007');
  assert.match(error.errorSummary, /Not found/);
  assert.match(error.errorId, /^oae/);
  assert.match(error.requestId, /^okta-/);
  assert.deepEqual(error.errorCauses, []);
});

test('errorCauses are read as Okta sends them (objects with errorSummary) and as plain strings', async () => {
  tenant.inject({
    path: '/api/v1/apps/0oa-org2org/connections/default', method: 'POST', status: 400, times: 1,
    body: {
      errorCode: 'E0000001', errorSummary: 'Api validation failed: profile', errorId: 'oae-causes',
      errorCauses: [{ errorSummary: 'profile.token: must not be blank' }, 'a cause as a string', { other: 1 }],
    },
  });
  const error = await fails(okta.updateDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org', body: { profile: { authScheme: 'TOKEN', token: 't' } } }));
  assert.equal(error.statusCode, 400);
  assert.equal(error.errorCode, 'E0000001');
  assert.deepEqual(error.errorCauses, ['profile.token: must not be blank', 'a cause as a string']);
});

test('429: waits for X-Rate-Limit-Reset against Date and sends X-Okta-Retry-For/Count', async () => {
  const now = new Date();
  tenant.inject({
    path: '/api/v1/apps/0oa-org2org/connections/default', status: 429, times: 1,
    headers: { 'x-rate-limit-reset': String(Math.floor(now.getTime() / 1000)), date: now.toUTCString(), 'x-okta-request-id': 'failed-req-1' },
    body: { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' },
  });
  const started = Date.now();
  await okta.getDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org' });
  const elapsed = Date.now() - started;
  assert.ok(elapsed >= 300 && elapsed < 3000, `waited ${elapsed} ms`);
  const retry = tenant.requests.at(-1);
  assert.equal(retry.retryFor, 'failed-req-1');
  assert.equal(retry.retryCount, '1');
});

test('real-org answers outside the spec parse: no profile, UNKNOWN, consent links', async () => {
  tenant.reset();
  const org2org = await okta.getDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org' });
  assert.deepEqual([org2org.authScheme, org2org.status, org2org.profile], ['TOKEN', 'DISABLED', undefined]);
  assert.ok(org2org._links.activate.href.endsWith('/lifecycle/activate'));
  const unknown = await okta.getDefaultProvisioningConnectionForApplication({ appId: '0oa-unknown' });
  assert.deepEqual(unknown, { status: 'UNKNOWN', profile: { authScheme: 'UNKNOWN' } });
  const consent = await okta.updateDefaultProvisioningConnectionForApplication({
    appId: '0oa-office365', body: { profile: { authScheme: 'OAUTH2', settings: { adminUsername: 'admin@contoso.example', adminPassword: 'pw' } } },
  });
  assert.match(consent._links.authorize.href, /^https:\/\//);
  const refused = await fails(okta.updateDefaultProvisioningConnectionForApplication({ appId: '0oa-office365', body: { profile: { authScheme: 'BASIC' } } }, { validation: 'strict' }));
  assert.equal(refused.kind, 'validation');
  assert.equal(refused.issues[0].code, 'enum');
});
