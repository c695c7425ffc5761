// The installed package where the engine has no TextEncoder or TextDecoder (Jest's jsdom
// environment): it falls back to its own UTF-8 encoder and decoder (lib/utf8.js) and answers
// exactly as with the native ones, for text into wasm (validators), text out of it (issue
// messages naming non-ASCII keys) and an error body streamed with characters split between
// chunks. Each run is a fresh Node process, so the package loads after the globals are gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// Runs in the child: `bare` deletes the globals before the package is imported.
const probe = `
// Node's Response (undici) loads on first use and needs the globals: loaded before they go.
const { Response, ReadableStream } = globalThis;
if (process.argv[1] === 'bare') { delete globalThis.TextEncoder; delete globalThis.TextDecoder; }
const codecs = [typeof TextEncoder, typeof TextDecoder];
const { validateConnectionCreate, validateConnectionCreateJson, ManagementClient } = await import('idp-connections');
const { validateConnectionName, validateMetadata } = await import('idp-connections/validate');
// A 400 whose JSON body arrives in one-byte chunks, so every multi-byte character is split.
const body = Buffer.from(JSON.stringify({ statusCode: 400, error: 'Bad Request', message: 'nom «café» refusé 😀 日本', errorCode: 'invalid_body' }));
globalThis.fetch = async () =>
  new Response(new ReadableStream({ start(c) { for (const b of body) c.enqueue(Uint8Array.of(b)); c.close(); } }), { status: 400, headers: { 'content-type': 'application/json' } });
const client = new ManagementClient({ domain: 'acme.eu.auth0.com', token: 't', maxRetries: 0, limiter: false });
const refused = await client.connections.get('con_1').then(() => 'sent', (e) => ({ kind: e.kind, status: e.statusCode, message: e.message, code: e.errorCode }));
console.log(JSON.stringify({
  codecs,
  create: validateConnectionCreate({ name: 'café', strategy: 'auth0', 'clé😀': 1, ['x\\ud800']: 2, display_name: 'é'.repeat(129) }),
  json: validateConnectionCreateJson('{"name":"ok","strategy":"auth0","日本語":"\\\\ud800","x\\\\ud83d":2,"ключ😀":1}'),
  name: validateConnectionName('名前'),
  metadata: validateMetadata({ ключ: 'значение'.repeat(40), '😀': 'ok' }),
  refused,
}));
`;

/** The probe's answer in a fresh Node process, with (`native`) or without (`bare`) the globals. */
const answer = (mode) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', probe, mode], { cwd: here, encoding: 'utf8' }));

test('without TextEncoder and TextDecoder the package answers as with them (validators, issue messages, a streamed error body)', () => {
  const native = answer('native');
  const bare = answer('bare');
  assert.deepEqual(native.codecs, ['function', 'function']);
  assert.deepEqual(bare.codecs, ['undefined', 'undefined']);
  // The texts went through wasm both ways: non-ASCII keys come back in the messages.
  assert.ok(native.create.issues.some((i) => i.message.includes('"clé😀"')), JSON.stringify(native.create));
  assert.ok(native.json.issues.some((i) => i.message.includes('"ключ😀"')), JSON.stringify(native.json));
  assert.match(native.refused.message, /nom «café» refusé 😀 日本/);
  assert.equal(native.refused.status, 400);
  assert.deepEqual(bare, { ...native, codecs: bare.codecs });
});
