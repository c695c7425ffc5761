// Hostile JS input through the installed package: every validator export, every hostile value,
// at the top level and in every field of the connection bodies. A call returns a result and never
// throws; the module keeps working; memory stays flat across many rejected calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as lib from 'idp-connections';
import { glue } from './internals.mjs';
import { HOSTILE_VALUES, deepObject } from '../shared/hostile.mjs';

const CODES = new Set(['required', 'type', 'too_long', 'too_short', 'pattern', 'enum', 'too_many', 'too_few',
  'too_small', 'too_large', 'unknown_field', 'empty_update', 'one_of', 'duplicate', 'too_deep', 'syntax',
  'conflict', 'no_identifier', 'signup_required', 'create_only', 'unsupported', 'format']);

/** Every `validate…` export of the package. */
const validators = Object.entries(lib).filter(([name, fn]) => name.startsWith('validate') && typeof fn === 'function');

/** Checks an issue list: non-empty when `mustFail`, each issue `{ path, code, message }` with a documented code. */
function checkIssues(issues, label) {
  assert.ok(Array.isArray(issues), `${label}: issues is an array`);
  for (const issue of issues) {
    assert.ok(Array.isArray(issue.path), `${label}: path is an array`);
    assert.ok(issue.path.every((s) => typeof s === 'string' || Number.isInteger(s)), `${label}: path segments`);
    assert.ok(CODES.has(issue.code), `${label}: documented code, got ${issue.code}`);
    assert.equal(typeof issue.message, 'string', `${label}: message`);
    assert.ok(issue.message.length > 0 && issue.message.length < 2000, `${label}: message length`);
  }
}

/** Calls a validator and normalises both result styles (an issue array, or `{ ok, value | issues }`) to issues. */
function issuesOf(fn, value, label) {
  let result;
  assert.doesNotThrow(() => {
    result = fn(value);
  }, `${label} threw`);
  if (Array.isArray(result)) {
    checkIssues(result, label);
    return result;
  }
  assert.equal(typeof result?.ok, 'boolean', `${label}: result has ok`);
  if (result.ok) {
    assert.ok('value' in result, `${label}: ok result carries the value`);
    return [];
  }
  checkIssues(result.issues, label);
  assert.ok(result.issues.length > 0, `${label}: a rejection names at least one issue`);
  return result.issues;
}

const validBody = () => ({ name: 'acme-sso', strategy: 'samlp', display_name: 'Acme', metadata: { team: 'id' } });

test('there are validators to test', () => {
  assert.ok(validators.length >= 1, 'the package exports validate… functions');
});

test('every validator survives every hostile value at the top level', () => {
  let cases = 0;
  for (const [name, fn] of validators) {
    for (const [label, make] of HOSTILE_VALUES) {
      issuesOf(fn, make(), `${name}(${label})`);
      cases += 1;
    }
  }
  assert.ok(cases >= 36);
  console.log(`# top-level hostile cases: ${cases}`);
});

test('object validators reject non-objects at the top level', () => {
  const bodies = ['validateConnectionCreate', 'validateConnectionUpdate'].filter((n) => n in lib);
  const nonObjects = ['null', 'undefined', 'NaN', 'BigInt', 'symbol', 'function', 'array of strings', '10 MB string', 'cyclic object', 'throwing Proxy object'];
  for (const name of bodies) {
    for (const [label, make] of HOSTILE_VALUES.filter(([l]) => nonObjects.includes(l))) {
      assert.ok(issuesOf(lib[name], make(), `${name}(${label})`).length > 0, `${name} rejects ${label}`);
    }
  }
});

test('hostile values in every field of a create body give issues at that field, never a throw', () => {
  if (!('validateConnectionCreate' in lib)) return assert.fail('validateConnectionCreate is exported');
  const fields = ['name', 'display_name', 'strategy', 'options', 'enabled_clients', 'is_domain_connection',
    'show_as_button', 'realms', 'metadata', 'authentication', 'connected_accounts'];
  // Values a JSON body cannot carry at all, or that no field of the create body accepts.
  const neverValid = new Set(['BigInt', 'cyclic object', 'cyclic array', 'throwing Proxy object', 'throwing Proxy array',
    'throwing toJSON', 'getter that throws', '10 MB string']);
  let cases = 0;
  for (const field of fields) {
    for (const [label, make] of HOSTILE_VALUES) {
      const body = { ...validBody(), [field]: make() };
      const issues = issuesOf(lib.validateConnectionCreate, body, `create.${field} = ${label}`);
      if (neverValid.has(label)) assert.ok(issues.length > 0, `create.${field} = ${label} is rejected`);
      cases += 1;
    }
  }
  for (const [label, make] of HOSTILE_VALUES) {
    issuesOf(lib.validateConnectionCreate, { ...validBody(), metadata: { key: make() } }, `metadata.key = ${label}`);
    issuesOf(lib.validateConnectionUpdate, { metadata: { key: make() } }, `update metadata.key = ${label}`);
    cases += 2;
  }
  assert.ok(cases >= 100, `at least 100 field cases, ran ${cases}`);
  console.log(`# field-level hostile cases: ${cases}`);
});

test('wrong types in string fields are type issues at the field path', () => {
  for (const field of ['name', 'display_name', 'strategy']) {
    for (const value of [42, true, ['a'], { a: 1 }]) {
      const result = lib.validateConnectionCreate({ ...validBody(), [field]: value });
      assert.equal(result.ok, false);
      assert.ok(result.issues.some((i) => i.path[0] === field && i.code === 'type'), `${field} = ${JSON.stringify(value)}`);
    }
  }
});

test('__proto__, constructor and prototype metadata keys stay data and pollute nothing', () => {
  const metadata = JSON.parse('{"__proto__": "a", "constructor": "b", "prototype": "c"}');
  const result = lib.validateConnectionCreate({ ...validBody(), metadata });
  assert.equal(result.ok, true, JSON.stringify(result.issues));
  assert.deepEqual(Object.keys(result.value.metadata), ['__proto__', 'constructor', 'prototype']);
  assert.equal({}.polluted, undefined);
  assert.equal(Object.prototype.a, undefined);
  const parsed = lib.validateConnectionCreateJson?.(JSON.stringify({ ...validBody(), metadata: { __proto__: null, polluted: 'x' } }));
  if (parsed) assert.equal({}.polluted, undefined);
});

test('very deep nesting inside options is answered, not a crash', () => {
  const result = lib.validateConnectionCreate({ ...validBody(), options: deepObject(10_000) });
  assert.equal(typeof result.ok, 'boolean');
  if (!result.ok) assert.ok(result.issues.some((i) => i.code === 'too_deep'));
});

test('the module keeps working after all of it', () => {
  assert.deepEqual(lib.validateConnectionName('still-fine'), []);
  assert.equal(lib.validateConnectionCreate(validBody()).ok, true);
  assert.equal(lib.validateConnectionCreate({ ...validBody(), name: 'bad--name' }).ok, false);
});

test('memory stays flat across 100,000 rejected calls', () => {
  const bad = { ...validBody(), name: 'bad--name', metadata: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])) };
  for (let i = 0; i < 2_000; i += 1) lib.validateConnectionCreate(bad);
  const before = glue.wasmMemoryBytes();
  for (let i = 0; i < 100_000; i += 1) {
    const result = lib.validateConnectionCreate(i % 2 ? bad : Symbol('x'));
    if (result.ok) assert.fail('a rejected call was accepted');
  }
  const after = glue.wasmMemoryBytes();
  assert.ok(before > 0);
  assert.ok(after - before <= 64 * 1024, `wasm memory grew by ${after - before} bytes`);
  console.log(`# wasm memory: ${before} bytes before, ${after} after 100,000 rejected calls`);
});
