// The Rust Worker example (examples/rust-worker: workers-rs over the crate's Rust API), as
// `make test-rust-example` built it (cargo for wasm32, then wasm-bindgen into target/rust-worker),
// run in real workerd against the local tenant: gloo-net's fetch and gloo-timers outside a
// window, the client-credentials exchange, checkpoint paging, a typed error passed on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from '../workerd/harness.mjs';
import { startTenant } from '../../tenant/server.mjs';

const root = resolve(import.meta.dirname, '../..');
const dir = join(root, 'target', 'rust-worker');
let tenant;
let worker;

before(async () => {
  tenant = await startTenant({ seed: { bulk: 5 } });
  // worker-build's shim, reduced: instantiate the wasm module workerd hands over, export fetch.
  writeFileSync(join(dir, 'shim.mjs'), [
    "import { initSync, fetch as handle } from './worker.js';",
    "import module from './worker_bg.wasm';",
    'initSync({ module });',
    'export default { fetch: (request, env, ctx) => handle(request, env, ctx) };',
    '',
  ].join('\n'));
  const snippets = readdirSync(join(dir, 'snippets')).map((name) => `snippets/${name}/inline0.js`);
  worker = await serve({
    dir,
    modules: [
      { name: 'shim.mjs', esModule: 'shim.mjs' },
      { name: 'worker.js', esModule: 'worker.js' },
      ...snippets.map((file) => ({ name: file, esModule: file })),
      { name: 'worker_bg.wasm', wasm: 'worker_bg.wasm' },
    ],
    bindings: { AUTH0_DOMAIN: tenant.origin, AUTH0_CLIENT_ID: 'local-client', AUTH0_CLIENT_SECRET: 'local-secret' },
  });
});

after(async () => {
  await worker?.close();
  await tenant?.close();
});

test('the Rust Worker lists connections page by page through the Rust API in workerd', async () => {
  tenant.requests.length = 0;
  const first = await fetch(`${worker.url}/connections?take=2`);
  assert.equal(first.status, 200, worker.output());
  const page = await first.json();
  assert.deepEqual(page.connections.map((c) => c.name), ['bulk-00000', 'bulk-00001']);
  assert.equal(page.connections[0].strategy, 'auth0');
  assert.ok(page.next, 'a checkpoint cursor');
  const second = await (await fetch(`${worker.url}/connections?take=2&from=${encodeURIComponent(page.next)}`)).json();
  assert.deepEqual(second.connections.map((c) => c.name), ['bulk-00002', 'bulk-00003']);
  const exchanges = tenant.requests.filter((r) => r.rawPath === '/oauth/token');
  assert.equal(exchanges.length, 2, 'one exchange per request: each request builds its client');
  assert.ok(tenant.requests.filter((r) => r.rawPath.startsWith('/api/v2/connections')).every((r) => r.authScheme === 'Bearer'));
});

test('an error of the Rust API becomes its status and one line without the secret', async () => {
  tenant.inject({ method: 'GET', path: '/connections', status: 403, body: { message: 'Insufficient scope local-secret', errorCode: 'insufficient_scope' } });
  const refused = await fetch(`${worker.url}/connections`);
  assert.equal(refused.status, 403);
  const text = await refused.text();
  assert.match(text, /HTTP 403 insufficient_scope/);
  assert.ok(!text.includes('local-secret'), text);
  assert.equal((await fetch(`${worker.url}/elsewhere`)).status, 404);
});
