// Field-level checks a form runs on every keystroke. The connection name rule is small enough to
// state as a RegExp: a name it accepts is answered here without crossing into wasm (the common
// case while typing); anything else goes to the Rust rule, which explains the problem. The suites
// compare this function with an independent oracle on thousands of names in every runtime.
/** Auth0's connection name pattern (also the accept path's, lib/accept.js). */
export const NAME = /^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$/;

/** `validateConnectionName` over `issues`, the Rust rule of one of the package's wasm modules. */
export function nameValidator(issues) {
  /** The issues of a connection name: `[]` when it is 1 to 128 characters matching Auth0's rule. */
  return function validateConnectionName(name) {
    if (typeof name === 'string' && name.length <= 128 && NAME.test(name)) return [];
    return issues(name);
  };
}
