// Cold start: each figure comes from a fresh Node process, so nothing is cached between samples.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Runs `source` as an ESM module in a fresh `node` process (cwd bench/) and parses its JSON output. */
function fresh(source) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: here, encoding: 'utf8' });
  return JSON.parse(out);
}

/** Median of `n` fresh-process samples of `source`, field by field. */
function median(source, n = 7) {
  const runs = Array.from({ length: n }, () => fresh(source));
  const mid = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(n / 2)];
  return Object.fromEntries(Object.keys(runs[0]).map((k) => [k, mid(k)]));
}

const OURS = `
  import { readFileSync } from 'node:fs';
  import { createRequire } from 'node:module';
  const require = createRequire(import.meta.url);
  const dir = require.resolve('idp-connections/package.json').replace(/package\\.json$/, '');
  const bytes = readFileSync(dir + 'idp_connections_bg.wasm');
  const raw = await import(dir + 'idp_connections.js');
  let t = performance.now();
  const module = new WebAssembly.Module(bytes);
  const compile = performance.now() - t;
  t = performance.now();
  raw.initSync({ module });
  const instantiate = performance.now() - t;
  t = performance.now();
  raw.connectionNameIssues('bad--name');
  const firstCall = performance.now() - t;
  console.log(JSON.stringify({ compile, instantiate, firstCall }));`;

const IMPORT_OURS = `
  const t = performance.now();
  const lib = await import('idp-connections');
  const importMs = performance.now() - t;
  const t2 = performance.now();
  lib.validateConnectionCreate({ name: 'acme-sso', strategy: 'auth0' });
  console.log(JSON.stringify({ importMs, firstCall: performance.now() - t2 }));`;

const IMPORT_AUTH0 = `
  const t = performance.now();
  const { ManagementClient } = await import('auth0');
  const importMs = performance.now() - t;
  const t2 = performance.now();
  new ManagementClient({ domain: 'acme.auth0.com', token: 't' });
  console.log(JSON.stringify({ importMs, firstCall: performance.now() - t2 }));`;

/** Measures compile, instantiate, first call, and import times; returns rows. */
export function benchColdStart() {
  const parts = median(OURS);
  const ours = median(IMPORT_OURS);
  const auth0 = median(IMPORT_AUTH0);
  return [
    { metric: 'wasm compile', unit: 'ms', ours: parts.compile },
    { metric: 'wasm instantiate', unit: 'ms', ours: parts.instantiate },
    { metric: 'first call after instantiate', unit: 'ms', ours: parts.firstCall },
    { metric: 'import package (fresh process)', unit: 'ms', ours: ours.importMs, peer: auth0.importMs, peerName: 'import auth0 SDK' },
  ];
}
