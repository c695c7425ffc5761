// The package exports only its API: every entry (each runtime's ESM file, the CommonJS bundle, the
// declarations) exports exactly the names its README lists (tests/shared/exports.mjs), and no wasm
// internal. (workerd's entries: tests/workerd/validators.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as main from 'idp-connections';
import * as validate from 'idp-connections/validate';
import { documentedExports, exportedNames } from '../shared/exports.mjs';

const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve('idp-connections/package.json'));
const documented = documentedExports(readFileSync(join(pkg, 'README.md'), 'utf8'));
const root = fileURLToPath(new URL('../..', import.meta.url));
const packageFile = (path) => import(pathToFileURL(join(pkg, path)).href);

test('the README lists the API', () => {
  assert.ok(documented.main.length > 40 && documented.validate.length > 30, JSON.stringify(documented));
  assert.ok(documented.main.includes('ManagementClient') && !documented.validate.includes('ManagementClient'));
});

test('every entry a Node process can load exports exactly the documented API', async () => {
  const entries = [
    ['idp-connections (node)', main, documented.main],
    ['idp-connections/validate (node)', validate, documented.validate],
    ['browser.js', await packageFile('browser.js'), documented.main],
    ['validate/browser.js', await packageFile('validate/browser.js'), documented.validate],
    ['index.cjs (require)', require('idp-connections'), documented.main],
    ['validate/index.cjs (require)', require('idp-connections/validate'), documented.validate],
  ];
  for (const [label, module, expected] of entries) assert.deepEqual(exportedNames(module), expected, label);
});

test('the wasm glue is not reachable by name', () => {
  for (const path of ['idp-connections/idp_connections.js', 'idp-connections/validate/validate.js', 'idp-connections/lib/index.js']) {
    assert.throws(() => require.resolve(path), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' }, path);
  }
});

/**
 * TypeScript sources asserting that `keyof typeof <entry>` (the values a declaration file exports,
 * not its types) is exactly `names`, through ESM (`.mts`) and CommonJS (`.cts`) resolution.
 */
function declarationChecks(entry, names, tag) {
  const union = names.map((n) => JSON.stringify(n)).join(' | ');
  const check = `type Documented = ${union};
type None<T> = [T] extends [never] ? true : T;
export const undocumented: None<Exclude<Declared, Documented>> = true;
export const undeclared: None<Exclude<Documented, Declared>> = true;
`;
  return {
    [`${tag}.mts`]: `import * as entry from '${entry}';\ntype Declared = keyof typeof entry;\n${check}`,
    [`${tag}.cts`]: `import entry = require('${entry}');\ntype Declared = keyof typeof entry;\n${check}`,
  };
}

test('the declarations (ESM and CommonJS) declare exactly the documented values', () => {
  // Inside tests/node_modules, so the package resolves as a consumer's would (exports map, conditions).
  const dir = join(pkg, '..', '.exports-check');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const files = {
    ...declarationChecks('idp-connections', documented.main, 'main'),
    ...declarationChecks('idp-connections/validate', documented.validate, 'validate'),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const config = { compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022'], types: [], skipLibCheck: true }, files: Object.keys(files) };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  const run = spawnSync(tsc, ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc: the declared values differ from the README's list:\n${run.stdout}${run.stderr}`);
  // The check can fail: a name the README does not list is an error.
  writeFileSync(join(dir, 'main.mts'), files['main.mts'].replace('type Documented = "', 'type Documented = "notExported" | "'));
  const broken = spawnSync(tsc, ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  assert.notEqual(broken.status, 0, 'tsc accepted a documented name the declarations lack');
  assert.match(broken.stdout, /notExported/);
  rmSync(dir, { recursive: true, force: true });
});
