import type { Issue } from '../idp_connections.js';

/** Every failure of a ManagementClient or OktaClient call. Never holds a token. */
export declare class ManagementError extends Error {
  constructor(info?: Record<string, unknown>);
  readonly kind: 'api' | 'timeout' | 'network' | 'validation';
  readonly statusCode?: number;
  readonly errorCode?: string;
  readonly error?: string;
  readonly requestId?: string;
  readonly rateLimit?: { limit?: number; remaining?: number; reset?: number };
  readonly issues: Issue[];
  readonly body?: unknown;
}

/** A failure of an OktaClient call, with Okta's error fields. */
export declare class OktaError extends ManagementError {
  readonly errorSummary?: string;
  readonly errorCauses: string[];
  readonly errorId?: string;
}
