// The local tenant answers every `/connections*` operation with the body the official Auth0 spec
// describes (checked with ajv against the spec's response schemas), and Okta's operations with
// the shapes of Okta's spec, so a client that passes against the tenant reads real answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { loadSpec } from '../shared/ajv-spec.mjs';
import { startTenant } from '../../tenant/server.mjs';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const spec = loadSpec();
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: 'spec', components: { schemas: spec.schemas } });

/** The 2xx response schema of an operation of the spec, `undefined` when it has no body. */
function responseSchema(method, path, status) {
  const content = spec.paths[path]?.[method.toLowerCase()]?.responses?.[status]?.content;
  const schema = content && Object.values(content)[0]?.schema;
  if (!schema) return undefined;
  return ajv.compile(schema.$ref ? { $ref: schema.$ref.replace('#/components/schemas/', 'spec#/components/schemas/') } : JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"spec#/components/schemas/')));
}

let tenant;
before(async () => {
  tenant = await startTenant({ seed: 'sample' });
});
after(() => tenant.close());

const SAML = 'con_0000000000000003';
const DIRECTORY = 'con_0000000000000009';
const seen = new Set();

/** Calls one operation and checks the status and the body against the spec. */
async function call(method, template, concrete, { body, status, query = '' } = {}) {
  const response = await fetch(`${tenant.origin}/api/v2${concrete}${query}`, {
    method,
    headers: { authorization: 'Bearer local-token', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.equal(response.status, status, `${method} ${concrete}: ${text}`);
  seen.add(`${method} ${template}`);
  const validate = responseSchema(method, template, String(status));
  if (!validate) {
    if (status === 204) assert.equal(text, '', `${method} ${template}: a 204 has no body`);
    return text ? JSON.parse(text) : undefined;
  }
  const parsed = JSON.parse(text);
  assert.ok(validate(parsed), `${method} ${template}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  return parsed;
}

test('every Auth0 operation answers a body the official response schema accepts', async () => {
  await call('GET', '/connections', '/connections', { status: 200, query: '?take=3' });
  await call('GET', '/connections', '/connections', { status: 200, query: '?per_page=3&include_totals=true' });
  await call('GET', '/connections', '/connections', { status: 200, query: '?per_page=3' });
  const created = await call('POST', '/connections', '/connections', { status: 201, body: { name: 'conformance-db', strategy: 'auth0' } });
  const id = created.id;
  await call('GET', '/connections/{id}', `/connections/${id}`, { status: 200 });
  await call('PATCH', '/connections/{id}', `/connections/${id}`, { status: 200, body: { display_name: 'Conformance' } });
  await call('GET', '/connections/{id}/status', `/connections/${id}/status`, { status: 200 });
  await call('DELETE', '/connections/{id}/users', `/connections/${id}/users`, { status: 204, query: '?email=a%40example.com' });
  await call('GET', '/connections/{id}/clients', `/connections/${SAML}/clients`, { status: 200 });
  await call('PATCH', '/connections/{id}/clients', `/connections/${SAML}/clients`, { status: 204, body: [{ client_id: 'other-client', status: true }] });
  await call('GET', '/connections/{id}/keys', `/connections/${SAML}/keys`, { status: 200 });
  await call('POST', '/connections/{id}/keys', `/connections/${SAML}/keys`, { status: 201, body: {} });
  await call('POST', '/connections/{id}/keys/rotate', `/connections/${SAML}/keys/rotate`, { status: 201, body: {} });
  await call('GET', '/connections-scim-configurations', '/connections-scim-configurations', { status: 200 });
  await call('GET', '/connections/{id}/scim-configuration', `/connections/${SAML}/scim-configuration`, { status: 200 });
  await call('PATCH', '/connections/{id}/scim-configuration', `/connections/${SAML}/scim-configuration`, { status: 200, body: { user_id_attribute: 'userName', mapping: [] } });
  await call('GET', '/connections/{id}/scim-configuration/default-mapping', `/connections/${SAML}/scim-configuration/default-mapping`, { status: 200 });
  const tokens = await call('GET', '/connections/{id}/scim-configuration/tokens', `/connections/${SAML}/scim-configuration/tokens`, { status: 200 });
  assert.ok(tokens.every((t) => t.token === undefined), 'a token value is only in the create answer');
  const made = await call('POST', '/connections/{id}/scim-configuration/tokens', `/connections/${SAML}/scim-configuration/tokens`, { status: 201, body: { scopes: ['get:users'] } });
  assert.ok(made.token, 'the create answer carries the token value');
  await call('DELETE', '/connections/{id}/scim-configuration/tokens/{tokenId}', `/connections/${SAML}/scim-configuration/tokens/${made.token_id}`, { status: 204 });
  await call('DELETE', '/connections/{id}/scim-configuration', `/connections/${SAML}/scim-configuration`, { status: 204 });
  await call('POST', '/connections/{id}/scim-configuration', `/connections/${SAML}/scim-configuration`, { status: 201, body: {} });
  await call('GET', '/connections-directory-provisionings', '/connections-directory-provisionings', { status: 200 });
  await call('GET', '/connections/{id}/directory-provisioning', `/connections/${DIRECTORY}/directory-provisioning`, { status: 200 });
  await call('PATCH', '/connections/{id}/directory-provisioning', `/connections/${DIRECTORY}/directory-provisioning`, { status: 200, body: { synchronize_automatically: false } });
  await call('GET', '/connections/{id}/directory-provisioning/default-mapping', `/connections/${DIRECTORY}/directory-provisioning/default-mapping`, { status: 200 });
  await call('GET', '/connections/{id}/directory-provisioning/synchronized-groups', `/connections/${DIRECTORY}/directory-provisioning/synchronized-groups`, { status: 200 });
  await call('PUT', '/connections/{id}/directory-provisioning/synchronized-groups', `/connections/${DIRECTORY}/directory-provisioning/synchronized-groups`, { status: 204, body: { groups: [{ id: 'grpSupport' }] } });
  await call('POST', '/connections/{id}/directory-provisioning/synchronized-groups', `/connections/${DIRECTORY}/directory-provisioning/synchronized-groups`, { status: 204, body: { groups: [{ id: 'grpNew', name: 'New', email: 'new@example.com', direct_members_count: 1 }] } });
  await call('DELETE', '/connections/{id}/directory-provisioning/synchronized-groups', `/connections/${DIRECTORY}/directory-provisioning/synchronized-groups`, { status: 204, body: { groups: [{ id: 'grpNew' }] } });
  await call('POST', '/connections/{id}/directory-provisioning/synchronizations', `/connections/${DIRECTORY}/directory-provisioning/synchronizations`, { status: 201 });
  await call('DELETE', '/connections/{id}/directory-provisioning', `/connections/${DIRECTORY}/directory-provisioning`, { status: 204 });
  await call('POST', '/connections/{id}/directory-provisioning', `/connections/${DIRECTORY}/directory-provisioning`, { status: 201, body: { mapping: [{ auth0: 'email', idp: 'primaryEmail' }] } });
  await call('DELETE', '/connections/{id}', `/connections/${id}`, { status: 204 });
  const operations = Object.entries(spec.paths).flatMap(([path, item]) => Object.keys(item).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`));
  assert.deepEqual(operations.filter((op) => !seen.has(op)), [], 'every operation of the spec was called');
});

test('Okta: spec-shaped answers, and the drift real orgs show kept on purpose', async () => {
  const okta = JSON.parse(readFileSync(new URL('../../spec/okta/app-connections-oas.json', import.meta.url), 'utf8'));
  const oktaAjv = new Ajv2020({ strict: false, validateFormats: false });
  oktaAjv.addSchema({ $id: 'okta', components: okta.components });
  const schema = (name) => oktaAjv.compile({ $ref: `okta#/components/schemas/${name}` });
  const get = async (path) => (await fetch(`${tenant.origin}/api/v1/apps/${path}`, { headers: { authorization: 'SSWS local-okta-token' } })).json();
  const connection = schema('ProvisioningConnectionResponse');
  assert.ok(connection(await get('0oa-office365/connections/default')), JSON.stringify(connection.errors));
  assert.equal(connection(await get('0oa-org2org/connections/default')), false, 'Org2Org answers without profile, outside the spec');
  const unknown = await get('0oa-unknown/connections/default');
  assert.ok(connection(unknown) && unknown._links === undefined, 'UNKNOWN is in the spec enums; the answer has no _links');
  const jwks = schema('AppConnectionUserProvisionJWKResponse');
  assert.ok(jwks(await get('0oa-org2org/connections/default/jwks')), JSON.stringify(jwks.errors));
});
