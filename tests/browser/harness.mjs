// Bundles a test page with esbuild (browser conditions, as an app would), serves it on 127.0.0.1
// and drives it in Debian's Chromium through playwright-core.
import { createServer, request } from 'node:http';
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Chromium flags that work as root on this closed network. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync',
];

/** Launches Debian's Chromium. */
export function launchChromium() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Forwards `req` to the same path at `origin` and pipes the answer back. */
function forward(req, res, origin) {
  const target = new URL(req.url, origin);
  const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.writeHead(502).end('upstream failed'));
  req.pipe(upstream);
}

/**
 * Serves `dir` statically on 127.0.0.1; returns `{ url, close() }`. With `control`, a tenant's
 * origin, `/__control/*` is forwarded there: the tenant opens no CORS for its control endpoints,
 * so a page reaches them through its own origin, as the Node side would.
 */
export function serveDir(dir, { control } = {}) {
  const server = createServer((req, res) => {
    if (control && req.url.startsWith('/__control/')) return forward(req, res, control);
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/**
 * Bundles `entry` (a page script that sets `window.__results`) into target/browser/<name>/, copies
 * the package's wasm beside the bundle (as an esbuild user does), and returns the directory.
 */
export async function buildPage({ entry, name = 'page' }) {
  const outDir = join(root, 'target', 'browser', name);
  mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: join(outDir, 'page.js'),
    logLevel: 'silent',
  });
  // No .wasm is copied: the browser entry carries its wasm inline.
  writeFileSync(
    join(outDir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>idp-connections test</title><script type="module" src="page.js"></script>',
  );
  return outDir;
}

/** Opens the page in Chromium and waits for `window.__results`; returns them. */
export async function runPage(url, { timeout = 60_000 } = {}) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(url);
    await page.waitForFunction(() => window.__results !== undefined || window.__error !== undefined, null, { timeout });
    const error = await page.evaluate(() => window.__error);
    if (error) throw new Error(`page failed: ${error}\n${errors.join('\n')}`);
    return await page.evaluate(() => window.__results);
  } finally {
    await browser.close();
  }
}
