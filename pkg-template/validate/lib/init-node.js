// @ts-check
// Node: the validators-only .wasm beside this entry, instantiated synchronously.
import { readFileSync } from 'node:fs';
import { initSync } from '../validate.js';

initSync({ module: readFileSync(new URL('../validate_bg.wasm', import.meta.url)) });
