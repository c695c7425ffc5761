// idp-connections/validate for Node, browsers, bundlers, web workers, Deno and Bun (and, bundled to CommonJS,
// validate/index.cjs): only the validators, with their own smaller wasm (built without the
// clients). Initialised on import, like the package's main entry.
import './lib/init-inline.js';

// Only the API (see ../browser.js): the glue (validate.js) is private to lib/.
export * from '../lib/validators-only.js';
