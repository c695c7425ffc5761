// Parity with the official `auth0` SDK (7.1.0): the same calls, made by both clients against the
// local tenant, send the same requests (method, path, decoded query, body, and no body where the
// SDK sends none) and return the same results. (Mixed checkpoint/offset list parameters are not
// compared: the SDK's connections.list drops per_page; go-auth0 and Terraform send it, and
// tests/node/drift.test.mjs checks the package sends what it is given.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ManagementClient as Auth0Sdk } from 'auth0';
import { ManagementClient } from 'idp-connections';
import { startTenant } from '../../tenant/server.mjs';

let tenant;
let ours;
let sdk;
before(async () => {
  tenant = await startTenant({ seed: 'sample' });
  ours = new ManagementClient({ domain: tenant.domain, token: 'local-token', maxRetries: 0 });
  // The SDK builds https URLs from a domain; its fetch goes to the loopback tenant over http.
  const viaHttp = (url, init) => fetch(String(url).replace('https://', 'http://'), init);
  sdk = new Auth0Sdk({ domain: new URL(tenant.origin).host, token: 'local-token', fetch: viaHttp, maxRetries: 0 });
});
after(() => tenant?.close());

/** The request a call sent: the tenant's last log entry, with its query decoded. */
async function request(call) {
  const before = tenant.requests.length;
  const result = await call();
  assert.equal(tenant.requests.length, before + 1, 'one request');
  const { method, rawPath, status, body } = tenant.requests.at(-1);
  const [path, query = ''] = rawPath.split('?');
  return { sent: { method, path, query: [...new URLSearchParams(query)].sort(), status, body }, result };
}

/** Runs `call(client)` with the SDK and with the package, resetting `reset()` before each. */
async function same(call, reset = () => {}) {
  reset();
  const theirs = await request(() => call(sdk));
  reset();
  const mine = await request(() => call(ours));
  assert.deepEqual(mine.sent, theirs.sent);
  return { theirs, mine };
}

const DIRECTORY = () => [...tenant.state.directory.keys()][0];

test('addSynchronizedGroupSelections and deleteSynchronizedGroupSelections', async () => {
  const id = DIRECTORY();
  const groups = [{ id: 'grpParity', name: 'Parity', email: 'parity@example.com', direct_members_count: 2 }];
  const added = await same((c) => c.connections.directoryProvisioning.addSynchronizedGroupSelections(id, { groups }));
  assert.deepEqual([added.mine.sent.method, added.mine.sent.status, added.mine.sent.body], ['POST', 204, { groups }]);
  assert.equal(added.mine.result, undefined);
  const removed = await same((c) => c.connections.directoryProvisioning.deleteSynchronizedGroupSelections(id, { groups: [{ id: 'grpParity' }] }));
  assert.deepEqual([removed.mine.sent.method, removed.mine.sent.status, removed.mine.sent.body], ['DELETE', 204, { groups: [{ id: 'grpParity' }] }]);
});

test('listSynchronizedGroups with q', async () => {
  const { mine, theirs } = await same((c) => c.connections.directoryProvisioning.listSynchronizedGroups(DIRECTORY(), { q: 'name:eng*', take: 10 }));
  assert.deepEqual(mine.sent.query, [['q', 'name:eng*'], ['take', '10']]);
  assert.deepEqual(mine.result.data, theirs.result.data);
  assert.deepEqual(mine.result.data.map((g) => g.name), ['Engineering']);
});

test('body-less calls: keys.rotate and scimConfiguration.create without options', async () => {
  const id = tenant.state.connections[0].id;
  const rotated = await same((c) => c.connections.keys.rotate(id));
  assert.equal(rotated.mine.sent.body, undefined);
  const scim = await same((c) => c.connections.scimConfiguration.create(id), () => tenant.state.scim.delete(id));
  assert.equal(scim.mine.sent.body, undefined);
  assert.equal(scim.mine.sent.status, 201);
});
