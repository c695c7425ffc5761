// Runs a Worker in real workerd, bundled the way wrangler bundles it: esbuild with the `workerd`
// and `worker` export conditions, the package's `.wasm` kept as a separate wasm module.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(import.meta.url);

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** esbuild plugin: every `.wasm` import becomes the module `./<basename>` beside the bundle. */
const wasmModules = {
  name: 'wasm-modules',
  setup(build) {
    build.onResolve({ filter: /\.wasm$/ }, (args) => ({
      path: `./${args.path.split('/').pop()}`,
      external: true,
      pluginData: { resolveDir: args.resolveDir },
    }));
  },
};

/**
 * Bundles `entry` into target/workerd/<name>/ and serves it with workerd on 127.0.0.1.
 * `bindings` are plain-text env bindings. Returns `{ url, close() }`.
 */
export async function startWorker({ entry, name = 'worker', bindings = {} }) {
  const outDir = join(root, 'target', 'workerd', name);
  mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    outfile: join(outDir, 'worker.js'),
    // Entries outside tests/ (the examples) resolve the package the tests installed.
    nodePaths: [join(root, 'tests', 'node_modules')],
    plugins: [wasmModules],
    logLevel: 'silent',
  });
  const pkgDir = dirname(require.resolve('idp-connections/package.json', { paths: [here] }));
  copyFileSync(join(pkgDir, 'idp_connections_bg.wasm'), join(outDir, 'idp_connections_bg.wasm'));
  copyFileSync(join(pkgDir, 'validate', 'validate_bg.wasm'), join(outDir, 'validate_bg.wasm'));

  return serve({
    dir: outDir,
    modules: [
      { name: 'worker.js', esModule: 'worker.js' },
      { name: 'idp_connections_bg.wasm', wasm: 'idp_connections_bg.wasm' },
      { name: 'validate_bg.wasm', wasm: 'validate_bg.wasm' },
    ],
    bindings,
    compatibilityFlags: ['nodejs_compat'],
  });
}

/**
 * Serves the files of `dir` with workerd on a free port of 127.0.0.1: `modules` are
 * `{ name, esModule | wasm }` (file names in `dir`), `bindings` plain-text env bindings; outbound
 * fetches may reach loopback (the local tenant). Returns `{ url, output(), close() }` once it
 * answers.
 */
export async function serve({ dir, modules, bindings = {}, compatibilityFlags = [] }) {
  const port = await freePort();
  const textBindings = Object.entries(bindings)
    .map(([key, value]) => `(name = ${JSON.stringify(key)}, text = ${JSON.stringify(String(value))})`)
    .join(', ');
  const moduleList = modules
    .map(({ name, esModule, wasm }) => (esModule ? `(name = ${JSON.stringify(name)}, esModule = embed ${JSON.stringify(esModule)})` : `(name = ${JSON.stringify(name)}, wasm = embed ${JSON.stringify(wasm)})`))
    .join(',\n    ');
  writeFileSync(
    join(dir, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [
    ${moduleList},
  ],
  compatibilityDate = "2025-09-01",
  compatibilityFlags = [${compatibilityFlags.map((flag) => JSON.stringify(flag)).join(', ')}],
  bindings = [${textBindings}],
  globalOutbound = "loopback",
);
`,
  );
  const workerd = join(root, 'node_modules', '.bin', 'workerd');
  const child = spawn(workerd, ['serve', join(dir, 'config.capnp'), '--verbose'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`workerd exited early:\n${output}`);
    try {
      await fetch(`${url}/__ready`);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`workerd did not start:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    output: () => output,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill();
      }),
  };
}
