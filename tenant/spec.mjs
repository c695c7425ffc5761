// The Auth0 spec the local tenant and the suites check against: the official copy
// (spec/auth0/connections-oas.json) with the reviewed overlay (spec/auth0/overlay.json) applied,
// as tools/spec_loader.py applies it for the generators (tests/node/overlay.test.mjs compares).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { fullFormats } = require('ajv-formats/dist/formats');

/** The official copy. */
export const AUTH0_SPEC_FILE = new URL('../spec/auth0/connections-oas.json', import.meta.url);
/** The overlay: RFC 6902 JSON Patch operations, each with its source. */
export const AUTH0_OVERLAY_FILE = new URL('../spec/auth0/overlay.json', import.meta.url);
/** The relaxations: patches (applied after the overlay) where the official schemas are stricter
 * than real tenants, each with its source and reason; its `rules` are applied by
 * tools/per_strategy.py when it merges the per-strategy schemas. */
export const AUTH0_RELAXATIONS_FILE = new URL('../spec/auth0/relaxations.json', import.meta.url);

/** The reference tokens of a JSON pointer. */
function tokens(path) {
  return path.slice(1).split('/').map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Applies one `add`/`remove`/`replace` operation in place. */
function apply(document, { op, path, value }) {
  const parts = tokens(path);
  const last = parts.pop();
  let node = document;
  for (const part of parts) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) throw new Error(`overlay ${path}: no ${part}`);
    node = node[part];
  }
  const copy = () => structuredClone(value);
  if (Array.isArray(node)) {
    const at = last === '-' ? node.length : Number(last);
    if (op === 'add') node.splice(at, 0, copy());
    else if (op === 'remove') node.splice(at, 1);
    else if (op === 'replace') node[at] = copy();
    else throw new Error(`overlay ${path}: unsupported op ${op}`);
  } else if (op === 'add' || op === 'replace') {
    node[last] = copy();
  } else if (op === 'remove') {
    delete node[last];
  } else {
    throw new Error(`overlay ${path}: unsupported op ${op}`);
  }
}

/** The official Auth0 spec copy with the overlay (and, unless `relaxed` is false, the
 * relaxations' patches) applied. */
export function loadAuth0Spec({ relaxed = true } = {}) {
  const spec = JSON.parse(readFileSync(AUTH0_SPEC_FILE, 'utf8'));
  for (const entry of JSON.parse(readFileSync(AUTH0_OVERLAY_FILE, 'utf8')).patches) apply(spec, entry);
  if (relaxed) for (const entry of JSON.parse(readFileSync(AUTH0_RELAXATIONS_FILE, 'utf8')).patches) apply(spec, entry);
  return spec;
}

/** Registers the spec's formats on an ajv instance: only `email` is checked (Auth0 refuses a
 * synchronized group's malformed email: "Object didn't pass validation for format email", and so
 * do the package's validators); the others stay annotations. */
export function addSpecFormats(ajv, spec) {
  for (const name of new Set(JSON.stringify(spec.schemas).match(/"format":"[^"]+"/g)?.map((f) => f.slice(10, -1)))) {
    ajv.addFormat(name, name === 'email' ? fullFormats.email : true);
  }
  return ajv;
}
