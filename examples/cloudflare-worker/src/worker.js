// An admin gateway at the edge: admits only callers holding the gateway's own token, validates
// connection bodies (at most 1 MiB) before they leave the Worker (400 with the issues), forwards
// valid ones to the Auth0 Management API with a client-credentials token the client caches across
// requests in this isolate, and pages through connections. Every answer is JSON: an upstream
// status that cannot be passed on with a body becomes a 502.
import { ManagementClient, ManagementError, validateConnectionCreateJson } from 'idp-connections';

/** The largest request body the gateway reads (1 MiB); a longer one is a 413, read no further. */
const MAX_BODY = 1024 * 1024;

/** One client per isolate: its client-credentials token is reused until 10 s before expiry. */
let cached;

/** The client for this Worker's bindings. */
function managementClient(env) {
  const key = `${env.AUTH0_DOMAIN}|${env.AUTH0_CLIENT_ID}`;
  if (cached?.key !== key) {
    cached = {
      key,
      client: new ManagementClient({
        domain: env.AUTH0_DOMAIN,
        clientId: env.AUTH0_CLIENT_ID,
        clientSecret: env.AUTH0_CLIENT_SECRET,
        maxRetries: 3,
      }),
    };
  }
  return cached.client;
}

/** A JSON answer. */
const json = (body, status = 200, headers = {}) => Response.json(body, { status, headers });

/** Constant-time equality of two equally long byte buffers (for runtimes without timingSafeEqual). */
function sameBytes(a, b) {
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < x.length && i < y.length; i += 1) diff |= x[i] ^ y[i];
  return diff === 0;
}

/**
 * Whether the caller presents `Authorization: Bearer <GATEWAY_TOKEN>`. The gateway acts with the
 * Machine-to-Machine application's rights, so it fails closed: no GATEWAY_TOKEN binding, no entry.
 * Both sides are hashed first so the comparison takes the same time whatever the lengths.
 */
async function admitted(request, env) {
  const header = request.headers.get('authorization') ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : '';
  const encoder = new TextEncoder();
  const [a, b] = await Promise.all([given, env.GATEWAY_TOKEN].map((text) => crypto.subtle.digest('SHA-256', encoder.encode(text))));
  const equal = typeof crypto.subtle.timingSafeEqual === 'function' ? crypto.subtle.timingSafeEqual(a, b) : sameBytes(a, b);
  return equal && given !== '';
}

/**
 * The request body as text, or `undefined` when it is longer than MAX_BODY: a declared
 * Content-Length is checked first, and a body without one is read only up to the cap.
 */
async function boundedText(request) {
  if (Number(request.headers.get('content-length')) > MAX_BODY) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * The status the gateway answers for an Auth0 error: Auth0's own when it is an error status
 * (4xx, 5xx); otherwise (none, or a 1xx, 2xx or 3xx the client could not use: 101, 204, 205 and
 * 304 cannot even carry this JSON) a 502.
 */
const upstreamStatus = (status) => (status >= 400 && status <= 599 ? status : 502);

/** A ManagementError as a JSON answer with its status (never the token). */
function failure(error) {
  if (!(error instanceof ManagementError)) return json({ error: 'internal', message: String(error?.message ?? error) }, 500);
  const status = error.kind === 'validation' ? 400 : error.kind === 'timeout' ? 504 : upstreamStatus(error.statusCode);
  return json({ error: error.kind, statusCode: error.statusCode, errorCode: error.errorCode, message: error.message, requestId: error.requestId, issues: error.issues }, status);
}

export default {
  async fetch(request, env) {
    const { pathname, searchParams } = new URL(request.url);
    if (!env.GATEWAY_TOKEN) return json({ error: 'not_configured', message: 'set the GATEWAY_TOKEN secret (wrangler secret put GATEWAY_TOKEN)' }, 503);
    if (!(await admitted(request, env))) return json({ error: 'unauthorized', message: 'send Authorization: Bearer <GATEWAY_TOKEN>' }, 401, { 'www-authenticate': 'Bearer' });
    if (pathname !== '/connections') return json({ error: 'not_found', message: 'try GET or POST /connections' }, 404);
    const client = managementClient(env);
    try {
      if (request.method === 'POST') {
        const text = await boundedText(request);
        if (text === undefined) return json({ error: 'payload_too_large', message: `the body must be at most ${MAX_BODY} bytes` }, 413);
        const checked = validateConnectionCreateJson(text);
        if (!checked.ok) return json({ error: 'validation', issues: checked.issues }, 400);
        const created = await client.connections.create(checked.value);
        // A success without a connection (a 204 from upstream) is not one the gateway can pass on.
        if (created === null || typeof created !== 'object') return json({ error: 'bad_gateway', message: 'Auth0 answered the create without a connection' }, 502);
        return json(created, 201);
      }
      if (request.method === 'GET') {
        const take = Number(searchParams.get('take') ?? 100);
        if (!Number.isInteger(take)) {
          return json({ error: 'validation', issues: [{ path: ['take'], code: 'type', message: `take must be an integer; it is ${JSON.stringify(searchParams.get('take'))}` }] }, 400);
        }
        const strategy = searchParams.getAll('strategy');
        const connections = [];
        let page = await client.connections.list({ take, ...(strategy.length ? { strategy } : {}) });
        for (;;) {
          // Every listing answer has a body; a 204 or 205 (which reads as an empty page) is not one.
          if (page.response === null || typeof page.response !== 'object') return json({ error: 'bad_gateway', message: 'Auth0 answered a listing without a body' }, 502);
          for (const connection of page.data) connections.push({ id: connection.id, name: connection.name, strategy: connection.strategy });
          if (!page.hasNextPage()) break;
          page = await page.getNextPage();
        }
        return json({ count: connections.length, connections });
      }
      return json({ error: 'method_not_allowed' }, 405);
    } catch (error) {
      return failure(error);
    }
  },
};
