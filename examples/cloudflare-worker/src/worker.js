// An admin gateway at the edge: validates connection bodies before they leave the Worker (400 with
// the issues), forwards valid ones to the Auth0 Management API with a client-credentials token
// the client caches across requests in this isolate, and pages through connections.
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
const json = (body, status = 200) => Response.json(body, { status });

/** A ManagementError as a JSON answer with its status (never the token). */
function failure(error) {
  if (!(error instanceof ManagementError)) return json({ error: 'internal', message: String(error?.message ?? error) }, 500);
  const status = error.kind === 'validation' ? 400 : error.kind === 'timeout' ? 504 : error.statusCode ?? 502;
  return json({ error: error.kind, statusCode: error.statusCode, errorCode: error.errorCode, message: error.message, requestId: error.requestId, issues: error.issues }, status);
}

export default {
  async fetch(request, env) {
    const { pathname, searchParams } = new URL(request.url);
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
