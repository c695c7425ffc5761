// ajv compiled from the official Auth0 spec with its overlay (tenant/spec.mjs): the reference
// validator the package is checked and measured against (JSON Schema 2020-12; formats are
// annotations, except `email`, which Auth0 and the package check).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { addSpecFormats, loadAuth0Spec } from '../../tenant/spec.mjs';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;

/** The default: the Auth0 spec as the generators read it (the official copy and the overlay). */
export const AUTH0_SPEC = 'auth0+overlay';

/** Okta's spec part (schemas under `components.schemas`). */
export const OKTA_SPEC = new URL('../../spec/okta/app-connections-oas.json', import.meta.url);

/** The parsed spec: the overlaid Auth0 spec by default, or the file at `specPath`. */
export function loadSpec(specPath = AUTH0_SPEC) {
  return specPath === AUTH0_SPEC ? loadAuth0Spec() : JSON.parse(readFileSync(specPath, 'utf8'));
}

/** Compiles the validator of one schema of the Auth0 spec, e.g. `CreateConnectionRequestContent`. */
export function compileSpecSchema(specPath, schemaName) {
  const spec = loadSpec(specPath ?? AUTH0_SPEC);
  const ajv = addSpecFormats(new Ajv2020({ strict: false, allErrors: false }), spec);
  ajv.addSchema({ $id: 'spec', components: { schemas: spec.schemas } });
  return ajv.compile({ $ref: `spec#/components/schemas/${schemaName}` });
}

/** Compiles the request body schema of one Okta operation, e.g. `post` of
 * `/api/v1/apps/{appId}/connections/default`; `$ref`s resolve against Okta's components. */
export function compileOktaRequest(path, method) {
  const spec = loadSpec(OKTA_SPEC);
  const schema = spec.paths[path][method].requestBody.content['application/json'].schema;
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
  ajv.addSchema({ $id: 'okta', components: spec.components });
  const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"okta#/components/'));
  return { validate: ajv.compile(rebased), schema, schemas: spec.components.schemas };
}

/**
 * The per-strategy schemas as tools/per_strategy.py merges them: `{ strategies, schemas }`, the
 * relaxations applied (spec/auth0/relaxations.json), or without them when `official` (the
 * official schemas, only their allOf merged). The tables the package ships are generated from the
 * same merge.
 */
export function loadPerStrategy({ official = false } = {}) {
  const tool = fileURLToPath(new URL('../../tools/per_strategy.py', import.meta.url));
  const args = [tool, '--dump', ...(official ? ['--official'] : [])];
  return JSON.parse(execFileSync('python3', args, { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

/**
 * ajv over the merged per-strategy schemas: `create(body)` checks a create body against the root
 * of its strategy (the generic create schema of the overlaid spec when the strategy has none),
 * `update(body, strategy)` an update body against that strategy's update root (the generic one
 * without a strategy or for a strategy without one). `merged` is `loadPerStrategy()`'s answer.
 */
export function compilePerStrategy(merged, { official = false } = {}) {
  const spec = loadAuth0Spec({ relaxed: !official });
  const ajv = addSpecFormats(new Ajv2020({ strict: false, allErrors: false }), { schemas: { ...spec.schemas, ...merged.schemas } });
  ajv.addSchema({ $id: 'merged', components: { schemas: merged.schemas } });
  const generic = {
    create: compileSpecSchema(undefined, 'CreateConnectionRequestContent'),
    update: compileSpecSchema(undefined, 'UpdateConnectionRequestContent'),
  };
  const compiled = new Map();
  const root = (name) => {
    if (!compiled.has(name)) compiled.set(name, ajv.compile({ $ref: `merged#/components/schemas/${name}` }));
    return compiled.get(name);
  };
  const rootOf = (kind, strategy) => {
    const names = typeof strategy === 'string' && Object.hasOwn(merged.strategies, strategy) ? merged.strategies[strategy] : null;
    return names === null ? generic[kind] : root(names[kind]);
  };
  return {
    create: (body) => rootOf('create', body?.strategy)(body),
    update: (body, strategy) => rootOf('update', strategy)(body),
    errors: (kind, strategy) => rootOf(kind, strategy).errors,
  };
}
