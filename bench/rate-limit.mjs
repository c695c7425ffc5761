// Bulk work against the local tenant's token bucket (issue 21 §4), the package beside the auth0
// SDK in the same run, each in a fresh process: failed calls, 429 answers the tenant sent, and
// wall time against the ideal (requests - bucket) / refill rate.
//   burst:     300 connections.get at once, bucket 10 refilling 100/s
//   sustained: 200 connections.update, 20 in flight, bucket 10 refilling 50/s
//   shared:    two clients of one tenant, 150 connections.get each at once, bucket 10 / 100/s
//              (ours: one RateLimiter shared by both clients; then each with its own limiter)
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

const here = dirname(fileURLToPath(import.meta.url));
const CONNECTIONS = 300;
const JSON_TYPE = { 'content-type': 'application/json' };

/** The tenant in its own process (its event loop apart from the clients'). */
async function startTenantProcess() {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', `const { startTenant } = await import('../tenant/server.mjs');
       const t = await startTenant({ port: 0, seed: { bulk: ${CONNECTIONS} } });
       console.log(JSON.stringify({ origin: t.origin }));`],
    { cwd: here, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = await once(child.stdout, 'data');
  return { origin: JSON.parse(String(line)).origin, stop: () => child.kill() };
}

/** The scenarios: each sets the bucket, then runs `calls` calls as the contender's script says. */
const SCENARIOS = [
  { name: 'burst', label: '300 connections.get at once, bucket 10 refilling 100/s', size: 10, refill: 100, calls: 300, inFlight: 300, op: 'get', clients: 1 },
  { name: 'sustained', label: '200 connections.update, 20 in flight, bucket 10 refilling 50/s', size: 10, refill: 50, calls: 200, inFlight: 20, op: 'update', clients: 1 },
  { name: 'shared', label: 'two clients sharing a RateLimiter, 150 connections.get each at once, bucket 10 refilling 100/s', size: 10, refill: 100, calls: 300, inFlight: 300, op: 'get', clients: 2, share: true },
  { name: 'apart', label: 'two clients with their own limiters, 150 connections.get each at once, bucket 10 refilling 100/s', size: 10, refill: 100, calls: 300, inFlight: 300, op: 'get', clients: 2, share: false },
];

/**
 * The work both libraries run once `clients` exist (`get(client, id)` and `update(client, id,
 * body)` adapt the call shapes): `calls` calls, at most `inFlight` at once, spread over the clients.
 */
const WORK = (s) => `
  const id = (n) => 'con_' + n.toString(36).padStart(16, '0');
  let next = 0, failed = 0, ok = 0;
  const t = performance.now();
  const worker = async () => {
    while (next < ${s.calls}) {
      const i = next++;
      const client = clients[i % clients.length];
      try {
        ${s.op === 'get' ? 'await get(client, id((i % ' + CONNECTIONS + ') + 1));' : "await update(client, id((i % " + CONNECTIONS + ") + 1), { display_name: 'Paced ' + i });"}
        ok += 1;
      } catch (error) {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: ${s.inFlight} }, worker));
  console.log(JSON.stringify({ ok, failed, ms: performance.now() - t }));`;

const OURS = (origin, s) => `
  const { ManagementClient, RateLimiter } = await import('idp-connections');
  const shared = RateLimiter && ${Boolean(s.share)} ? new RateLimiter() : undefined;
  const clients = Array.from({ length: ${s.clients} }, () => new ManagementClient({ domain: ${JSON.stringify(origin)}, token: 'local-token', ...(shared ? { limiter: shared } : {}) }));
  const get = (client, id) => client.connections.get(id);
  const update = (client, id, body) => client.connections.update(id, body);
  ${WORK(s)}`;

// The SDK only builds https URLs from a domain; its requests are rewritten to the loopback tenant.
const AUTH0 = (origin, s) => `
  const { ManagementClient } = await import('auth0');
  const real = globalThis.fetch;
  globalThis.fetch = (url, init) => real(String(url).replace('https://', 'http://'), init);
  const clients = Array.from({ length: ${s.clients} }, () => new ManagementClient({ domain: ${JSON.stringify(new URL(origin).host)}, token: 'local-token' }));
  const get = (client, id) => client.connections.get(id);
  const update = (client, id, body) => client.connections.update(id, body);
  ${WORK(s)}`;

/** Sets a full bucket and empties the log, runs `source` in a fresh process, counts the 429s. */
async function run(origin, scenario, source) {
  await fetch(`${origin}/__control/reset`, { method: 'POST', headers: JSON_TYPE, body: '{}' });
  await fetch(`${origin}/__control/rate-limit`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ size: scenario.size, refillPerSecond: scenario.refill }) });
  // Asynchronously: a blocked event loop would let the tenant close this process's kept-alive sockets.
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', source], { cwd: here, encoding: 'utf8' });
  const result = JSON.parse(stdout);
  const log = await (await fetch(`${origin}/__control/requests`)).json();
  await fetch(`${origin}/__control/rate-limit`, { method: 'POST', headers: JSON_TYPE, body: 'null' });
  return { ...result, throttled: log.filter((entry) => entry.status === 429).length, requests: log.length };
}

/** Runs every scenario with both libraries (ours first, then the SDK's); returns rows. */
export async function benchRateLimit() {
  const tenant = await startTenantProcess();
  const rows = [];
  try {
    for (const scenario of SCENARIOS) {
      const ideal = ((scenario.calls - scenario.size) / scenario.refill) * 1000;
      const ours = await run(tenant.origin, scenario, OURS(tenant.origin, scenario));
      const sdk = await run(tenant.origin, scenario, AUTH0(tenant.origin, scenario));
      const peer = { peerName: 'auth0 SDK' };
      rows.push(
        { metric: `${scenario.label}: failed calls`, unit: 'calls', ours: ours.failed, peer: sdk.failed, ...peer, ratio: 0 },
        { metric: `${scenario.label}: 429 answers`, unit: 'answers', ours: ours.throttled, peer: sdk.throttled, ...peer, ratio: 0 },
        { metric: `${scenario.label}: wall time / ideal ${(ideal / 1000).toFixed(1)} s`, unit: '×', ours: ours.ms / ideal, peer: sdk.ms / ideal, ...peer },
      );
    }
  } finally {
    tenant.stop();
  }
  return rows;
}

// `node bench/rate-limit.mjs` runs this section alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await benchRateLimit()) console.log(`${row.metric}  ${row.unit}: ours ${row.ours.toFixed?.(2) ?? row.ours}, auth0 SDK ${row.peer.toFixed?.(2) ?? row.peer}`);
}
