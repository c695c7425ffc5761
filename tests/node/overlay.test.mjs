// The spec overlay: the JS applier (tenant/spec.mjs, for the tenant and the suites) and the Python
// one (tools/spec_overlay.py, for the generators) build the same spec, every entry names its
// source, and the check fails when an official copy already holds an entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUTH0_OVERLAY_FILE, AUTH0_RELAXATIONS_FILE, AUTH0_SPEC_FILE, loadAuth0Spec } from '../../tenant/spec.mjs';

const tool = fileURLToPath(new URL('../../tools/spec_overlay.py', import.meta.url));
const overlay = JSON.parse(readFileSync(AUTH0_OVERLAY_FILE, 'utf8')).patches;

test('the JS and Python appliers build the same spec', () => {
  const python = JSON.parse(execFileSync('python3', [tool, '--dump'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  const js = loadAuth0Spec();
  assert.deepEqual(js, python);
  const official = JSON.parse(readFileSync(AUTH0_SPEC_FILE, 'utf8'));
  assert.notDeepEqual(js.schemas.SynchronizedGroupPayload, official.schemas.SynchronizedGroupPayload);
  assert.ok(js.paths['/connections/{id}/directory-provisioning/synchronized-groups'].delete);
  assert.equal(js.schemas.ConnectionFederatedConnectionsAccessTokens, undefined);
});

test('every entry is a JSON Patch operation with its source; the ones that are not a plain copy say why', () => {
  for (const entry of overlay) {
    assert.ok(['add', 'remove', 'replace'].includes(entry.op), entry.path);
    assert.match(entry.path, /^\//);
    assert.match(entry.source, /spec-delta-2026-09\.md|auth0@7\.1\.0|real tenants/, entry.path);
  }
  const username = overlay.find((e) => e.path.endsWith('/UsernameAttributeIdentifier/properties/default_method'));
  assert.match(username.reason, /undocumented/);
});

test('the check passes on the current copy and reports entries a refreshed copy already holds', () => {
  const ok = spawnSync('python3', [tool, '--check'], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  // A "refreshed" official copy that already has two of the entries, and one that conflicts.
  const refreshed = JSON.parse(readFileSync(AUTH0_SPEC_FILE, 'utf8'));
  refreshed.schemas.ConnectionStrategyEnum.enum.push('gitlab');
  refreshed.schemas.SynchronizedGroupPayload.properties.direct_members_count = overlay.find((e) => e.path.endsWith('/direct_members_count')).value;
  refreshed.schemas.SynchronizedGroupPayload.properties.name = { type: 'string', maxLength: 64 };
  const path = join(mkdtempSync(join(tmpdir(), 'overlay-')), 'connections-oas.json');
  writeFileSync(path, JSON.stringify(refreshed));
  const stale = spawnSync('python3', [tool, '--check', '--official', path], { encoding: 'utf8' });
  assert.equal(stale.status, 1);
  assert.match(stale.stdout, /add \/schemas\/ConnectionStrategyEnum\/enum\/-: the official copy already lists it/);
  assert.match(stale.stdout, /direct_members_count: the official copy already has it/);
  assert.match(stale.stdout, /properties\/name: the official copy now defines it differently/);
  assert.doesNotMatch(stale.stdout, /properties\/email/);
});

test('every relaxation (spec/auth0/relaxations.json) names its source and its reason, and loosens the spec', () => {
  const relaxations = JSON.parse(readFileSync(AUTH0_RELAXATIONS_FILE, 'utf8'));
  for (const entry of [...relaxations.patches, ...relaxations.rules]) {
    assert.ok(entry.source && entry.reason && entry.reason.length > 20, JSON.stringify(entry).slice(0, 120));
  }
  assert.deepEqual(relaxations.rules.map((r) => r.rule).sort(), ['literal-enums', 'nullable-options', 'top-level-from-generic', 'unknown-option-keys']);
  const relaxed = loadAuth0Spec();
  const strict = loadAuth0Spec({ relaxed: false });
  assert.equal(strict.schemas.ConnectionTwilioSidSMS.pattern, '^AC[0-9a-fA-F]{32}$');
  assert.equal(relaxed.schemas.ConnectionTwilioSidSMS.pattern, undefined);
  assert.deepEqual(relaxed.schemas.ConnectionSignatureMethodOAuth1.enum, ['RSA-SHA1', 'HMAC-SHA1']);
  // The generic bodies' schemas are untouched: the relaxations concern the per-strategy ones.
  assert.deepEqual(relaxed.schemas.CreateConnectionRequestContent, strict.schemas.CreateConnectionRequestContent);
  assert.deepEqual(relaxed.schemas.ConnectionPropertiesOptions, strict.schemas.ConnectionPropertiesOptions);
});
