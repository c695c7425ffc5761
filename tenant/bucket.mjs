// The local tenant's rate limits, as Auth0's Management API and Okta announce them: a token bucket
// (`size` tokens, refilled continuously at `refillPerSecond`) that refuses with 429 when empty, or,
// when no bucket is set, an informational one-second window that counts answers and never refuses.
// Either way every answer carries the limit, what is left and the reset time in epoch seconds.
import { ControlError } from './faults.mjs';

/** The largest bucket size or refill rate a control request may set. */
const MAX_BUCKET = 1_000_000;

/**
 * Checks a bucket setting: `{ size, refillPerSecond }` (both positive numbers, size whole) or
 * `null`/`undefined` for no bucket. Throws a `ControlError` naming the problem.
 */
export function bucketSetting(value) {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw new ControlError('a rate limit is { "size": n, "refillPerSecond": r } or null');
  const unknown = Object.keys(value).filter((key) => key !== 'size' && key !== 'refillPerSecond');
  if (unknown.length) throw new ControlError(`unknown rate-limit member: ${unknown.join(', ')}`);
  const { size, refillPerSecond } = value;
  if (!Number.isInteger(size) || size < 1 || size > MAX_BUCKET) throw new ControlError(`size must be a whole number from 1 to ${MAX_BUCKET}`);
  if (typeof refillPerSecond !== 'number' || !(refillPerSecond > 0) || refillPerSecond > MAX_BUCKET) throw new ControlError(`refillPerSecond must be a number above 0, at most ${MAX_BUCKET}`);
  return { size, refillPerSecond };
}

/**
 * A rate limiter for one API of the tenant. `setting` is a bucket (see `bucketSetting`) or null;
 * `window` is the informational per-second budget used without a bucket (every answer counts).
 * `take(spend)` spends one token when `spend` (an API request) and answers `{ allowed, limit,
 * remaining, reset }` (reset in whole epoch seconds, rounded up: when the bucket is full again).
 */
export function createLimit(setting, window, clock = Date.now) {
  let bucket = setting && { ...setting, tokens: setting.size, at: clock() };
  const counted = { second: 0, used: 0 };
  return {
    get setting() {
      return bucket ? { size: bucket.size, refillPerSecond: bucket.refillPerSecond } : null;
    },
    take(spend) {
      const now = clock();
      if (!bucket) {
        const second = Math.floor(now / 1000);
        if (second !== counted.second) Object.assign(counted, { second, used: 0 });
        counted.used += 1;
        return { allowed: true, limit: window, remaining: Math.max(0, window - counted.used), reset: second + 1 };
      }
      bucket.tokens = Math.min(bucket.size, bucket.tokens + ((now - bucket.at) / 1000) * bucket.refillPerSecond);
      bucket.at = now;
      const allowed = bucket.tokens >= 1;
      if (allowed && spend) bucket.tokens -= 1;
      const fullAt = now + ((bucket.size - bucket.tokens) / bucket.refillPerSecond) * 1000;
      return { allowed, limit: bucket.size, remaining: Math.floor(bucket.tokens), reset: Math.ceil(fullAt / 1000) };
    },
  };
}
