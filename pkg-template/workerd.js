// Entry for the `workerd` export condition. The init module comes first, so the wasm is ready
// before anything else is evaluated. Modules in lib/ never call into wasm while loading.
import './lib/init-workerd.js';

export * from './idp_connections.js';
export * from './lib/index.js';
