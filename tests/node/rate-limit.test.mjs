// The clients' rate limiter through the installed package, against the local tenant's token
// bucket (issue 21): bulk work finishes with no failed call and few 429s (counts, never times);
// a shared RateLimiter, limiter: false, the concurrency cap, waits that the caller's signal and
// timeout end, the onRateLimit hook, one 429 pausing every call, and updateMany's per-item results.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { ManagementClient, ManagementError, OktaClient, RateLimiter } from 'idp-connections';
import { startTenant } from '../../tenant/server.mjs';

let tenant;
before(async () => {
  tenant = await startTenant({ seed: { bulk: 300 } });
});
after(() => tenant?.close());
beforeEach(() => tenant.reset({ bulk: 300 }));

const id = (n) => tenant.state.connections[n % 300].id;
const throttled = () => tenant.requests.filter((r) => r.status === 429).length;
const client = (options = {}) => new ManagementClient({ domain: tenant.domain, token: 'local-token', ...options });
const settle = (promises) => Promise.allSettled(promises).then((results) => ({
  failed: results.filter((r) => r.status === 'rejected'),
  values: results.filter((r) => r.status === 'fulfilled').map((r) => r.value),
}));

test('burst: 300 connections.get at once against a bucket of 10 refilling 100/s: none fails, 429s at most 2 %', async () => {
  tenant.setRateLimit({ size: 10, refillPerSecond: 100 });
  const waits = [];
  const paced = client({ onRateLimit: (wait) => waits.push(wait) });
  const { failed, values } = await settle(Array.from({ length: 300 }, (_, i) => paced.connections.get(id(i))));
  assert.equal(failed.length, 0, failed[0]?.reason?.message);
  assert.deepEqual(values.map((c) => c.id), Array.from({ length: 300 }, (_, i) => id(i)));
  assert.ok(throttled() <= 6, `${throttled()} 429 answers`);
  assert.ok(waits.length >= 250, `${waits.length} waits reported`);
  assert.ok(waits.every((w) => ['queued', 'tokens', 'paused', 'concurrency'].includes(w.reason) && w.ms >= 0 && Number.isInteger(w.queued)));
});

test('the same burst without the limiter (limiter: false) loses calls to 429s: the bucket bites', async () => {
  tenant.setRateLimit({ size: 10, refillPerSecond: 100 });
  const unpaced = client({ limiter: false, maxRetries: 1 });
  const { failed } = await settle(Array.from({ length: 300 }, (_, i) => unpaced.connections.get(id(i))));
  assert.ok(throttled() > 100, `${throttled()} 429 answers`);
  assert.ok(failed.length > 0 && failed.every((f) => f.reason instanceof ManagementError && f.reason.statusCode === 429));
});

test('sustained: 200 updates, 20 in flight (updateMany) against 10 refilling 50/s: every item ok, in order, with progress', async () => {
  tenant.setRateLimit({ size: 10, refillPerSecond: 50 });
  const progress = [];
  const updates = Array.from({ length: 200 }, (_, i) => ({ id: id(i), body: { display_name: `Paced ${i}` } }));
  const results = await client().connections.updateMany(updates, { concurrency: 20, onProgress: (p) => progress.push(p) });
  assert.equal(results.length, 200);
  assert.ok(results.every((r, i) => r.ok && r.id === id(i) && r.value.display_name === `Paced ${i}`), JSON.stringify(results.find((r) => !r.ok)));
  assert.equal(tenant.state.connections.filter((c) => c.display_name.startsWith('Paced ')).length, 200);
  assert.ok(throttled() <= 4, `${throttled()} 429 answers`);
  assert.equal(progress.length, 200);
  assert.deepEqual(progress.at(-1), { done: 200, failed: 0, total: 200 });
});

test('updateMany keeps every item: failures come back with their error, in place', async () => {
  const updates = [
    { id: id(0), body: { display_name: 'one' } },
    { id: 'con_missing', body: { display_name: 'two' } },
    { id: id(2), body: { display_name: 7 } },
    { id: id(3), body: { display_name: 'four' } },
  ];
  const results = await client().connections.updateMany(updates);
  assert.deepEqual(results.map((r) => [r.id, r.ok]), [[id(0), true], ['con_missing', false], [id(2), false], [id(3), true]]);
  assert.equal(results[1].error.statusCode, 404);
  assert.equal(results[2].error.kind, 'validation');
  assert.deepEqual(await client().connections.updateMany([]), []);
});

test('two clients sharing one RateLimiter share the budget: none fails, 429s at most 2 %', async () => {
  tenant.setRateLimit({ size: 10, refillPerSecond: 100 });
  const limiter = new RateLimiter();
  const [a, b] = [client({ limiter }), client({ limiter })];
  const { failed } = await settle(Array.from({ length: 300 }, (_, i) => (i % 2 ? a : b).connections.get(id(i))));
  assert.equal(failed.length, 0, failed[0]?.reason?.message);
  assert.ok(throttled() <= 6, `${throttled()} 429 answers`);
  const { sent, inFlight, queued, maxConcurrency } = limiter.stats;
  assert.deepEqual([sent >= 300, inFlight, queued, maxConcurrency], [true, 0, 0, 10]);
  assert.ok(limiter.stats.ratePerSecond > 0);
});

test('the concurrency cap: never more calls out than maxConcurrency', async () => {
  tenant.inject({ method: 'GET', path: '/connections/', times: Infinity, delayMs: 30 });
  let out = 0;
  let most = 0;
  const capped = client({ maxConcurrency: 3 });
  const limiter = new RateLimiter({ maxConcurrency: 2 });
  const shared = client({ limiter });
  const track = (promise) => {
    out += 1;
    return promise.finally(() => { out -= 1; });
  };
  const watch = setInterval(() => { most = Math.max(most, tenant.requests.length - tenant.requests.filter((r) => r.status).length); }, 2);
  await Promise.all(Array.from({ length: 12 }, (_, i) => track(capped.connections.get(id(i)))));
  const mostCapped = most;
  most = 0;
  await Promise.all(Array.from({ length: 8 }, (_, i) => shared.connections.get(id(i))));
  clearInterval(watch);
  assert.ok(mostCapped >= 1 && mostCapped <= 3, `${mostCapped} in flight at the tenant`);
  assert.ok(most >= 1 && most <= 2, `${most} in flight at the tenant`);
  assert.equal(out, 0);
});

test('a 429 pauses the whole client: no call is sent until its Retry-After has passed', async () => {
  tenant.inject({ method: 'GET', path: `/connections/${id(0)}`, status: 429, headers: { 'retry-after': '1' }, times: 1 });
  const paced = client();
  const first = paced.connections.get(id(0));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const others = Array.from({ length: 5 }, (_, i) => paced.connections.get(id(i + 1)));
  await Promise.all([first, ...others]);
  const refusal = tenant.requests.find((r) => r.status === 429);
  const after = tenant.requests.filter((r) => r.time > refusal.time);
  assert.equal(after.length, 6, 'the retried call and the five others');
  assert.ok(after.every((r) => r.time - refusal.time >= 900), JSON.stringify(after.map((r) => r.time - refusal.time)));
});

// Without failing fast the second call would wait its 20 s: the test's own 10 s limit catches that.
test('a pause longer than a call\'s timeout ends the call at once, unsent', { timeout: 10_000 }, async () => {
  tenant.inject({ method: 'GET', path: `/connections/${id(0)}`, status: 429, headers: { 'retry-after': '30' }, times: 1 });
  const paced = client({ maxRetries: 0 });
  const refused = await paced.connections.get(id(0)).then(() => assert.fail('resolved'), (e) => e);
  assert.equal(refused.statusCode, 429);
  const sent = tenant.requests.length;
  const late = await paced.connections.get(id(1), undefined, { timeoutInSeconds: 20 }).then(() => assert.fail('resolved'), (e) => e);
  assert.deepEqual([late.kind, tenant.requests.length], ['timeout', sent]);
  assert.match(late.message, /rate limit/);
});

test('waiting for the limiter: the caller\'s abort ends the wait, the timeout bounds it, nothing is sent for them', async () => {
  tenant.setRateLimit({ size: 1, refillPerSecond: 0.1 });
  const paced = client({ maxRetries: 0 });
  await paced.connections.get(id(0));
  const sentBefore = tenant.requests.length;
  const controller = new AbortController();
  const waiting = paced.connections.get(id(1), undefined, { abortSignal: controller.signal });
  const bounded = paced.connections.get(id(2), undefined, { timeoutInSeconds: 0.3 });
  setTimeout(() => controller.abort(new Error('stop')), 50);
  const aborted = await waiting.then(() => assert.fail('resolved'), (e) => e);
  assert.ok(aborted instanceof ManagementError && aborted.kind === 'network', String(aborted));
  assert.match(aborted.message, /abort/);
  const late = await bounded.then(() => assert.fail('resolved'), (e) => e);
  assert.ok(late instanceof ManagementError && late.kind === 'timeout', String(late));
  assert.match(late.message, /rate limit/);
  assert.equal(tenant.requests.length, sentBefore, 'neither call reached the tenant');
  // The limiter is not left holding anything: with the bucket gone, calls flow again.
  tenant.setRateLimit(null);
  assert.equal((await paced.connections.get(id(3))).id, id(3));
});

test('Okta: the client paces to X-Rate-Limit-*: 60 calls at once against 5 refilling 50/s, none fails', async () => {
  tenant.setRateLimit({ size: 5, refillPerSecond: 50 });
  const okta = new OktaClient({ orgUrl: tenant.origin, token: 'local-okta-token' });
  const { failed } = await settle(Array.from({ length: 60 }, () => okta.getDefaultProvisioningConnectionForApplication({ appId: '0oa-org2org' })));
  assert.equal(failed.length, 0, failed[0]?.reason?.message);
  assert.ok(throttled() <= 2, `${throttled()} 429 answers`);
});

test('limiter options are checked: bad values are validation errors naming the option', () => {
  const invalid = (make, field) => assert.throws(make, (e) => e instanceof ManagementError && e.kind === 'validation' && e.message.includes(field));
  invalid(() => client({ limiter: {} }), 'limiter');
  invalid(() => client({ limiter: true }), 'limiter');
  invalid(() => client({ maxConcurrency: 0 }), 'maxConcurrency');
  invalid(() => client({ maxConcurrency: 2.5 }), 'maxConcurrency');
  invalid(() => new RateLimiter({ lowWater: -1 }), 'lowWater');
  invalid(() => new RateLimiter({ onWait: 'no' }), 'onWait');
  invalid(() => new OktaClient({ orgUrl: tenant.origin, token: 't', limiter: 1 }), 'limiter');
  assert.ok(client({ limiter: false }) instanceof ManagementClient);
  assert.ok(client({ limiter: new RateLimiter({ maxConcurrency: 1000, lowWater: 0 }) }) instanceof ManagementClient);
});

test('maxConcurrency and onRateLimit set the client\'s own limiter: beside a limiter option they are a conflict, not ignored', () => {
  const conflict = (make, field) => assert.throws(make, (e) => {
    const issues = e.issues.filter((i) => i.code === 'conflict');
    assert.equal(e.kind, 'validation');
    assert.deepEqual(issues.map((i) => i.path.join('.')), [field], JSON.stringify(e.issues));
    assert.match(issues[0].message, /RateLimiter/);
    return true;
  });
  const limiter = new RateLimiter();
  conflict(() => client({ limiter, maxConcurrency: 2 }), 'maxConcurrency');
  conflict(() => client({ limiter, onRateLimit: () => {} }), 'onRateLimit');
  conflict(() => client({ limiter: false, maxConcurrency: 2 }), 'maxConcurrency');
  conflict(() => new OktaClient({ orgUrl: tenant.origin, token: 't', limiter, maxConcurrency: 2 }), 'maxConcurrency');
  // Without a limiter option they configure the client's own one, as before.
  assert.ok(client({ maxConcurrency: 2, onRateLimit: () => {} }) instanceof ManagementClient);
  assert.equal(limiter.stats.sent, 0);
});
