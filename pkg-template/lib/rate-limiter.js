// @ts-check
// RateLimiter: paces a client's calls to the tenant's rate limit. Every decision (who goes, how
// long the others wait, what a 429 means) is the Rust limiter's (src/http/limiter.rs); this file
// only holds its handle and hands it to the clients that share it.
import { LimiterCore } from '../idp_connections.js';

/** The wasm handle behind each RateLimiter (kept out of reach of callers). */
const cores = new WeakMap();

/**
 * A rate limiter a client uses before each attempt; pass one to several clients of the same
 * tenant (`new ManagementClient({ ..., limiter })`) so they share one budget. Options:
 * `{ maxConcurrency = 10, lowWater = 1, onWait?({ ms, reason, queued, inFlight }) }`.
 */
export class RateLimiter {
  constructor(options = {}) {
    cores.set(this, new LimiterCore(options));
  }

  /** `{ sent, throttled, waits, inFlight, queued, ratePerSecond, maxConcurrency }`. */
  get stats() {
    return cores.get(this).stats;
  }
}

/**
 * The limiter handle a client's core takes: its own by default (from the client's
 * `maxConcurrency` and `onRateLimit` options), a share of a given RateLimiter, or none (for
 * `limiter: false`, and for anything else, which the core then reports as a bad option).
 */
export function limiterFor(options) {
  const given = options?.limiter;
  if (given === undefined || given === null) {
    return new LimiterCore({ maxConcurrency: options?.maxConcurrency, onWait: options?.onRateLimit });
  }
  return cores.get(given)?.share();
}
