// An admin gateway at the edge: admits only callers holding the gateway's own token, validates
// connection bodies before they leave the Worker (400 with the issues), forwards valid ones to the
// Auth0 Management API with a client-credentials token the client caches across requests in this
// isolate, and pages through connections.
import { ManagementClient, ManagementError, validateConnectionCreateJson } from 'idp-connections';

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

/** A ManagementError as a JSON answer with its status (never the token). */
function failure(error) {
  if (!(error instanceof ManagementError)) return json({ error: 'internal', message: String(error?.message ?? error) }, 500);
  const status = error.kind === 'validation' ? 400 : error.kind === 'timeout' ? 504 : error.statusCode ?? 502;
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
        const checked = validateConnectionCreateJson(await request.text());
        if (!checked.ok) return json({ error: 'validation', issues: checked.issues }, 400);
        return json(await client.connections.create(checked.value), 201);
      }
      if (request.method === 'GET') {
        const take = Number(searchParams.get('take') ?? 100);
        if (!Number.isInteger(take)) {
          return json({ error: 'validation', issues: [{ path: ['take'], code: 'type', message: `take must be an integer; it is ${JSON.stringify(searchParams.get('take'))}` }] }, 400);
        }
        const strategy = searchParams.getAll('strategy');
        const page = await client.connections.list({ take, ...(strategy.length ? { strategy } : {}) });
        const connections = [];
        for await (const connection of page) connections.push({ id: connection.id, name: connection.name, strategy: connection.strategy });
        return json({ count: connections.length, connections });
      }
      return json({ error: 'method_not_allowed' }, 405);
    } catch (error) {
      return failure(error);
    }
  },
};
