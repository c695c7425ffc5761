// The Auth0 Management API v2 `/connections*` endpoints of the local tenant: stateful, paged both
// ways, request bodies checked against the official schemas with the overlay (tenant/spec.mjs) by
// ajv, so a wrong request fails loudly.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { addSpecFormats, loadAuth0Spec } from './spec.mjs';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;

const spec = loadAuth0Spec();
const ajv = addSpecFormats(new Ajv2020({ strict: false, allErrors: false }), spec);
ajv.addSchema({ $id: 'spec', components: { schemas: spec.schemas } });
const compiled = new Map();
/** The strategies the spec knows (`ConnectionStrategyEnum`); a list filter naming another is a 400. */
const STRATEGY_NAMES = new Set(spec.schemas.ConnectionStrategyEnum.enum);

/** The ajv validator of a spec schema, compiled once. */
function schema(name) {
  if (!compiled.has(name)) compiled.set(name, ajv.compile({ $ref: `spec#/components/schemas/${name}` }));
  return compiled.get(name);
}

/** An Auth0-shaped error. */
export class HttpError extends Error {
  constructor(status, message, errorCode, error = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 409: 'Conflict' }[status] ?? 'Error') {
    super(message);
    this.status = status;
    this.body = { statusCode: status, error, message, errorCode };
  }
}

/** Checks a body against a request schema; a 400 naming the first problem otherwise. */
function check(name, body) {
  const validate = schema(name);
  if (!validate(body)) {
    const [first] = validate.errors;
    const where = first.instancePath || 'body';
    throw new HttpError(400, `Payload validation error: '${first.message}' on property ${where} (${first.keyword}).`, 'invalid_body');
  }
}

const now = () => new Date().toISOString();
const token = (prefix) => `${prefix}_${randomBytes(8).toString('hex')}`;

/** Applies `fields`/`include_fields` to a connection. */
function pick(connection, query) {
  const fields = query.get('fields');
  if (!fields) return connection;
  const names = new Set(fields.split(',').map((f) => f.trim()));
  const include = query.get('include_fields') !== 'false';
  return Object.fromEntries(Object.entries(connection).filter(([k]) => names.has(k) === include));
}

/** A connection as list answers show it: without `enabled_clients` (see `/connections/{id}/clients`). */
function forList({ enabled_clients: _clients, ...connection }) {
  return connection;
}

/** A checkpoint page of `items` (ordered by `key`) from `from`, `take` long. */
function checkpoint(items, query, key = 'id', defaultTake = 50) {
  const take = Number(query.get('take') ?? defaultTake);
  if (!Number.isInteger(take) || take < 1 || take > 100) throw new HttpError(400, 'take must be an integer from 1 to 100', 'invalid_query_string');
  const from = query.get('from');
  let start = 0;
  if (from) {
    start = items.findIndex((item) => item[key] === from);
    if (start < 0) throw new HttpError(400, 'Invalid pagination cursor', 'invalid_paging');
  }
  const page = items.slice(start, start + take);
  const next = items[start + take]?.[key];
  return { page, next };
}

/** The groups a synchronized-groups `q` selects: Lucene prefix search on `name` or `email` with
 * one wildcard suffix (`name:engineering*`), case-insensitive; anything else is a 400, as Auth0 answers. */
function groupSearch(groups, q) {
  if (q === null) return groups;
  const match = /^(name|email):([^*?:()\s"]*)(\*?)$/.exec(q);
  if (!match) throw new HttpError(400, `Invalid query: only a prefix search on name or email is allowed (e.g. "name:engineering*"); it is "${q}"`, 'invalid_query_string');
  const [, field, text, wildcard] = match;
  const wanted = text.toLowerCase();
  return groups.filter((g) => {
    const value = String(g[field] ?? '').toLowerCase();
    return wildcard ? value.startsWith(wanted) : value === wanted;
  });
}

/** The Auth0 routes over `state`; `handle(method, parts, query, body)` answers `{ status, body }`. */
export function auth0Routes(state) {
  const byId = (id) => {
    const connection = state.connections.find((c) => c.id === id);
    if (!connection) throw new HttpError(404, 'The connection does not exist', 'inexistent_connection');
    return connection;
  };

  function list(query) {
    let items = state.connections;
    const strategies = query.getAll('strategy');
    const unknown = strategies.find((name) => !STRATEGY_NAMES.has(name));
    if (unknown !== undefined) throw new HttpError(400, `Query validation error: '${unknown}' is not a valid strategy`, 'invalid_query_string');
    if (strategies.length) items = items.filter((c) => strategies.includes(c.strategy));
    if (query.has('name')) items = items.filter((c) => c.name === query.get('name'));
    if (query.has('from') || query.has('take')) {
      // With offset parameters too (go-auth0 and Terraform send include_totals=true&per_page=50&take=100),
      // Auth0 answers 200 in checkpoint form.
      const { page, next } = checkpoint(items, query);
      return { connections: page.map((c) => pick(forList(c), query)), ...(next ? { next } : {}) };
    }
    const perPage = Number(query.get('per_page') ?? 50);
    const pageNo = Number(query.get('page') ?? 0);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100 || !Number.isInteger(pageNo) || pageNo < 0) {
      throw new HttpError(400, 'Invalid page or per_page', 'invalid_query_string');
    }
    if ((pageNo + 1) * perPage > 1000 && pageNo * perPage >= 1000) {
      throw new HttpError(400, 'You can only page through the first 1000 records. See https://auth0.com/docs/product-lifecycle/deprecations-and-migrations/migrate-to-paginated-queries', 'invalid_paging');
    }
    const start = pageNo * perPage;
    const page = items.slice(start, start + perPage).map((c) => pick(forList(c), query));
    if (query.get('include_totals') === 'true') return { total: items.length, start, limit: perPage, connections: page };
    return page;
  }

  function create(body) {
    check('CreateConnectionRequestContent', body);
    if (state.connections.some((c) => c.name === body.name)) throw new HttpError(409, 'A connection with the same name already exists', 'connection_conflict');
    state.nextId += 1;
    const connection = {
      id: `con_${state.nextId.toString(36).padStart(16, '0')}`,
      options: {}, enabled_clients: [], is_domain_connection: false, realms: [body.name], metadata: {},
      display_name: body.name, ...body,
    };
    state.connections.push(connection);
    return { status: 201, body: connection };
  }

  function scimConfig(connection, body, existing) {
    return {
      connection_id: connection.id, connection_name: connection.name, strategy: connection.strategy, tenant_name: 'local',
      user_id_attribute: body?.user_id_attribute ?? existing?.user_id_attribute ?? 'externalId',
      mapping: body?.mapping ?? existing?.mapping ?? [{ auth0: 'email', scim: 'emails[primary eq true].value' }],
      created_at: existing?.created_at ?? now(), updated_on: now(),
    };
  }

  function directoryConfig(connection, body, existing) {
    return {
      connection_id: connection.id, connection_name: connection.name, strategy: connection.strategy,
      mapping: body?.mapping ?? existing?.mapping ?? [{ auth0: 'email', idp: 'primaryEmail' }],
      synchronize_automatically: body?.synchronize_automatically ?? existing?.synchronize_automatically ?? false,
      ...(body?.synchronize_groups ?? existing?.synchronize_groups ? { synchronize_groups: body?.synchronize_groups ?? existing.synchronize_groups } : {}),
      created_at: existing?.created_at ?? now(), updated_at: now(),
    };
  }

  function keys(connection) {
    if (!state.keys.has(connection.id)) {
      state.keys.set(connection.id, [{ kid: token('kid'), cert: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', fingerprint: 'AA:BB', thumbprint: 'aabb', current: true, algorithm: 'RS256', key_use: 'signing' }]);
    }
    return state.keys.get(connection.id);
  }

  /** Routes one request below /api/v2. */
  return function handle(method, parts, query, body) {
    const [root, id, sub, leaf, extra] = parts;
    if (root === 'connections-scim-configurations' && !id && method === 'GET') {
      const { page, next } = checkpoint([...state.scim.values()], query, 'connection_id');
      return { status: 200, body: { scim_configurations: page, ...(next ? { next } : {}) } };
    }
    if (root === 'connections-directory-provisionings' && !id && method === 'GET') {
      const { page, next } = checkpoint([...state.directory.values()], query, 'connection_id');
      return { status: 200, body: { directory_provisionings: page, ...(next ? { next } : {}) } };
    }
    if (root !== 'connections') throw new HttpError(404, 'Not Found', 'not_found');
    if (!id) {
      if (method === 'GET') return { status: 200, body: list(query) };
      if (method === 'POST') return create(body);
      throw new HttpError(405, 'Method not allowed', 'method_not_allowed');
    }
    const connection = byId(id);
    const route = `${method} ${[sub, leaf, extra].filter((x) => x !== undefined).join('/')}`;
    switch (route) {
      case 'GET ': return { status: 200, body: pick(connection, query) };
      case 'PATCH ': {
        check('UpdateConnectionRequestContent', body);
        Object.assign(connection, body); // options are replaced wholesale, as Auth0 does
        return { status: 200, body: connection };
      }
      case 'DELETE ': {
        state.connections.splice(state.connections.indexOf(connection), 1);
        return { status: 204 };
      }
      case 'GET status': return { status: 200 };
      case 'DELETE users': {
        if (!query.get('email')) throw new HttpError(400, 'email is required', 'invalid_query_string');
        return { status: 204 };
      }
      case 'GET clients': {
        const clients = connection.enabled_clients.map((client_id) => ({ client_id }));
        const { page, next } = checkpoint(clients, query, 'client_id');
        return { status: 200, body: { clients: page, ...(next ? { next } : {}) } };
      }
      case 'PATCH clients': {
        check('UpdateEnabledClientConnectionsRequestContent', body);
        if (body.length > 50) throw new HttpError(400, 'At most 50 clients can be updated per request', 'too_many_clients');
        for (const { client_id, status } of body) {
          connection.enabled_clients = status ? [...new Set([...connection.enabled_clients, client_id])] : connection.enabled_clients.filter((c) => c !== client_id);
        }
        return { status: 204 };
      }
      case 'GET keys': return { status: 200, body: keys(connection) };
      case 'POST keys': {
        check('PostConnectionKeysRequestContent', body ?? null);
        return { status: 201, body: keys(connection) };
      }
      case 'POST keys/rotate': {
        check('RotateConnectionKeysRequestContent', body ?? null);
        const next = { kid: token('kid'), cert: '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----', fingerprint: 'CC:DD', thumbprint: 'ccdd', next: true, algorithm: body?.signing_alg ?? 'RS256' };
        keys(connection).push(next);
        return { status: 201, body: next };
      }
      case 'GET scim-configuration': {
        const config = state.scim.get(connection.id);
        if (!config) throw new HttpError(404, 'Not Found', 'inexistent_scim_configuration');
        return { status: 200, body: config };
      }
      case 'POST scim-configuration': {
        check('CreateScimConfigurationRequestContent', body ?? null);
        if (state.scim.has(connection.id)) throw new HttpError(409, 'A SCIM configuration already exists', 'scim_configuration_exists');
        state.scim.set(connection.id, scimConfig(connection, body));
        return { status: 201, body: state.scim.get(connection.id) };
      }
      case 'PATCH scim-configuration': {
        check('UpdateScimConfigurationRequestContent', body);
        const existing = state.scim.get(connection.id);
        if (!existing) throw new HttpError(404, 'Not Found', 'inexistent_scim_configuration');
        state.scim.set(connection.id, scimConfig(connection, body, existing));
        return { status: 200, body: state.scim.get(connection.id) };
      }
      case 'DELETE scim-configuration': {
        state.scim.delete(connection.id);
        state.scimTokens.delete(connection.id);
        return { status: 204 };
      }
      case 'GET scim-configuration/default-mapping':
        return { status: 200, body: { mapping: [{ auth0: 'email', scim: 'emails[primary eq true].value' }, { auth0: 'given_name', scim: 'name.givenName' }] } };
      case 'GET scim-configuration/tokens': return { status: 200, body: (state.scimTokens.get(connection.id) ?? []) };
      case 'POST scim-configuration/tokens': {
        check('CreateScimTokenRequestContent', body);
        if (body.token_lifetime != null && body.token_lifetime <= 900) throw new HttpError(400, 'token_lifetime must be greater than 900', 'invalid_body');
        const item = { token_id: token('tok'), scopes: body.scopes ?? ['get:users'], created_at: now(), ...(body.token_lifetime ? { valid_until: new Date(Date.now() + body.token_lifetime * 1000).toISOString() } : {}) };
        state.scimTokens.set(connection.id, [...(state.scimTokens.get(connection.id) ?? []), item]);
        return { status: 201, body: { ...item, token: `scim_${randomBytes(24).toString('base64url')}` } };
      }
      case `DELETE scim-configuration/tokens/${extra}`: {
        state.scimTokens.set(connection.id, (state.scimTokens.get(connection.id) ?? []).filter((t) => t.token_id !== extra));
        return { status: 204 };
      }
      case 'GET directory-provisioning': {
        const config = state.directory.get(connection.id);
        if (!config) throw new HttpError(404, 'Not Found', 'inexistent_directory_provisioning');
        return { status: 200, body: config };
      }
      case 'POST directory-provisioning': {
        check('CreateDirectoryProvisioningRequestContent', body ?? null);
        if (state.directory.has(connection.id)) throw new HttpError(409, 'Directory provisioning already exists', 'directory_provisioning_exists');
        state.directory.set(connection.id, directoryConfig(connection, body));
        return { status: 201, body: state.directory.get(connection.id) };
      }
      case 'PATCH directory-provisioning': {
        check('UpdateDirectoryProvisioningRequestContent', body ?? null);
        const existing = state.directory.get(connection.id);
        if (!existing) throw new HttpError(404, 'Not Found', 'inexistent_directory_provisioning');
        state.directory.set(connection.id, directoryConfig(connection, body, existing));
        return { status: 200, body: state.directory.get(connection.id) };
      }
      case 'DELETE directory-provisioning': {
        state.directory.delete(connection.id);
        return { status: 204 };
      }
      case 'GET directory-provisioning/default-mapping':
        return { status: 200, body: { mapping: [{ auth0: 'email', idp: 'primaryEmail' }, { auth0: 'name', idp: 'name.fullName' }] } };
      case 'GET directory-provisioning/synchronized-groups': {
        const { page, next } = checkpoint(groupSearch(state.groups.get(connection.id) ?? [], query.get('q')), query);
        return { status: 200, body: { groups: page, ...(next ? { next } : {}) } };
      }
      case 'PUT directory-provisioning/synchronized-groups': {
        check('ReplaceSynchronizedGroupsRequestContent', body);
        state.groups.set(connection.id, body.groups);
        return { status: 204 };
      }
      case 'POST directory-provisioning/synchronized-groups': {
        check('AddSynchronizedGroupsRequestContent', body);
        const kept = (state.groups.get(connection.id) ?? []).filter((g) => !body.groups.some((added) => added.id === g.id));
        state.groups.set(connection.id, [...kept, ...body.groups]);
        return { status: 204 };
      }
      case 'DELETE directory-provisioning/synchronized-groups': {
        check('DeleteSynchronizedGroupsRequestContent', body);
        const removed = new Set(body.groups.map((g) => g.id));
        state.groups.set(connection.id, (state.groups.get(connection.id) ?? []).filter((g) => !removed.has(g.id)));
        return { status: 204 };
      }
      case 'POST directory-provisioning/synchronizations':
        return { status: 201, body: { connection_id: connection.id, synchronization_id: token('sync'), status: 'pending' } };
      default:
        throw new HttpError(404, `No route for ${method} /connections/{id}/${[sub, leaf, extra].filter(Boolean).join('/')}`, 'not_found');
    }
  };
}
