// The body validators' accept path (lib/accept.js) through the installed package: it may only
// ever say "valid" where the Rust validator says so too, and it must actually answer for the
// common case (a correct body), or the speed it exists for is not there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as lib from 'idp-connections';
import * as validators from 'idp-connections/validate';
import { runAcceptSuite } from '../shared/accept-suite.mjs';
import { loadSpec } from '../shared/ajv-spec.mjs';
import { payloads, rng } from '../shared/payloads.mjs';
import { AUTH0_BODIES } from '../shared/bodies.mjs';
import { glue, packageFile } from './internals.mjs';

const { firstAccept } = await packageFile('lib/accept.js');

/** The bodies with a prose rule on top of the schema: the accept path must leave them to Rust. */
const PROSE = new Set(['validateEnabledClientsUpdate', 'validateScimTokenCreate']);

/** The accept path alone: `proved(name)(value)` is true when it answered without the wasm. */
const acceptOnly = firstAccept(() => glue.schema_tables());
const proved = (name) => {
  const validator = acceptOnly(name, () => ({ ok: false, fromWasm: true }));
  return (value) => validator(value).ok;
};

test('JS values are judged as their JSON form, in both entries', () => {
  for (const [entry, module] of [['main', lib], ['validate', validators]]) {
    const report = runAcceptSuite(module);
    assert.equal(report.failureCount, 0, `${entry}: ${JSON.stringify(report.failures, null, 1)}`);
    assert.ok(report.total > 2000 && report.valid > 200, `${entry}: ${report.valid} valid of ${report.total}`);
  }
});

test('whatever the accept path proves valid, the Rust validator accepts; it proves most valid bodies', () => {
  const spec = loadSpec();
  const lines = [];
  for (const [schema, name, wasmName] of AUTH0_BODIES) {
    const wasmHalf = glue[wasmName];
    const accepts = proved(name);
    const gen = payloads(spec.schemas, rng(name.length * 104729));
    let proven = 0;
    let valid = 0;
    for (let i = 0; i < 1500; i += 1) {
      const ref = { $ref: `#/components/schemas/${schema}` };
      const value = i % 2 === 0 ? gen.valid(ref) : gen.broken(ref);
      const rust = wasmHalf(value).ok;
      const fast = accepts(value);
      if (fast) assert.ok(rust, `${name}: the accept path proved ${JSON.stringify(value)?.slice(0, 400)}, Rust refuses it`);
      assert.equal(lib[name](value).ok, rust, `${name}: the package and its wasm half differ`);
      if (rust) valid += 1;
      if (fast) proven += 1;
    }
    lines.push(`${name}: ${proven} of ${valid} valid proved in JS`);
    if (PROSE.has(name)) assert.equal(proven, 0, `${name} has a prose rule: only Rust may accept`);
    else assert.ok(proven >= valid * 0.6 && valid > 300, `${name}: ${proven} of ${valid}`);
  }
  console.log(`# accept path: ${lines.join('; ')}`);
});

test('a realistic create body is proved in JS, and a broken one is explained by Rust', () => {
  const accepts = proved('validateConnectionCreate');
  const body = {
    name: 'acme-saml-sso',
    strategy: 'samlp',
    options: { signInEndpoint: 'https://idp.acme.example/sso/saml', fieldsMap: { email: 'mail' } },
    enabled_clients: ['x1y2z3AbCdEfGhIjKlMnOpQrStUvWxYz'],
    metadata: { team: 'identity' },
  };
  assert.equal(accepts(body), true);
  const result = lib.validateConnectionCreate(body);
  assert.deepEqual(result, { ok: true, value: body });
  assert.equal(result.value, body, 'the value is the caller\'s object');
  const broken = { ...body, name: 'bad--name', metadata: { team: 1 } };
  assert.equal(accepts(broken), false);
  assert.deepEqual(
    lib.validateConnectionCreate(broken).issues.map((issue) => [issue.path.join('.'), issue.code]),
    [['name', 'pattern'], ['metadata.team', 'type']],
  );
  assert.equal(lib.validateConnectionCreate.name, 'validateConnectionCreate');
  // The Standard Schema object goes through the same validator.
  assert.deepEqual(lib.connectionCreateSchema['~standard'].validate(body), { value: body });
});

test('Okta requests are proved under either authScheme; a body with a oneOf goes to Rust', () => {
  const okta = proved('validateProvisioningConnectionRequest');
  assert.equal(okta({ profile: { authScheme: 'TOKEN', token: 't' } }), true);
  assert.equal(okta({ profile: { authScheme: 'OAUTH2', clientId: 'c' } }), true);
  assert.equal(okta({ profile: { authScheme: 'OAUTH2', token: 't' } }), false);
  assert.equal(lib.validateProvisioningConnectionRequest({ profile: { authScheme: 'OAUTH2', token: 't' } }).ok, false);
});
