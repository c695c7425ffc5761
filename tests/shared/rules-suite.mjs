// The server's cross-field rules (src/auth0/cross_field.rs), one suite for every runtime: each rule
// refuses its failing bodies with its code at its path and accepts its passing ones, through the
// object validators (whose JS accept path must leave these bodies to Rust) and the JSON-text
// entries. Run by tests/node/rules.test.mjs, the workerd Worker and the Chromium page.

const email = { identifier: { active: true } };
const db = (options) => ({ name: 'users-db', strategy: 'auth0', options });
const phone = (status) => ({ phone_number: { identifier: { active: true }, signup: { status } } });
const saml = (options) => ({ name: 'acme-sso', strategy: 'samlp', options });
const crossApp = (strategy) => ({ name: 'xaa', strategy, cross_app_access_requesting_app: { active: true } });

/**
 * `[validator, label, body, refusal, options?]`: `refusal` is `null` for a body the rules accept,
 * else the `[path, code]` of the issue it must carry (other issues may come with it); `options`
 * is the validator's second argument (an update's `{ strategy }`).
 */
export const RULE_CASES = [
  // options.attributes with options.validation
  ['validateConnectionCreate', 'attributes + validation', db({ attributes: { email }, validation: { username: { min: 1, max: 15 } } }), ['options.validation', 'conflict']],
  ['validateConnectionUpdate', 'attributes + validation (update)', { options: { attributes: { email }, validation: { username: { min: 1, max: 15 } } } }, ['options.validation', 'conflict']],
  ['validateConnectionCreate', 'attributes + validation: null', db({ attributes: { email }, validation: null }), null],
  ['validateConnectionCreate', 'validation alone', db({ validation: { username: { min: 1, max: 15 } } }), null],
  // options.attributes with options.requires_username
  ['validateConnectionCreate', 'attributes + requires_username: true', db({ attributes: { email }, requires_username: true }), ['options.requires_username', 'conflict']],
  ['validateConnectionUpdate', 'attributes + requires_username: true (update)', { options: { attributes: { email }, requires_username: true } }, ['options.requires_username', 'conflict']],
  ['validateConnectionCreate', 'attributes + requires_username: false', db({ attributes: { email }, requires_username: false }), null],
  ['validateConnectionCreate', 'requires_username alone', db({ requires_username: true }), null],
  // one active identifier
  ['validateConnectionCreate', 'no active identifier', db({ attributes: { email: { identifier: { active: false }, profile_required: true } } }), ['options.attributes', 'no_identifier']],
  ['validateConnectionUpdate', 'no identifier at all (update)', { options: { attributes: { username: { signup: { status: 'optional' } } } } }, ['options.attributes', 'no_identifier']],
  ['validateConnectionCreate', 'username identifier', db({ attributes: { username: { identifier: { active: true } } } }), null],
  // phone_number identifier required on signup
  ['validateConnectionCreate', 'phone identifier, signup optional', db({ attributes: phone('optional') }), ['options.attributes.phone_number.signup.status', 'signup_required']],
  ['validateConnectionUpdate', 'phone identifier, signup inactive (update)', { options: { attributes: phone('inactive') } }, ['options.attributes.phone_number.signup.status', 'signup_required']],
  ['validateConnectionCreate', 'phone identifier, signup required', db({ attributes: phone('required') }), null],
  ['validateConnectionCreate', 'email identifier, signup optional', db({ attributes: { email: { identifier: { active: true }, signup: { status: 'optional' } } } }), null],
  // email.unique: false at creation only
  ['validateConnectionUpdate', 'update sets email.unique false', { options: { attributes: { email: { identifier: { active: true }, unique: false } } } }, ['options.attributes.email.unique', 'create_only']],
  ['validateConnectionCreate', 'create sets email.unique false', db({ attributes: { email: { identifier: { active: true }, unique: false } } }), null],
  ['validateConnectionUpdate', 'update sets email.unique true', { options: { attributes: { email: { identifier: { active: true }, unique: true } } } }, null],
  // cross_app_access_requesting_app on oidc and okta only
  ['validateConnectionCreate', 'cross app access on auth0', crossApp('auth0'), ['cross_app_access_requesting_app', 'unsupported']],
  ['validateConnectionCreate', 'cross app access on samlp', crossApp('samlp'), ['cross_app_access_requesting_app', 'unsupported']],
  ['validateConnectionCreate', 'cross app access on oidc', crossApp('oidc'), null],
  ['validateConnectionCreate', 'cross app access on okta', crossApp('okta'), null],
  // options per strategy (the merged, relaxed per-strategy schemas; spec/auth0/relaxations.json)
  ['validateConnectionCreate', 'samlp signInEndpoint a number', saml({ signInEndpoint: 42 }), ['options.signInEndpoint', 'type']],
  ['validateConnectionCreate', 'samlp signInEndpoint over 2048 characters', saml({ signInEndpoint: `https://${'x'.repeat(2048)}` }), ['options.signInEndpoint', 'too_long']],
  ['validateConnectionCreate', 'samlp signatureAlgorithm not an algorithm', saml({ signatureAlgorithm: 'md5' }), ['options.signatureAlgorithm', 'enum']],
  ['validateConnectionCreate', 'samlp option the strategy does not declare', saml({ signInEndpint: 'https://idp.example/sso' }), ['options.signInEndpint', 'unknown_field']],
  ['validateConnectionCreate', 'samlp http sign-in URL, null options', saml({ signInEndpoint: 'http://idp.example/sso', signingCert: null, debug: true }), null],
  ['validateConnectionCreate', 'oidc type not a channel', { name: 'o', strategy: 'oidc', options: { type: 'side_channel', client_id: 'abc' } }, ['options.type', 'enum']],
  ['validateConnectionCreate', 'oidc null endpoints', { name: 'o', strategy: 'oidc', options: { client_id: 'abc', discovery_url: null, userinfo_endpoint: null, token_endpoint: null } }, null],
  ['validateConnectionCreate', 'waad tenant_domain a number', { name: 'w', strategy: 'waad', options: { tenant_domain: 7 } }, ['options.tenant_domain', 'type']],
  ['validateConnectionCreate', 'google-apps without client_id, any host name alias', { name: 'g', strategy: 'google-apps', options: { domain: 'example.com', domain_aliases: ['example.org'] } }, null],
  ['validateConnectionCreate', 'sms Twilio ids outside the patterns', { name: 's', strategy: 'sms', options: { twilio_sid: 'AC1', messaging_service_sid: 'MG1', twilio_token: 'token' } }, null],
  ['validateConnectionCreate', 'oauth1 HMAC-SHA1', { name: 'x', strategy: 'oauth1', options: { signatureMethod: 'HMAC-SHA1' } }, null],
  ['validateConnectionCreate', 'email authParams object, no required options', { name: 'e', strategy: 'email', options: { authParams: { scope: 'openid' } } }, null],
  ['validateConnectionCreate', 'ad with show_as_button and realms', { name: 'a', strategy: 'ad', show_as_button: true, realms: ['r'], display_name: '' }, null],
  ['validateConnectionCreate', 'strategy without a per-strategy schema', { name: 'sl', strategy: 'slack', options: { signInEndpoint: 42 } }, null],
  ['validateConnectionUpdate', 'update: samlp signInEndpoint a number', { options: { signInEndpoint: 42 } }, ['options.signInEndpoint', 'type'], { strategy: 'samlp' }],
  ['validateConnectionUpdate', 'update: no strategy named', { options: { signInEndpoint: 42 } }, null],
  ['validateConnectionUpdate', 'update: samlp valid options', { options: { signInEndpoint: 'https://idp.example/sso' } }, null, { strategy: 'samlp' }],
  ['validateConnectionUpdate', 'update: cross app access on auth0', { cross_app_access_requesting_app: { active: true } }, ['cross_app_access_requesting_app', 'unsupported'], { strategy: 'auth0' }],
  ['validateConnectionUpdate', 'update: cross app access on okta', { cross_app_access_requesting_app: { active: true } }, null, { strategy: 'okta' }],
  // groups[].email: the overlay declares it with the email format, which the schema checks
  ['validateSynchronizedGroupsReplace', 'group email not an address', { groups: [{ id: 'g1', email: 'eng@example.com' }, { id: 'g2', email: 'engineering' }] }, ['groups.1.email', 'format']],
];

/** `path` as the dotted form the cases use. */
const dotted = (path) => path.join('.');

/**
 * Runs every case through `lib` (the package or idp-connections/validate): the object validator,
 * and the JSON-text entry where the body has one. Returns `{ total, failures, failureCount }`.
 */
export function runRulesSuite(lib) {
  const failures = [];
  let total = 0;
  for (const [validator, label, body, refusal, options] of RULE_CASES) {
    const entries = [[validator, body]];
    if (typeof lib[`${validator}Json`] === 'function') entries.push([`${validator}Json`, JSON.stringify(body)]);
    for (const [name, input] of entries) {
      total += 1;
      const result = lib[name](input, options);
      if (refusal === null) {
        if (!result.ok) failures.push({ name, label, expected: 'ok', issues: result.issues });
        continue;
      }
      const [path, code] = refusal;
      const found = !result.ok && result.issues.some((issue) => dotted(issue.path) === path && issue.code === code);
      const messageOk = !result.ok && result.issues.every((issue) => typeof issue.message === 'string' && issue.message.length > 0);
      if (!found || !messageOk) failures.push({ name, label, expected: refusal, issues: result.ok ? 'ok' : result.issues });
    }
  }
  return { total, failures: failures.slice(0, 20), failureCount: failures.length };
}
