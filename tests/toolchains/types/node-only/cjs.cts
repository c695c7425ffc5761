// A CommonJS TypeScript file: `require` resolves to index.cjs and its .d.cts declarations.
import pkg = require('idp-connections');
import validate = require('idp-connections/validate');

const issues: ReadonlyArray<{ code: string }> = pkg.validateConnectionName('bad--name');
export const codes = issues.map((i) => i.code).concat(validate.validateMetadata({}).map((i) => i.code));
export const client = new pkg.ManagementClient({ domain: 'acme.eu.auth0.com', token: 't' });
