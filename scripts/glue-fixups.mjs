// Fixes to a wasm-bindgen glue file, so a user's bundler builds it without a warning.
//
// 1. wasm-bindgen writes one import-object entry per `#[wasm_bindgen(module = …)]` block, so a JS
//    module imported from several blocks is a repeated key (`"./lib/boundary.js"` three times);
//    every copy is the namespace of the same module, so the first is kept and the rest dropped
//    (esbuild warns about duplicate keys in each build that includes the glue).
// 2. The async init's default, `new URL('<name>_bg.wasm', import.meta.url)`, is dropped: the
//    package always passes the module itself, and the expression made bundlers emit the .wasm as an
//    asset and esbuild's iife/cjs output warn about `import.meta`.
//
// 3. With a .d.ts, its init declarations (`InitInput`, `InitOutput`, `initSync`, the default init)
//    are dropped: they are not the package's API (importing initialises it) and they name DOM types
//    (`RequestInfo`, `BufferSource`, `WebAssembly`), which a Node project without the DOM lib lacks.
//
// usage: node scripts/glue-fixups.mjs <glue.js> [glue.d.ts]   (rewritten in place; stops when the
// glue does not look as expected: wasm-bindgen is pinned in Cargo.toml)
import { readFileSync, writeFileSync } from 'node:fs';

const [gluePath, typesPath] = process.argv.slice(2);
if (!gluePath) {
  console.error('usage: node scripts/glue-fixups.mjs <glue.js>');
  process.exit(2);
}
let glue = readFileSync(gluePath, 'utf8');

const objectStart = glue.indexOf('    return {\n        __proto__: null,\n');
const objectEnd = glue.indexOf('\n    };', objectStart);
if (objectStart < 0 || objectEnd < 0) throw new Error(`${gluePath}: no import object found`);
const seen = new Set();
let dropped = 0;
const entries = glue
  .slice(objectStart, objectEnd)
  .split('\n')
  .filter((line) => {
    const key = /^\s+("[^"]*"): import\d+,$/.exec(line)?.[1];
    if (key === undefined) return true;
    if (seen.has(key)) return (dropped++, false);
    seen.add(key);
    return true;
  });
glue = glue.slice(0, objectStart) + entries.join('\n') + glue.slice(objectEnd);

const defaultUrl = /\n\s*if \(module_or_path === undefined\) \{\n\s*module_or_path = new URL\('[^']+', import\.meta\.url\);\n\s*\}/;
if (!defaultUrl.test(glue)) throw new Error(`${gluePath}: the init's default wasm URL was not found`);
glue = glue.replace(defaultUrl, '');
if (glue.includes('import.meta')) throw new Error(`${gluePath}: still reads import.meta`);

// 4. The glue's UTF-8 decoder comes from lib/utf8.js (through lib/boundary.js, which the glue
//    already imports): the engine's TextDecoder, or a built-in one where there is none (Jest's
//    jsdom). Strings into wasm already go through lib/boundary.js (TextEncoder.encodeInto).
const boundaryImport = "import { encodeInto, issue } from './lib/boundary.js';";
const nativeDecoder = "new TextDecoder('utf-8', { ignoreBOM: true })";
if (!glue.includes(boundaryImport) || !glue.includes(nativeDecoder)) throw new Error(`${gluePath}: the boundary import or the decoder was not found`);
glue = glue.replace(boundaryImport, "import { encodeInto, issue, textDecoder } from './lib/boundary.js';").replaceAll(nativeDecoder, 'textDecoder({ ignoreBOM: true })');
if (/\bText(En|De)coder\b/.test(glue)) throw new Error(`${gluePath}: still names TextEncoder or TextDecoder`);

writeFileSync(gluePath, glue);
if (typesPath) {
  const types = readFileSync(typesPath, 'utf8');
  const start = types.indexOf('\nexport type InitInput = ');
  if (start < 0) throw new Error(`${typesPath}: no InitInput declaration`);
  const rest = types.slice(start);
  const declared = [...rest.matchAll(/^export (?:type|interface|function|default function) (\w+)/gm)].map((m) => m[1]);
  if (declared.join() !== 'InitInput,InitOutput,SyncInitInput,initSync,__wbg_init') {
    throw new Error(`${typesPath}: unexpected declarations after InitInput: ${declared}`);
  }
  writeFileSync(typesPath, `${types.slice(0, start).trimEnd()}\n`);
}
console.log(`glue-fixups: ${dropped} repeated import keys and the default wasm URL dropped, the decoder from lib/utf8.js, in ${gluePath}`);
