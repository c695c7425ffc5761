// Conformance of Okta's provisioning connection request: on seeded payloads of both alternatives
// (TOKEN and OAUTH2; valid ones and ones breaking a rule), the package agrees with ajv running
// Okta's official schema, with one documented difference: the package refuses properties the spec
// does not declare (the spec leaves objects open), so that difference is accounted for explicitly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as lib from 'idp-connections';
import { compileOktaRequest } from '../shared/ajv-spec.mjs';
import { payloads, rng } from '../shared/payloads.mjs';

const PER_BRANCH = 1500;
const { validate: ajv, schema, schemas } = compileOktaRequest('/api/v1/apps/{appId}/connections/default', 'post');
const [TOKEN, OAUTH] = schema.oneOf;

/** The schema a `$ref` names, with `allOf` parts merged (as the package reads Okta's spec). */
function declared(s) {
  let node = s;
  while (node?.$ref) node = schemas[node.$ref.split('/').pop()];
  if (!node?.allOf) return node ?? {};
  const properties = { ...node.properties };
  for (const part of node.allOf) Object.assign(properties, declared(part).properties);
  return { ...node, properties };
}

/** True when every object in `value` has only the properties its schema declares. */
function declaredOnly(value, s) {
  const node = declared(s);
  if (Array.isArray(value)) return value.every((item) => declaredOnly(item, node.items ?? {}));
  if (!value || typeof value !== 'object' || !node.properties) return true;
  return Object.entries(value).every(([key, item]) => key in node.properties && declaredOnly(item, node.properties[key]));
}

/** The package's verdict as a rule: the spec's, and no undeclared properties in the chosen form. */
function expectedOf(wire) {
  const branch = wire?.profile?.authScheme === 'OAUTH2' ? OAUTH : TOKEN;
  return { spec: ajv(wire), strict: declaredOnly(wire, branch) };
}

test('validateProvisioningConnectionRequest agrees with ajv on Okta\'s request schema', () => {
  let total = 0;
  let agreed = 0;
  let strictOnly = 0;
  const disagreements = [];
  const counts = { valid: 0, invalid: 0 };
  for (const [name, branch] of [['TOKEN', TOKEN], ['OAUTH2', OAUTH]]) {
    const gen = payloads(schemas, rng(name.length * 104729));
    for (let i = 0; i < PER_BRANCH; i += 1) {
      const payload = i % 3 === 0 ? gen.valid(branch) : gen.broken(branch);
      const wire = JSON.parse(JSON.stringify(payload) ?? 'null');
      const { spec, strict } = expectedOf(wire);
      const ours = lib.validateProvisioningConnectionRequest(wire).ok;
      total += 1;
      // The package never accepts what the spec refuses.
      if (ours && !spec) disagreements.push({ wire: JSON.stringify(wire), why: 'accepted what ajv refuses' });
      if (ours === (spec && strict)) agreed += 1;
      else if (disagreements.length < 5) disagreements.push({ wire: JSON.stringify(wire), spec, strict, ours, errors: ajv.errors?.slice(0, 2) });
      if (spec && !strict) strictOnly += 1;
      counts[spec && strict ? 'valid' : 'invalid'] += 1;
    }
  }
  console.log(`# okta conformance: ${agreed} of ${total} payloads judged the same as ajv (${strictOnly} refused only for undeclared properties)`);
  assert.deepEqual(disagreements, []);
  assert.equal(agreed, total);
  assert.ok(counts.valid > total / 10 && counts.invalid > total / 10, `both kinds generated: ${JSON.stringify(counts)}`);
  assert.ok(strictOnly > 0 && strictOnly < total / 2, `undeclared-property cases present but not dominant: ${strictOnly}`);
});
