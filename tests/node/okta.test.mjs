// OktaClient through the installed package against a local tenant on 127.0.0.1.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { OktaClient, OktaError, ManagementError } from 'idp-connections';
import { startTenant } from '../shared/mini-tenant.mjs';

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
  await okta.getDefaultProvisioningConnectionForApplication({ appId: '0oa1' });
  assert.equal(tenant.log.at(-1).headers.authorization, 'SSWS local-okta-token');
  const bearer = new OktaClient({ orgUrl: tenant.origin, accessToken: 'local-okta-token' });
  await bearer.getDefaultProvisioningConnectionForApplication({ appId: '0oa1' });
  assert.equal(tenant.log.at(-1).headers.authorization, 'Bearer local-okta-token');
  assert.throws(() => new OktaClient({ orgUrl: 'http://acme.okta.com', token: 't' }), /loopback/);
  assert.throws(() => new OktaClient({ orgUrl: 'https://acme.okta.com' }), /token/);
});

test('the six operations', async () => {
  const got = await okta.getDefaultProvisioningConnectionForApplication({ appId: '0oa1' });
  assert.equal(got.status, 'DISABLED');
  const updated = await okta.updateDefaultProvisioningConnectionForApplication({
    appId: '0oa1', activate: true, body: { profile: { authScheme: 'TOKEN', token: 'abc' } },
  });
  assert.equal(updated.status, 'ENABLED');
  assert.equal(tenant.requests.at(-1), '/api/v1/apps/0oa1/connections/default?activate=true');
  assert.equal(await okta.activateDefaultProvisioningConnectionForApplication({ appId: '0oa1' }), undefined);
  assert.equal(tenant.log.at(-1).url, '/api/v1/apps/0oa1/connections/default/lifecycle/activate');
  assert.equal(await okta.deactivateDefaultProvisioningConnectionForApplication({ appId: '0oa1' }), undefined);
  assert.equal(await okta.verifyProvisioningConnectionForApplication({ appName: 'office365', appId: '0oa1', code: 'c d', state: 's' }), undefined);
  assert.equal(tenant.requests.at(-1), '/api/v1/apps/office365/0oa1/oauth2/callback?code=c%20d&state=s');
  const jwks = await okta.getUserProvisioningConnectionJWKS({ appId: '0oa1' });
  assert.equal(jwks[0].kid, 'k1');
});

test('appName is limited and ids are checked before sending', async () => {
  const before = tenant.requests.length;
  const error = await fails(okta.verifyProvisioningConnectionForApplication({ appName: 'salesforce', appId: '0oa1' }));
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
  assert.equal(error.errorId, 'oae2');
  assert.equal(error.requestId, 'okta-404');
  assert.deepEqual(error.errorCauses, []);
});

test('429: waits for X-Rate-Limit-Reset against Date and sends X-Okta-Retry-For/Count', async () => {
  const now = new Date();
  tenant.inject({
    path: '/api/v1/apps/0oa9', status: 429, times: 1,
    headers: { 'x-rate-limit-reset': String(Math.floor(now.getTime() / 1000)), date: now.toUTCString(), 'x-okta-request-id': 'failed-req-1' },
    body: { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' },
  });
  const started = Date.now();
  await okta.getDefaultProvisioningConnectionForApplication({ appId: '0oa9' });
  const elapsed = Date.now() - started;
  assert.ok(elapsed >= 300 && elapsed < 3000, `waited ${elapsed} ms`);
  const retry = tenant.log.at(-1).headers;
  assert.equal(retry['x-okta-retry-for'], 'failed-req-1');
  assert.equal(retry['x-okta-retry-count'], '1');
});
