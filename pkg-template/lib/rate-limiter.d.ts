/** A wait the limiter reports to `onWait` (`onRateLimit` on a client). */
export interface RateLimitWait {
  /** The estimated wait in milliseconds. */
  ms: number;
  /** `queued` (behind other calls), `tokens` (the budget is at its low-water mark), `paused` (after a 429), `concurrency` (the cap is reached). */
  reason: 'queued' | 'tokens' | 'paused' | 'concurrency';
  queued: number;
  inFlight: number;
}

export interface RateLimiterOptions {
  /** The most calls out at once; 1 to 1000, default 10. */
  maxConcurrency?: number;
  /** Tokens left untouched for other users of the budget; default 1. */
  lowWater?: number;
  /** Called when a call starts to wait. */
  onWait?: (wait: RateLimitWait) => void;
}

export interface RateLimiterStats {
  sent: number;
  /** 429 answers seen. */
  throttled: number;
  waits: number;
  inFlight: number;
  queued: number;
  /** The learned refill rate, once known. */
  ratePerSecond?: number;
  maxConcurrency: number;
}

/** Paces calls to the tenant's rate limit; share one between clients of the same tenant. */
export declare class RateLimiter {
  constructor(options?: RateLimiterOptions);
  readonly stats: RateLimiterStats;
}
