// Browsers and bundlers: fetch and instantiate the .wasm next to this package. Bundlers (Vite,
// webpack, esbuild with a copy step) recognise `new URL(…, import.meta.url)` as an asset.
import init from '../idp_connections.js';

await init({ module_or_path: new URL('../idp_connections_bg.wasm', import.meta.url) });
