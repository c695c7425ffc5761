// @ts-check
// Cloudflare Workers (workerd) cannot compile wasm from bytes: the .wasm is imported as a module,
// which wrangler and workerd provide as a compiled WebAssembly.Module.
import wasmModule from '../idp_connections_bg.wasm';
import { initSync } from '../idp_connections.js';

initSync({ module: wasmModule });
