// @ts-check
// Field-level checks a form runs on every keystroke. The connection name rule is small enough to
// state as a RegExp: a name it accepts is answered here without crossing into wasm (the common
// case while typing); anything else goes to the Rust rule, which explains the problem. The suites
// compare this function with an independent oracle on thousands of names in every runtime.

/**
 * `validateConnectionName` over `issues`, the Rust rule of one of the package's wasm modules, and
 * `limits`, that module's limits (lib/limits.js): the length and pattern are Rust's.
 */
export function nameValidator(issues, limits) {
  /** The issues of a connection name: `[]` when it is 1 to 128 characters matching Auth0's rule. */
  return function validateConnectionName(name) {
    if (typeof name === 'string') {
      const { nameMaxChars, namePattern } = limits();
      // UTF-16 units: a name the pattern accepts is ASCII, one unit per character.
      if (name.length <= nameMaxChars && namePattern.test(name)) return [];
    }
    return issues(name);
  };
}
