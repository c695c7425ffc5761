// The live server is newer than any copy of its spec: the spec overlay's additions pass the
// validators and the local tenant, and the client's check before sending does not block a request
// only because the package has never heard of a property, a parameter or a value ('drift', the
// default), while 'strict' refuses them with no request and 'off' sends bodies unchecked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ManagementClient, ManagementError, OktaClient, OktaError, STRATEGIES, validateConnectionCreate, validateConnectionUpdate,
  validateSynchronizedGroupsAdd, validateSynchronizedGroupsDelete, validateSynchronizedGroupsReplace,
} from 'idp-connections';
import { startTenant } from '../../tenant/server.mjs';

let tenant;
let client;
before(async () => {
  tenant = await startTenant({ seed: 'sample' });
  client = new ManagementClient({ domain: tenant.domain, token: 'local-token', maxRetries: 0 });
});
after(() => tenant?.close());

/** The rejection of `promise`, checked to be a ManagementError (or `type`). */
async function refusal(promise, type = ManagementError) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof type, `not a ${type.name}: ${error}`);
    return error;
  }
  return assert.fail('expected a rejection');
}

/** Runs `call` and returns how many requests reached the tenant meanwhile. */
async function sent(call) {
  const before = tenant.requests.length;
  await call();
  return tenant.requests.length - before;
}

const codes = (result) => (result.ok ? [] : result.issues.map((i) => `${i.path.join('.')}:${i.code}`));

const NEW_STRATEGIES = ['asana', 'atlassian', 'cloudflare-mcp', 'gitlab', 'hubspot-mcp', 'linear-mcp', 'notion-mcp', 'sentry-mcp', 'slack'];
const DIRECTORY = () => [...tenant.state.directory.keys()][0];

test('the overlay\'s bodies pass the validators and the tenant (section 1)', async () => {
  for (const strategy of NEW_STRATEGIES) assert.ok(STRATEGIES.includes(strategy), strategy);
  const bodies = [
    ...NEW_STRATEGIES.map((strategy) => ({ name: `new-${strategy}`, strategy })),
    { name: 'xaa-resource', strategy: 'oidc', cross_app_access_resource_app: { status: 'enabled' }, options: { client_id: 'c', discovery_url: 'https://idp.example/.well-known/openid-configuration', useOauthSpecScope: true, enable_pushed_authorization_requests: true, pushed_authorization_request_endpoint: 'https://idp.example/par', oidc_metadata: { issuer: 'https://idp.example', require_pushed_authorization_requests: true, pushed_authorization_request_endpoint: 'https://idp.example/par' } } },
    { name: 'connected-accounts', strategy: 'google-oauth2', connected_accounts: { active: true, allow_missing_user_id: true } },
    { name: 'username-method', strategy: 'auth0', options: { attributes: { username: { identifier: { active: true, default_method: 'password' } } } } },
  ];
  for (const body of bodies) {
    assert.deepEqual(codes(validateConnectionCreate(body)), [], body.name);
    const created = await client.connections.create(body, { validation: 'strict' });
    assert.equal(created.name, body.name);
    if (body.cross_app_access_resource_app) assert.deepEqual(created.cross_app_access_resource_app, { status: 'enabled' });
  }
  // An option the newer spec removed (S4) is not an oidc option any more: reported as unknown
  // (the oidc options schema), and sent for the server to judge under the default 'drift'.
  const fcat = { name: 'fcat-lenient', strategy: 'oidc', options: { client_id: 'c', federated_connections_access_tokens: { active: true } } };
  assert.deepEqual(codes(validateConnectionCreate(fcat)), ['options.federated_connections_access_tokens:unknown_field']);
  assert.equal((await client.connections.create(fcat)).name, fcat.name);
  const id = tenant.state.connections.find((c) => c.name === 'xaa-resource').id;
  assert.deepEqual(codes(validateConnectionUpdate({ cross_app_access_resource_app: null })), []);
  assert.deepEqual(codes(validateConnectionUpdate({ cross_app_access_resource_app: { status: 'disabled' } })), []);
  assert.equal((await client.connections.update(id, { cross_app_access_resource_app: null }, { validation: 'strict' })).cross_app_access_resource_app, null);
  // Still refused: a wrong status type, a missing status.
  assert.deepEqual(codes(validateConnectionUpdate({ cross_app_access_resource_app: {} })), ['cross_app_access_resource_app.status:required']);
});

test('synchronized groups: the new fields, the email format at the tenant, add and delete', async () => {
  const id = DIRECTORY();
  const group = { id: 'grpSupport', name: 'Support', email: "o'brien+support@eu.example.com", direct_members_count: 4 };
  for (const validate of [validateSynchronizedGroupsReplace, validateSynchronizedGroupsAdd]) {
    assert.deepEqual(codes(validate({ groups: [group] })), []);
    assert.deepEqual(codes(validate({ groups: [{ ...group, direct_members_count: 1.5 }] })), ['groups.0.direct_members_count:type']);
  }
  assert.deepEqual(codes(validateSynchronizedGroupsDelete({ groups: [{ id: 'grpSupport' }] })), []);
  assert.deepEqual(codes(validateSynchronizedGroupsDelete({ groups: [{}] })), ['groups.0.id:required']);
  const d = client.connections.directoryProvisioning;
  assert.equal(await d.addSynchronizedGroupSelections(id, { groups: [group] }), undefined);
  const added = tenant.requests.at(-1);
  assert.deepEqual([added.method, added.status, added.body], ['POST', 204, { groups: [group] }]);
  const page = await d.listSynchronizedGroups(id, { q: 'name:supp*' });
  assert.deepEqual(page.data, [group]);
  assert.match(tenant.requests.at(-1).rawPath, /\?q=name%3Asupp/);
  assert.equal(await d.deleteSynchronizedGroupSelections(id, { groups: [{ id: 'grpSupport' }] }), undefined);
  const removed = tenant.requests.at(-1);
  assert.deepEqual([removed.method, removed.status, removed.body], ['DELETE', 204, { groups: [{ id: 'grpSupport' }] }]);
  assert.equal((await d.listSynchronizedGroups(id, { q: 'name:supp*' })).data.length, 0);
  // Auth0 refuses an empty or malformed email: so do the validators (before sending) and the tenant.
  for (const email of ['', 'not-an-email', 'a@b', 'a..b@example.com', 'a@-x.example']) {
    const body = { groups: [{ id: 'grpBad', email }] };
    assert.deepEqual(codes(validateSynchronizedGroupsAdd(body)), ['groups.0.email:format'], email);
    let refused;
    assert.equal(await sent(async () => { refused = await refusal(d.addSynchronizedGroupSelections(id, body)); }), 0);
    assert.match(refused.message, /groups\[0\]\.email must be an email address/);
    const answer = await refusal(d.addSynchronizedGroupSelections(id, body, { validation: 'off' }));
    assert.equal(answer.statusCode, 400);
    assert.match(answer.message, /format/);
  }
  // The tenant answers a q it cannot take with a 400, as Auth0 does.
  assert.equal((await refusal(d.listSynchronizedGroups(id, { q: 'name:a AND email:b' }))).statusCode, 400);
});

test('drift: an invented property or strategy is reported by the validator and sent by the client', async () => {
  const invented = [
    [{ name: 'future-flag', strategy: 'auth0', future_flag: true }, 'future_flag:unknown_field'],
    [{ name: 'future-strategy', strategy: 'a-strategy-from-2027' }, 'strategy:enum'],
    [{ name: 'future-policy', strategy: 'auth0', options: { passwordPolicy: 'quantum' } }, 'options.passwordPolicy:enum'],
  ];
  for (const [body, code] of invented) {
    assert.deepEqual(codes(validateConnectionCreate(body)), [code]);
    // Sent, and the server's answer returned: here the tenant (as old as the overlay) refuses it.
    let answer;
    assert.equal(await sent(async () => { answer = await refusal(client.connections.create(body)); }), 1);
    assert.equal(answer.kind, 'api');
    assert.equal(answer.statusCode, 400);
    assert.deepEqual(tenant.requests.at(-1).body, body);
    // Strict refuses it with no request, per client or per call.
    const strict = new ManagementClient({ domain: tenant.domain, token: 'local-token', validation: 'strict' });
    for (const call of [() => strict.connections.create(body), () => client.connections.create(body, { validation: 'strict' })]) {
      let error;
      assert.equal(await sent(async () => { error = await refusal(call()); }), 0);
      assert.equal(error.kind, 'validation');
      assert.deepEqual(error.issues.map((i) => `${i.path.join('.')}:${i.code}`), [code]);
    }
  }
  // A server that knows the value answers with success: the tenant knows auth0's passwordPolicy 'good'.
  const fine = await client.connections.create({ name: 'known-policy', strategy: 'auth0', options: { passwordPolicy: 'good' } });
  assert.equal(fine.options.passwordPolicy, 'good');
});

test('drift: every other issue still blocks with no request; off sends the body unchecked', async () => {
  const broken = [
    { name: 'bad name', strategy: 'auth0' },
    { name: 'x'.repeat(129), strategy: 'auth0' },
    { name: 'typed', strategy: 'auth0', metadata: { k: 1 } },
    { name: 'nulled', strategy: null },
  ];
  for (const body of broken) {
    let error;
    assert.equal(await sent(async () => { error = await refusal(client.connections.create(body)); }), 0, JSON.stringify(body));
    assert.equal(error.kind, 'validation');
  }
  let answer;
  assert.equal(await sent(async () => { answer = await refusal(client.connections.create(broken[0], { validation: 'off' })); }), 1);
  assert.equal(answer.kind, 'api');
  assert.equal(answer.statusCode, 400);
  assert.throws(() => new ManagementClient({ domain: tenant.domain, token: 't', validation: 'loose' }), (e) => e.kind === 'validation' && /validation must be "drift", "strict" or "off"/.test(e.message));
});

test('drift in query parameters: unknown names and values of the right type are sent, wrong types refused', async () => {
  const before = tenant.requests.length;
  const error = await refusal(client.connections.list({ strategy: ['a-strategy-from-2027'] }));
  assert.equal(error.statusCode, 400, 'the tenant judges the unknown strategy');
  await client.connections.list({ take: 5, future_param: 'x' });
  assert.match(tenant.requests.at(-1).rawPath, /take=5&future_param=x$/);
  assert.equal(tenant.requests.length, before + 2);
  for (const params of [{ take: 'five' }, { include_totals: 'yes' }, { future_param: { nested: true } }]) {
    const refused = await refusal(client.connections.list(params));
    assert.equal(refused.kind, 'validation');
    assert.equal(refused.issues[0].code, 'type');
  }
  await refusal(client.connections.list({ take: 5, future_param: 'x' }, { validation: 'strict' }));
  assert.equal(tenant.requests.length, before + 2);
});

test('the strategy filter knows every value of the spec\'s ConnectionStrategyEnum, auth0-adldap too (sent under strict)', async () => {
  const before = tenant.requests.length;
  const page = await client.connections.list({ strategy: ['auth0-adldap', 'ad'] }, { validation: 'strict' });
  assert.equal(tenant.requests.length, before + 1);
  assert.match(tenant.requests.at(-1).rawPath, /strategy=auth0-adldap&strategy=ad/);
  assert.ok(Array.isArray(page.data));
  const refused = await refusal(client.connections.list({ strategy: ['a-strategy-from-2027'] }, { validation: 'strict' }));
  assert.equal(refused.kind, 'validation');
  assert.equal(refused.issues[0].code, 'enum');
  assert.equal(tenant.requests.length, before + 1);
});

test('connections.list with both paging styles is sent as given and read in checkpoint form', async () => {
  const page = await client.connections.list({ include_totals: true, per_page: 50, take: 100 });
  const request = tenant.requests.at(-1);
  assert.match(request.rawPath, /\?per_page=50&include_totals=true&take=100$/);
  assert.equal(page.data.length, tenant.state.connections.length);
  assert.equal(page.hasNextPage(), false);
  const small = await client.connections.list({ include_totals: true, per_page: 50, take: 2 });
  const ids = [];
  for await (const c of small) ids.push(c.id);
  assert.deepEqual(ids, tenant.state.connections.map((c) => c.id));
});

test('calls without a body send no body, not {}', async () => {
  const { id } = await client.connections.create({ name: 'bodyless', strategy: 'samlp', options: { signInEndpoint: 'https://idp.example/sso', signingCert: 'MIIC' } });
  for (const call of [
    () => client.connections.keys.rotate(id),
    () => client.connections.keys.create(id),
    () => client.connections.scimConfiguration.create(id),
    () => client.connections.directoryProvisioning.create(id),
  ]) {
    await call();
    assert.equal(tenant.requests.at(-1).body, undefined, tenant.requests.at(-1).rawPath);
  }
  await client.connections.keys.rotate(id, {});
  assert.deepEqual(tenant.requests.at(-1).body, {});
});

test('Okta: an unknown authScheme or appName is sent under drift and refused under strict', async () => {
  const okta = new OktaClient({ orgUrl: tenant.origin, token: 'local-okta-token', maxRetries: 0 });
  const before = tenant.requests.length;
  const answer = await refusal(okta.updateDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org', body: { profile: { authScheme: 'BASIC' } } }), OktaError);
  assert.equal(answer.statusCode, 400);
  const verify = await refusal(okta.verifyProvisioningConnectionForApplication({ appName: 'salesforce', appId: '0oa-org2org' }), OktaError);
  assert.equal(verify.statusCode, 400);
  assert.equal(tenant.requests.length, before + 2);
  const strict = await refusal(okta.updateDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org', body: { profile: { authScheme: 'BASIC' } } }, { validation: 'strict' }), OktaError);
  assert.equal(strict.kind, 'validation');
  assert.equal(strict.issues[0].code, 'enum');
  const wrongType = await refusal(okta.updateDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org', body: { profile: { authScheme: 7 } } }), OktaError);
  assert.equal(wrongType.kind, 'validation');
  assert.equal(tenant.requests.length, before + 2);
});
