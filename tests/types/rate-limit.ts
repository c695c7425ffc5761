// A strict TypeScript consumer of the rate limiter and the bulk helper (issue 21).
import { ManagementClient, OktaClient, RateLimiter, type RateLimitWait, type RateLimiterStats } from 'idp-connections';

const waits: RateLimitWait[] = [];
const limiter = new RateLimiter({ maxConcurrency: 5, lowWater: 2, onWait: (wait) => waits.push(wait) });
const a = new ManagementClient({ domain: 'acme.eu.auth0.com', token: 't', limiter });
const b = new ManagementClient({ domain: 'acme.eu.auth0.com', token: 't', limiter: false });
const c = new ManagementClient({ domain: 'acme.eu.auth0.com', token: 't', maxConcurrency: 4, onRateLimit: (wait) => console.log(wait.reason, wait.ms) });
const okta = new OktaClient({ orgUrl: 'https://acme.okta.com', token: 't', limiter });
const stats: RateLimiterStats = limiter.stats;
const rate: number | undefined = stats.ratePerSecond;

async function bulk(): Promise<string[]> {
  const results = await a.connections.updateMany([{ id: 'con_1', body: { display_name: 'x' } }], {
    concurrency: 20,
    onProgress: ({ done, failed, total }) => console.log(done, failed, total),
  });
  return results.map((r) => (r.ok ? r.value.id ?? r.id : `${r.id}: ${String(r.error)}`));
}

// @ts-expect-error: a limiter is a RateLimiter or false.
const wrong = new ManagementClient({ domain: 'acme.eu.auth0.com', token: 't', limiter: true });
// @ts-expect-error: a wait reason outside the documented set is a type error.
const reason: RateLimitWait['reason'] = 'sleeping';

export { b, c, okta, rate, bulk, wrong, reason };
