// The server's cross-field rules through the installed package (both entries): every failing body
// refused with its code at its path, every passing one accepted; the messages stay close to the
// server's; and the accept path still proves the common create body without crossing into wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as lib from 'idp-connections';
import * as validators from 'idp-connections/validate';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_CASES, runRulesSuite } from '../shared/rules-suite.mjs';

for (const [entry, module] of [['idp-connections', lib], ['idp-connections/validate', validators]]) {
  test(`${entry}: every cross-field rule refuses its failing bodies and accepts its passing ones`, () => {
    const report = runRulesSuite(module);
    assert.equal(report.failureCount, 0, JSON.stringify(report.failures, null, 1));
    assert.ok(report.total >= RULE_CASES.length);
  });
}

test("messages start with the server's own words", () => {
  const message = (result, code) => result.issues.find((issue) => issue.code === code).message;
  const db = (options) => ({ name: 'db', strategy: 'auth0', options });
  const email = { identifier: { active: true } };
  assert.match(message(lib.validateConnectionCreate(db({ attributes: { email }, validation: {} })), 'conflict'), /^Cannot set both options\.attributes and options\.validation/);
  assert.match(message(lib.validateConnectionCreate(db({ attributes: { email }, requires_username: true })), 'conflict'), /^Cannot set both options\.attributes and options\.requires_username/);
  assert.match(message(lib.validateConnectionCreate(db({ attributes: { email: {} } })), 'no_identifier'), /^attributes must contain one active identifier/);
  assert.match(
    message(lib.validateConnectionCreate(db({ attributes: { phone_number: { identifier: { active: true }, signup: { status: 'optional' } } } })), 'signup_required'),
    /^attribute phone_number must also be required on signup/,
  );
  assert.match(message(lib.validateConnectionUpdate({ options: { attributes: { email: { ...email, unique: false } } } }), 'create_only'), /^cannot add non-unique email attribute/);
  assert.match(
    message(lib.validateConnectionCreate({ name: 'x', strategy: 'waad', cross_app_access_requesting_app: { active: false } }), 'unsupported'),
    /^Cross App Access Requesting App is not supported for this connection\.$/,
  );
});

test('bodies a rule reads reach the wasm; the common create body is proved in JS', async () => {
  // The accept path alone (the installed package's lib/accept.js over its wasm's tables): true
  // when it answers without the wasm.
  const pkg = dirname(createRequire(import.meta.url).resolve('idp-connections/package.json'));
  await Promise.all([import(pathToFileURL(join(pkg, 'idp_connections.js')).href), import(pathToFileURL(join(pkg, 'lib/accept.js')).href)]).then(
    ([glue, { firstAccept }]) => {
      const acceptOnly = firstAccept(() => glue.schema_tables());
      const proved = (name, value) => acceptOnly(name, () => ({ ok: false }))(value).ok;
      const common = { name: 'acme', strategy: 'samlp', options: { signInEndpoint: 'https://idp.example/sso', signingCert: null } };
      assert.equal(proved('validateConnectionCreate', common), true, 'a valid body without a rule key is proved in JS');
      const neighbour = { name: 'db', strategy: 'auth0', options: { validation: { username: { min: 1, max: 15 } } } };
      assert.equal(proved('validateConnectionCreate', neighbour), true, "a rule's neighbour alone is proved in JS");
      assert.equal(proved('validateConnectionUpdate', { options: { requires_username: true } }), true);
      // A body holding a key a rule reads is never settled in JS, passing or failing; the cases
      // without one are settled when valid (an invalid body always reaches the wasm).
      const ruleKey = (body) => body.options?.attributes !== undefined || 'cross_app_access_requesting_app' in body;
      // (The group email is the schema's format, not a rule: the accept path checks it itself.)
      const ruled = RULE_CASES.filter(([validator]) => validator !== 'validateSynchronizedGroupsReplace');
      for (const [validator, label, body, refusal, options] of ruled) {
        const settled = acceptOnly(validator, () => ({ ok: false }))(body, options).ok;
        assert.equal(settled, !ruleKey(body) && refusal === null, label);
      }
      // On an update, cross_app_access_requesting_app reaches Rust when a strategy is named (the
      // rule needs one), whether or not that strategy has a per-strategy schema.
      const xaa = { cross_app_access_requesting_app: { active: true } };
      const update = acceptOnly('validateConnectionUpdate', () => ({ ok: false }));
      assert.equal(update(xaa).ok, true);
      for (const strategy of ['auth0', 'oidc', 'slack', 'no-such-strategy']) assert.equal(update(xaa, { strategy }).ok, false, strategy);
      // A trigger path the tables do not hold leaves every body to Rust rather than proving one a
      // rule might refuse.
      const tape = JSON.parse(glue.schema_tables());
      const trigger = tape.triggers.find(({ path, key }) => path.join('.') === 'options' && key === 'attributes');
      assert.ok(trigger !== undefined);
      trigger.path = ['no_such_property'];
      const stale = firstAccept(() => JSON.stringify(tape));
      assert.equal(stale('validateConnectionCreate', () => ({ ok: false }))(common).ok, false);
    },
  );
});

test('the client refuses a body a server rule refuses, before any request', async (t) => {
  const { startTenant } = await import('../../tenant/server.mjs');
  const tenant = await startTenant({ seed: 'empty' });
  t.after(() => tenant.close());
  const client = new lib.ManagementClient({ domain: tenant.domain, token: 'local-token' });
  const refusedBy = async (promise, code) => {
    const error = await promise.then(() => assert.fail('expected a refusal'), (e) => e);
    assert.ok(error instanceof lib.ManagementError, String(error));
    assert.equal(error.kind, 'validation');
    assert.ok(error.issues.some((issue) => issue.code === code), JSON.stringify(error.issues));
  };
  const attributes = { phone_number: { identifier: { active: true }, signup: { status: 'required' } } };
  const sent = () => tenant.requests.filter((r) => r.rawPath.startsWith('/api/v2/connections')).length;
  await refusedBy(client.connections.create({ name: 'db', strategy: 'auth0', options: { attributes, requires_username: true } }), 'conflict');
  await refusedBy(client.connections.create({ name: 'db', strategy: 'samlp', cross_app_access_requesting_app: { active: true } }), 'unsupported');
  assert.equal(sent(), 0, 'nothing was sent');
  const created = await client.connections.create({ name: 'db', strategy: 'auth0', options: { attributes } });
  // An update's `create_only` depends on the connection's current value (Auth0 refuses *adding* a
  // non-unique email; re-sending one a connection was created with is the console's and
  // updateOptions' everyday case): 'strict' refuses it, the default 'drift' lets the server judge.
  const nonUnique = { options: { attributes: { ...attributes, email: { identifier: { active: true }, unique: false } } } };
  await refusedBy(client.connections.update(created.id, nonUnique, { validation: 'strict' }), 'create_only');
  assert.equal(sent(), 1, 'only the valid create was sent');
  await client.connections.update(created.id, nonUnique);
  assert.equal(sent(), 2, "'drift' sends an update the server may accept");
});
