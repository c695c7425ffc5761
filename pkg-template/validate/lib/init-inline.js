// @ts-check
// The validators-only wasm, inline (printable text) and compiled synchronously on import
// (see ../../lib/init-inline.js for why).
import { initSync } from '../validate.js';
import { bytesOf } from '../../lib/inline.js';
import { order, text } from './wasm-inline.js';

initSync({ module: bytesOf(order, text) });
