// Conformance: on thousands of seeded payloads per request body (valid ones, and ones breaking a
// rule somewhere), the package's validators accept exactly what ajv accepts when it runs the
// official spec's schemas, except where the spec states a rule only in prose or the server applies
// a cross-field rule (both applied on top).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as lib from 'idp-connections';
import { compileSpecSchema, loadSpec } from '../shared/ajv-spec.mjs';
import { payloads, rng } from '../shared/payloads.mjs';
import { AUTH0_BODIES } from '../shared/bodies.mjs';

const PER_BODY = 2000;

/** The server's cross-field rules (src/auth0/cross_field.rs), written again here as the oracle. */
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
function optionRules(options, update) {
  if (!isObject(options) || !isObject(options.attributes)) return true;
  const a = options.attributes;
  const active = (name) => a[name]?.identifier?.active === true;
  const phoneStatus = a.phone_number?.signup?.status;
  if (options.validation !== undefined && options.validation !== null) return false;
  if (options.requires_username === true) return false;
  if (!['email', 'phone_number', 'username'].some(active)) return false;
  if (active('phone_number') && typeof phoneStatus === 'string' && phoneStatus !== 'required') return false;
  return !(update && a.email?.unique === false);
}
const crossField = {
  CreateConnectionRequestContent: (v) =>
    optionRules(v?.options, false) && !(isObject(v?.cross_app_access_requesting_app) && typeof v.strategy === 'string' && !['oidc', 'okta'].includes(v.strategy)),
  UpdateConnectionRequestContent: (v) => optionRules(v?.options, true),
};

/** Prose rules of the spec, stricter than its schema; and the server's cross-field rules. */
const prose = {
  ...crossField,
  CreateScimTokenRequestContent: (v) => !(v && Number.isInteger(v.token_lifetime) && v.token_lifetime <= 900),
  UpdateEnabledClientConnectionsRequestContent: (v) => !(Array.isArray(v) && v.length > 50),
};

const spec = loadSpec();
let total = 0;
let agreed = 0;

for (const [schemaName, exportName] of AUTH0_BODIES) {
  test(`${exportName} agrees with ajv on ${schemaName}`, () => {
    const ajv = compileSpecSchema(undefined, schemaName);
    const gen = payloads(spec.schemas, rng(schemaName.length * 7919));
    const disagreements = [];
    let valid = 0;
    let invalid = 0;
    for (let i = 0; i < PER_BODY; i += 1) {
      const payload = i % 3 === 0 ? gen.valid({ $ref: `#/components/schemas/${schemaName}` }) : gen.broken({ $ref: `#/components/schemas/${schemaName}` });
      // Compare on what would be sent: the JSON form of the payload.
      const wire = JSON.parse(JSON.stringify(payload) ?? 'null');
      const expected = ajv(wire) && (prose[schemaName]?.(wire) ?? true);
      const result = lib[exportName](wire);
      const textResult = lib.validateConnectionCreateJson && exportName === 'validateConnectionCreate' ? lib.validateConnectionCreateJson(JSON.stringify(wire)) : result;
      total += 1;
      if (result.ok === expected && textResult.ok === expected) agreed += 1;
      else if (disagreements.length < 5) disagreements.push({ payload: JSON.stringify(wire).slice(0, 300), ajv: expected, ours: result.ok, issues: result.issues?.slice(0, 2), ajvErrors: ajv.errors?.slice(0, 2) });
      if (expected) valid += 1;
      else invalid += 1;
    }
    assert.deepEqual(disagreements, [], `${schemaName}: disagreements`);
    assert.ok(valid > PER_BODY / 10 && invalid > PER_BODY / 10, `both kinds generated (${valid} valid, ${invalid} invalid)`);
  });
}

test('agreement count', () => {
  console.log(`# conformance: ${agreed} of ${total} payloads judged the same as ajv on the official spec`);
  assert.equal(agreed, total);
  assert.ok(total >= AUTH0_BODIES.length * PER_BODY);
});
