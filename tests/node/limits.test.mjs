// The limits and patterns the JS layer applies itself come from the wasm (lib/limits.js over
// `limits()`, written from the Rust constants), so none is written twice: each limit the wasm
// reports is the one its Rust rule enforces, and the package's JS holds no copy of any of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as lib from 'idp-connections';
import * as validators from 'idp-connections/validate';
import { glue, packageDir, packageFile } from './internals.mjs';

const reported = JSON.parse(glue.limits());
const validateGlue = await packageFile('validate/validate.js');

test('both wasm modules report the same limits', () => {
  assert.deepEqual(JSON.parse(validateGlue.limits()), reported);
  assert.equal(typeof reported.nameMaxChars, 'number');
  assert.equal(typeof reported.maxClientsPerUpdate, 'number');
  assert.equal(typeof reported.namePattern, 'string');
});

test('each reported limit is the one the Rust rule enforces', () => {
  const max = reported.nameMaxChars;
  for (const entry of [lib, validators]) {
    assert.deepEqual(entry.validateConnectionName('x'.repeat(max)), []);
    assert.deepEqual(entry.validateConnectionName('x'.repeat(max + 1)).map((i) => i.code), ['too_long']);
    const clients = (n) => Array.from({ length: n }, (_, i) => ({ client_id: `c${i}`, status: true }));
    assert.equal(entry.validateEnabledClientsUpdate(clients(reported.maxClientsPerUpdate)).ok, true);
    assert.deepEqual(entry.validateEnabledClientsUpdate(clients(reported.maxClientsPerUpdate + 1)).issues.map((i) => i.code), ['too_many']);
  }
});

test('the reported name pattern agrees with the Rust name rule', () => {
  const pattern = new RegExp(reported.namePattern);
  const names = ['a', 'a-b', 'a--b', '-a', 'a-', 'Z9', 'a_b', 'é', 'a b', '', 'x'.repeat(10)];
  for (const name of names) assert.equal(pattern.test(name), glue.connectionNameIssues(name).every((i) => i.code !== 'pattern' && i.code !== 'too_short'), name);
});

/** Files that apply no rule: the inline wasm, and its decoder (whose 128 is the ASCII range). */
const NOT_RULES = new Set(['wasm-inline.js', 'inline.js']);

/** A JS file's code without its comments (line and block), for scanning its literals. */
const code = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

test('the package\'s JS writes no limit or pattern of the wasm\'s itself', () => {
  const files = ['lib', 'validate/lib'].flatMap((dir) =>
    readdirSync(join(packageDir, dir)).filter((f) => f.endsWith('.js') && !NOT_RULES.has(f)).map((f) => join(dir, f)),
  );
  assert.ok(files.length > 10);
  const numbers = [reported.nameMaxChars, reported.maxClientsPerUpdate];
  // The name pattern, and every pattern the accept path's tables carry.
  const tables = JSON.parse(glue.schema_tables()).tables.flat();
  const patterns = [...new Set([reported.namePattern, ...tables.map((node) => node.pattern).filter((p) => typeof p === 'string')])];
  assert.ok(patterns.length >= 2, patterns.join(' '));
  for (const file of files) {
    const text = code(readFileSync(join(packageDir, file), 'utf8'));
    for (const n of numbers) assert.doesNotMatch(text, new RegExp(`(?<![\\w.])${n}(?![\\w.])`), `${file} writes ${n}`);
    for (const p of patterns) assert.ok(!text.includes(p.slice(1, -1)), `${file} writes the pattern ${p}`);
  }
});
