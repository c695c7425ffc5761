// Entry for the `browser` export condition. The init module comes first, so the wasm is ready
// before anything else is evaluated. Modules in lib/ never call into wasm while loading.
import './lib/init-browser.js';

export * from './idp_connections.js';
export * from './lib/index.js';
