// ajv compiled from the official Auth0 spec: the reference validator the package is checked and
// measured against (JSON Schema 2020-12; formats are annotations, as in the spec).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;

/** The default spec path, resolved from this file. */
export const AUTH0_SPEC = new URL('../../spec/auth0/connections-oas.json', import.meta.url);

/** The parsed spec. */
export function loadSpec(specPath = AUTH0_SPEC) {
  return JSON.parse(readFileSync(specPath, 'utf8'));
}

/** Compiles the validator of one schema of the Auth0 spec, e.g. `CreateConnectionRequestContent`. */
export function compileSpecSchema(specPath, schemaName) {
  const spec = loadSpec(specPath ?? AUTH0_SPEC);
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
  ajv.addSchema({ $id: 'spec', components: { schemas: spec.schemas } });
  return ajv.compile({ $ref: `spec#/components/schemas/${schemaName}` });
}
