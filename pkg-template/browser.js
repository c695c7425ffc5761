// Entry for Node, browsers, bundlers, web workers, Deno and Bun (and, bundled to CommonJS, index.cjs):
// the wasm is inline, so a bundle of it (for a page, a worker or a Node server) needs no file beside
// it. The init module comes first, so the wasm is ready before anything else is evaluated. Modules in lib/
// never call into wasm while loading.
import './lib/init-inline.js';

// Only the API (the list in README.md, checked by tests/node/exports.test.mjs): the wasm glue
// (idp_connections.js) is a private module of lib/, not re-exported.
export * from './lib/index.js';
