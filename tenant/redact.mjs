// What the tenant's request log keeps of a request body: everything but secrets. Request bodies
// carry credentials too (`client_secret` at /oauth/token, `options.client_secret` of OIDC and
// Azure AD connections, Okta's `profile.token` and `settings.adminPassword`), and the log is read
// by tests and shown by the console: those values are replaced, the keys stay visible.

/**
 * Keys whose values are secrets, wherever they appear in a body: `*secret`, `password`,
 * `adminPassword`, `token` and `*_token` (`twilio_token`, `access_token`), private and API keys.
 * Option names that merely mention them (`passwordPolicy`, `token_endpoint`) are kept.
 */
const SECRET_KEY = /secret$|^(admin_?)?password$|(^|_)token$|^private_?key$|api_?key$/i;

/** The marker that replaces a secret value. */
export const REDACTED = '[redacted]';

/** A copy of `body` with every secret-named value replaced by `[redacted]` (cycles and depth safe). */
export function redactSecrets(body, depth = 0, seen = new WeakSet()) {
  if (body === null || typeof body !== 'object') return body;
  if (depth > 64 || seen.has(body)) return REDACTED;
  seen.add(body);
  if (Array.isArray(body)) return body.map((item) => redactSecrets(item, depth + 1, seen));
  const copy = {};
  for (const [key, value] of Object.entries(body)) {
    copy[key] = SECRET_KEY.test(key) && value !== undefined && value !== null && value !== '' ? REDACTED : redactSecrets(value, depth + 1, seen);
  }
  return copy;
}
