// A Node ESM project without the DOM lib, skipLibCheck off: every declaration file is checked.
import { ManagementClient, validateConnectionCreate, type CreateConnectionRequestContent, type GetConnectionResponseContent } from 'idp-connections';
import { validateMetadata } from 'idp-connections/validate';

const body: CreateConnectionRequestContent = { name: 'acme-sso', strategy: 'samlp', display_name: 'Acme' };
const checked = validateConnectionCreate(body);
if (checked.ok) console.log(checked.value.name);
console.log(validateMetadata({ team: 'x' }).length);

const client = new ManagementClient({ domain: 'acme.eu.auth0.com', token: 't' });
export async function rename(id: string): Promise<string | undefined> {
  const current: GetConnectionResponseContent = await client.connections.get(id);
  // Response types stay open: a field a newer server adds is readable and survives a write-back.
  const unknownField: unknown = current['field_from_a_newer_server'];
  void unknownField;
  const updated = await client.connections.update(id, { display_name: 'New name' });
  return updated.display_name;
}
