// idp-connections/validate: the validators alone, with their own smaller wasm. Same answers as the
// main entry on the conformance payloads, the name suite, and no client code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as full from 'idp-connections';
import * as validators from 'idp-connections/validate';
import { runNameSuite } from '../shared/name-suite.mjs';
import { loadSpec } from '../shared/ajv-spec.mjs';
import { payloads, rng } from '../shared/payloads.mjs';

test('the validators-only entry has the validators and no client', () => {
  for (const name of ['validateConnectionCreate', 'validateConnectionName', 'validateMetadata', 'connectionCreateSchema', 'STRATEGIES']) {
    assert.ok(name in validators, name);
  }
  assert.ok(!('ManagementClient' in validators) && !('OktaClient' in validators));
  const pkg = dirname(createRequire(import.meta.url).resolve('idp-connections/package.json'));
  const main = statSync(join(pkg, 'idp_connections_bg.wasm')).size;
  const only = statSync(join(pkg, 'validate', 'validate_bg.wasm')).size;
  // The client's code (about 56 KB of wasm) is left out; the tables are in both.
  assert.ok(main - only > 50_000, `validators-only wasm ${only} bytes vs ${main}`);
  assert.equal(JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).exports['./validate'].import.types, './validate/index.d.ts');
});

test('the name suite passes through the validators-only entry', () => {
  const report = runNameSuite(validators);
  assert.equal(report.failureCount, 0, JSON.stringify(report.failures, null, 1));
  assert.ok(report.shapeOk && report.total > 2000);
});

test('both entries give identical results on generated payloads', () => {
  const spec = loadSpec();
  const gen = payloads(spec.schemas, rng(7));
  let compared = 0;
  for (let i = 0; i < 2000; i += 1) {
    const body = i % 2 ? gen.valid({ $ref: '#/components/schemas/CreateConnectionRequestContent' }) : gen.broken({ $ref: '#/components/schemas/CreateConnectionRequestContent' });
    assert.deepEqual(validators.validateConnectionCreate(body), full.validateConnectionCreate(body));
    compared += 1;
  }
  assert.equal(compared, 2000);
});
