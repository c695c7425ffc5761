// The admin console in headless Chromium against the demo's servers (the local tenant serving the
// bundled console): list, as-you-type validation that sends nothing, create, edit metadata,
// delete, a SCIM token shown once, Okta activate, a `__proto__` metadata key kept on save; the
// console runs under its Content-Security-Policy without a violation and cannot be framed by
// another origin. Each test saves a screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { openConsole, shots } from './harness.mjs';

let tenant;
let browser;
let page;
let close;
/** CSP violations the console reported on the browser console. */
const violations = [];

before(async () => {
  ({ tenant, browser, page, close } = await openConsole('console-dist', {
    prepare: async (_, opening) => {
      opening.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
      });
      await opening.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective}: ${event.blockedURI}`));
      });
    },
  }));
});

after(() => close?.());

const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
const apiCalls = (method) => tenant.requests.filter((r) => r.method === method && r.rawPath.startsWith('/api/v2/connections')).length;

test('the list loads', async () => {
  await page.getByRole('cell', { name: 'acme-saml', exact: true }).first().waitFor();
  const rows = await page.locator('tbody tr').count();
  assert.equal(rows, tenant.state.connections.length);
  await shot('01-list');
});

test('an invalid name shows its message under the field and sends nothing', async () => {
  const posts = apiCalls('POST');
  await page.getByRole('button', { name: 'Create connection' }).click();
  await page.getByLabel('Name', { exact: true }).fill('bad--name');
  await page.getByText('must start and end with a letter or digit').first().waitFor();
  assert.equal(await page.locator('#f-submit').isDisabled(), true);
  await page.getByLabel('Name', { exact: true }).press('Enter');
  await shot('02-invalid-name');
  assert.equal(apiCalls('POST'), posts, 'no request was made');
});

test('create: the new connection appears in the list', async () => {
  await page.getByLabel('Name', { exact: true }).fill('console-created');
  await page.getByLabel('Display name').fill('Created from the console');
  await page.getByLabel('Strategy', { exact: true }).selectOption('samlp');
  await page.getByRole('button', { name: 'Add metadata' }).click();
  await page.getByLabel('Metadata key 1').fill('team');
  await page.getByLabel('Metadata value 1').fill('identity');
  await page.getByText('1 / 10 keys').waitFor();
  await shot('03-create-form');
  await page.locator('#f-submit').click();
  await page.getByRole('cell', { name: 'console-created', exact: true }).first().waitFor();
  assert.ok(tenant.state.connections.some((c) => c.name === 'console-created' && c.metadata.team === 'identity'));
  await shot('04-created');
});

test('edit metadata', async () => {
  await page.getByRole('button', { name: 'Edit console-created' }).click();
  await page.getByText('PATCH replaces options wholesale').waitFor();
  await page.getByLabel('Metadata value 1').fill('platform');
  await shot('05-edit');
  await page.locator('#f-submit').click();
  await page.getByText('Saved console-created').waitFor();
  assert.equal(tenant.state.connections.find((c) => c.name === 'console-created').metadata.team, 'platform');
});

test('editing metadata keeps a `__proto__` key: metadata keys are data', async (t) => {
  const created = await fetch(`${tenant.origin}/api/v2/connections`, {
    method: 'POST',
    headers: { authorization: 'Bearer local-token', 'content-type': 'application/json' },
    body: '{"name":"proto-keys","strategy":"auth0","metadata":{"__proto__":"kept","team":"identity"}}',
  });
  assert.equal(created.status, 201, await created.clone().text());
  const stored = () => tenant.state.connections.find((c) => c.name === 'proto-keys').metadata;
  assert.ok(Object.hasOwn(stored(), '__proto__'));
  await page.getByLabel('Search by name').fill('proto-keys');
  t.after(async () => {
    await page.keyboard.press('Escape');
    await page.getByLabel('Search by name').fill('');
    await page.getByRole('cell', { name: 'acme-saml', exact: true }).first().waitFor();
  });
  await page.getByRole('button', { name: 'Edit proto-keys' }).click();
  await page.getByLabel('Metadata key 1').waitFor();
  assert.deepEqual([await page.getByLabel('Metadata key 1').inputValue(), await page.getByLabel('Metadata value 1').inputValue()], ['__proto__', 'kept']);
  await page.getByLabel('Metadata value 2').fill('platform');
  await page.locator('#f-submit').click();
  await page.getByText('Saved proto-keys').waitFor();
  const metadata = stored();
  assert.deepEqual([Object.hasOwn(metadata, '__proto__'), Object.getPrototypeOf(metadata) === Object.prototype], [true, true]);
  assert.equal(JSON.stringify(metadata), '{"__proto__":"kept","team":"platform"}');
});

test('database attributes: a server rule shows beside its typed field, and nothing is sent', async () => {
  const posts = apiCalls('POST');
  await page.getByRole('button', { name: 'Create connection' }).click();
  await page.getByLabel('Name', { exact: true }).fill('console-db');
  await page.getByLabel('Strategy', { exact: true }).selectOption('auth0');
  await page.getByLabel('Use phone_number as identifier').check();
  await page.locator('#o-attributes-phone_number-signup-status').fill('optional');
  const beside = page.locator('#o-attributes-phone_number-signup-status-error');
  await beside.getByText('attribute phone_number must also be required on signup').waitFor();
  assert.equal(await page.locator('#f-submit').isDisabled(), true);
  assert.match(await page.locator('#f-options').inputValue(), /"phone_number": \{\s+"identifier": \{\s+"active": true/);
  await shot('10-attributes-rule');
  await page.locator('#o-attributes-phone_number-signup-status').fill('required');
  await page.waitForFunction(() => document.querySelector('#o-attributes-phone_number-signup-status-error').textContent === '');
  assert.equal(await page.locator('#f-submit').isDisabled(), false);
  assert.equal(apiCalls('POST'), posts, 'no request was made');
});

test('the raw JSON editor shows the issues no typed field shows, with their JSON paths', async () => {
  const attributes = { phone_number: { identifier: { active: true }, signup: { status: 'required' } } };
  await page.locator('#f-options').fill(JSON.stringify({ attributes, validation: { username: { min: 1, max: 15 } }, passwordPolicy: 'sometimes' }, null, 2));
  const below = page.locator('#f-options-error');
  await below.getByText('options.validation: Cannot set both options.attributes and options.validation').waitFor();
  assert.match(await below.textContent(), /options\.passwordPolicy: options\.passwordPolicy must be one of/);
  assert.equal(await page.locator('#o-attributes-phone_number-signup-status').inputValue(), 'required', 'the typed field follows the JSON');
  assert.equal(await page.locator('#f-submit').isDisabled(), true);
  await shot('11-json-editor-issues');
  await page.locator('#f-options').fill(JSON.stringify({ attributes }, null, 2));
  await page.waitForFunction(() => document.querySelector('#f-options-error').textContent === '');
  await page.locator('#f-submit').click();
  await page.getByRole('cell', { name: 'console-db', exact: true }).first().waitFor();
  const created = tenant.state.connections.find((c) => c.name === 'console-db');
  assert.deepEqual(created.options.attributes, attributes);
});

test('typed oidc fields write the options that are sent', async () => {
  await page.getByRole('button', { name: 'Create connection' }).click();
  await page.getByLabel('Name', { exact: true }).fill('console-oidc');
  await page.getByLabel('Strategy', { exact: true }).selectOption('oidc');
  await page.getByLabel('Issuer URL').fill('https://idp.example');
  await page.getByLabel('Client ID').fill('abc');
  await page.getByLabel('Client secret').fill('s3cret');
  assert.deepEqual(JSON.parse(await page.locator('#f-options').inputValue()), { issuer: 'https://idp.example', client_id: 'abc', client_secret: 's3cret' });
  await page.getByLabel('Client secret').fill('');
  assert.deepEqual(JSON.parse(await page.locator('#f-options').inputValue()), { issuer: 'https://idp.example', client_id: 'abc' }, 'a cleared field removes its option');
  await shot('12-oidc-fields');
  await page.locator('#f-submit').click();
  await page.getByRole('cell', { name: 'console-oidc', exact: true }).first().waitFor();
  assert.equal(tenant.state.connections.find((c) => c.name === 'console-oidc').options.client_id, 'abc');
});

test('a SCIM token is shown once', async () => {
  await page.getByRole('button', { name: 'Details of acme-saml' }).click();
  await page.locator('#scim-token-create').click();
  const secret = await page.locator('#scim-token-value').textContent();
  assert.match(secret, /^scim_/);
  await page.getByText('This token is shown once').waitFor();
  await shot('06-scim-token');
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Details of acme-saml' }).click();
  await page.locator('#scim-token-create').waitFor();
  assert.equal(await page.locator('#scim-token-value').count(), 0, 'not shown again');
  assert.ok(!(await page.content()).includes(secret));
  await page.getByRole('button', { name: 'Close' }).click();
});

test('directory provisioning: search, select and remove synchronized groups', async () => {
  await page.getByRole('button', { name: 'Details of google-workspace' }).click();
  const list = page.locator('#groups-list');
  await list.getByText('grpSales').waitFor();
  await page.locator('#groups-search').fill('name:eng*');
  await page.locator('#groups-search').press('Enter');
  await list.getByText('grpSales').waitFor({ state: 'detached' });
  assert.match(await list.textContent(), /grpEngineering/);
  assert.match(tenant.requests.at(-1).rawPath, /synchronized-groups\?q=name%3Aeng/);
  const posts = apiCalls('POST');
  await page.locator('#group-id').fill('bad id!');
  await page.getByText('groups[0].id may contain only letters and digits').waitFor();
  assert.equal(await page.locator('#group-add').isDisabled(), true);
  await page.locator('#group-id').fill('grpSupport');
  await page.locator('#group-name').fill('Engineering Support');
  await page.locator('#group-email').fill('eng-support@example.com');
  assert.equal(await page.locator('#group-add').isDisabled(), false);
  await page.locator('#group-add').click();
  await list.getByText('grpSupport').waitFor();
  assert.equal(apiCalls('POST'), posts + 1, 'one POST: the selection');
  await shot('06b-synchronized-groups');
  await page.getByRole('button', { name: 'Remove group grpSupport' }).click();
  await page.getByText('Removed group grpSupport').waitFor();
  await list.getByText('grpSupport').waitFor({ state: 'detached' });
  const removed = tenant.requests.filter((r) => r.method === 'DELETE' && r.rawPath.endsWith('/synchronized-groups')).at(-1);
  assert.deepEqual(removed.body, { groups: [{ id: 'grpSupport' }] });
  assert.deepEqual(tenant.state.groups.get(tenant.state.connections.find((c) => c.name === 'google-workspace').id).map((g) => g.id), ['grpEngineering', 'grpSales']);
  await page.getByRole('button', { name: 'Close' }).click();
});

test('delete asks, naming the connection', async () => {
  await page.getByRole('button', { name: 'Delete console-created' }).click();
  await page.getByRole('heading', { name: 'Delete the connection "console-created"?' }).waitFor();
  await shot('07-delete-confirm');
  await page.locator('#delete-confirm').click();
  await page.getByText('Deleted console-created').waitFor();
  assert.ok(!tenant.state.connections.some((c) => c.name === 'console-created'));
});

test('Okta: activate the default provisioning connection', async () => {
  await page.getByRole('tab', { name: 'Okta provisioning' }).click();
  await page.locator('#okta-load').click();
  await page.locator('#okta-status').getByText('DISABLED').waitFor();
  await page.locator('#okta-activate-now').click();
  await page.locator('#okta-status').getByText('ENABLED').waitFor();
  await shot('08-okta');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('tab', { name: 'Auth0 connections' }).click();
  await shot('09-narrow');
});

test('the console sends a CSP and X-Frame-Options; a page on another origin cannot frame it', async () => {
  const answer = await fetch(`${tenant.origin}/`);
  const policy = answer.headers.get('content-security-policy') ?? '';
  assert.match(policy, /frame-ancestors 'none'/);
  assert.match(policy, /script-src 'self'[^;]*;/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
  assert.equal(answer.headers.get('x-frame-options'), 'DENY');
  const framing = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>framing</title><iframe id="victim" src="${tenant.origin}/" width="800" height="600"></iframe>`);
  });
  await new Promise((resolve) => framing.listen(0, 'localhost', resolve));
  const other = await browser.newPage();
  try {
    const loaded = other.waitForEvent('framenavigated', { predicate: (frame) => frame !== other.mainFrame() });
    await other.goto(`http://localhost:${framing.address().port}/`);
    await loaded;
    await other.waitForTimeout(500);
    const [child] = other.mainFrame().childFrames();
    assert.ok(child, 'the iframe exists');
    // Blocked: Chromium puts its error page in the frame; the console never renders there.
    assert.notEqual(new URL(child.url()).origin, tenant.origin, `the frame shows ${child.url()}`);
    assert.equal(await child.locator('#panel-connections').count(), 0);
  } finally {
    await other.close();
    await new Promise((resolve) => framing.close(resolve));
  }
});

test('everything above ran under the CSP without a violation', async () => {
  const reported = await page.evaluate(() => window.__violations);
  assert.deepEqual([...reported, ...violations], []);
  // The policy is enforced on this page: an inline script is refused.
  const inline = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return window.__inlineRan === true;
  });
  assert.equal(inline, false);
});
