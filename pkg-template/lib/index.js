// @ts-check
// The thin JS layer: one line per module, so each feature adds a line.
export { ManagementError, OktaError } from './errors.js';
export { Page } from './page.js';
export { ManagementClient } from './management-client.js';
export { OktaClient } from './okta-client.js';
export { RateLimiter } from './rate-limiter.js';
export * from './validators.js';
