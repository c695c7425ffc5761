// A helper the Node suites share (not a test file itself).
import assert from 'node:assert/strict';
import { ManagementError } from 'idp-connections';

/** The rejection of `promise`, asserting it is a ManagementError. */
export async function failure(promise) {
  const error = await promise.then(
    () => assert.fail('the call succeeded'),
    (e) => e,
  );
  assert.ok(error instanceof ManagementError, `a ManagementError, got ${error?.name}: ${error?.message}`);
  return error;
}
