// Request bodies are exact: a misspelt key is a compile error (the directive fails if it is not).
import { ManagementClient, type CreateConnectionRequestContent, type UpdateConnectionRequestContent } from 'idp-connections';

// @ts-expect-error dispaly_name is not a property of CreateConnectionRequestContent
export const created: CreateConnectionRequestContent = { name: 'acme-sso', strategy: 'samlp', dispaly_name: 'Acme' };

const client = new ManagementClient({ domain: 'acme.eu.auth0.com', token: 't' });
export async function typo(id: string) {
  // @ts-expect-error enabled_client is not a property of UpdateConnectionRequestContent
  const update: UpdateConnectionRequestContent = { enabled_client: ['abc'] };
  // @ts-expect-error dispaly_name is not a property of the create body
  await client.connections.create({ name: 'acme-sso', strategy: 'samlp', dispaly_name: 'Acme' });
  return client.connections.update(id, update);
}
