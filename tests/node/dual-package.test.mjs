// The dual package hazard: an ESM `import` and a CommonJS `require()` of the package in one Node
// process load two copies (browser.js and index.cjs), each with its own error classes. `instanceof
// ManagementError` / `OktaError` holds across them both ways (a brand shared through the global
// symbol registry), and stays false for anything that is not one of the package's errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as esm from 'idp-connections';

const cjs = createRequire(import.meta.url)('idp-connections');

/** The error a client of `copy` rejects with for a body it refuses before sending. */
const refusal = (copy) =>
  new copy.ManagementClient({ domain: 'acme.eu.auth0.com', token: 't' }).connections.create({ name: 'bad--name', strategy: 'auth0' }).then(
    () => assert.fail('sent'),
    (e) => e,
  );

test('the ESM and CommonJS entries are two copies with their own classes', () => {
  assert.notEqual(esm.ManagementError, cjs.ManagementError);
  assert.notEqual(esm.OktaError, cjs.OktaError);
});

test('instanceof ManagementError holds across the ESM and CommonJS copies, both ways', async () => {
  for (const [from, to] of [[esm, cjs], [cjs, esm]]) {
    const refused = await refusal(from);
    assert.equal(refused.kind, 'validation');
    assert.ok(refused instanceof from.ManagementError);
    assert.ok(refused instanceof to.ManagementError);
    assert.ok(new from.ManagementError({ kind: 'api' }) instanceof to.ManagementError);
    assert.ok(!(refused instanceof to.OktaError), 'a ManagementError is no OktaError');
    // An OktaError is a ManagementError in both copies too.
    const okta = new from.OktaError({ errorSummary: 'x' });
    assert.ok(okta instanceof to.OktaError);
    assert.ok(okta instanceof to.ManagementError);
    assert.ok(okta instanceof Error);
  }
});

test('instanceof stays false for what is not one of the package errors', () => {
  const brand = Symbol.for('idp-connections.error');
  const lookalikes = [
    new Error('x'),
    Object.assign(new Error('x'), { name: 'ManagementError', kind: 'api', issues: [] }),
    { name: 'ManagementError', kind: 'api' },
    { [brand]: 'ManagementError' }, // a brand of its own, not on a prototype
    Object.create(null),
    null,
    undefined,
    'ManagementError',
    42,
    esm.ManagementError,
  ];
  for (const copy of [esm, cjs]) {
    for (const [i, value] of lookalikes.entries()) {
      assert.equal(value instanceof copy.ManagementError, false, `lookalike ${i}`);
      assert.equal(value instanceof copy.OktaError, false, `lookalike ${i}`);
    }
  }
});

test("a subclass of the user's own keeps the ordinary instanceof", () => {
  class MyError extends esm.ManagementError {}
  assert.ok(new MyError() instanceof MyError);
  assert.ok(new MyError() instanceof cjs.ManagementError);
  assert.equal(new esm.ManagementError() instanceof MyError, false);
  assert.equal(new cjs.ManagementError() instanceof MyError, false);
});
