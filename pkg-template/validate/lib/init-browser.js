// Browsers and bundlers: the validators-only .wasm, found through `new URL(…, import.meta.url)`.
import init from '../validate.js';

await init({ module_or_path: new URL('../validate_bg.wasm', import.meta.url) });
