// idp-connections/validate for the `workerd` condition: only the validators, with their own smaller
// wasm (built without the clients). Initialised on import, like the package's main entry.
import './lib/init-workerd.js';

// Only the API (see ../browser.js): the glue (validate.js) is private to lib/.
export * from '../lib/validators-only.js';
