// A strict TypeScript consumer of the generated models and the clients' signatures.
import {
  ManagementClient,
  OktaClient,
  STRATEGIES,
  connectionCreateSchema,
  validateConnectionCreate,
  type CreateConnectionRequestContent,
  type GetConnectionResponseContent,
  type ConnectionIdentityProviderEnum,
  type ProvisioningConnectionResponse,
  type UpdateConnectionRequestContent,
  type ConnectionOptionsOIDC,
  type ConnectionOptionsOkta,
  type ConnectionOptionsAzureAD,
  type ConnectionOptionsGoogleApps,
  type ConnectionIssuer,
} from 'idp-connections';
import { validateConnectionUpdate as validateUpdateOnly, connectionUpdateSchema as updateSchemaOnly } from 'idp-connections/validate';

const body: CreateConnectionRequestContent = {
  name: 'acme-sso',
  strategy: 'samlp',
  metadata: { team: 'identity', retired: null },
  options: { signInEndpoint: 'https://idp.example/sso' },
};

// @ts-expect-error: not one of the 64 strategies
const wrongStrategy: CreateConnectionRequestContent = { name: 'x', strategy: 'not-a-strategy' };

// @ts-expect-error: name is required
const missingName: CreateConnectionRequestContent = { strategy: 'auth0' };

const strategy: ConnectionIdentityProviderEnum = STRATEGIES[0];
const update: UpdateConnectionRequestContent = { display_name: 'Acme' };

async function useClients(): Promise<string[]> {
  const client = new ManagementClient({ domain: 'acme.eu.auth0.com', token: async () => 'token' });
  const created = await client.connections.create(body);
  const read: GetConnectionResponseContent = await client.connections.get(created.id ?? '');
  await client.connections.update(read.id ?? '', update);
  const names: string[] = [];
  for await (const connection of await client.connections.list({ take: 50, strategy: [strategy] })) {
    names.push(connection.name ?? '');
  }
  const strict = new ManagementClient({ domain: 'acme.eu.auth0.com', token: 't', validation: 'strict' });
  const dp = strict.connections.directoryProvisioning;
  await dp.addSynchronizedGroupSelections('con_1', { groups: [{ id: 'grp1', name: 'Eng', email: 'eng@example.com', direct_members_count: 3 }] });
  await dp.deleteSynchronizedGroupSelections('con_1', { groups: [{ id: 'grp1' }] }, { validation: 'off' });
  // @ts-expect-error: a selection needs its id
  await dp.deleteSynchronizedGroupSelections('con_1', { groups: [{}] });
  for await (const group of await dp.listSynchronizedGroups('con_1', { q: 'name:eng*', take: 10 })) names.push(group.email ?? group.id);
  // @ts-expect-error: not a validation policy
  new ManagementClient({ domain: 'acme.eu.auth0.com', token: 't', validation: 'loose' });
  await client.connections.create({ name: 'x', strategy: 'gitlab', cross_app_access_resource_app: { status: 'enabled' } });
  await client.connections.update('con_1', { cross_app_access_resource_app: null });
  const okta = new OktaClient({ orgUrl: 'https://acme.okta.com', token: 'ssws', validation: 'drift' });
  const conn: ProvisioningConnectionResponse = await okta.getDefaultProvisioningConnectionForApplication({ appId: '0oa1' });
  names.push(conn.status);
  const jwks = await okta.getUserProvisioningConnectionJWKS({ appId: '0oa1' });
  names.push(jwks.jwks.keys[0]?.kid ?? '');
  return names;
}

const checked = validateConnectionCreate(JSON.parse('{}'));
if (checked.ok) {
  const name: string = checked.value.name;
  console.log(name);
} else {
  console.log(checked.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
}
const viaStandard = connectionCreateSchema['~standard'].validate(body);
if (!('issues' in viaStandard) || viaStandard.issues === undefined) console.log(viaStandard.value.strategy);

const onlyChecked = validateUpdateOnly(update);
if (onlyChecked.ok) console.log(onlyChecked.value.display_name);
console.log(updateSchemaOnly['~standard'].vendor);

// The allOf string schemas (client ids, issuer, JWKS URI) are strings, as on the wire.
const issuer: ConnectionIssuer = 'https://idp.example';
const oidcOptions: ConnectionOptionsOIDC = { client_id: 'abc', issuer, jwks_uri: 'https://idp.example/jwks' };
const oktaOptions: ConnectionOptionsOkta = { client_id: 'abc' };
const waadOptions: ConnectionOptionsAzureAD = { client_id: 'abc' };
const googleAppsOptions: ConnectionOptionsGoogleApps = { client_id: 'abc' };
// @ts-expect-error: a client id is a string, not a number
const wrongClientId: ConnectionOptionsOIDC = { client_id: 42 };

export { useClients, wrongStrategy, missingName, oidcOptions, oktaOptions, waadOptions, googleAppsOptions, wrongClientId };
