// @ts-check
// workerd: the validators-only .wasm imported as a compiled module (no compiling from bytes).
import wasmModule from '../validate_bg.wasm';
import { initSync } from '../validate.js';

initSync({ module: wasmModule });
