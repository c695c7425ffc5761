// @ts-check
// ManagementClient: the connections part of the official `auth0` SDK's resource tree, over the
// wasm core. Each method is one line into the core; validation, retries and auth live in Rust.
import { ClientCore, limits as readLimits } from '../idp_connections.js';
import { Page } from './page.js';
import { limiterFor } from './rate-limiter.js';
import { settleEach } from './bulk.js';
import { limitsOf } from './limits.js';

/** The wasm's limits (lib/limits.js): `maxClientsPerUpdate` is the batch of `clients.update`. */
const limits = /* @__PURE__ */ limitsOf(() => readLimits());

/** Splits requestOptions into the core's options and the page progress callback. */
function split(options = {}) {
  const { onProgress, ...rest } = options ?? {};
  return [rest, onProgress];
}

/** Auth0 Management API v2 client for `/connections*`. */
export class ManagementClient {
  #core;

  constructor(options) {
    this.#core = new ClientCore('auth0', options, limiterFor(options));
    const call = (op, args, options) => this.#core.call(op, args, options).then((result) => result.data);
    const list = (op, args, requestOptions) => {
      const [options, onProgress] = split(requestOptions);
      const fetcher = (params) => this.#core.call(op, { ...args, params }, options);
      return fetcher(args.params).then((result) => new Page(result, fetcher, onProgress));
    };
    const c = 'connections';
    const scim = `${c}.scimConfiguration`;
    const dp = `${c}.directoryProvisioning`;
    this.connections = Object.freeze({
      list: (params, o) => list(`${c}.list`, { params }, o),
      create: (body, o) => call(`${c}.create`, { body }, o),
      get: (id, params, o) => call(`${c}.get`, { id, params }, o),
      delete: (id, o) => call(`${c}.delete`, { id }, o),
      update: (id, body, o) => call(`${c}.update`, { id, body }, o),
      checkStatus: (id, o) => call(`${c}.checkStatus`, { id }, o),
      /** PATCHes each `{ id, body }`; resolves to `{ id, ok, value | error }` per update, in order. */
      updateMany: (updates, o) => {
        const { concurrency, onProgress, ...rest } = o ?? {};
        const list = Array.from(updates ?? []);
        const run = (u) => call(`${c}.update`, { id: u?.id, body: u?.body }, rest);
        return settleEach(list, run, { concurrency, onProgress }).then((results) => results.map((r, i) => ({ id: list[i]?.id, ...r })));
      },
      updateOptions: async (id, partialOptions, o) => {
        const current = await call(`${c}.get`, { id, params: { fields: 'options,strategy', include_fields: true } }, o);
        const options = { ...(current?.options ?? {}), ...(partialOptions ?? {}) };
        // The connection's strategy: its options are checked against that strategy's schema.
        const strategy = typeof current?.strategy === 'string' ? current.strategy : undefined;
        return call(`${c}.update`, { id, body: { options }, strategy }, o);
      },
      users: Object.freeze({
        deleteByEmail: (id, params, o) => call(`${c}.users.deleteByEmail`, { id, params }, o),
      }),
      clients: Object.freeze({
        get: (id, params, o) => list(`${c}.clients.get`, { id, params }, o),
        update: async (id, body, o) => {
          const entries = Array.isArray(body) ? body : [];
          const batch = limits().maxClientsPerUpdate;
          if (entries.length <= batch) return call(`${c}.clients.update`, { id, body }, o);
          for (let i = 0; i < entries.length; i += batch) {
            await call(`${c}.clients.update`, { id, body: entries.slice(i, i + batch) }, o);
          }
          return undefined;
        },
      }),
      keys: Object.freeze({
        get: (id, o) => call(`${c}.keys.get`, { id }, o),
        create: (id, body, o) => call(`${c}.keys.create`, { id, body }, o),
        rotate: (id, body, o) => call(`${c}.keys.rotate`, { id, body }, o),
      }),
      scimConfiguration: Object.freeze({
        list: (params, o) => list(`${scim}.list`, { params }, o),
        get: (id, o) => call(`${scim}.get`, { id }, o),
        create: (id, body, o) => call(`${scim}.create`, { id, body }, o),
        update: (id, body, o) => call(`${scim}.update`, { id, body }, o),
        delete: (id, o) => call(`${scim}.delete`, { id }, o),
        getDefaultMapping: (id, o) => call(`${scim}.getDefaultMapping`, { id }, o),
        tokens: Object.freeze({
          get: (id, o) => call(`${scim}.tokens.get`, { id }, o),
          create: (id, body, o) => call(`${scim}.tokens.create`, { id, body }, o),
          delete: (id, tokenId, o) => call(`${scim}.tokens.delete`, { id, subId: tokenId }, o),
        }),
      }),
      directoryProvisioning: Object.freeze({
        list: (params, o) => list(`${dp}.list`, { params }, o),
        get: (id, o) => call(`${dp}.get`, { id }, o),
        create: (id, body, o) => call(`${dp}.create`, { id, body }, o),
        update: (id, body, o) => call(`${dp}.update`, { id, body }, o),
        delete: (id, o) => call(`${dp}.delete`, { id }, o),
        getDefaultMapping: (id, o) => call(`${dp}.getDefaultMapping`, { id }, o),
        listSynchronizedGroups: (id, params, o) => list(`${dp}.listSynchronizedGroups`, { id, params }, o),
        set: (id, body, o) => call(`${dp}.set`, { id, body }, o),
        addSynchronizedGroupSelections: (id, body, o) => call(`${dp}.addSynchronizedGroupSelections`, { id, body }, o),
        deleteSynchronizedGroupSelections: (id, body, o) => call(`${dp}.deleteSynchronizedGroupSelections`, { id, body }, o),
        synchronizations: Object.freeze({
          create: (id, o) => call(`${dp}.synchronizations.create`, { id }, o),
        }),
      }),
    });
  }

  /** The API base URL, e.g. `https://acme.eu.auth0.com/api/v2`. */
  get baseUrl() {
    return this.#core.baseUrl;
  }

  toString() {
    return `ManagementClient(${this.#core.baseUrl})`;
  }

  toJSON() {
    return { baseUrl: this.#core.baseUrl };
  }
}
