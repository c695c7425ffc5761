// Writes a CommonJS twin (`.d.cts`) of every declaration file in a package directory, for the
// `require` export condition: TypeScript reads a `.d.ts` in a `"type": "module"` package as ESM, so
// a CommonJS consumer needs declarations of its own. Relative `.js` specifiers become `.cjs`.
//
// usage: node scripts/cts-types.mjs <pkg dir>
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/cts-types.mjs <pkg dir>');
  process.exit(2);
}

/** Every `.d.ts` file below `path`. */
function declarations(path) {
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    if (statSync(full).isDirectory()) return declarations(full);
    return name.endsWith('.d.ts') ? [full] : [];
  });
}

const files = declarations(dir);
for (const file of files) {
  const text = readFileSync(file, 'utf8').replace(/(['"])(\.{1,2}\/[^'"]*)\.js\1/g, '$1$2.cjs$1');
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), text);
}
console.log(`cts-types: ${files.length} CommonJS declaration files written in ${dir}`);
