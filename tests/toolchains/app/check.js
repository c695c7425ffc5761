// What every toolchain's app runs: validators and the client from the main entry, a field check
// from idp-connections/validate. The answer is compared with EXPECTED by the suite.
import { validateConnectionName, validateConnectionCreate, connectionCreateSchema, ManagementClient, ManagementError, STRATEGIES } from 'idp-connections';
import { validateMetadata } from 'idp-connections/validate';

/** The app's findings, as JSON-ready data. */
export async function check() {
  const client = new ManagementClient({ domain: 'acme.eu.auth0.com', token: 'not-a-real-token' });
  // A body with an issue is refused by the client (in the wasm) before any request is sent.
  const refused = await client.connections.create({ name: 'bad--name', strategy: 'auth0' }).then(
    () => 'sent',
    (e) => (e instanceof ManagementError ? `${e.kind}:${e.issues.map((i) => i.code).join()}` : String(e)),
  );
  return {
    name: validateConnectionName('bad--name').map((i) => i.code),
    create: validateConnectionCreate({ name: 'acme-sso', strategy: 'samlp' }).ok,
    schema: connectionCreateSchema['~standard'].validate({ name: 'x', strategy: 'nope' }).issues.map((i) => i.code),
    strategies: STRATEGIES.length,
    metadata: validateMetadata(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']))).map((i) => i.code),
    refused,
  };
}
