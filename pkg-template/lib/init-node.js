// @ts-check
// Node: read the .wasm beside the package and instantiate it synchronously.
import { readFileSync } from 'node:fs';
import { initSync } from '../idp_connections.js';

initSync({ module: readFileSync(new URL('../idp_connections_bg.wasm', import.meta.url)) });
