// The validators-only wasm, inline as base64 and compiled synchronously on import (see
// ../../lib/init-inline.js for why).
import { initSync } from '../validate.js';
import { bytesOf } from '../../lib/base64.js';
import wasm from './wasm-inline.js';

initSync({ module: bytesOf(wasm) });
