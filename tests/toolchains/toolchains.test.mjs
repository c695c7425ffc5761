// The package in the toolchains users bring. Each case builds or runs a small app (app/check.js:
// validators and the client from the main entry, a field check from idp-connections/validate)
// against the packed tarball, with the tool's default configuration plus only the steps the
// package README documents, and compares the app's answer with app/expected.json; pages and
// workers are checked in Chromium. The tools are pinned in this folder's package-lock.json and
// installed here once (`npm ci` when node_modules is missing or older than the lockfile).
// Run by `make test-toolchains` after `make pack`. Apps are written to .work/ (their test files are
// named *.spec.js, which node --test does not collect).
import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAuth0Spec } from '../../tenant/spec.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const work = join(here, '.work');
const modules = join(here, 'node_modules');
// The app's answer; its strategy count comes from the spec with its overlay (the list STRATEGIES
// is generated from), so a new strategy in the overlay does not need an edit here.
const expected = {
  ...JSON.parse(readFileSync(join(here, 'app', 'expected.json'), 'utf8')),
  strategies: loadAuth0Spec().schemas.ConnectionIdentityProviderEnum.enum.length,
};

// ------------------------------------------------------------------ setup

/** A test that fails after three minutes rather than hanging the suite (a broken build can stall a tool). */
const test = (name, fn) => nodeTest(name, { timeout: 180_000 }, fn);

/** `promise`, or undefined after `ms`: closing a dev server whose optimizer failed can stall. */
const within = (promise, ms) => Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms).unref())]);

/** Installs the pinned tools unless node_modules is at least as new as the lockfile. */
function installTools() {
  const marker = join(modules, '.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(join(here, 'package-lock.json')).mtimeMs) return;
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
}

/**
 * Unpacks dist/idp-connections-*.tgz (or the tarball TOOLCHAINS_TARBALL names, e.g. an older build
 * to see these checks fail) into node_modules, as `npm install <tarball>` would (no dependencies).
 */
function installTarball() {
  if (process.env.TOOLCHAINS_TARBALL) return unpack(process.env.TOOLCHAINS_TARBALL);
  const tarballs = readdirSync(join(root, 'dist')).filter((f) => /^idp-connections-.*\.tgz$/.test(f));
  assert.equal(tarballs.length, 1, `expected one packed tarball in dist/, found ${tarballs}`);
  return unpack(join(root, 'dist', tarballs[0]));
}

/** Unpacks `tarball` as node_modules/idp-connections; returns its path. */
function unpack(tarball) {
  const target = join(modules, 'idp-connections');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target);
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  return tarball;
}

/** A fresh copy of app/ in .work/<name>/, returned as its path. */
function app(name) {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(here, 'app'), dir, { recursive: true });
  writeFileSync(join(dir, 'expected.json'), JSON.stringify(expected));
  return dir;
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };

/** Serves `dir` on 127.0.0.1; resolves to { url, close }. */
function serve(dir) {
  const server = createServer((req, res) => {
    let path = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!path.startsWith(dir) || !existsSync(path)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })),
  );
}

let browser;
let tarball;

/** Opens `url` in Chromium and waits for the app's `window.__result`; page errors fail the check. */
async function resultOf(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // A failed load is reported by its response below (with its URL); the browser's own favicon probe is not the app's.
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));
  try {
    await page.goto(url, { timeout: 60_000 });
    await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 60_000 });
    return { result: await page.evaluate(() => window.__result), errors };
  } finally {
    await page.close();
  }
}

/** Asserts a page's answer: the check in the page and/or in its worker equals expected.json. */
function assertPage({ result, errors }, parts) {
  assert.deepEqual(errors, []);
  assert.equal(result.error, undefined, result.error);
  for (const part of parts) assert.deepEqual(result[part], expected, `${part}: ${JSON.stringify(result[part])}`);
}

/** Serves `dist` (writing `html` as its index.html first, when given) and asserts the page's answer. */
async function checkBuild(dist, parts, html) {
  if (html) writeFileSync(join(dist, 'index.html'), html);
  const server = await serve(dist);
  try {
    assertPage(await resultOf(server.url), parts);
  } finally {
    server.close();
  }
}

/** Runs a command; returns its output, failing with both streams when it exits non-zero. */
function run(command, args, options = {}) {
  const out = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000, ...options });
  const text = `${out.stdout ?? ''}${out.stderr ?? ''}`;
  assert.equal(out.status, 0, `${command} ${args.join(' ')} exited ${out.status}:\n${text}`);
  return text;
}

before(async () => {
  installTools();
  tarball = installTarball();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const { chromium } = createRequire(join(root, 'package.json'))('playwright-core');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

after(async () => {
  await browser?.close();
});

// ------------------------------------------------------------------ Vite 5, 6, 7, 8

for (const major of [5, 6, 7, 8]) {
  test(`Vite ${major}: default build, page and web worker in Chromium, no warnings`, async () => {
    const vite = await import(`vite${major}`);
    const dir = app(`vite${major}`);
    const warnings = [];
    const logger = vite.createLogger('warn');
    logger.warn = (msg) => warnings.push(msg);
    logger.warnOnce = (msg) => warnings.push(msg);
    await vite.build({ root: dir, configFile: false, logLevel: 'warn', customLogger: logger });
    assert.deepEqual(warnings, []);
    await checkBuild(join(dir, 'dist'), ['main', 'worker']);
  });

  test(`Vite ${major}: dev server (dependency pre-bundling), page and web worker in Chromium`, async () => {
    const vite = await import(`vite${major}`);
    const dir = app(`vite${major}-dev`);
    const server = await vite.createServer({
      root: dir,
      configFile: false,
      logLevel: 'error',
      server: { host: '127.0.0.1', port: 20000 + Math.floor(Math.random() * 20000) },
    });
    await server.listen();
    try {
      assertPage(await resultOf(server.resolvedUrls.local[0]), ['main', 'worker']);
    } finally {
      await within(server.close(), 5000);
    }
  });
}

// ------------------------------------------------------------------ webpack 5

/** Runs webpack with `config`; resolves to its stats, failing on errors and on warnings other than size hints. */
async function webpackBuild(config) {
  const { default: webpack } = await import('webpack');
  const stats = await new Promise((resolve, reject) => webpack(config, (err, s) => (err ? reject(err) : resolve(s))));
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  assert.deepEqual(info.errors.map((e) => e.message), []);
  // webpack's performance hints (an app over 244 KiB) are about the app's total, not a problem in the package.
  const warnings = info.warnings.filter((w) => !/exceeds? the recommended (size )?limit|limit the size of your bundles|^webpack performance recommendations/.test(w.message));
  assert.deepEqual(warnings.map((w) => w.message), []);
  return stats;
}

/** A page that runs dist/worker.js as a classic web worker and reports its answer. */
const workerPage = `<!doctype html><script>const w = new Worker('worker.js'); w.onmessage = (e) => (window.__result = { worker: e.data }); w.onerror = (e) => (window.__result = { error: e.message || 'worker failed' });</script>`;

test('webpack 5, web target: default production build, page and web worker in Chromium', async () => {
  const dir = app('webpack-web');
  await webpackBuild({ mode: 'production', context: dir, entry: './main-worker.js', output: { path: join(dir, 'dist') } });
  await checkBuild(join(dir, 'dist'), ['main', 'worker'], '<!doctype html><script src="main.js"></script>');
});

test('webpack 5, webworker target: the worker bundle runs in a Chromium worker', async () => {
  const dir = app('webpack-webworker');
  await webpackBuild({ mode: 'production', target: 'webworker', context: dir, entry: './worker.js', output: { path: join(dir, 'dist'), filename: 'worker.js' } });
  await checkBuild(join(dir, 'dist'), ['worker'], workerPage);
});

// ------------------------------------------------------------------ Rspack, Parcel

/** Runs a tool's CLI from this folder's node_modules/.bin in `dir`; fails on a warning or an error in its output. */
function cli(tool, dir, args, env = {}) {
  const out = run(join(modules, '.bin', tool), args, { cwd: dir, env: { ...process.env, NO_COLOR: '1', ...env } });
  assert.doesNotMatch(out, /warn|error/i, out);
  return out;
}

test('Rspack (CLI): default production build, page and web worker in Chromium, no warnings', async () => {
  const dir = app('rspack-web');
  cli('rspack', dir, ['build', '--entry', './main-worker.js']);
  await checkBuild(join(dir, 'dist'), ['main', 'worker'], '<!doctype html><script src="main.js"></script>');
});

test('Rspack, webworker target: the worker bundle runs in a Chromium worker', async () => {
  const dir = app('rspack-webworker');
  writeFileSync(join(dir, 'rspack.config.mjs'), "export default { target: 'webworker', entry: './worker.js', output: { filename: 'worker.js' } };\n");
  cli('rspack', dir, ['build']);
  await checkBuild(join(dir, 'dist'), ['worker'], workerPage);
});

test('Parcel 2: default build of the page (index.html, module script, web worker) in Chromium', async () => {
  const dir = app('parcel');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'parcel-app', private: true }));
  cli('parcel', dir, ['build', 'index.html', '--cache-dir', join(dir, '.parcel-cache')]);
  await checkBuild(join(dir, 'dist'), ['main', 'worker']);
});

// ------------------------------------------------------------------ esbuild, Rollup

test('esbuild: --bundle with default options (iife), no warnings, page in Chromium', async () => {
  const esbuild = await import('esbuild');
  const dir = app('esbuild');
  const result = await esbuild.build({ entryPoints: [join(dir, 'main.js')], bundle: true, outfile: join(dir, 'dist', 'main.js'), logLevel: 'silent' });
  assert.deepEqual(result.warnings.map((w) => w.text), []);
  await checkBuild(join(dir, 'dist'), ['main'], '<!doctype html><script src="main.js"></script>');
});

test('Rollup with @rollup/plugin-node-resolve: ES output, no warnings, page in Chromium', async () => {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const dir = app('rollup');
  const warnings = [];
  const bundle = await rollup({ input: join(dir, 'main.js'), plugins: [nodeResolve()], onwarn: (w) => warnings.push(w.message) });
  await bundle.write({ dir: join(dir, 'dist'), format: 'es' });
  assert.deepEqual(warnings, []);
  await checkBuild(join(dir, 'dist'), ['main'], '<!doctype html><script type="module" src="main.js"></script>');
});

// ------------------------------------------------------------------ test runners, Node, Deno

/** app/check.js as CommonJS (imports become requires), for the CommonJS consumers. */
async function checkCjs(dir) {
  const esbuild = await import('esbuild');
  const { code } = await esbuild.transform(readFileSync(join(dir, 'check.js'), 'utf8'), { format: 'cjs', target: 'node20' });
  writeFileSync(join(dir, 'check.cjs'), code);
}

/**
 * Runs Jest in .work/<name> over one spec comparing check.cjs with expected.json, plus the tests
 * in `more` (spec source, count included in the total); `jest` is its config.
 */
async function jestRun(name, jest, setup, more = { source: '', count: 0 }) {
  const dir = app(name);
  await checkCjs(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, ...(jest && { jest }) }));
  if (setup) writeFileSync(join(dir, 'jest.setup.js'), setup);
  writeFileSync(
    join(dir, 'check.spec.js'),
    "const { check } = require('./check.cjs');\nconst expected = require('./expected.json');\n\ntest('the package through require', async () => {\n  expect(await check()).toEqual(expected);\n});\n" + more.source,
  );
  const out = run(process.execPath, [join(modules, 'jest', 'bin', 'jest.js'), '--ci'], { cwd: dir });
  assert.match(out, new RegExp(`Tests:\\s+${1 + more.count} passed, ${1 + more.count} total`));
}

test('Jest with the default config (CommonJS tests, node environment)', () => jestRun('jest'));

test('Jest with testEnvironment jsdom and the setup file older READMEs gave (TextEncoder, TextDecoder)', () =>
  // The recipe the package README used to give, word for word: projects that keep it still work.
  jestRun('jest-jsdom', { testEnvironment: 'jsdom', setupFiles: ['./jest.setup.js'] }, "const { TextEncoder, TextDecoder } = require('node:util');\nObject.assign(globalThis, { TextEncoder, TextDecoder });\n"),
);

test('Jest with testEnvironment jsdom and no setup file (no TextEncoder, TextDecoder or fetch there)', () =>
  jestRun('jest-jsdom-bare', { testEnvironment: 'jsdom' }, undefined, {
    // What the README says a call does with no fetch: a ManagementError of kind network.
    source:
      "\ntest('the environment, and a call without a fetch', async () => {\n  expect([typeof TextEncoder, typeof TextDecoder, typeof fetch]).toEqual(['undefined', 'undefined', 'undefined']);\n  const { ManagementClient, ManagementError } = require('idp-connections');\n  const error = await new ManagementClient({ domain: 'acme.eu.auth0.com', token: 't', maxRetries: 0 }).connections.get('con_1').catch((e) => e);\n  expect(error).toBeInstanceOf(ManagementError);\n  expect([error.kind, error.message]).toEqual(['network', 'network error on GET /api/v2/connections/con_1: fetch is not defined']);\n});\n",
    count: 1,
  }),
);

test('Vitest with the default config', async () => {
  const dir = app('vitest');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'vitest-app', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'check.spec.js'),
    "import { test, expect } from 'vitest';\nimport { readFileSync } from 'node:fs';\nimport { check } from './check.js';\n\ntest('the package through import', async () => {\n  expect(await check()).toEqual(JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8')));\n});\n",
  );
  const out = run(process.execPath, [join(modules, 'vitest', 'vitest.mjs'), 'run'], { cwd: dir, env: { ...process.env, CI: '1', NO_COLOR: '1' } });
  assert.match(out, /Tests\s+1 passed/);
});

test('Node CommonJS: require() of both entries (index.cjs)', async () => {
  const dir = app('node-cjs');
  await checkCjs(dir);
  writeFileSync(join(dir, 'main.cjs'), "require('./check.cjs').check().then((r) => console.log(JSON.stringify(r)));\n");
  assert.deepEqual(JSON.parse(run(process.execPath, ['main.cjs'], { cwd: dir })), expected);
});

test('Node ESM: import of both entries (the inline-wasm entry)', () => {
  const dir = app('node-esm');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(dir, 'main.js'), "import { check } from './check.js';\nconsole.log(JSON.stringify(await check()));\n");
  assert.deepEqual(JSON.parse(run(process.execPath, ['main.js'], { cwd: dir })), expected);
});

/** A folder outside the suite's tree: a bundle run there reaches no node_modules and no package file. */
const away = (prefix) => mkdtempSync(join(tmpdir(), `idp-${prefix}-`));

/** app/check.js run as a Node script (no top-level await, so CommonJS output can hold it). */
const runScript = "import { check } from './check.js';\ncheck().then((r) => console.log(JSON.stringify(r)));\n";

test('esbuild --platform=node, ESM and CommonJS output: the bundle runs on its own, away from the package', async () => {
  const esbuild = await import('esbuild');
  const dir = app('esbuild-node');
  writeFileSync(join(dir, 'run.js'), runScript);
  const out = away('esbuild-node');
  try {
    for (const [format, file] of [['esm', 'run.mjs'], ['cjs', 'run.cjs']]) {
      const outfile = join(out, file);
      const result = await esbuild.build({ entryPoints: [join(dir, 'run.js')], bundle: true, platform: 'node', format, outfile, logLevel: 'silent' });
      assert.deepEqual(result.warnings.map((w) => w.text), [], format);
      assert.deepEqual(JSON.parse(run(process.execPath, [outfile], { cwd: out })), expected, format);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('Vite 8 SSR build with every dependency bundled (ssr.noExternal): the server bundle runs on its own, away from the package', async () => {
  const vite = await import('vite8');
  const dir = app('vite-ssr');
  writeFileSync(join(dir, 'run.js'), runScript);
  await vite.build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    ssr: { noExternal: true },
    build: { ssr: 'run.js', outDir: 'dist', rollupOptions: { output: { entryFileNames: 'run.mjs' } } },
  });
  const out = away('vite-ssr');
  try {
    cpSync(join(dir, 'dist', 'run.mjs'), join(out, 'run.mjs'));
    assert.deepEqual(JSON.parse(run(process.execPath, ['run.mjs'], { cwd: out })), expected);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('Deno: runs with no permission flags (no --allow-read)', () => {
  const dir = app('deno');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(dir, 'main.js'), "import { check } from './check.js';\nconsole.log(JSON.stringify(await check()));\n");
  const out = run(join(modules, '.bin', 'deno'), ['run', '--no-prompt', 'main.js'], {
    cwd: dir,
    env: { ...process.env, DENO_DIR: join(work, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
  });
  assert.deepEqual(JSON.parse(out.trim().split('\n').pop()), expected);
});

// ------------------------------------------------------------------ Bun

/** Runs the pinned Bun in `dir` (no telemetry, no auto-install: the tools' node_modules is above it). */
const bun = (dir, args) =>
  run(join(modules, '.bin', 'bun'), args, { cwd: dir, env: { ...process.env, DO_NOT_TRACK: '1', NO_COLOR: '1', BUN_INSTALL_CACHE_DIR: join(work, 'bun-cache') } });

test('Bun: bun run of an ESM app (import of both entries)', () => {
  const dir = app('bun-esm');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(dir, 'run.js'), "import { check } from './check.js';\nconsole.log(JSON.stringify(await check()));\n");
  assert.deepEqual(JSON.parse(bun(dir, ['run', 'run.js']).trim().split('\n').pop()), expected);
});

test('Bun: bun run of a CommonJS app (require() of both entries)', async () => {
  const dir = app('bun-cjs');
  await checkCjs(dir);
  writeFileSync(join(dir, 'run.cjs'), "require('./check.cjs').check().then((r) => console.log(JSON.stringify(r)));\n");
  assert.deepEqual(JSON.parse(bun(dir, ['run', 'run.cjs']).trim().split('\n').pop()), expected);
});

test('Bun: bun test (bun:test, ESM test file)', () => {
  const dir = app('bun-test');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bun-test-app', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'check.spec.js'),
    "import { test, expect } from 'bun:test';\nimport { readFileSync } from 'node:fs';\nimport { check } from './check.js';\n\ntest('the package through import', async () => {\n  expect(await check()).toEqual(JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8')));\n});\n",
  );
  assert.match(bun(dir, ['test']), /\b1 pass\b[\s\S]*\b0 fail\b/);
});

test('Bun: bun build --target=bun, the bundle runs on its own (no file beside it to read)', () => {
  const dir = app('bun-build-bun');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(dir, 'run.js'), "import { check } from './check.js';\nconsole.log(JSON.stringify(await check()));\n");
  bun(dir, ['build', '--target=bun', 'run.js', '--outdir=dist']);
  rmSync(join(dir, 'check.js'));
  assert.deepEqual(JSON.parse(bun(dir, ['dist/run.js']).trim().split('\n').pop()), expected);
});

test('Bun: bun build --target=node, the bundle runs in Node on its own, away from the package', () => {
  const dir = app('bun-build-node');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(dir, 'run.js'), runScript);
  bun(dir, ['build', '--target=node', 'run.js', '--outfile=dist/run.mjs']);
  const out = away('bun-node');
  try {
    cpSync(join(dir, 'dist', 'run.mjs'), join(out, 'run.mjs'));
    assert.deepEqual(JSON.parse(run(process.execPath, ['run.mjs'], { cwd: out })), expected);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('Bun: bun build --target=browser, page and web worker in Chromium', async () => {
  const dir = app('bun-build');
  const out = bun(dir, ['build', '--target=browser', 'main-worker.js', 'worker.js', '--outdir=dist']);
  assert.doesNotMatch(out, /warn|error/i, out);
  await checkBuild(join(dir, 'dist'), ['main', 'worker'], '<!doctype html><script type="module" src="main-worker.js"></script>');
});

// ------------------------------------------------------------------ Next.js

/** The files of a Next.js app router app running app/check.js in a client component, a Node route and an Edge route. */
const NEXT_APP = {
  'app/layout.js': 'export default function Layout({ children }) {\n  return <html><body>{children}</body></html>;\n}\n',
  'app/page.js': "import Check from './check-client';\n\nexport default function Page() {\n  return <main><Check /></main>;\n}\n",
  'app/check-client.js':
    "'use client';\nimport { useEffect } from 'react';\nimport { check } from '../check.js';\n\n" +
    'export default function Check() {\n  useEffect(() => {\n    check().then((main) => { window.__result = { main }; }, (e) => { window.__result = { error: String(e) }; });\n  }, []);\n  return null;\n}\n',
  'app/api/node/route.js':
    "import { check } from '../../../check.js';\n\nexport const dynamic = 'force-dynamic';\nexport async function GET() {\n  return Response.json(await check());\n}\n",
  'app/api/edge/route.js':
    "import { check } from '../../../check.js';\n\nexport const runtime = 'edge';\nexport async function GET() {\n  return Response.json(await check());\n}\n",
};

test('Next.js 15 (app router, production build): a client component in Chromium, a Node route and an Edge route', async () => {
  const dir = app('next');
  for (const [file, text] of Object.entries(NEXT_APP)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const next = join(modules, 'next', 'dist', 'bin', 'next');
  run(process.execPath, [next, 'build', '--no-lint'], { cwd: dir, env, timeout: 300_000 });
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: dir, env, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  try {
    const get = async (path) => {
      for (let tries = 0; ; tries += 1) {
        try {
          const response = await fetch(url + path);
          assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
          return await response.json();
        } catch (error) {
          if (tries >= 100 || error instanceof assert.AssertionError) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    };
    assert.deepEqual(await get('/api/node'), expected, 'Node route');
    assert.deepEqual(await get('/api/edge'), expected, 'Edge route');
    assertPage(await resultOf(`${url}/`), ['main']);
  } finally {
    server.kill();
  }
});

// ------------------------------------------------------------------ TypeScript, attw, publint

test('tsc strict, Node-only lib (no DOM), skipLibCheck off: ESM and CommonJS declarations; a typo in a request body fails', () => {
  run(process.execPath, [join(modules, 'typescript', 'bin', 'tsc'), '-p', join(here, 'types', 'node-only')]);
});

test("tsc strict: react-hook-form's standardSchemaResolver and TanStack Form take the Standard Schema objects", () => {
  run(process.execPath, [join(modules, 'typescript', 'bin', 'tsc'), '-p', join(here, 'types', 'forms')]);
});

test('attw passes with no flags', () => {
  run(process.execPath, [join(modules, '@arethetypeswrong', 'cli', 'dist', 'index.js'), tarball], { env: { ...process.env, NO_COLOR: '1' } });
});

test('typedoc builds the API reference from the declarations with no warnings (make docs)', () => {
  const out = join(work, 'docs');
  run(join(modules, '.bin', 'typedoc'), ['--options', join(root, 'tools', 'typedoc.json'), '--out', out, '--treatWarningsAsErrors']);
  assert.ok(existsSync(join(out, 'classes', 'index.ManagementClient.html')));
});

test('publint passes with no flags', () => {
  const out = run(process.execPath, [join(modules, 'publint', 'src', 'cli.js')], { cwd: join(modules, 'idp-connections') });
  assert.doesNotMatch(out, /Warnings:|Errors:|Suggestions:/, out);
});

// ------------------------------------------------------------------ example apps (examples/)

/** Builds examples/<name> with Vite 8's defaults (a copy beside these tools) and serves it. */
async function exampleServer(name) {
  const vite = await import('vite8');
  const dir = join(work, `example-${name}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(root, 'examples', name), dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  const warnings = [];
  const logger = vite.createLogger('warn');
  logger.warn = (msg) => warnings.push(msg);
  await vite.build({ root: dir, configFile: false, logLevel: 'warn', customLogger: logger });
  assert.deepEqual(warnings, []);
  return serve(join(dir, 'dist'));
}

/** A page of `url` whose uncaught errors are collected in `errors`. */
async function openPage(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, errors };
}

test('examples/react-hook-form: the package issues under the fields, a valid form submitted (Vite 8, Chromium)', async () => {
  const server = await exampleServer('react-hook-form');
  const { page, errors } = await openPage(server.url);
  try {
    await page.fill('#name', 'bad--name');
    await page.click('button[type=submit]');
    await page.waitForSelector('#name-error');
    assert.match(await page.textContent('#name-error'), /start and end with a letter or digit/);
    assert.equal(await page.$('#created'), null);
    await page.fill('#name', 'acme-sso');
    await page.click('button[type=submit]');
    await page.waitForSelector('#created');
    assert.deepEqual(JSON.parse(await page.textContent('#created')), { name: 'acme-sso', display_name: 'Acme SSO', strategy: 'samlp' });
    assert.equal(await page.$('#name-error'), null);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    server.close();
  }
});

test('examples/vue: field issues as the user types (Vite 8, Chromium)', async () => {
  const server = await exampleServer('vue');
  const { page, errors } = await openPage(server.url);
  try {
    await page.fill('#name', 'bad--name');
    await page.fill('#metadata', JSON.stringify(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']))));
    await page.waitForSelector('.metadata-error');
    assert.match(await page.textContent('.name-error'), /start and end with a letter or digit/);
    assert.match(await page.textContent('.metadata-error'), /at most 10 keys; it has 11/);
    await page.fill('#name', 'acme-sso');
    await page.fill('#metadata', '{"team":"identity"}');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'ready');
    assert.equal(await page.$('.name-error'), null);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    server.close();
  }
});
