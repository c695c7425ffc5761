// Size: what each library costs a browser or Worker bundle, minified ESM, gzip -9.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { BROWSER_BUNDLE } from '../scripts/browser-bundle.mjs';

const require = createRequire(import.meta.url);

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'target', 'bench');

/** gzip -9 size of a buffer, in bytes. */
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Bundles `source` (an ESM entry text) as a minified browser bundle; returns the size of everything it writes. */
async function bundle(name, source) {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  await esbuild.build({
    ...BROWSER_BUNDLE,
    stdin: { contents: source, resolveDir: here, loader: 'js' },
    outfile: join(dir, 'bundle.js'),
    logLevel: 'silent',
  });
  const files = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
  return { raw: files.reduce((n, b) => n + b.length, 0), gzip: files.reduce((n, b) => n + gzip(b), 0) };
}

/**
 * The two apps whose bundles stand for the package's size: a client call plus a validator, and
 * validators alone from `idp-connections/validate` (also scripts/size-snapshot.mjs's bundles).
 */
export const BUNDLE_SOURCES = {
  client: `import { ManagementClient, validateConnectionCreate } from 'idp-connections';
     const c = new ManagementClient({ domain: 'acme.auth0.com', token: 't' });
     export const list = () => c.connections.list();
     export const check = validateConnectionCreate;`,
  validate: `export { validateConnectionCreate, validateConnectionUpdate } from 'idp-connections/validate';`,
};

/** Measures the package and the peers; returns rows `{ metric, unit, ours, peer, peerName }`. */
export async function benchSize() {
  const ours = await bundle('idp-connections', BUNDLE_SOURCES.client);
  const validators = await bundle('idp-connections-validators', BUNDLE_SOURCES.validate);
  const auth0 = await bundle(
    'auth0-sdk',
    `import { ManagementClient } from 'auth0';
     const c = new ManagementClient({ domain: 'acme.auth0.com', token: 't' });
     export const list = () => c.connections.list();`,
  );
  // The browser entries carry their wasm inline (base64), so each bundle is the whole cost.
  const zod = await bundle('zod', `export { createSchema } from './zod-schema.mjs';`);
  return [
    { metric: 'client + validators bundle', unit: 'KB gzip', ours: ours.gzip / 1024, peer: auth0.gzip / 1024, peerName: 'auth0 SDK connections.list' },
    { metric: 'validators-only bundle (idp-connections/validate)', unit: 'KB gzip', ours: validators.gzip / 1024, peer: zod.gzip / 1024, peerName: 'zod create schema' },
  ];
}
