// Entry for browsers, bundlers, web workers and Deno (and, bundled to CommonJS, index.cjs). The
// init module comes first, so the wasm is ready before anything else is evaluated. Modules in lib/
// never call into wasm while loading.
import './lib/init-inline.js';

export * from './idp_connections.js';
export * from './lib/index.js';
