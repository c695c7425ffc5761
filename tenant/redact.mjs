// What the tenant's request log keeps of a request body: everything but secrets. Request bodies
// carry credentials too (`client_secret` at /oauth/token, `options.client_secret` of OIDC and
// Azure AD connections, SAML private keys in `options.signing_key.key` and
// `options.decryptionKey.key`, Okta's `profile.token` and `settings.adminPassword`), and the log is
// read by tests and shown by the console: those values are replaced, the keys stay visible.

/**
 * Keys whose values are secrets, wherever they appear in a body: `*secret`, `password`,
 * `adminPassword`, `token` and `*_token` (`twilio_token`, `access_token`), private and API keys.
 * Option names that merely mention them (`passwordPolicy`, `token_endpoint`) are kept.
 */
const SECRET_KEY = /secret$|^(admin_?)?password$|(^|_)token$|^private_?key$|api_?key$/i;

/**
 * Key pairs whose `key` member is a private key: SAML's `signing_key: { cert, key }` and
 * `decryptionKey: { cert, key }` (the certificates stay: they are public).
 */
const KEY_PAIR = /key$/i;

/**
 * A PEM private key block (`-----BEGIN [RSA |EC |ENCRYPTED …]PRIVATE KEY-----`), through its END
 * line or, cut short, to the end of the text: wherever it appears in a string.
 */
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g;

/** The marker that replaces a secret value. */
export const REDACTED = '[redacted]';

/** Whether the value of `key` (a member of `parent`'s value) is a secret. */
const secretMember = (key, parent) => SECRET_KEY.test(key) || (key === 'key' && KEY_PAIR.test(parent ?? ''));

/**
 * A copy of `body` with every secret-named value and every PEM private key block replaced by
 * `[redacted]` (cycles and depth safe). `parent` is the key holding `body`, if any.
 */
export function redactSecrets(body, depth = 0, seen = new WeakSet(), parent = undefined) {
  if (typeof body === 'string') return body.replace(PEM_PRIVATE_KEY, REDACTED);
  if (body === null || typeof body !== 'object') return body;
  if (depth > 64 || seen.has(body)) return REDACTED;
  seen.add(body);
  if (Array.isArray(body)) return body.map((item) => redactSecrets(item, depth + 1, seen, parent));
  const copy = {};
  for (const [key, value] of Object.entries(body)) {
    const secret = secretMember(key, parent) && value !== undefined && value !== null && value !== '';
    // Defined, not assigned: a `__proto__` key is data here too.
    Object.defineProperty(copy, key, { value: secret ? REDACTED : redactSecrets(value, depth + 1, seen, key), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
