// Okta's application default provisioning connection on the local tenant, answering the way real
// orgs do (outside the spec where they do): an Org2Org app without `profile`, an Office 365 app
// that needs OAuth consent, an app that answers UNKNOWN without `_links`.
import { randomBytes } from 'node:crypto';

/** An Okta-shaped error. */
export class OktaHttpError extends Error {
  constructor(status, errorCode, errorSummary, causes = []) {
    super(errorSummary);
    this.status = status;
    this.body = {
      errorCode,
      errorSummary,
      errorLink: errorCode,
      errorId: `oae${randomBytes(8).toString('hex')}`,
      errorCauses: causes.map((errorSummary) => ({ errorSummary })),
    };
  }
}

const VERIFY_APPS = new Set(['google', 'office365', 'slack', 'zoomus']);

/** Checks a provisioning connection request as Okta does. */
function checkRequest(body) {
  const scheme = body?.profile?.authScheme;
  if (scheme !== 'TOKEN' && scheme !== 'OAUTH2') {
    throw new OktaHttpError(400, 'E0000001', 'Api validation failed: profile.authScheme', ['profile.authScheme: must be TOKEN or OAUTH2']);
  }
}

/** The Okta routes over `state.okta`; `handle(method, parts, query, body)` answers `{ status, body }`. */
export function oktaRoutes(state) {
  const app = (appId) => {
    const found = state.okta.get(appId);
    if (!found) throw new OktaHttpError(404, 'E0000007', `Not found: Resource not found: ${appId} (AppInstance)`);
    return found;
  };

  /** Routes one request below /api/v1. */
  return function handle(method, parts, query, body) {
    const [apps, first, second, third, fourth, fifth] = parts;
    if (apps !== 'apps') throw new OktaHttpError(404, 'E0000022', 'The endpoint does not support the provided HTTP method');
    if (third === 'oauth2' && fourth === 'callback' && method === 'POST') {
      if (!VERIFY_APPS.has(first)) throw new OktaHttpError(400, 'E0000001', `Api validation failed: appName ${first}`);
      app(second);
      return { status: 204 };
    }
    if (second !== 'connections' || third !== 'default') throw new OktaHttpError(404, 'E0000022', 'Not found');
    const found = app(first);
    const route = `${method} ${[fourth, fifth].filter(Boolean).join('/')}`;
    switch (route) {
      case 'GET ':
        return { status: 200, body: found.connection };
      case 'POST ': {
        checkRequest(body);
        if (found.kind === 'unknown') throw new OktaHttpError(400, 'E0000001', 'Api validation failed: this app does not support provisioning');
        const activate = query.get('activate') === 'true';
        // Okta's answer repeats the scheme at the top level only for TOKEN (the spec's enum there).
        const { authScheme: _previous, ...rest } = found.connection;
        const scheme = body.profile.authScheme;
        const connection = { ...rest, ...(scheme === 'TOKEN' ? { authScheme: scheme } : {}), profile: { authScheme: scheme } };
        if (body.baseUrl) connection.baseUrl = body.baseUrl;
        if (found.kind === 'office365' && body.profile.authScheme === 'OAUTH2') {
          connection.status = 'DISABLED';
          connection._links = { ...connection._links, authorize: { href: `https://login.microsoftonline.example/oauth2/authorize?state=${first}`, hints: { allow: ['GET'] } } };
        } else {
          connection.status = activate ? 'ENABLED' : connection.status;
        }
        found.connection = connection;
        return { status: 200, body: connection };
      }
      case 'POST lifecycle/activate':
      case 'POST lifecycle/deactivate': {
        if (found.kind === 'unknown') throw new OktaHttpError(400, 'E0000001', 'Api validation failed: this app does not support provisioning');
        found.connection = { ...found.connection, status: fifth === 'activate' ? 'ENABLED' : 'DISABLED' };
        return { status: 204 };
      }
      case 'GET jwks':
        // The spec's AppConnectionUserProvisionJWKResponse: `{ jwks: { keys: [...] } }`.
        return { status: 200, body: { jwks: { keys: [{ kid: `kid-${first}`, kty: 'RSA', use: 'sig', e: 'AQAB', n: 'sXch', created: '2026-11-01T09:00:00.000Z', lastUpdated: '2026-11-01T09:00:00.000Z' }] } } };
      default:
        throw new OktaHttpError(404, 'E0000022', 'The endpoint does not support the provided HTTP method');
    }
  };
}
