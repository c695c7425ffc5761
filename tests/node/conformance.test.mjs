// Conformance: on thousands of seeded payloads per request body (valid ones, and ones breaking a
// rule somewhere), the package's validators accept exactly what ajv accepts when it runs the
// official spec's schemas, except where the spec states a rule only in prose or the server applies
// a cross-field rule (both applied on top).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as lib from 'idp-connections';
import { compilePerStrategy, compileSpecSchema, loadPerStrategy, loadSpec } from '../shared/ajv-spec.mjs';
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
const crossApp = (v, strategy) => !(isObject(v?.cross_app_access_requesting_app) && typeof strategy === 'string' && !['oidc', 'okta'].includes(strategy));
const crossField = {
  CreateConnectionRequestContent: (v) => optionRules(v?.options, false) && crossApp(v, v?.strategy),
  UpdateConnectionRequestContent: (v, strategy) => optionRules(v?.options, true) && crossApp(v, strategy),
};

/** Prose rules of the spec, stricter than its schema; and the server's cross-field rules. */
const prose = {
  ...crossField,
  CreateScimTokenRequestContent: (v) => !(v && Number.isInteger(v.token_lifetime) && v.token_lifetime <= 900),
  UpdateEnabledClientConnectionsRequestContent: (v) => !(Array.isArray(v) && v.length > 50),
};

const spec = loadSpec();
const merged = loadPerStrategy();
const perStrategy = compilePerStrategy(merged);
let total = 0;
let agreed = 0;

for (const [schemaName, exportName] of AUTH0_BODIES) {
  test(`${exportName} agrees with ajv on ${schemaName}`, () => {
    // A create body is checked against the schema of its strategy (the merged per-strategy ones).
    const ajv = schemaName === 'CreateConnectionRequestContent' ? Object.assign((v) => perStrategy.create(v), { errors: null }) : compileSpecSchema(undefined, schemaName);
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

// The per-strategy schemas, merged and relaxed as the tables are (tools/per_strategy.py): bodies
// generated from each strategy's create and update roots, judged by ajv over the same merge.
const PER_STRATEGY = 200;
for (const [kind, exportName] of [['create', 'validateConnectionCreate'], ['update', 'validateConnectionUpdate']]) {
  test(`${exportName} agrees with ajv on every strategy's merged, relaxed ${kind} schema`, () => {
    const disagreements = [];
    let valid = 0;
    let invalid = 0;
    for (const [strategy, names] of Object.entries(merged.strategies)) {
      const gen = payloads(merged.schemas, rng(strategy.length * 7919 + (kind === 'update' ? 13 : 0)));
      const ref = { $ref: `#/components/schemas/${names[kind]}` };
      for (let i = 0; i < PER_STRATEGY; i += 1) {
        const payload = i % 2 === 0 ? gen.valid(ref) : gen.broken(ref);
        const wire = JSON.parse(JSON.stringify(payload) ?? 'null');
        const expected = kind === 'create'
          ? perStrategy.create(wire) && crossField.CreateConnectionRequestContent(wire)
          : perStrategy.update(wire, strategy) && crossField.UpdateConnectionRequestContent(wire, strategy);
        const options = kind === 'update' ? { strategy } : undefined;
        const result = lib[exportName](wire, options);
        const text = lib[`${exportName}Json`](JSON.stringify(wire), options);
        total += 1;
        if (result.ok === expected && text.ok === expected) agreed += 1;
        else if (disagreements.length < 5) disagreements.push({ strategy, payload: JSON.stringify(wire).slice(0, 300), ajv: expected, ours: result.ok, text: text.ok, issues: result.issues?.slice(0, 2), ajvErrors: perStrategy.errors(kind, kind === 'create' ? wire?.strategy : strategy)?.slice(0, 2) });
        if (expected) valid += 1;
        else invalid += 1;
      }
    }
    assert.deepEqual(disagreements, [], `${kind}: disagreements`);
    const count = Object.keys(merged.strategies).length;
    assert.ok(count >= 55, `${count} strategies`);
    assert.ok(valid > (count * PER_STRATEGY) / 10 && invalid > (count * PER_STRATEGY) / 10, `both kinds generated (${valid} valid, ${invalid} invalid)`);
  });
}

// The official per-strategy schemas, only their allOf merged (no relaxation): what they accept,
// the package accepts too, except for what a cross-field rule refuses (src/auth0/cross_field.rs,
// each rule with its source) and options the strategy does not declare, reported as
// unknown_field, which the default 'drift' send policy sends for the server to judge.
test('no body the official per-strategy schemas (merged) accept is refused, except by a cross-field rule', () => {
  const official = loadPerStrategy({ official: true });
  const ajv = compilePerStrategy(official, { official: true });
  const allowed = new Set(['unknown_field', 'conflict', 'no_identifier', 'signup_required', 'unsupported']);
  const refused = [];
  let accepted = 0;
  for (const [strategy, names] of Object.entries(official.strategies)) {
    const gen = payloads(official.schemas, rng(strategy.length * 31337));
    for (let i = 0; i < 300; i += 1) {
      const wire = JSON.parse(JSON.stringify(gen.valid({ $ref: `#/components/schemas/${names.create}` })) ?? 'null');
      if (!ajv.create(wire)) continue;
      accepted += 1;
      const result = lib.validateConnectionCreate(wire);
      const blocking = result.ok ? [] : result.issues.filter((issue) => !allowed.has(issue.code));
      if (blocking.length > 0 && refused.length < 5) refused.push({ strategy, payload: JSON.stringify(wire).slice(0, 300), issues: blocking.slice(0, 3) });
    }
  }
  assert.deepEqual(refused, []);
  console.log(`# official per-strategy schemas: ${accepted} accepted bodies, none refused but by a cross-field rule`);
  assert.ok(accepted > 1000, `${accepted} bodies the official schemas accept`);
});

test('agreement count', () => {
  console.log(`# conformance: ${agreed} of ${total} payloads judged the same as ajv on the official spec`);
  assert.equal(agreed, total);
  assert.ok(total >= AUTH0_BODIES.length * PER_BODY);
});
