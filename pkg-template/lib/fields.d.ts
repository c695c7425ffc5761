import type { Issue } from '../idp_connections.js';

/**
 * Checks a connection name as a form would while the user types: 1 to 128 characters matching
 * `^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$`. Returns the issues found, empty when valid.
 */
export declare function validateConnectionName(name: unknown): Issue[];
