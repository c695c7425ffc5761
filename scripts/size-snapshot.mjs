// The package's size as a reviewed fact (like oxc's tasks/minsize/minsize.snap): every file pkg/
// ships, raw and gzip -9, in bytes; the two bundles the README quotes (esbuild --bundle --minify
// for browsers, as bench/size.mjs builds them); and the largest functions of each wasm (read from
// a copy built with the same wasm-opt passes and `-g`, which keeps the function names).
//
// The figures are exact and deterministic for a given source and tools (two clean builds give the
// same bytes): wasm-bindgen is pinned in Cargo.toml, binaryen and esbuild in package-lock.json;
// rustc is not pinned, so the snapshot names the tools it was made with, and a build with another
// rustc shows as a diff of that line too. (The wasm also holds one path under $CARGO_HOME, a
// js-sys file name, so another CARGO_HOME changes its size by the path's length.) `make test`
// compares the figures byte for byte with tests/size.snap: any change of size shows in review as
// a diff, and `make size-snapshot` accepts it (and rewrites the README's marked size figures). A
// branch that changes sizes commits its snapshot; when branches merge, the merged tree's
// `make size-snapshot` is the snapshot.
//
// usage: node scripts/size-snapshot.mjs <pkg dir> <snapshot> (--check | --write) [<name>=<wasm with names>…]
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { BUNDLE_SOURCES } from '../bench/size.mjs';
import { BROWSER_BUNDLE } from './browser-bundle.mjs';

const [dir, snapshotPath, mode, ...named] = process.argv.slice(2);
if (!dir || !snapshotPath || !['--check', '--write'].includes(mode)) {
  console.error('usage: node scripts/size-snapshot.mjs <pkg dir> <snapshot> (--check | --write) [<name>=<wasm with names>…]');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
/** How many of the largest functions each wasm lists. */
const TOP = 20;

/** Every file below `path`, relative to it, sorted. */
function listDir(path, prefix = '') {
  return readdirSync(path).sort().flatMap((name) =>
    statSync(join(path, name)).isDirectory() ? listDir(join(path, name), `${prefix}${name}/`) : [`${prefix}${name}`],
  );
}

/**
 * The files the package ships (package.json `files`, directories expanded), sorted; without its
 * documents (README, CHANGELOG, licences), which no app loads and whose every edit would be a
 * size change to accept.
 */
function shippedFiles() {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const files = manifest.files.flatMap((entry) => (entry.endsWith('/') ? listDir(join(dir, entry)).map((f) => entry + f) : [entry]));
  return ['package.json', ...files].filter((file) => !/^(README|CHANGELOG)\.md$|^LICENSE-/.test(file)).sort();
}

/** Bundles `source` as bench/size.mjs does (the package resolved through a node_modules link to `dir`). */
async function bundle(name, source) {
  const work = join(root, 'target', 'size');
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  const link = join(work, 'node_modules', 'idp-connections');
  rmSync(link, { force: true, recursive: true });
  symlinkSync(resolve(dir), link, 'dir');
  const result = await esbuild.build({
    ...BROWSER_BUNDLE,
    stdin: { contents: source, resolveDir: work, loader: 'js' },
    write: false,
    outfile: join(work, `${name}.js`),
    logLevel: 'silent',
  });
  const bytes = result.outputFiles.map((f) => f.contents);
  return [bytes.reduce((n, b) => n + b.length, 0), bytes.reduce((n, b) => n + gzip(b), 0)];
}

/** A reader of unsigned LEB128 numbers and byte runs over a wasm module. */
function reader(bytes, at = 0) {
  return {
    get at() {
      return at;
    },
    u32() {
      let value = 0;
      for (let shift = 0; ; shift += 7) {
        if (at >= bytes.length) throw new Error('unexpected end of the wasm module');
        const b = bytes[at++];
        value += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return value;
      }
    },
    skip(n) {
      at += n;
    },
    name() {
      const n = this.u32();
      at += n;
      return new TextDecoder().decode(bytes.subarray(at - n, at));
    },
  };
}

/**
 * A function's name without build hashes (a path's `::h<hash>`, a crate's `[<hash>]`), Rust's
 * legacy mangling (`_ZN3foo3bar17h<hash>E`) read as a path; other names as they are.
 */
function demangle(name) {
  const match = /^_ZN(.*)17h[0-9a-f]{16}E$/.exec(name);
  if (!match) return name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
  const parts = [];
  for (let rest = match[1]; rest.length; ) {
    const len = /^\d+/.exec(rest);
    if (!len) return name;
    const start = len[0].length;
    parts.push(rest.slice(start, start + Number(len[0])));
    rest = rest.slice(start + Number(len[0]));
  }
  const escapes = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',', u20: ' ', u27: "'", u5b: '[', u5d: ']', u7b: '{', u7d: '}', u7e: '~', u3b: ';', u2b: '+', u22: '"' };
  return parts
    .map((part) => part.replace(/^_\$/, '$').replace(/\$([A-Za-z0-9]+)\$/g, (all, code) => escapes[code] ?? all).replace(/\.\./g, '::'))
    .join('::');
}

/**
 * Calls `visit(id, size, end)` for each section of the module `r` reads (a reader at its first
 * section), with `r` at the section's contents; then moves on to the next section.
 */
function eachSection(bytes, r, visit) {
  while (r.at < bytes.length) {
    const id = bytes[r.at];
    r.skip(1);
    const size = r.u32();
    const end = r.at + size;
    visit(id, size, end);
    r.skip(end - r.at);
  }
}

/** The size of a wasm module's code section. */
function codeSize(path) {
  const bytes = readFileSync(path);
  let code = 0;
  eachSection(bytes, reader(bytes, 8), (id, size) => {
    if (id === 10) code = size;
  });
  return code;
}

/** `[bytes, name]` of every function body of a wasm module with a name section, largest first. */
function functionSizes(path) {
  const bytes = readFileSync(path);
  const r = reader(bytes, 8);
  let imported = 0;
  let bodies = [];
  const names = new Map();
  eachSection(bytes, r, (id, size, end) => {
    if (id === 2) {
      // Imports: function imports take the first function indices.
      const count = r.u32();
      for (let i = 0; i < count; i += 1) {
        r.name();
        r.name();
        const kind = bytes[r.at];
        r.skip(1);
        if (kind === 0) (r.u32(), (imported += 1));
        else if (kind === 1) (r.skip(1), limits());
        else if (kind === 2) limits();
        else if (kind === 3) r.skip(2);
        else throw new Error(`${path}: import kind ${kind}`);
      }
    } else if (id === 10) {
      const count = r.u32();
      bodies = Array.from({ length: count }, () => {
        const length = r.u32();
        r.skip(length);
        return length;
      });
    } else if (id === 0 && r.name() === 'name') {
      while (r.at < end) {
        const sub = bytes[r.at];
        r.skip(1);
        const subSize = r.u32();
        const subEnd = r.at + subSize;
        if (sub === 1) {
          const count = r.u32();
          for (let i = 0; i < count; i += 1) names.set(r.u32(), r.name());
        }
        r.skip(subEnd - r.at);
      }
    }
  });
  /** Skips a limits record (flags, minimum, maximum when flagged). */
  function limits() {
    const flags = r.u32();
    r.u32();
    if (flags & 1) r.u32();
  }
  if (names.size === 0) throw new Error(`${path}: no function names (build it with wasm-opt -g)`);
  return bodies
    .map((length, i) => [length, demangle(names.get(imported + i) ?? `function ${imported + i}`)])
    .sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1));
}

/** The versions of the tools that decide the sizes, on one line. */
function tools() {
  const version = (command, args) => execFileSync(command, args, { encoding: 'utf8' }).trim();
  return [
    version('rustc', ['--version']),
    version(join(root, '.tools', 'bin', 'wasm-bindgen'), ['--version']),
    version(join(root, 'node_modules', '.bin', 'wasm-opt'), ['--version']),
    `esbuild ${esbuild.version}`,
  ].join('; ');
}

/** gzip sizes the README quotes, by the key of its marks (`<!--size:key-->` … `<!--/size-->`). */
const quoted = {};
const lines = [
  '# The package\'s size: `make size-snapshot` writes this file, `make test` compares it (scripts/size-snapshot.mjs).',
  '# Bytes: raw, gzip -9.',
  `# Tools: ${tools()}`,
  '',
  '## Shipped files (without README, CHANGELOG and licences)',
];
let total = [0, 0];
const row = (label, raw, gz) => `${label.padEnd(36)} ${String(raw).padStart(8)} ${String(gz).padStart(8)}`;
for (const file of shippedFiles()) {
  const bytes = readFileSync(join(dir, file));
  const sizes = [bytes.length, gzip(bytes)];
  total = total.map((t, i) => t + sizes[i]);
  lines.push(row(file, ...sizes));
}
lines.push(row('total', ...total), '', '## Bundles (esbuild --bundle --minify, browser; as bench/size.mjs)');
const clientBundle = await bundle(
      'client',
      `import { ManagementClient, validateConnectionCreate } from 'idp-connections';
       const c = new ManagementClient({ domain: 'acme.auth0.com', token: 't' });
       export const list = () => c.connections.list();
       export const check = validateConnectionCreate;`,
);
const validateBundle = await bundle('validate', `export { validateConnectionCreate, validateConnectionUpdate } from 'idp-connections/validate';`);
lines.push(row('client + validators', ...clientBundle), row('validators only (/validate)', ...validateBundle));
quoted.client = clientBundle[1];
quoted.validate = validateBundle[1];
quoted.wasm = gzip(readFileSync(join(dir, 'idp_connections_bg.wasm')));
quoted['validate-wasm'] = gzip(readFileSync(join(dir, 'validate', 'validate_bg.wasm')));
for (const spec of named) {
  const [label, path] = spec.split('=');
  // The named copy must hold the shipped module's code, or its figures describe another build.
  if (codeSize(path) !== codeSize(join(dir, label))) throw new Error(`${path}: its code differs from ${label}'s`);
  const sizes = functionSizes(path);
  lines.push('', `## ${label}: the ${TOP} largest of ${sizes.length} functions (code bytes)`);
  for (const [length, name] of sizes.slice(0, TOP)) lines.push(`${String(length).padStart(7)}  ${name}`);
}
const text = `${lines.join('\n')}\n`;

/**
 * The README with each marked figure written from `quoted`: `<!--size:key-->` is the size in KB
 * (1024 bytes, one decimal), `<!--size:key/peer-->` its ratio to a peer's KB figure (`0.29×`).
 */
function readmeWith(readme) {
  return readme.replace(/<!--size:([\w-]+)(?:\/([\d.]+))?-->[^<]*<!--\/size-->/g, (all, key, peer) => {
    if (!(key in quoted)) throw new Error(`README.md: unknown size mark ${key}`);
    const kb = quoted[key] / 1024;
    const figure = peer ? `${(Math.round((kb / Number(peer)) * 100) / 100).toFixed(2)}×` : kb.toFixed(1);
    return `<!--size:${key}${peer ? `/${peer}` : ''}-->${figure}<!--/size-->`;
  });
}
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');

if (mode === '--write') {
  writeFileSync(snapshotPath, text);
  writeFileSync(readmePath, readmeWith(readme));
  console.log(`size-snapshot: wrote ${snapshotPath} and the README's size figures`);
} else {
  const committed = existsSync(snapshotPath) ? readFileSync(snapshotPath, 'utf8') : '';
  let failed = false;
  if (committed !== text) {
    const before = committed.split('\n');
    const after = text.split('\n');
    for (const line of before.filter((l) => !after.includes(l))) console.error(`- ${line}`);
    for (const line of after.filter((l) => !before.includes(l))) console.error(`+ ${line}`);
    console.error(`size-snapshot: the sizes differ from ${snapshotPath}: review the lines above, then run 'make size-snapshot'`);
    failed = true;
  }
  if (readmeWith(readme) !== readme) {
    console.error(`size-snapshot: the README's size figures differ from the build: run 'make size-snapshot'`);
    failed = true;
  }
  if (failed) process.exit(1);
  console.log(`size-snapshot: sizes match ${snapshotPath} and the README`);
}
