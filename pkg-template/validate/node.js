// idp-connections/validate for the `node` condition: only the validators, with their own smaller
// wasm (built without the clients). Initialised on import, like the package's main entry.
import './lib/init-node.js';

export * from './validate.js';
export * from '../lib/validators-only.js';
