// One suite, every runtime: the body validators must judge a JS value exactly as they judge what
// JSON.stringify makes of it (what would be sent), whichever half answers: the JS accept path
// (lib/accept.js) for values it can prove valid, the Rust validator for the rest. The cases are
// the JS values where the two could part: undefined and symbols (dropped), NaN and Infinity
// (null), toJSON, class instances, getters, Proxies, cycles, deep nesting, sparse arrays,
// surrogate pairs against code-point limits, Object.prototype pollution, and seeded mutations of
// valid bodies. The oracle is the verdict on the value's JSON form (a JSON.stringify that throws
// means "invalid"), read as text by the Rust validator where the body has a JSON-text entry, so
// the accept path is not its own judge; the Node conformance suite checks JSON forms against ajv.

import { seededRandom } from '../../tenant/random.mjs';

/** A valid body per validator: realistic, with nested objects, arrays, enums and patterns. */
const BASES = {
  validateConnectionCreate: () => ({
    name: 'acme-saml-sso',
    display_name: 'Acme Corp SSO',
    strategy: 'samlp',
    options: {
      signInEndpoint: 'https://idp.acme.example/sso/saml',
      fieldsMap: { email: 'mail' },
      domain_aliases: ['acme.example'],
      validation: { username: { min: 1, max: 15 } },
      precedence: ['email', 'username', 'phone_number'],
    },
    enabled_clients: ['x1y2z3AbCdEfGhIjKlMnOpQrStUvWxYz'],
    is_domain_connection: false,
    show_as_button: true,
    realms: ['acme-saml-sso'],
    metadata: { team: 'identity', tier: 'gold' },
  }),
  validateConnectionUpdate: () => ({ display_name: 'Acme', metadata: { team: 'identity' }, options: { import_mode: false } }),
  validateEnabledClientsUpdate: () => [{ client_id: 'abc', status: true }],
  validateScimTokenCreate: () => ({ scopes: ['get:users'], token_lifetime: 901 }),
  validateProvisioningConnectionRequest: () => ({ profile: { authScheme: 'TOKEN', token: 't0k3n' }, baseUrl: 'https://scim.example' }),
};

/** Nests `inner` `depth` objects deep. */
function nest(depth, inner = 1) {
  let value = inner;
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

/** `value` with a non-enumerable `toJSON` returning `make()`. */
function hidden(value, make) {
  return Object.defineProperty(value, 'toJSON', { value: make, enumerable: false, configurable: true, writable: true });
}

/** `value` with `edit(copy)` applied to a fresh copy (the bases are factories). */
function edited(base, edit) {
  const copy = base();
  edit(copy);
  return copy;
}

/** Hand-picked JS values on either side of what JSON.stringify keeps, per validator. */
function fixedCases() {
  const create = BASES.validateConnectionCreate;
  const c = (label, edit) => ['validateConnectionCreate', label, () => edited(create, edit)];
  class Options {
    constructor() {
      this.signInEndpoint = 'https://idp.example';
    }
  }
  class Names extends Array {}
  class Refused {
    constructor() {
      this.plain = 'fields';
    }

    toJSON() {
      throw new Error('not sendable');
    }
  }
  class RefusedList extends Array {
    toJSON() {
      throw new Error('not sendable');
    }
  }
  class Written extends Array {
    toJSON() {
      return this.join(',');
    }
  }
  return [
    c('as it is', () => {}),
    c('an extra member that is undefined', (b) => { b.extra = undefined; }),
    c('a required member that is undefined', (b) => { b.strategy = undefined; }),
    c('a function member', (b) => { b.display_name = () => 'x'; }),
    c('a symbol member', (b) => { b.show_as_button = Symbol('s'); }),
    c('a symbol key', (b) => { b[Symbol('k')] = 1; }),
    c('a non-enumerable extra member', (b) => { Object.defineProperty(b, 'extra', { value: 1, enumerable: false }); }),
    c('NaN in free-form options', (b) => { b.options.custom = NaN; }),
    c('NaN as a metadata value (null is allowed)', (b) => { b.metadata.team = NaN; }),
    c('Infinity as a number with a minimum', (b) => { b.options.validation.username.max = Infinity; }),
    c('-0 as a number with minimum 1', (b) => { b.options.validation.username.min = -0; }),
    c('a fraction where an integer is required', (b) => { b.options.validation.username.max = 15.5; }),
    c('128.0 as an integer at its maximum', (b) => { b.options.validation.username.max = 128.0; }),
    c('a String object as the display name', (b) => { b.display_name = new String('Acme'); }),
    c('a Date as options', (b) => { b.options = new Date(0); }),
    c('a Date inside free-form options', (b) => { b.options.when = new Date(0); }),
    c('a class instance as options', (b) => { b.options = new Options(); }),
    c('a class instance whose toJSON throws, in free-form options', (b) => { b.options.when = new Refused(); }),
    c('an Array subclass whose toJSON throws, in free-form options', (b) => { b.options.list = RefusedList.from([1]); }),
    c('a null-prototype options object', (b) => { b.options = Object.assign(Object.create(null), b.options); }),
    c('a Map as metadata', (b) => { b.metadata = new Map([['team', 'x']]); }),
    c('metadata with its own toJSON', (b) => { b.metadata = { toJSON: () => ({ team: 'x' }) }; }),
    c('metadata whose toJSON breaks a rule', (b) => { b.metadata = { toJSON: () => ({ team: 1 }) }; }),
    ['validateConnectionCreate', 'a body that is a toJSON', () => ({ toJSON: () => create() })],
    c('an enumerable getter for the name', (b) => { Object.defineProperty(b, 'name', { get: () => 'from-getter', enumerable: true }); }),
    c('a getter that throws', (b) => { Object.defineProperty(b, 'name', { get: () => { throw new Error('no'); }, enumerable: true }); }),
    ['validateConnectionCreate', 'a Proxy of a valid body', () => new Proxy(create(), {})],
    ['validateConnectionCreate', 'a Proxy whose ownKeys throws', () => new Proxy(create(), { ownKeys() { throw new Error('no'); } })],
    c('a cycle in free-form options', (b) => { b.options.self = b.options; }),
    c('free-form options nested 60 deep', (b) => { b.options.deep = nest(60); }),
    c('free-form options nested 100 deep', (b) => { b.options.deep = nest(100); }),
    c('free-form options nested 140 deep', (b) => { b.options.deep = nest(140); }),
    c('a sparse array of realms', (b) => { b.realms = [, 'acme']; }), // eslint-disable-line no-sparse-arrays
    c('an array with an extra property', (b) => { b.realms.extra = 1; }),
    c('an Array subclass of realms', (b) => { b.realms = Names.from(['acme']); }),
    c('an Array subclass whose toJSON makes a string', (b) => { b.realms = Written.from(['acme']); }),
    // A toJSON the walk cannot see by for-in or an index: set on an array, non-enumerable, on a
    // null-prototype object, or inherited from a custom prototype.
    c('realms with an own toJSON making a number', (b) => { b.realms.toJSON = () => 123; }),
    c('realms with a non-enumerable toJSON making a string', (b) => { hidden(b.realms, () => 'acme'); }),
    c('realms with a non-enumerable toJSON making other realms', (b) => { hidden(b.realms, () => ['other']); }),
    c('metadata with a non-enumerable toJSON breaking a rule', (b) => { hidden(b.metadata, () => ({ team: 1 })); }),
    c('null-prototype metadata with a non-enumerable toJSON', (b) => { b.metadata = hidden(Object.assign(Object.create(null), b.metadata), () => 'x'); }),
    c('metadata inheriting a toJSON from a custom prototype', (b) => { b.metadata = Object.assign(Object.create({ toJSON: () => ({ team: 1 }) }), b.metadata); }),
    c('options.validation with a non-enumerable toJSON', (b) => { hidden(b.options.validation, () => 'x'); }),
    c('free-form options with a non-enumerable toJSON making a BigInt', (b) => { b.options.custom = hidden({ a: 1 }, () => 10n); }),
    c('a free-form array with an own toJSON making a BigInt', (b) => { b.options.list = [1]; b.options.list.toJSON = () => 10n; }),
    c('a free-form array with a toJSON making a deep value', (b) => { b.options.list = hidden([1], () => nest(140)); }),
    c('a body with a non-enumerable toJSON dropping the strategy', (b) => { hidden(b, () => ({ name: 'acme' })); }),
    c('a body with a non-enumerable toJSON making a valid body', (b) => { hidden(b, () => ({ name: 'acme', strategy: 'auth0' })); }),
    c('a body with a non-enumerable toJSON making a number', (b) => { hidden(b, () => 1); }),
    ['validateConnectionUpdate', 'an update with a non-enumerable toJSON', () => hidden(BASES.validateConnectionUpdate(), () => ({ strategy: 'auth0' }))],
    ['validateProvisioningConnectionRequest', 'a profile with a non-enumerable toJSON', () => {
      const body = BASES.validateProvisioningConnectionRequest();
      hidden(body.profile, () => ({ authScheme: 'UNKNOWN' }));
      return body;
    }],
    c('an empty custom login script (minLength 1)', (b) => { b.options.customScripts = { login: '' }; }),
    c('a one-unit custom login script', (b) => { b.options.customScripts = { login: '\ud800' }; }),
    c('a BigInt in free-form options', (b) => { b.options.big = 10n; }),
    c('100 emoji as the display name (200 UTF-16 units, 100 characters)', (b) => { b.display_name = '😀'.repeat(100); }),
    c('129 emoji as the display name', (b) => { b.display_name = '😀'.repeat(129); }),
    c('128 lone surrogates as the display name', (b) => { b.display_name = '\ud800'.repeat(128); }),
    c('a lone surrogate in the name', (b) => { b.name = 'a\ud800'; }),
    c('an unknown strategy', (b) => { b.strategy = 'nope'; }),
    c('an unknown member', (b) => { b.colour = 'red'; }),
    c('11 metadata keys', (b) => { for (let i = 0; i < 11; i += 1) b.metadata[`k${i}`] = 'v'; }),
    c('a 256-character metadata value', (b) => { b.metadata.team = 'x'.repeat(256); }),
    ['validateConnectionUpdate', 'as it is', BASES.validateConnectionUpdate],
    ['validateConnectionUpdate', 'an empty update', () => ({})],
    ['validateConnectionUpdate', 'an update whose only member is undefined', () => ({ display_name: undefined })],
    ['validateEnabledClientsUpdate', 'as it is', BASES.validateEnabledClientsUpdate],
    ['validateEnabledClientsUpdate', '51 clients (a prose rule)', () => Array.from({ length: 51 }, (_, i) => ({ client_id: `c${i}`, status: true }))],
    ['validateScimTokenCreate', 'as it is', BASES.validateScimTokenCreate],
    ['validateScimTokenCreate', 'a lifetime of 900 (a prose rule)', () => ({ scopes: ['get:users'], token_lifetime: 900 })],
    ['validateProvisioningConnectionRequest', 'a TOKEN request', BASES.validateProvisioningConnectionRequest],
    ['validateProvisioningConnectionRequest', 'an OAUTH2 request', () => ({ profile: { authScheme: 'OAUTH2', clientId: 'c', signing: { rotationMode: 'AUTO' } } })],
    ['validateProvisioningConnectionRequest', 'an OAUTH2 request with a token', () => ({ profile: { authScheme: 'OAUTH2', token: 't' } })],
    ['validateProvisioningConnectionRequest', 'an UNKNOWN scheme', () => ({ profile: { authScheme: 'UNKNOWN' } })],
  ];
}

/** Values a mutation puts somewhere in a valid body. */
const REPLACEMENTS = [
  () => undefined, () => null, () => NaN, () => -0, () => 0, () => 1.5, () => 2 ** 31, () => '', () => 'x',
  () => '😀'.repeat(70), () => 'a--b', () => [], () => [undefined], () => ({}), () => new Date(0),
  () => Object.create(null), () => true, () => 'email',
];

/** Every object and array inside `value`, with the key or index of each member. */
function slots(value, out = []) {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      out.push([value, key]);
      slots(value[key], out);
    }
  }
  return out;
}

/** Seeded mutations: a valid body with one to three members replaced, removed or added. */
function mutatedCases(count) {
  const next = seededRandom(20261130);
  const names = Object.keys(BASES);
  const cases = [];
  for (let i = 0; i < count; i += 1) {
    const name = names[i % names.length];
    const body = BASES[name]();
    const edits = 1 + Math.floor(next() * 3);
    for (let e = 0; e < edits; e += 1) {
      const places = slots(body);
      if (places.length === 0) break;
      const [parent, key] = places[Math.floor(next() * places.length)];
      const roll = next();
      if (roll < 0.15) delete parent[key];
      else if (roll < 0.25 && !Array.isArray(parent)) parent[`extra${e}`] = 'x';
      else parent[key] = REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)]();
    }
    cases.push([name, `mutation ${i}`, () => body]);
  }
  return cases;
}

/** The validators that also take JSON text, which only the Rust validator reads. */
const TEXT_VALIDATORS = {
  validateConnectionCreate: 'validateConnectionCreateJson',
  validateConnectionUpdate: 'validateConnectionUpdateJson',
};

/**
 * The verdict on what JSON.stringify makes of `value`: what the package would send. Read as text
 * by the Rust validator where the body has a JSON-text validator (so the accept path is not its
 * own oracle), else by the validator on the parsed text.
 */
function wireVerdict(lib, name, value) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch {
    return false;
  }
  const textValidator = lib[TEXT_VALIDATORS[name]];
  if (textValidator) return textValidator(text ?? '').ok;
  return lib[name](text === undefined ? undefined : JSON.parse(text)).ok;
}

/** The Standard Schema object over validator `name` (`validateScimTokenCreate` → `scimTokenCreateSchema`). */
const schemaOf = (lib, name) => lib[`${name[8].toLowerCase()}${name.slice(9)}Schema`]['~standard'];

/**
 * Runs every case through the validator and its Standard Schema object: `expected` is the wire
 * verdict unless the case states it.
 */
function runCases(lib, cases, failures) {
  let valid = 0;
  for (const [name, label, make, stated] of cases) {
    const expected = stated ?? wireVerdict(lib, name, make());
    const actual = lib[name](make()).ok;
    const standard = schemaOf(lib, name).validate(make()).issues === undefined;
    if (expected) valid += 1;
    if (actual !== expected || standard !== expected) failures.push({ validator: name, case: label, expected, actual, standard });
  }
  return valid;
}

/** Cases run while Object.prototype or Array.prototype is polluted (restored afterwards). */
function pollutedCases(lib, failures) {
  // Small bodies: every object inherits the polluted key, and a nested object that forbids
  // unknown keys would refuse it whatever the top level does.
  const create = () => ({ name: 'acme', strategy: 'auth0', metadata: { team: 'identity' }, realms: ['acme'] });
  const withoutStrategy = () => ({ name: 'acme', metadata: { team: 'identity' }, realms: ['acme'] });
  // [world, prototype, key, descriptor, verdict without a strategy, verdict on a valid body]:
  // JSON.stringify ignores inherited keys, calls every toJSON, and turns arrays into strings here.
  // (Stated: parsing the JSON text would inherit the polluted key too.)
  const worlds = [
    ['an enumerable Object.prototype.strategy', Object.prototype, 'strategy', { value: 'auth0', enumerable: true }, false, true],
    ['a non-enumerable Object.prototype.toJSON', Object.prototype, 'toJSON', { value() { return 'not an object'; }, enumerable: false }, false, false],
    ['an Array.prototype.toJSON', Array.prototype, 'toJSON', { value() { return 'not an array'; }, enumerable: false }, false, false],
  ];
  let total = 0;
  for (const [world, target, key, descriptor, withoutVerdict, validVerdict] of worlds) {
    Object.defineProperty(target, key, { ...descriptor, configurable: true, writable: true });
    try {
      total += 2;
      runCases(lib, [
        ['validateConnectionCreate', `${world}: a body without a strategy`, withoutStrategy, withoutVerdict],
        ['validateConnectionCreate', `${world}: a valid body`, create, validVerdict],
      ], failures);
    } finally {
      delete target[key];
    }
  }
  return total;
}

/**
 * Runs the suite against `lib` (the imported package). Returns `{ total, valid, failures,
 * failureCount }` as plain JSON; `valid` counts the cases whose JSON form is valid, so a suite
 * that never reaches a valid body shows.
 */
export function runAcceptSuite(lib, { mutations = 2000 } = {}) {
  const failures = [];
  const cases = [...fixedCases(), ...mutatedCases(mutations)];
  const valid = runCases(lib, cases, failures);
  const polluted = pollutedCases(lib, failures);
  return { total: cases.length + polluted, valid, failures: failures.slice(0, 20), failureCount: failures.length };
}
