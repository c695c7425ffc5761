// One suite, every runtime: Node, workerd and Chromium run these same cases against the installed
// package and report results; each runtime's test asserts them. The expected codes come from an
// independent oracle (a JS RegExp with the `u` flag and a code-point count), not from the package.

import { seededRandom } from '../../tenant/random.mjs';

const NAME_RE = /^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$/u;

/** The issue codes Auth0's rule implies for `name`, computed without the package. */
export function expectedNameCodes(name) {
  if (typeof name !== 'string') return ['type'];
  const chars = [...name].length;
  if (chars === 0) return ['too_short'];
  const codes = [];
  if (chars > 128) codes.push('too_long');
  if (!NAME_RE.test(name)) codes.push('pattern');
  return codes;
}

/** Hand-picked edge cases plus seeded random strings over a hostile alphabet. */
export function nameCases(count = 2000) {
  const fixed = [
    'a', 'Z', '0', 'my-connection', 'a-b-c', 'x'.repeat(128), 'x'.repeat(129), '', '-', 'a-', '-a',
    'a--b', 'a_b', 'a b', 'a.b', 'é', 'a\u0000b', 'a\n', '\ud800', '😀', 'Ab-9'.repeat(40),
    null, undefined, 42, true, ['a'], { name: 'a' }, 10n,
  ];
  const alphabet = ['a', 'Z', '7', '-', '-', '_', ' ', 'é', '😀', '\ud800', '.'];
  const next = seededRandom(20261122);
  const generated = [];
  for (let i = 0; i < count; i += 1) {
    const length = Math.floor(next() * (i % 10 === 0 ? 140 : 12));
    let s = '';
    for (let j = 0; j < length; j += 1) s += alphabet[Math.floor(next() * alphabet.length)];
    generated.push(s);
  }
  return [...fixed, ...generated];
}

/** A printable label for a case (BigInt and undefined do not survive JSON). */
function label(value) {
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined) return 'undefined';
  return JSON.stringify(value);
}

/**
 * Runs the name suite against `lib` (the imported package). Returns
 * `{ total, failures: [{ input, expected, actual }], shapeOk }` as plain JSON.
 */
export function runNameSuite(lib) {
  const failures = [];
  let shapeOk = true;
  const cases = nameCases();
  for (const input of cases) {
    const issues = lib.validateConnectionName(input);
    const actual = issues.map((issue) => issue.code);
    const expected = expectedNameCodes(input);
    for (const issue of issues) {
      const ok =
        Array.isArray(issue.path) && issue.path.length === 0 &&
        typeof issue.message === 'string' && issue.message.length > 0;
      if (!ok) shapeOk = false;
    }
    if (actual.join() !== expected.join()) failures.push({ input: label(input), expected, actual });
  }
  return { total: cases.length, failures: failures.slice(0, 20), failureCount: failures.length, shapeOk };
}
