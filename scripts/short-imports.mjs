// Shortens the import and export names wasm-bindgen gives a module and its JS glue.
//
// wasm-bindgen names every import `./<name>_bg.js` / `__wbg_<function>_<16 hex digits of hash>`
// and repeats the module string in each import entry; exports keep their Rust-side names. The
// hashes do not compress, and every name is written twice (in the .wasm and in the glue): about
// 2 KB of a gzip'd package. This renames glue imports, import modules and the exports the glue
// reads to one or two letters, in both files. It changes names only: the glue's functions and the
// wasm's code are byte for byte the same, and it stops with an error when the glue does not look
// as expected (wasm-bindgen is pinned in Cargo.toml).
//
// usage: node scripts/short-imports.mjs <module.wasm> <glue.js> [glue.d.ts]   (rewritten in place;
// the .d.ts's `InitOutput`, the raw exports `initSync` returns, gets the new export names)
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, gluePath, typesPath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error('usage: node scripts/short-imports.mjs <module.wasm> <glue.js> [glue.d.ts]');
  process.exit(2);
}

/** A reader over `bytes` from `at`. */
function reader(bytes, at = 0) {
  return {
    source: bytes,
    get at() {
      return at;
    },
    byte() {
      if (at >= bytes.length) throw new Error('unexpected end of the wasm module');
      return bytes[at++];
    },
    u32() {
      let value = 0;
      for (let shift = 0; ; shift += 7) {
        const b = this.byte();
        value += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return value;
      }
    },
    bytes(n) {
      if (at + n > bytes.length) throw new Error('unexpected end of the wasm module');
      const out = bytes.subarray(at, at + n);
      at += n;
      return out;
    },
    name() {
      return new TextDecoder().decode(this.bytes(this.u32()));
    },
  };
}

/** The unsigned LEB128 encoding of `value`. */
function leb(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

/** A wasm name: its length, then its UTF-8 bytes. */
const encodeName = (text) => {
  const bytes = new TextEncoder().encode(text);
  return [...leb(bytes.length), ...bytes];
};

/** Copies one import description (after the kind byte) from `r`, returning its bytes. */
function importDescription(r, kind) {
  const start = r.at;
  const limits = () => {
    const flags = r.byte();
    r.u32();
    if (flags & 1) r.u32();
  };
  if (kind === 0) r.u32(); // function: type index
  else if (kind === 1) (r.byte(), limits()); // table: reference type, limits
  else if (kind === 2) limits(); // memory
  else if (kind === 3) (r.byte(), r.byte()); // global: value type, mutability
  else if (kind === 4) (r.byte(), r.u32()); // tag: attribute, type index
  else throw new Error(`unknown import kind ${kind}`);
  return { start, end: r.at };
}

/** Short names in order: a, b, …, z, A, …, Z, aa, ab, … (valid JS identifiers). */
function* shortNames() {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let length = 1; ; length++) {
    const index = new Array(length).fill(0);
    for (;;) {
      yield index.map((i) => letters[i]).join('');
      let k = length - 1;
      while (k >= 0 && ++index[k] === letters.length) index[k--] = 0;
      if (k < 0) break;
    }
  }
}

const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

const r = reader(wasm);
const header = r.bytes(8);
const sections = [];
while (r.at < wasm.length) {
  const id = r.byte();
  const size = r.u32();
  sections.push({ id, body: r.bytes(size) });
}

/** Rewrites every vector section `id` entry by entry: `entry(reader)` returns an entry's new bytes. */
function rewriteVector(id, entry) {
  for (const section of sections) {
    if (section.id !== id) continue;
    const s = reader(section.body);
    const count = s.u32();
    const out = [...leb(count)];
    for (let i = 0; i < count; i++) out.push(...entry(s));
    section.body = Uint8Array.from(out);
  }
}

/** How often `word` occurs in `text` as a whole identifier. */
function countOf(text, word) {
  return text.match(new RegExp(`(?<![A-Za-z0-9_$])${word}(?![A-Za-z0-9_$])`, 'g'))?.length ?? 0;
}

/** The glue's reads of export `name`: `wasm.<name>` as a whole identifier. */
const wasmReads = (name) => new RegExp(`(?<![A-Za-z0-9_$])wasm\\.${name}(?![A-Za-z0-9_$])`, 'g');

// Imports: every module string gets a short one; wasm-bindgen's own glue functions get short
// names (their hashed names occur once in the glue, as keys of its import object). Snippet
// imports keep the names their modules export.
const modules = new Map(); // old module string → new
const moduleNames = shortNames();
const fieldNames = shortNames();
const renamedFields = new Map(); // old glue import name → new
rewriteVector(2, (s) => {
  const module = s.name();
  const field = s.name();
  const kind = s.byte();
  const { start, end } = importDescription(s, kind);
  if (!modules.has(module)) modules.set(module, moduleNames.next().value);
  let newField = field;
  if (/^__wbg_[A-Za-z0-9_]+$/.test(field) && countOf(glue, field) === 1) {
    newField = fieldNames.next().value;
    renamedFields.set(field, newField);
  }
  return [...encodeName(modules.get(module)), ...encodeName(newField), kind, ...s.source.subarray(start, end)];
});

// Exports the glue reads as `wasm.<name>` get short names too (the glue's own functions of the
// same names are separate JS bindings and keep theirs). Any other way of reaching an export
// (`exports.x`, `["x"]`) keeps its name.
const exportNames = shortNames();
const exportRenames = new Map(); // old export name → new
rewriteVector(7, (s) => {
  const name = s.name();
  const kind = s.byte();
  const index = s.u32();
  let newName = name;
  const otherReads = [`exports.${name}`, `"${name}"`, `'${name}'`].some((form) => glue.includes(form));
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && wasmReads(name).test(glue) && !otherReads) {
    do newName = exportNames.next().value;
    while (glue.includes(`wasm.${newName}`));
    glue = glue.replace(wasmReads(name), `wasm.${newName}`);
    exportRenames.set(name, newName);
  }
  return [...encodeName(newName), kind, ...leb(index)];
});

// The glue: keys of the import object, then the module strings of the object it returns.
for (const [field, short] of renamedFields) {
  const before = glue;
  glue = glue.replace(new RegExp(`(?<![A-Za-z0-9_$])${field}(?=: function)`), short);
  if (glue === before) throw new Error(`glue import ${field} not found as a key`);
}
for (const [module, short] of modules) {
  const quoted = JSON.stringify(module);
  if (!glue.includes(`${quoted}: import`)) throw new Error(`glue has no import object key ${quoted}`);
  glue = glue.split(`${quoted}: import`).join(`${JSON.stringify(short)}: import`);
}

const parts = [header];
for (const { id, body: bytes } of sections) parts.push(Uint8Array.from([id, ...leb(bytes.length)]), bytes);
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
if (typesPath) {
  let types = readFileSync(typesPath, 'utf8');
  const start = types.indexOf('export interface InitOutput {');
  const end = types.indexOf('\n}', start);
  if (start < 0 || end < 0) throw new Error(`${typesPath} has no InitOutput interface`);
  let members = types.slice(start, end);
  for (const [name, short] of exportRenames) {
    members = members.replace(new RegExp(`readonly ${name.replace(/\$/g, '\\$')}:`), `readonly ${short}:`);
  }
  types = types.slice(0, start) + members + types.slice(end);
  writeFileSync(typesPath, types);
}
console.log(`short-imports: ${renamedFields.size} glue imports, ${modules.size} modules and ${exportRenames.size} exports renamed in ${wasmPath}`);
