// The local tenant: a stateful in-memory emulator of Auth0's `/connections*` Management API and
// Okta's default provisioning connection, on 127.0.0.1. Tests, the demo and the benchmarks share
// it. Auth (static tokens and client credentials), rate-limit headers, CORS, fault injection (in
// process and over /__control/*: JSON only, same origin only), a raw request log without
// credentials, an optional static dir (the console: served with a CSP, never framed).
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { auth0Routes, HttpError } from './auth0.mjs';
import { oktaRoutes, OktaHttpError } from './okta.mjs';
import { createFaults, faultFromJson, ControlError } from './faults.mjs';
import { bucketSetting, createLimit } from './bucket.mjs';
import { seedState } from './seed.mjs';
import { redactSecrets } from './redact.mjs';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, accept, x-okta-retry-for, x-okta-retry-count',
  'access-control-expose-headers': 'retry-after, date, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, x-rate-limit-limit, x-rate-limit-remaining, x-rate-limit-reset, x-auth0-requestid, x-okta-request-id',
};
/**
 * Headers on every static file (the console of `make demo`): no page on another origin may frame
 * it (clickjacking), scripts and styles come only from its own files (no inline code; the
 * package's .wasm is compiled from bytes, hence 'wasm-unsafe-eval'), and it may call its own
 * origin, any https API (the tenant a user connects to) and a local tenant on loopback.
 */
const STATIC_HEADERS = {
  'content-security-policy': [
    "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:",
    "connect-src 'self' https: http://127.0.0.1:* http://localhost:*", "object-src 'none'", "base-uri 'none'",
    "form-action 'self'", "frame-ancestors 'none'",
  ].join('; '),
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
/** The largest `{ bulk }` seed `/__control/reset` accepts (in process, `reset` takes any). */
const MAX_CONTROL_BULK = 100_000;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png' };

/** The seed a `/__control/reset` body names: absent (the tenant's own), 'sample', 'empty' or `{ bulk }`. */
function controlSeed(body) {
  if (body === undefined) return undefined;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ControlError('a reset body is a JSON object: { "seed"?: ... }');
  const { seed } = body;
  if (seed === undefined) return undefined;
  if (seed === 'sample' || seed === 'empty') return seed;
  if (seed !== null && typeof seed === 'object' && Object.keys(seed).length === 1 && Number.isInteger(seed.bulk) && seed.bulk >= 0 && seed.bulk <= MAX_CONTROL_BULK) return seed;
  throw new ControlError(`seed must be "sample", "empty" or { "bulk": 0 to ${MAX_CONTROL_BULK} }; it is ${JSON.stringify(seed)}`);
}

/** Reads a request body; JSON or form-encoded, `undefined` when empty. */
async function readBody(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  if (!raw) return { raw, body: undefined };
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    return { raw, body: Object.fromEntries(new URLSearchParams(raw)) };
  }
  try {
    return { raw, body: JSON.parse(raw) };
  } catch {
    return { raw, invalid: true };
  }
}

/** The path's segments, percent-decoded; a malformed escape is a 400 in the dialect's shape. */
function decodeSegments(path, dialect) {
  try {
    return path.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    throw dialect === 'okta' ? new OktaHttpError(400, 'E0000001', 'Api validation failed: malformed path') : new HttpError(400, 'Invalid request URI: malformed percent-encoding', 'invalid_uri');
  }
}

/**
 * Starts the tenant. Options: `{ port = 0, host = '127.0.0.1', seed = 'sample' | 'empty' | { bulk },
 * token = 'local-token', clients = [{ clientId, clientSecret }], oktaToken = 'local-okta-token',
 * tokenLifetime = 86400, rateLimit = 10000 | { size, refillPerSecond }, staticDir?, log?(entry) }`.
 * `rateLimit` as a number is an informational per-second window (counted in the headers, never
 * enforced); as `{ size, refillPerSecond }` a token bucket per API (Auth0 /api/v2, Okta /api/v1)
 * that answers 429 when empty (`tenant/bucket.mjs`). The request log never holds credentials:
 * only the auth scheme, and bodies with secret values redacted (`tenant/redact.mjs`).
 */
export async function startTenant(options = {}) {
  const {
    port = 0, host = '127.0.0.1', seed = 'sample', token = 'local-token',
    clients = [{ clientId: 'local-client', clientSecret: 'local-secret' }],
    oktaToken = 'local-okta-token', tokenLifetime = 86_400, rateLimit = 10_000, staticDir, log,
  } = options;
  let state = seedState(seed);
  let auth0 = auth0Routes(state);
  let okta = oktaRoutes(state);
  const issued = new Map([[token, Infinity]]);
  const faults = createFaults();
  const requests = [];
  const sockets = new Set();
  let served = 0;
  // Rate limits per API: an enforced token bucket, or an informational window (tenant/bucket.mjs).
  const windowSize = typeof rateLimit === 'number' ? rateLimit : 10_000;
  let bucket = typeof rateLimit === 'number' ? null : bucketSetting(rateLimit);
  let limits;
  const setLimits = () => {
    limits = { auth0: createLimit(bucket, windowSize), okta: createLimit(bucket, windowSize) };
  };
  setLimits();

  /**
   * Answers `status` with `body` (JSON unless a string); `cors: false` leaves out the CORS headers.
   * `rate` is the rate-limit state an API request took; other answers report the Auth0 API's.
   */
  const send = (res, status, body, headers = {}, { cors = true, rate = limits.auth0.take(false) } = {}) => {
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const { limit, remaining, reset } = rate;
    res.writeHead(status, {
      ...(cors ? CORS : {}),
      date: new Date().toUTCString(),
      'x-auth0-requestid': randomBytes(8).toString('hex'),
      'x-okta-request-id': `okta-${randomBytes(6).toString('hex')}`,
      'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': String(reset),
      'x-rate-limit-limit': String(limit), 'x-rate-limit-remaining': String(remaining), 'x-rate-limit-reset': String(reset),
      ...(text && typeof body !== 'string' ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      ...headers,
    });
    res.end(text);
  };

  /** Answers a GET or HEAD (the same headers, no body) of a file in `staticDir`; false when there is none. */
  async function serveStatic(req, res, path) {
    if (!staticDir || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    try {
      const root = resolve(staticDir);
      const file = resolve(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)));
      if (!file.startsWith(root + sep)) return false; // a sibling like `<root>-other` is outside too
      const data = await readFile(file);
      res.writeHead(200, {
        ...STATIC_HEADERS, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': data.length, 'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : data);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The control endpoints: no CORS (a page on another origin can neither preflight nor read
   * them), and every request but a GET must say `Content-Type: application/json`, so a cross-origin
   * form or `no-cors` fetch (text/plain at most) is refused with a 415 before it does anything.
   * A malformed request is a 400 with a message; the tenant keeps serving.
   */
  function control(req, res, path, { body, invalid }) {
    const answer = (status, message) => send(res, status, message === undefined ? undefined : { message }, {}, { cors: false });
    if (req.method === 'OPTIONS') return answer(403, 'control endpoints are not open to other origins');
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (req.method !== 'GET' && type !== 'application/json') return answer(415, 'control endpoints take Content-Type: application/json');
    if (invalid) return answer(400, 'the body is not JSON');
    try {
      if (path === '/__control/faults' && req.method === 'POST') { faults.inject(faultFromJson(body)); return answer(204); }
      if (path === '/__control/faults' && req.method === 'DELETE') { faults.clear(); return answer(204); }
      if (path === '/__control/reset' && req.method === 'POST') { tenant.reset(controlSeed(body)); return answer(204); }
      if (path === '/__control/rate-limit' && req.method === 'POST') { tenant.setRateLimit(bucketSetting(body)); return answer(204); }
      if (path === '/__control/requests' && req.method === 'GET') return send(res, 200, requests, {}, { cors: false });
    } catch (error) {
      if (error instanceof ControlError) return answer(400, error.message);
      throw error;
    }
    return answer(404, 'unknown control endpoint');
  }

  function authorized(header, dialect) {
    if (dialect === 'okta') return header === `SSWS ${oktaToken}` || header === `Bearer ${oktaToken}`;
    const value = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    const expires = value && issued.get(value);
    return Boolean(expires && expires > Date.now());
  }

  function tokenExchange(res, body) {
    const client = clients.find((c) => c.clientId === body?.client_id && c.clientSecret === body?.client_secret);
    if (body?.grant_type !== 'client_credentials' || !client) {
      return send(res, 401, { error: 'access_denied', error_description: 'Unauthorized' });
    }
    const access = `cc_${randomBytes(16).toString('hex')}`;
    issued.set(access, Date.now() + tokenLifetime * 1000);
    return send(res, 200, { access_token: access, token_type: 'Bearer', expires_in: tokenLifetime, scope: 'read:connections create:connections update:connections delete:connections' });
  }

  const server = createServer(async (req, res) => {
    const rawPath = req.url ?? '/';
    const url = new URL(rawPath, 'http://tenant.local');
    const path = url.pathname;
    const entry = { method: req.method, rawPath, query: url.search, status: 0, time: Date.now() };
    // Every answer's status reaches the log (the token exchange and static files included);
    // `log`, when given, sees each logged entry once it is answered.
    res.on('finish', () => {
      if (!entry.status) entry.status = res.statusCode;
      if (log && requests.includes(entry)) log(entry);
    });
    let rate;
    const respond = (status, body, headers) => {
      entry.status = status;
      send(res, status, body, headers, { rate });
    };
    try {
      if (path.startsWith('/__control/')) return control(req, res, path, await readBody(req));
      if (req.method === 'OPTIONS') return send(res, 204);
      const { body, invalid } = await readBody(req);
      // The log keeps the scheme of the credentials, never their value.
      entry.authScheme = (req.headers.authorization ?? '').split(' ')[0] || undefined;
      if (req.headers['x-okta-retry-for']) entry.retryFor = req.headers['x-okta-retry-for'];
      if (req.headers['x-okta-retry-count']) entry.retryCount = req.headers['x-okta-retry-count'];
      entry.body = redactSecrets(body);
      if (!path.startsWith('/api/') && path !== '/oauth/token') {
        if (await serveStatic(req, res, path)) return undefined;
        return respond(404, { statusCode: 404, error: 'Not Found', message: 'Not Found' });
      }
      requests.push(entry);
      served += 1;
      const fault = faults.take(req.method, path);
      if (fault) {
        if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
        if (fault.hang) return undefined;
        if (fault.drop) { entry.status = -1; return req.socket.destroy(); }
        if (fault.status) {
          entry.status = fault.status;
          const text = fault.body === undefined ? '' : typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
          const json = typeof fault.body === 'object' && fault.body !== null ? { 'content-type': 'application/json; charset=utf-8' } : {};
          res.writeHead(fault.status, { ...CORS, ...json, date: new Date().toUTCString(), 'x-auth0-requestid': `fault-${served}`, 'x-okta-request-id': `fault-${served}`, ...(fault.headers ?? {}) });
          return res.end(text);
        }
      }
      if (path === '/oauth/token' && req.method === 'POST') return tokenExchange(res, body);
      const dialect = path.startsWith('/api/v1/') ? 'okta' : 'auth0';
      rate = limits[dialect].take(true);
      if (!rate.allowed) {
        return dialect === 'okta'
          ? respond(429, new OktaHttpError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.').body)
          : respond(429, { statusCode: 429, error: 'Too Many Requests', message: 'Global limit has been reached', errorCode: 'too_many_requests' });
      }
      if (!authorized(req.headers.authorization, dialect)) {
        return dialect === 'okta'
          ? respond(401, new OktaHttpError(401, 'E0000011', 'Invalid token provided').body)
          : respond(401, { statusCode: 401, error: 'Unauthorized', message: 'Invalid token', errorCode: 'invalid_token' });
      }
      if (invalid) throw dialect === 'okta' ? new OktaHttpError(400, 'E0000003', 'The request body was not well-formed.') : new HttpError(400, 'Invalid request payload JSON format', 'invalid_body');
      const prefix = dialect === 'okta' ? '/api/v1/' : '/api/v2/';
      if (!path.startsWith(prefix)) throw new HttpError(404, 'Not Found', 'not_found');
      const parts = decodeSegments(path.slice(prefix.length), dialect);
      const answer = (dialect === 'okta' ? okta : auth0)(req.method, parts, url.searchParams, body);
      return respond(answer.status, answer.body);
    } catch (error) {
      if (res.headersSent) return res.destroy();
      if (error instanceof HttpError || error instanceof OktaHttpError) return respond(error.status, error.body);
      return respond(500, { statusCode: 500, error: 'Internal Server Error', message: String(error?.message ?? error) });
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const origin = `http://${host}:${address.port}`;

  const tenant = {
    origin,
    port: address.port,
    domain: origin,
    requests,
    get state() { return state; },
    inject: (fault) => faults.inject(fault),
    /** The token bucket `{ size, refillPerSecond }`, or null (informational headers only). */
    get rateLimit() { return bucket; },
    /** Sets (full) or removes the token bucket: `{ size, refillPerSecond }` or null. */
    setRateLimit(setting) {
      bucket = bucketSetting(setting);
      setLimits();
    },
    clearFaults: () => faults.clear(),
    reset(nextSeed = seed) {
      state = seedState(nextSeed);
      auth0 = auth0Routes(state);
      okta = oktaRoutes(state);
      faults.clear();
      setLimits();
      requests.length = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return tenant;
}
