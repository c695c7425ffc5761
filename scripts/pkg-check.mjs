// Checks the assembled package against the promises its package.json makes, then prints the
// raw, gzip and brotli size of every file it ships. Usage: node scripts/pkg-check.mjs pkg VERSION
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const [dir = 'pkg', version] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const problems = [];

if (version && manifest.version !== version) {
  problems.push(`package.json version ${manifest.version} differs from Cargo.toml ${version}`);
}
// ESM consumers get a per-runtime entry; CommonJS consumers (`require`, Jest) one CJS bundle.
const expected = { import: ['types', 'workerd', 'deno', 'bun', 'browser', 'default'], require: ['types', 'default'] };
const targets = [];
for (const entry of ['.', './validate']) {
  for (const [mode, conditions] of Object.entries(expected)) {
    const got = Object.keys(manifest.exports?.[entry]?.[mode] ?? {});
    if (got.join() !== conditions.join()) {
      problems.push(`exports["${entry}"].${mode} conditions are [${got}], expected [${conditions}]`);
    }
    targets.push(...Object.values(manifest.exports?.[entry]?.[mode] ?? {}));
  }
}
const shipped = manifest.files.flatMap((entry) =>
  entry.endsWith('/') ? listDir(join(dir, entry)).map((f) => join(entry, f)) : [entry],
);
for (const file of shipped) {
  if (!existsSync(join(dir, file))) problems.push(`files lists ${file}, which is missing`);
}
for (const target of targets) {
  if (!shipped.includes(target.replace(/^\.\//, ''))) problems.push(`export ${target} is not shipped`);
}

/** Every file below `path`, relative to it. */
function listDir(path, prefix = '') {
  if (!existsSync(path)) return [];
  return readdirSync(path).sort().flatMap((name) =>
    statSync(join(path, name)).isDirectory() ? listDir(join(path, name), `${prefix}${name}/`) : [`${prefix}${name}`],
  );
}

const rows = [];
let totals = [0, 0, 0];
for (const file of shipped.filter((f) => existsSync(join(dir, f)) && statSync(join(dir, f)).isFile())) {
  const bytes = readFileSync(join(dir, file));
  const sizes = [
    bytes.length,
    gzipSync(bytes, { level: 9 }).length,
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  ];
  totals = totals.map((t, i) => t + sizes[i]);
  rows.push([file, ...sizes]);
}
rows.push(['total', ...totals]);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
console.log(`${'file'.padEnd(32)}${'raw'.padStart(10)}${'gzip -9'.padStart(10)}${'brotli'.padStart(10)}`);
for (const [file, raw, gz, br] of rows) console.log(`${file.padEnd(32)}${kb(raw)}${kb(gz)}${kb(br)}`);

if (problems.length) {
  for (const p of problems) console.error(`pkg-check: ${p}`);
  process.exit(1);
}
