// A minimal stand-in for tenant/server.mjs (same startTenant signature, a subset of its
// behaviour) until the tenant branch lands: connections with both paging styles, Auth0-shaped
// errors, the raw request log, fault injection, client credentials, and the Okta endpoints.
import { createServer } from 'node:http';

export async function startTenant({ token = 'local-token', clients = [{ clientId: 'local-client', clientSecret: 'local-secret' }], oktaToken = 'local-okta-token', seed = 5 } = {}) {
  const connections = [];
  for (let i = 0; i < seed; i += 1) connections.push({ id: `con_${String(i).padStart(4, '0')}`, name: `seed-${i}`, strategy: i % 2 ? 'samlp' : 'auth0', options: { a: 1 }, enabled_clients: [] });
  const issued = new Set([token]);
  const requests = [];
  const log = [];
  let faults = [];
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': '*', 'access-control-expose-headers': '*' };
  const send = (res, status, body, headers = {}) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { ...cors, ...(text ? { 'content-type': 'application/json' } : {}), 'x-auth0-requestid': `req-${requests.length}`, ...headers });
    res.end(text);
  };
  const error = (res, status, message, errorCode) => send(res, status, { statusCode: status, error: 'Error', message, errorCode });
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (req.method === 'OPTIONS') return send(res, 204);
    requests.push(req.url);
    log.push({ method: req.method, url: req.url, headers: req.headers, body: raw });
    const url = new URL(req.url, 'http://x');
    const fault = faults.find((f) => f.times > 0 && (!f.method || f.method === req.method) && (!f.path || url.pathname.startsWith(f.path)));
    if (fault) {
      fault.times -= 1;
      if (fault.hang) return;
      if (fault.drop) return req.socket.destroy();
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.status) return send(res, fault.status, fault.body, fault.headers);
    }
    const body = raw ? JSON.parse(raw) : undefined;
    if (url.pathname === '/oauth/token') {
      const ok = clients.some((c) => c.clientId === body?.client_id && c.clientSecret === body?.client_secret);
      if (!ok) return send(res, 401, { error: 'access_denied', error_description: 'Unauthorized' });
      const fresh = `cc-${issued.size}-${Math.random().toString(36).slice(2)}`;
      issued.add(fresh);
      return send(res, 200, { access_token: fresh, expires_in: 86400, token_type: 'Bearer' });
    }
    if (url.pathname.startsWith('/api/v1/')) {
      if (req.headers.authorization !== `SSWS ${oktaToken}` && req.headers.authorization !== `Bearer ${oktaToken}`) return send(res, 401, { errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorCauses: [], errorId: 'oae1' }, { 'x-okta-request-id': 'okta-401' });
      const m = url.pathname.match(/^\/api\/v1\/apps\/([^/]+)\/connections\/default(\/.*)?$/);
      if (m?.[1] === 'missing') return send(res, 404, { errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: missing (AppInstance)', errorCauses: [], errorId: 'oae2' }, { 'x-okta-request-id': 'okta-404' });
      if (m && !m[2] && req.method === 'GET') return send(res, 200, { authScheme: 'TOKEN', status: 'DISABLED', _links: {} });
      if (m && !m[2] && req.method === 'POST') return send(res, 200, { authScheme: body.profile.authScheme, status: url.searchParams.get('activate') === 'true' ? 'ENABLED' : 'DISABLED', profile: { authScheme: body.profile.authScheme } });
      if (m?.[2]?.startsWith('/lifecycle/')) return send(res, 204);
      if (m?.[2] === '/jwks') return send(res, 200, [{ kid: 'k1', kty: 'RSA' }]);
      if (/oauth2\/callback$/.test(url.pathname)) return send(res, 204);
      return send(res, 404, { errorCode: 'E0000022', errorSummary: 'not found' });
    }
    const auth = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!issued.has(auth)) return error(res, 401, 'Invalid token', 'invalid_token');
    const parts = url.pathname.replace(/^\/api\/v2\//, '').split('/').map(decodeURIComponent);
    if (parts[0] === 'connections' && parts.length === 1) {
      if (req.method === 'POST') {
        if (connections.some((c) => c.name === body.name)) return error(res, 409, 'A connection with the same name already exists', 'connection_conflict');
        const created = { id: `con_${Math.random().toString(36).slice(2, 10)}`, options: {}, enabled_clients: [], ...body };
        connections.push(created);
        return send(res, 201, created);
      }
      let list = connections;
      const strategies = url.searchParams.getAll('strategy');
      if (strategies.length) list = list.filter((c) => strategies.includes(c.strategy));
      if (url.searchParams.has('take') || url.searchParams.has('from')) {
        const take = Number(url.searchParams.get('take') ?? 50);
        const from = url.searchParams.get('from');
        const start = from ? list.findIndex((c) => c.id === from) : 0;
        const page = list.slice(start, start + take);
        const next = list[start + take]?.id;
        return send(res, 200, next ? { connections: page, next } : { connections: page });
      }
      const perPage = Number(url.searchParams.get('per_page') ?? 50);
      const pageNo = Number(url.searchParams.get('page') ?? 0);
      const page = list.slice(pageNo * perPage, pageNo * perPage + perPage);
      if (url.searchParams.get('include_totals') === 'true') return send(res, 200, { start: pageNo * perPage, limit: perPage, total: list.length, connections: page });
      return send(res, 200, page);
    }
    if (parts[0] === 'connections') {
      const conn = connections.find((c) => c.id === parts[1]);
      if (!conn) return error(res, 404, 'The connection does not exist', 'inexistent_connection');
      const rest = parts.slice(2).join('/');
      if (rest === '' && req.method === 'GET') return send(res, 200, conn);
      if (rest === '' && req.method === 'PATCH') { Object.assign(conn, body); return send(res, 200, conn); }
      if (rest === '' && req.method === 'DELETE') { connections.splice(connections.indexOf(conn), 1); return send(res, 204); }
      if (rest === 'status') return send(res, 200);
      if (rest === 'users') return send(res, 204);
      if (rest === 'clients' && req.method === 'GET') return send(res, 200, { clients: conn.enabled_clients.map((client_id) => ({ client_id })) });
      if (rest === 'clients' && req.method === 'PATCH') {
        if (body.length > 50) return error(res, 400, 'at most 50', 'too_many');
        for (const e of body) conn.enabled_clients = e.status ? [...new Set([...conn.enabled_clients, e.client_id])] : conn.enabled_clients.filter((x) => x !== e.client_id);
        return send(res, 204);
      }
      return send(res, 200, { path: rest, method: req.method });
    }
    if (parts[0] === 'connections-scim-configurations') return send(res, 200, { scim_configurations: [] });
    if (parts[0] === 'connections-directory-provisionings') return send(res, 200, { directory_provisionings: [] });
    return error(res, 404, 'Not found', 'not_found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    domain: origin,
    requests,
    log,
    inject(fault) { faults.push({ times: 1, ...fault }); },
    clearFaults() { faults = []; },
    connections,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}
