import type {
  AppConnectionUserProvisionJWKList, ProvisioningConnectionRequest, ProvisioningConnectionResponse,
} from '../idp_connections.js';
import type { RequestOptions, ValidationPolicy } from './management-client.js';
import type { RateLimiter, RateLimitWait } from './rate-limiter.js';

export interface OktaClientOptions {
  /** `https://acme.okta.com`; plain http only for loopback hosts. */
  orgUrl: string;
  /** An API token, sent as `SSWS <token>`. */
  token?: string | (() => string | Promise<string>);
  /** An OAuth 2.0 access token, sent as `Bearer <token>`. */
  accessToken?: string | (() => string | Promise<string>);
  timeoutInSeconds?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
  /** What the check before sending blocks on; `drift` by default (see `ValidationPolicy`). */
  validation?: ValidationPolicy;
  /** A RateLimiter shared with other clients of the org, or `false` for none; by default the client has its own. */
  limiter?: RateLimiter | false;
  /**
   * The concurrency cap of the client's own limiter (default 10). Given with `limiter` (a shared
   * RateLimiter, or `false`) it is a `conflict` validation error: set it on the RateLimiter.
   */
  maxConcurrency?: number;
  /** Told when a call starts to wait for the client's own limiter; with `limiter`, a `conflict` (use the RateLimiter's `onWait`). */
  onRateLimit?: (wait: RateLimitWait) => void;
}

/** Okta application default provisioning connection client. */
export declare class OktaClient {
  constructor(options: OktaClientOptions);
  readonly orgUrl: string;
  getDefaultProvisioningConnectionForApplication(args: { appId: string }, options?: RequestOptions): Promise<ProvisioningConnectionResponse>;
  updateDefaultProvisioningConnectionForApplication(args: { appId: string; body: ProvisioningConnectionRequest; activate?: boolean }, options?: RequestOptions): Promise<ProvisioningConnectionResponse>;
  activateDefaultProvisioningConnectionForApplication(args: { appId: string }, options?: RequestOptions): Promise<void>;
  deactivateDefaultProvisioningConnectionForApplication(args: { appId: string }, options?: RequestOptions): Promise<void>;
  verifyProvisioningConnectionForApplication(args: { appName: 'google' | 'office365' | 'slack' | 'zoomus'; appId: string; code?: string; state?: string }, options?: RequestOptions): Promise<void>;
  getUserProvisioningConnectionJWKS(args: { appId: string }, options?: RequestOptions): Promise<{ jwks: AppConnectionUserProvisionJWKList }>;
}
