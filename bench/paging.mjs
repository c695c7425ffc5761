// Paging: list every connection of a 10,000-connection local tenant, 100 per page, with each
// library in its own fresh process (alternating, after a warm-up); wall time and peak RSS.
import { execFileSync, spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

const here = dirname(fileURLToPath(import.meta.url));
const TOTAL = 10_000;

/** Starts the local tenant in its own process, seeded with `TOTAL` connections; resolves `{ origin, stop() }`. */
async function startBulkTenant() {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { startTenant } = await import('../tenant/server.mjs');
       const t = await startTenant({ port: 0, seed: { bulk: ${TOTAL} } });
       console.log(JSON.stringify({ origin: t.origin }));`,
    ],
    { cwd: here, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = await once(child.stdout, 'data');
  const { origin } = JSON.parse(String(line));
  return { origin, stop: () => child.kill() };
}

/** The listing both libraries run once `client` exists: every connection, 100 a page; prints the figures. */
const LIST_ALL = `
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  let n = 0;
  for await (const c of await client.connections.list({ take: 100 })) n += c.id ? 1 : 0;
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({ n, ms: performance.now() - t, cpuMs: (cpu.user + cpu.system) / 1000, rssKb: process.resourceUsage().maxRSS }));`;

const OURS = (origin) => `
  const { ManagementClient } = await import('idp-connections');
  const client = new ManagementClient({ domain: ${JSON.stringify(origin)}, token: 'local-token' });
  ${LIST_ALL}`;

// The SDK only builds https URLs from a domain; its requests are rewritten to the loopback tenant.
const AUTH0 = (origin) => `
  const { ManagementClient } = await import('auth0');
  const real = globalThis.fetch;
  globalThis.fetch = (url, init) => real(String(url).replace('https://', 'http://'), init);
  const client = new ManagementClient({ domain: ${JSON.stringify(new URL(origin).host)}, token: 'local-token' });
  ${LIST_ALL}`;

/** Runs one listing in a fresh process and checks it saw every connection. */
function run(label, source) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: here, encoding: 'utf8' });
  const result = JSON.parse(out);
  if (result.n !== TOTAL) throw new Error(`${label} listed ${result.n} connections, expected ${TOTAL}`);
  return result;
}

/** The median run by wall time. */
const median = (runs) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];

/**
 * Runs both listings `n` times, alternating, after one discarded warm-up listing: the tenant's own
 * JIT warms up on its first 10,000 answers, which would otherwise favour whichever runs second.
 */
function interleaved(sources, n = 5) {
  run('warm-up', sources[0][1]);
  const runs = sources.map(() => []);
  for (let i = 0; i < n; i += 1) {
    sources.forEach(([label, source], j) => runs[j].push(run(label, source)));
  }
  return runs.map(median);
}

/** Lists 10,000 connections with the package and with the auth0 SDK; returns rows. */
export async function benchPaging() {
  const tenant = await startBulkTenant();
  try {
    const [ours, auth0] = interleaved([
      ['idp-connections', OURS(tenant.origin)],
      ['auth0 SDK', AUTH0(tenant.origin)],
    ]);
    return [
      { metric: `list ${TOTAL} connections (take 100)`, unit: 'ms', ours: ours.ms, peer: auth0.ms, peerName: 'auth0 SDK' },
      { metric: `list ${TOTAL} connections, client CPU time`, unit: 'ms', ours: ours.cpuMs, peer: auth0.cpuMs, peerName: 'auth0 SDK' },
      { metric: `list ${TOTAL} connections, peak RSS`, unit: 'MB', ours: ours.rssKb / 1024, peer: auth0.rssKb / 1024, peerName: 'auth0 SDK' },
    ];
  } finally {
    tenant.stop();
  }
}

