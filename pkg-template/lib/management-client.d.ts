import type {
  ConnectionEnabledClient, ConnectionForList, ConnectionKey, CreateConnectionRequestContent,
  CreateConnectionResponseContent, CreateDirectoryProvisioningRequestContent,
  AddSynchronizedGroupsRequestContent, DeleteSynchronizedGroupsRequestContent,
  CreateDirectoryProvisioningResponseContent, CreateDirectorySynchronizationResponseContent,
  CreateScimConfigurationRequestContent, CreateScimConfigurationResponseContent,
  CreateScimTokenRequestContent, CreateScimTokenResponseContent, DirectoryProvisioning,
  GetConnectionResponseContent, GetDirectoryProvisioningDefaultMappingResponseContent,
  GetDirectoryProvisioningResponseContent, GetScimConfigurationDefaultMappingResponseContent,
  GetScimConfigurationResponseContent, GetScimTokensResponseContent, PostConnectionKeysRequestContent,
  PostConnectionsKeysResponseContent, ReplaceSynchronizedGroupsRequestContent,
  RotateConnectionKeysRequestContent, RotateConnectionsKeysResponseContent, ScimConfiguration,
  SynchronizedGroupPayload, UpdateConnectionRequestContent, UpdateConnectionResponseContent,
  UpdateDirectoryProvisioningRequestContent, UpdateDirectoryProvisioningResponseContent,
  UpdateEnabledClientConnectionsRequestContent, UpdateScimConfigurationRequestContent,
  UpdateScimConfigurationResponseContent,
} from '../idp_connections.js';
import type { Page } from './page.js';
import type { RateLimiter, RateLimitWait } from './rate-limiter.js';

/**
 * What the check before sending blocks on. `drift` (the default): a property, query parameter or
 * string value the package does not know is sent for the server to judge (it may be newer than
 * the package); every other issue (type, pattern, length, limits, prose rules) is refused with no
 * request. `strict`: every issue is refused. `off`: bodies are sent unchecked.
 */
export type ValidationPolicy = 'drift' | 'strict' | 'off';

/** Options of one call. */
export interface RequestOptions {
  timeoutInSeconds?: number;
  maxRetries?: number;
  abortSignal?: AbortSignal;
  headers?: Record<string, string>;
  /** Overrides the client's `validation` for this call. */
  validation?: ValidationPolicy;
}

/** Options of a list call: `onProgress(itemsSoFar)` is called after each page. */
export interface ListRequestOptions extends RequestOptions {
  onProgress?: (itemsSoFar: number) => void;
}

export interface ManagementClientOptions {
  /** `acme.eu.auth0.com` or an origin URL; plain http only for loopback hosts. */
  domain: string;
  token?: string | (() => string | Promise<string>);
  clientId?: string;
  clientSecret?: string;
  audience?: string;
  timeoutInSeconds?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
  /** What the check before sending blocks on; `drift` by default. */
  validation?: ValidationPolicy;
  /** A RateLimiter shared with other clients of the tenant, or `false` for none; by default the client has its own. */
  limiter?: RateLimiter | false;
  /**
   * The concurrency cap of the client's own limiter (default 10). Given with `limiter` (a shared
   * RateLimiter, or `false`) it is a `conflict` validation error: set it on the RateLimiter.
   */
  maxConcurrency?: number;
  /** Told when a call starts to wait for the client's own limiter; with `limiter`, a `conflict` (use the RateLimiter's `onWait`). */
  onRateLimit?: (wait: RateLimitWait) => void;
}

/** Options of `connections.updateMany`. */
export interface BulkOptions extends RequestOptions {
  /** Updates in flight at once (default 10); the rate limiter paces them. */
  concurrency?: number;
  onProgress?: (progress: { done: number; failed: number; total: number }) => void;
}

/** One update's outcome: every update gets one, in input order. */
export type BulkResult<T> = { id: string; ok: true; value: T } | { id: string; ok: false; error: unknown };

export interface ListConnectionsParams {
  per_page?: number;
  page?: number;
  include_totals?: boolean;
  from?: string;
  take?: number;
  strategy?: string[];
  name?: string;
  fields?: string;
  include_fields?: boolean;
}

export interface CheckpointParams {
  from?: string;
  take?: number;
}

export interface ListSynchronizedGroupsParams extends CheckpointParams {
  /** Lucene prefix search on `name` or `email` with one wildcard suffix, e.g. `name:engineering*`. */
  q?: string;
}

export interface FieldsParams {
  fields?: string;
  include_fields?: boolean;
}

/** Auth0 Management API v2 client for `/connections*`, mirroring the official SDK. */
export declare class ManagementClient {
  constructor(options: ManagementClientOptions);
  readonly baseUrl: string;
  readonly connections: {
    list(params?: ListConnectionsParams, options?: ListRequestOptions): Promise<Page<ConnectionForList>>;
    create(body: CreateConnectionRequestContent, options?: RequestOptions): Promise<CreateConnectionResponseContent>;
    get(id: string, params?: FieldsParams, options?: RequestOptions): Promise<GetConnectionResponseContent>;
    delete(id: string, options?: RequestOptions): Promise<void>;
    update(id: string, body: UpdateConnectionRequestContent, options?: RequestOptions): Promise<UpdateConnectionResponseContent>;
    checkStatus(id: string, options?: RequestOptions): Promise<void>;
    /** PATCHes every `{ id, body }` (paced by the rate limiter); never rejects, never drops an update. */
    updateMany(updates: Iterable<{ id: string; body: UpdateConnectionRequestContent }>, options?: BulkOptions): Promise<BulkResult<UpdateConnectionResponseContent>[]>;
    /** GET the connection, merge `partialOptions` into its options, PATCH the whole options. */
    updateOptions(id: string, partialOptions: Record<string, unknown>, options?: RequestOptions): Promise<UpdateConnectionResponseContent>;
    users: {
      deleteByEmail(id: string, params: { email: string }, options?: RequestOptions): Promise<void>;
    };
    clients: {
      get(id: string, params?: CheckpointParams, options?: ListRequestOptions): Promise<Page<ConnectionEnabledClient>>;
      /** Sends batches of 50 when given more entries. */
      update(id: string, body: UpdateEnabledClientConnectionsRequestContent, options?: RequestOptions): Promise<void>;
    };
    keys: {
      get(id: string, options?: RequestOptions): Promise<ConnectionKey[]>;
      create(id: string, body?: PostConnectionKeysRequestContent, options?: RequestOptions): Promise<PostConnectionsKeysResponseContent>;
      rotate(id: string, body?: RotateConnectionKeysRequestContent, options?: RequestOptions): Promise<RotateConnectionsKeysResponseContent>;
    };
    scimConfiguration: {
      list(params?: CheckpointParams, options?: ListRequestOptions): Promise<Page<ScimConfiguration>>;
      get(id: string, options?: RequestOptions): Promise<GetScimConfigurationResponseContent>;
      create(id: string, body?: CreateScimConfigurationRequestContent, options?: RequestOptions): Promise<CreateScimConfigurationResponseContent>;
      update(id: string, body: UpdateScimConfigurationRequestContent, options?: RequestOptions): Promise<UpdateScimConfigurationResponseContent>;
      delete(id: string, options?: RequestOptions): Promise<void>;
      getDefaultMapping(id: string, options?: RequestOptions): Promise<GetScimConfigurationDefaultMappingResponseContent>;
      tokens: {
        get(id: string, options?: RequestOptions): Promise<GetScimTokensResponseContent>;
        create(id: string, body?: CreateScimTokenRequestContent, options?: RequestOptions): Promise<CreateScimTokenResponseContent>;
        delete(id: string, tokenId: string, options?: RequestOptions): Promise<void>;
      };
    };
    directoryProvisioning: {
      list(params?: CheckpointParams, options?: ListRequestOptions): Promise<Page<DirectoryProvisioning>>;
      get(id: string, options?: RequestOptions): Promise<GetDirectoryProvisioningResponseContent>;
      create(id: string, body?: CreateDirectoryProvisioningRequestContent, options?: RequestOptions): Promise<CreateDirectoryProvisioningResponseContent>;
      update(id: string, body: UpdateDirectoryProvisioningRequestContent, options?: RequestOptions): Promise<UpdateDirectoryProvisioningResponseContent>;
      delete(id: string, options?: RequestOptions): Promise<void>;
      getDefaultMapping(id: string, options?: RequestOptions): Promise<GetDirectoryProvisioningDefaultMappingResponseContent>;
      listSynchronizedGroups(id: string, params?: ListSynchronizedGroupsParams, options?: ListRequestOptions): Promise<Page<SynchronizedGroupPayload>>;
      set(id: string, body: ReplaceSynchronizedGroupsRequestContent, options?: RequestOptions): Promise<void>;
      /** POST …/synchronized-groups: adds groups to the selection (204). */
      addSynchronizedGroupSelections(id: string, body: AddSynchronizedGroupsRequestContent, options?: RequestOptions): Promise<void>;
      /** DELETE …/synchronized-groups with a JSON body naming the groups to remove (204). */
      deleteSynchronizedGroupSelections(id: string, body: DeleteSynchronizedGroupsRequestContent, options?: RequestOptions): Promise<void>;
      synchronizations: {
        create(id: string, options?: RequestOptions): Promise<CreateDirectorySynchronizationResponseContent>;
      };
    };
  };
}
