// ajv compiled from the official Auth0 spec: the reference validator the package is measured against.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats');

/** Compiles the validator of one schema of `spec/auth0/connections-oas.json`, e.g. `CreateConnectionRequestContent`. */
export function compileSpecSchema(specPath, schemaName) {
  const spec = JSON.parse(readFileSync(specPath, 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
  addFormats(ajv);
  ajv.addSchema({ $id: 'spec', components: { schemas: spec.schemas } });
  return ajv.compile({ $ref: `spec#/components/schemas/${schemaName}` });
}
