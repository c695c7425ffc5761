// Types of the thin JS layer: one line per module.
export { ManagementError, OktaError } from './errors.js';
export { Page } from './page.js';
export { ManagementClient, type ManagementClientOptions, type RequestOptions, type ListRequestOptions, type ListConnectionsParams } from './management-client.js';
export { OktaClient, type OktaClientOptions } from './okta-client.js';
