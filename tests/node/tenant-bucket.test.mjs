// The local tenant's token bucket (issue 21 §3): off by default (informational headers only), a
// bucket of `size` refilled at `refillPerSecond` answers 429 once empty, with the three headers on
// every answer (Auth0's X-RateLimit-* and Okta's X-Rate-Limit-*); set in process, over
// /__control/rate-limit and by the cli's flags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTenant } from '../../tenant/server.mjs';

const auth0 = { authorization: 'Bearer local-token' };
const okta = { authorization: 'SSWS local-okta-token' };
const JSON_TYPE = { 'content-type': 'application/json' };

/** Fires `n` requests at once; resolves their statuses and rate-limit headers. */
const burst = (origin, n, path = '/api/v2/connections', headers = auth0, prefix = 'x-ratelimit-') =>
  Promise.all(Array.from({ length: n }, () => fetch(`${origin}${path}`, { headers }).then(async (answer) => {
    await answer.arrayBuffer();
    return {
      status: answer.status,
      limit: Number(answer.headers.get(`${prefix}limit`)),
      remaining: Number(answer.headers.get(`${prefix}remaining`)),
      reset: Number(answer.headers.get(`${prefix}reset`)),
      retryAfter: answer.headers.get('retry-after'),
    };
  })));

test('no bucket by default: nothing is refused', async () => {
  const tenant = await startTenant({ seed: 'sample' });
  try {
    const answers = await burst(tenant.origin, 60);
    assert.ok(answers.every((a) => a.status === 200), JSON.stringify(answers.map((a) => a.status)));
    assert.equal(tenant.rateLimit, null);
    assert.ok(answers.every((a) => a.limit === 10_000 && a.remaining >= 0));
  } finally {
    await tenant.close();
  }
});

test('a bucket of 5 refilling slowly: 5 answered, the rest 429 with the headers and no Retry-After', async () => {
  const tenant = await startTenant({ seed: 'sample', rateLimit: { size: 5, refillPerSecond: 0.5 } });
  try {
    const now = Date.now() / 1000;
    const answers = await burst(tenant.origin, 12);
    assert.equal(answers.filter((a) => a.status === 200).length, 5);
    const refused = answers.filter((a) => a.status === 429);
    assert.equal(refused.length, 7);
    for (const a of answers) {
      assert.equal(a.limit, 5);
      assert.ok(a.remaining >= 0 && a.remaining <= 4, JSON.stringify(a));
      // Empty and refilling at 0.5/s: full again in about 10 s, rounded up to whole seconds.
      assert.ok(a.reset >= Math.floor(now) && a.reset <= Math.ceil(now + 11), JSON.stringify(a));
    }
    assert.ok(refused.every((a) => a.remaining === 0 && a.retryAfter === null && a.reset >= Math.ceil(now + 9)), JSON.stringify(refused));
    const logged = tenant.requests.filter((r) => r.status === 429);
    assert.equal(logged.length, 7, 'the log shows the refusals');
    // The Okta API has its own bucket with Okta's names and error shape.
    const oktaAnswers = await burst(tenant.origin, 7, '/api/v1/apps/0oa-org2org/connections/default', okta, 'x-rate-limit-');
    assert.deepEqual(oktaAnswers.map((a) => a.status).sort(), [200, 200, 200, 200, 200, 429, 429]);
    const refusal = await fetch(`${tenant.origin}/api/v1/apps/0oa-org2org/connections/default`, { headers: okta });
    assert.deepEqual([refusal.status, (await refusal.json()).errorCode], [429, 'E0000047']);
  } finally {
    await tenant.close();
  }
});

test('the bucket refills: after waiting for two tokens, two more calls pass', async () => {
  const tenant = await startTenant({ seed: 'sample', rateLimit: { size: 2, refillPerSecond: 20 } });
  try {
    assert.equal((await burst(tenant.origin, 4)).filter((a) => a.status === 200).length, 2);
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal((await burst(tenant.origin, 2)).filter((a) => a.status === 200).length, 2);
  } finally {
    await tenant.close();
  }
});

test('set over /__control/rate-limit (JSON only, checked) and removed again; reset refills it', async () => {
  const tenant = await startTenant({ seed: 'sample' });
  try {
    const control = (body, headers = JSON_TYPE) => fetch(`${tenant.origin}/__control/rate-limit`, { method: 'POST', headers, body });
    assert.equal((await control('{"size":3,"refillPerSecond":0.1}')).status, 204);
    assert.deepEqual(tenant.rateLimit, { size: 3, refillPerSecond: 0.1 });
    assert.equal((await burst(tenant.origin, 5)).filter((a) => a.status === 429).length, 2);
    tenant.reset();
    assert.equal((await burst(tenant.origin, 3)).filter((a) => a.status === 200).length, 3, 'a reset fills the bucket');
    for (const bad of ['{"size":0,"refillPerSecond":1}', '{"size":2}', '{"size":2,"refillPerSecond":1,"burst":3}', '[1]', '{"size":1.5,"refillPerSecond":1}']) {
      const answer = await control(bad);
      assert.equal(answer.status, 400, bad);
      assert.match((await answer.json()).message, /size|refillPerSecond|rate-limit|rate limit/);
    }
    assert.equal((await control('{"size":3,"refillPerSecond":1}', { 'content-type': 'text/plain' })).status, 415);
    assert.equal((await control('null')).status, 204);
    assert.equal(tenant.rateLimit, null);
    assert.ok((await burst(tenant.origin, 20)).every((a) => a.status === 200));
  } finally {
    await tenant.close();
  }
});

test('the cli takes --bucket-size and --refill-per-second', async () => {
  const { spawn } = await import('node:child_process');
  const { once } = await import('node:events');
  const cli = new URL('../../tenant/cli.mjs', import.meta.url).pathname;
  const child = spawn(process.execPath, [cli, '--port', '0', '--seed', 'sample', '--bucket-size', '4', '--refill-per-second', '0.2'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [line] = await once(child.stdout, 'data');
    const origin = /http:\/\/127\.0\.0\.1:\d+/.exec(String(line))?.[0];
    assert.ok(origin, String(line));
    const answers = await burst(origin, 6);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 200, 200, 429, 429]);
    assert.ok(answers.every((a) => a.limit === 4));
  } finally {
    child.kill();
  }
});
