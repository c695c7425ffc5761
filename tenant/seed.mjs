// Sample data for the local tenant: connections of several strategies (one with a SCIM
// configuration and tokens, one with directory provisioning), enabled clients, and three Okta
// apps answering the ways real Okta orgs do.

const STRATEGIES = ['auth0', 'google-oauth2', 'samlp', 'oidc', 'okta', 'waad', 'email', 'sms', 'adfs', 'github'];

/** A connection id as Auth0 writes them. */
export function connectionId(n) {
  return `con_${n.toString(36).padStart(16, '0')}`;
}

/** `count` generated connections, strategies rotating; fast enough for 10,000. */
export function bulkConnections(count) {
  return Array.from({ length: count }, (_, i) => ({
    id: connectionId(i + 1),
    name: `bulk-${String(i).padStart(5, '0')}`,
    display_name: `Bulk ${i}`,
    strategy: STRATEGIES[i % STRATEGIES.length],
    options: {},
    enabled_clients: [],
    is_domain_connection: false,
    realms: [`bulk-${String(i).padStart(5, '0')}`],
    metadata: {},
  }));
}

/** The sample tenant a newcomer sees in the console. */
export function sampleState() {
  const make = (n, name, strategy, extra = {}) => ({
    id: connectionId(n),
    name,
    display_name: extra.display_name ?? name,
    strategy,
    options: extra.options ?? {},
    enabled_clients: extra.enabled_clients ?? ['local-client'],
    is_domain_connection: false,
    show_as_button: strategy !== 'auth0',
    realms: extra.realms ?? [name],
    metadata: extra.metadata ?? {},
  });
  const connections = [
    make(1, 'Username-Password-Authentication', 'auth0', { display_name: 'Database', options: { brute_force_protection: true, passwordPolicy: 'good' } }),
    make(2, 'google-oauth2', 'google-oauth2', { display_name: 'Google', options: { scope: ['email', 'profile'] } }),
    make(3, 'acme-saml', 'samlp', { display_name: 'Acme SSO', metadata: { team: 'identity' }, options: { signInEndpoint: 'https://idp.acme.example/sso' } }),
    make(4, 'partner-oidc', 'oidc', { display_name: 'Partner OIDC', options: { type: 'back_channel', issuer: 'https://partner.example' } }),
    make(5, 'workforce-okta', 'okta', { display_name: 'Workforce (Okta)', options: { domain: 'acme.okta.example' } }),
    make(6, 'contoso-entra', 'waad', { display_name: 'Contoso Entra ID', options: { tenant_domain: 'contoso.example' } }),
    make(7, 'email', 'email', { display_name: 'Email passwordless', realms: ['email'] }),
    make(8, 'sms', 'sms', { display_name: 'SMS passwordless', realms: ['sms'] }),
    make(9, 'google-workspace', 'google-apps', { display_name: 'Google Workspace', options: { domain: 'acme.example' } }),
  ];
  const now = '2026-11-01T09:00:00.000Z';
  const scim = new Map([[connectionId(3), {
    connection_id: connectionId(3), connection_name: 'acme-saml', strategy: 'samlp', tenant_name: 'local',
    user_id_attribute: 'externalId', mapping: [{ auth0: 'email', scim: 'emails[primary eq true].value' }],
    created_at: now, updated_on: now,
  }]]);
  const scimTokens = new Map([[connectionId(3), [
    { token_id: 'tok_sample0001', scopes: ['get:users', 'post:users'], created_at: now, valid_until: '2027-11-01T09:00:00.000Z' },
  ]]]);
  const directory = new Map([[connectionId(9), {
    connection_id: connectionId(9), connection_name: 'google-workspace', strategy: 'google-apps',
    mapping: [{ auth0: 'email', idp: 'primaryEmail' }], synchronize_automatically: true, synchronize_groups: 'all',
    created_at: now, updated_at: now,
  }]]);
  return { connections, scim, scimTokens, directory, groups: new Map([[connectionId(9), [
    { id: 'grpEngineering', name: 'Engineering', email: 'engineering@example.com', direct_members_count: 12 },
    { id: 'grpSales', name: 'Sales', email: 'sales@example.com', direct_members_count: 5 },
  ]]]) };
}

/** Okta apps: an Org2Org app (no profile), an Office 365 app needing consent, one answering UNKNOWN. */
export function oktaApps() {
  const links = (appId) => ({
    self: { href: `/api/v1/apps/${appId}/connections/default`, hints: { allow: ['GET', 'POST'] } },
    activate: { href: `/api/v1/apps/${appId}/connections/default/lifecycle/activate`, hints: { allow: ['POST'] } },
    deactivate: { href: `/api/v1/apps/${appId}/connections/default/lifecycle/deactivate`, hints: { allow: ['POST'] } },
  });
  return new Map([
    ['0oa-org2org', { kind: 'org2org', name: 'okta_org2org', connection: { authScheme: 'TOKEN', status: 'DISABLED', _links: links('0oa-org2org') } }],
    ['0oa-office365', { kind: 'office365', name: 'office365', connection: { status: 'DISABLED', profile: { authScheme: 'OAUTH2' }, _links: links('0oa-office365') } }],
    ['0oa-unknown', { kind: 'unknown', name: 'bookmark', connection: { status: 'UNKNOWN', profile: { authScheme: 'UNKNOWN' } } }],
  ]);
}

/** The state for a seed option: 'sample', 'empty', or `{ bulk: N }`. */
export function seedState(seed = 'sample') {
  const empty = { connections: [], scim: new Map(), scimTokens: new Map(), directory: new Map(), groups: new Map() };
  const state = seed === 'empty' ? empty : typeof seed === 'object' && seed?.bulk ? { ...empty, connections: bulkConnections(seed.bulk) } : sampleState();
  return { ...state, okta: oktaApps(), keys: new Map(), nextId: state.connections.length + 1000 };
}
