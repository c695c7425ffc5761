// Types for every entry: the generated wasm-bindgen declarations (models, validators, client)
// and the thin JS layer. The init functions are not part of the public API: importing the package
// initialises it.
export * from './idp_connections.js';
export * from './lib/index.js';
