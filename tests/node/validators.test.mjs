// The validators through the installed package: every body export, the JSON-text entry, the
// field-level checks a form uses, STRATEGIES, and the messages that name rule and figure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as lib from 'idp-connections';

const issuesOf = (result) => (result.ok ? [] : result.issues.map((i) => `${i.path.join('.')}:${i.code}`));

test('STRATEGIES lists the 64 create strategies (55 of the official copy, 9 of the overlay) and every one validates', () => {
  assert.equal(lib.STRATEGIES.length, 64);
  assert.ok(Object.isFrozen(lib.STRATEGIES));
  for (const strategy of lib.STRATEGIES) {
    assert.deepEqual(lib.validateStrategy(strategy), [], strategy);
    assert.equal(lib.validateConnectionCreate({ name: 'c1', strategy }).ok, true, strategy);
  }
  assert.ok(!lib.STRATEGIES.includes('auth0-adldap'), 'the list filter adds auth0-adldap; create does not');
  assert.equal(lib.validateStrategy('auth0-adldap')[0].code, 'enum');
});

test('enum issues quote the allowed values: all of a short list, the first three of a long one', () => {
  assert.equal(
    lib.validateStrategy('auth0-adldap')[0].message,
    'strategy must be one of the 64 allowed values ("ad", "adfs", "amazon", …); it is "auth0-adldap"',
  );
  const [issue] = lib.validateConnectionCreate({ name: 'a', strategy: 'samlp', options: { set_user_root_attributes: 'x' } }).issues;
  assert.deepEqual(issue.path, ['options', 'set_user_root_attributes']);
  assert.equal(
    issue.message,
    'options.set_user_root_attributes must be one of "on_each_login", "on_first_login", "never_on_login"; it is "x"',
  );
});

test('messages put figures and lists where they belong (built in wasm without core::fmt)', () => {
  const messages = (result) => (Array.isArray(result) ? result : result.issues).map((issue) => issue.message);
  assert.deepEqual(messages(lib.validateConnectionName('x'.repeat(129))), ['name may have at most 128 characters; it has 129']);
  const keys = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
  assert.deepEqual(messages(lib.validateConnectionCreate({ name: 'a', strategy: 'auth0', metadata: keys })), ['metadata may have at most 10 keys; it has 11']);
  assert.deepEqual(messages(lib.validateConnectionCreate({ name: 'a', strategy: 'auth0', metadata: { k: 5 } })), ['metadata.k must be a string or null; it is a number']);
  assert.deepEqual(messages(lib.validateScimTokenCreate({ scopes: ['get:users'], token_lifetime: 5 })), ['token_lifetime must be greater than 900 seconds; it is 5']);
  assert.deepEqual(
    messages(lib.validateEnabledClientsUpdate(Array.from({ length: 51 }, () => ({ client_id: 'c', status: true })))),
    ['one update may change at most 50 clients; it has 51 (the client sends larger lists in batches of 50)'],
  );
  assert.deepEqual(messages(lib.validateConnectionCreateJson('{"name":"a",}')), ['the text is not valid JSON: expected a property name in quotes at byte 12']);
});

test('valid bodies come back as the same value', () => {
  const body = { name: 'acme', strategy: 'auth0', metadata: { a: null } };
  const result = lib.validateConnectionCreate(body);
  assert.equal(result.ok, true);
  assert.equal(result.value, body);
});

test('every body export checks its own rules', () => {
  assert.deepEqual(issuesOf(lib.validateConnectionUpdate({})), [':empty_update']);
  assert.deepEqual(issuesOf(lib.validateConnectionUpdate({ name: 'x' })), ['name:unknown_field']);
  assert.deepEqual(issuesOf(lib.validateEnabledClientsUpdate([{ client_id: 'c' }])), ['0.status:required']);
  assert.deepEqual(issuesOf(lib.validateEnabledClientsUpdate(Array.from({ length: 51 }, () => ({ client_id: 'c', status: true })))), [':too_many']);
  assert.deepEqual(issuesOf(lib.validateScimConfigurationCreate(null)), []);
  assert.deepEqual(issuesOf(lib.validateScimConfigurationUpdate({ mapping: [] })), ['user_id_attribute:required']);
  assert.deepEqual(issuesOf(lib.validateScimTokenCreate({ scopes: [], token_lifetime: 60 })), ['scopes:too_few', 'token_lifetime:too_small']);
  assert.deepEqual(issuesOf(lib.validateDirectoryProvisioningCreate({ mapping: [] })), ['mapping:too_few']);
  assert.deepEqual(issuesOf(lib.validateDirectoryProvisioningUpdate({ synchronize_groups: 'some' })), ['synchronize_groups:enum']);
  assert.deepEqual(issuesOf(lib.validateSynchronizedGroupsReplace({ groups: [{}] })), ['groups.0.id:required']);
  assert.deepEqual(issuesOf(lib.validateConnectionKeysCreate({ signing_alg: 'MD5' })), ['signing_alg:enum']);
  assert.deepEqual(issuesOf(lib.validateConnectionKeysRotate({})), []);
  assert.deepEqual(issuesOf(lib.validateProvisioningConnectionRequest({ profile: { authScheme: 'TOKEN', token: 't' } })), []);
  assert.deepEqual(issuesOf(lib.validateProvisioningConnectionRequest({ profile: { authScheme: 'OAUTH2', signing: { rotationMode: 'NEVER' } } })), ['profile.signing.rotationMode:enum']);
});

test('messages name the rule and the figure', () => {
  const metadata = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
  const [tooMany] = lib.validateMetadata(metadata);
  assert.equal(tooMany.message, 'metadata may have at most 10 keys; it has 11');
  const [tooLong] = lib.validateMetadata({ note: 'x'.repeat(256) });
  assert.deepEqual(tooLong.path, ['note']);
  assert.equal(tooLong.message, 'metadata.note may have at most 255 characters; it has 256');
  const [display] = lib.validateDisplayName('é'.repeat(129));
  assert.equal(display.message, 'display_name may have at most 128 characters; it has 129');
  const result = lib.validateConnectionCreate({ strategy: 'auth0' });
  assert.deepEqual(result.issues[0], { path: ['name'], code: 'required', message: 'name is required' });
});

test('lengths count code points, as JSON Schema does', () => {
  assert.deepEqual(lib.validateDisplayName('😀'.repeat(128)), []);
  assert.equal(lib.validateDisplayName('😀'.repeat(129))[0].code, 'too_long');
  assert.deepEqual(lib.validateDisplayName('\uD800'.repeat(128)), [], 'a lone surrogate counts as one');
});

test('the JSON-text entry: parse errors, duplicates, and the parsed value', () => {
  const ok = lib.validateConnectionCreateJson('{"name":"acme","strategy":"auth0"}');
  assert.equal(ok.ok, true);
  // The value is the text parsed on first read, once: the same object on every read.
  assert.deepEqual(ok.value, { name: 'acme', strategy: 'auth0' });
  assert.equal(ok.value, ok.value);
  const { value } = ok;
  assert.equal(value, ok.value, 'destructuring reads the value');
  assert.deepEqual(JSON.parse(JSON.stringify(ok)), { ok: true, value: { name: 'acme', strategy: 'auth0' } });
  assert.equal(lib.validateConnectionCreateJson('{"name":"acme","strategy":"auth0","metadata":{"team":null}}').value.metadata.team, null);
  const syntax = lib.validateConnectionCreateJson('{"name": ');
  assert.equal(syntax.issues[0].code, 'syntax');
  assert.match(syntax.issues[0].message, /byte 9/);
  assert.equal(lib.validateConnectionCreateJson('{"name":"a","name":"b","strategy":"auth0"}').issues[0].code, 'duplicate');
  assert.equal(lib.validateConnectionCreateJson('['.repeat(200) + ']'.repeat(200)).issues[0].code, 'too_deep');
  assert.equal(lib.validateConnectionCreateJson(42).issues[0].code, 'type');
  assert.deepEqual(issuesOf(lib.validateConnectionUpdateJson('{}')), [':empty_update']);
});

test('large values: no bound where the spec sets none, and repeated keys found in large objects', () => {
  // customScripts.login has a minLength and no maxLength; the generic options (a strategy without
  // a per-strategy schema, such as slack) take any keys. Read by the Rust validator (JSON text),
  // where 65,535 had been taken for a limit and keys compared pairwise.
  const body = (options) => JSON.stringify({ name: 'acme', strategy: 'slack', options });
  const custom = Object.fromEntries(Array.from({ length: 70_000 }, (_, i) => [`k${i}`, i]));
  assert.deepEqual(issuesOf(lib.validateConnectionCreateJson(body({ customScripts: { login: 'x'.repeat(70_000) } }))), []);
  assert.deepEqual(issuesOf(lib.validateConnectionCreateJson(body(custom))), []);
  const repeated = body(custom).replace('"k69999":69999', '"k69999":69999,"k7":0');
  const [issue] = lib.validateConnectionCreateJson(repeated).issues;
  assert.equal(issue.code, 'duplicate');
  assert.match(issue.message, /"k7" appears more than once/);
});

test('text of every size and script enters wasm intact: long bodies grow the scratch buffer, short ones after it still pass', () => {
  // Past the 4 KB scratch buffer and past the 64 KB it keeps between calls, in both entries.
  for (const size of [1_000, 5_000, 70_000, 300_000]) {
    const long = { name: 'acme', strategy: 'slack', options: { note: 'x'.repeat(size) } };
    assert.equal(lib.validateConnectionCreate(long).ok, true, `object of ${size}`);
    assert.equal(lib.validateConnectionCreateJson(JSON.stringify(long)).ok, true, `text of ${size}`);
    const tooLong = { name: 'acme', strategy: 'auth0', display_name: 'é'.repeat(size) };
    assert.deepEqual(issuesOf(lib.validateConnectionCreate(tooLong)), ['display_name:too_long']);
    assert.match(lib.validateConnectionCreate(tooLong).issues[0].message, new RegExp(`it has ${size}$`));
    assert.equal(lib.validateConnectionCreate({ name: 'a', strategy: 'auth0' }).ok, true, `short after ${size}`);
  }
  // Multi-byte text at the limits: 128 code points of 2, 3 and 4 UTF-8 bytes each, and emoji
  // escaped as JSON surrogate pairs.
  for (const unit of ['é', '€', '😀']) {
    const at = (n) => lib.validateConnectionCreate({ name: 'a', strategy: 'auth0', display_name: unit.repeat(n) });
    assert.equal(at(128).ok, true, unit);
    assert.deepEqual(issuesOf(at(129)), ['display_name:too_long'], unit);
  }
  const escaped = `{"name":"a","strategy":"auth0","display_name":"${'\\ud83d\\ude00'.repeat(128)}"}`;
  assert.equal(lib.validateConnectionCreateJson(escaped).ok, true);
  assert.equal(lib.validateConnectionCreateJson(escaped).value.display_name, '😀'.repeat(128));
  // Numbers are compared without floats, whatever their exponent.
  const minLength = (n) => lib.validateConnectionCreateJson(`{"name":"a","strategy":"auth0","options":{"password_complexity_options":{"min_length":${n}}}}`);
  assert.equal(minLength('8').ok, true);
  assert.equal(minLength('8e0').ok, true);
  assert.deepEqual(issuesOf(minLength(`1e${'9'.repeat(30)}`)), ['options.password_complexity_options.min_length:too_large']);
  assert.deepEqual(issuesOf(minLength(`1e-${'9'.repeat(30)}`)), ['options.password_complexity_options.min_length:type']);
  // Names outside ASCII reach the pattern rule as they were typed.
  assert.deepEqual(issuesOf(lib.validateConnectionCreate({ name: 'ünïcode', strategy: 'auth0' })), ['name:pattern']);
});
