// Runs the Rust API's wasm-bindgen-test suite (tests/rust_client.rs) in Node against a local
// tenant on a free port: the tenant's origin reaches the tests as IDP_TENANT_URL, and cargo runs
// the test wasm with wasm-bindgen-test-runner. Exits with cargo's status.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startTenant } from '../../tenant/server.mjs';

const root = resolve(import.meta.dirname, '../..');
const tenant = await startTenant({ seed: { bulk: 7 } });
const child = spawn('cargo', ['test', '--target', 'wasm32-unknown-unknown', '--features', 'rust-client', '--test', 'rust_client'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    IDP_TENANT_URL: tenant.origin,
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: resolve(root, '.tools/bin/wasm-bindgen-test-runner'),
  },
});
const code = await new Promise((done) => child.on('exit', (status, signal) => done(status ?? (signal ? 1 : 0))));
await tenant.close();
process.exit(code);
