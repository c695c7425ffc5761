// Types of the thin JS layer: one line per module.
export { ManagementError, OktaError } from './errors.js';
export { Page } from './page.js';
export { ManagementClient, type ManagementClientOptions, type RequestOptions, type ValidationPolicy, type ListRequestOptions, type ListConnectionsParams, type CheckpointParams, type FieldsParams, type ListSynchronizedGroupsParams } from './management-client.js';
export { OktaClient, type OktaClientOptions } from './okta-client.js';
export { STRATEGIES } from './strategies.js';
export * from './standard-schema.js';
export { validateConnectionName } from './fields.js';
