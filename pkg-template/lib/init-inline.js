// @ts-check
// Node, browsers, bundlers, web workers, Deno, Bun and CommonJS: the wasm ships inside the JS (as printable
// text) and is compiled synchronously on import. No top-level await (Vite 5/6, esbuild's iife and CommonJS
// output, Vite's worker bundles cannot have one), no `.wasm` asset for a bundler or dev server to
// resolve, serve or copy, no file-system read (Deno needs no --allow-read, and a bundle for Node needs no file beside it).
import { initSync } from '../idp_connections.js';
import { bytesOf } from './inline.js';
import { order, text } from './wasm-inline.js';

initSync({ module: bytesOf(order, text) });
