// validateConnectionName through the installed package in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as lib from 'idp-connections';
import { runNameSuite } from '../shared/name-suite.mjs';

test('the name suite agrees with the RegExp oracle', () => {
  const report = runNameSuite(lib);
  assert.equal(report.failureCount, 0, JSON.stringify(report.failures, null, 1));
  assert.ok(report.shapeOk, 'every issue has path [], a code and a message');
  assert.ok(report.total > 2000);
});

test('messages name the rule and the figure', () => {
  const [issue] = lib.validateConnectionName('x'.repeat(130));
  assert.deepEqual(issue, {
    path: [],
    code: 'too_long',
    message: 'name may have at most 128 characters; it has 130',
  });
});

test('the module keeps working after hostile input', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  const hostile = [Symbol('s'), () => 1, cyclic, new Proxy({}, { get() { throw new Error('trap'); } }),
    'x'.repeat(10 * 1024 * 1024), NaN, Infinity];
  for (const value of hostile) {
    const issues = lib.validateConnectionName(value);
    assert.ok(Array.isArray(issues) && issues.length > 0);
  }
  assert.deepEqual(lib.validateConnectionName('still-fine'), []);
});

test('the package version matches the crate version', () => {
  const manifest = JSON.parse(
    readFileSync(new URL('../node_modules/idp-connections/package.json', import.meta.url), 'utf8'),
  );
  assert.equal(lib.version(), manifest.version);
});
