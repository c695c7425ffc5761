// The console's bulk edit against a rate-limited tenant (issue 21 §3): "Load all" pages 30
// connections through a small bucket, select-all, one metadata key set on all of them with
// `updateMany` (progress while the limiter paces the calls), one injected 404 reported as failed
// with its message and left selected, a retry of that one; every connection keeps its other
// metadata keys, `__proto__` included. The key is validated as the user types. "Remove a metadata
// key" on a few selected connections removes it from those alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openConsole, shots } from './harness.mjs';

const COUNT = 30;
let tenant;
let page;
let close;

before(async () => {
  ({ tenant, page, close } = await openConsole('console-bulk-edit', {
    seed: { bulk: COUNT },
    viewport: { width: 1280, height: 900 },
    // Every connection has metadata of its own, one of them a `__proto__` key (parsed as data).
    prepare: (t) => t.state.connections.forEach((c, i) => {
      c.metadata = JSON.parse(`{"__proto__":"kept-${i}","team":"team-${i}"}`);
    }),
  }));
  await page.getByText('25 loaded, more available').waitFor();
});

after(() => close?.());

test('bulk edit through a small bucket: progress, per-item results, a failed item left selected and retried', async () => {
  tenant.setRateLimit({ size: 3, refillPerSecond: 10 });
  await page.getByRole('button', { name: 'Load all' }).click();
  await page.getByText(`${COUNT} loaded (all; 5 just now)`).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Bulk edit' }).isDisabled(), true, 'nothing selected yet');
  await page.getByLabel('Select all shown connections').check();
  await page.getByRole('button', { name: `Bulk edit (${COUNT} selected)` }).waitFor();

  const failing = tenant.state.connections[7];
  tenant.inject({ method: 'PATCH', path: new RegExp(`/connections/${failing.id}$`), status: 404, body: { statusCode: 404, error: 'Not Found', message: 'The connection does not exist', errorCode: 'inexistent_connection' } });

  await page.getByRole('button', { name: `Bulk edit (${COUNT} selected)` }).click();
  const dialog = page.getByRole('dialog', { name: 'Bulk edit' });
  const apply = dialog.getByRole('button', { name: `Apply to ${COUNT} connections` });
  assert.equal(await apply.isDisabled(), true, 'no key yet');
  // As-you-type validation with the package's validator: a too long value is refused, nothing sent.
  const patches = () => tenant.requests.filter((r) => r.method === 'PATCH' && r.status !== 429).length;
  await dialog.getByLabel('Metadata key').fill('owner');
  await dialog.getByLabel('Metadata value').fill('x'.repeat(300));
  await dialog.locator('#b-key-error').filter({ hasText: /\S/ }).waitFor();
  assert.equal(await apply.isDisabled(), true);
  await dialog.getByLabel('Metadata value').fill('platform');
  await dialog.locator('#b-key-error').filter({ hasText: /^$/ }).waitFor();
  assert.equal(await apply.isDisabled(), false);
  assert.equal(patches(), 0);

  await apply.click();
  await dialog.getByText(new RegExp(`^[1-9]\\d* of ${COUNT} done, \\d+ failed$`)).first().waitFor();
  await page.getByText('Waiting for the rate limit…').first().waitFor();
  await dialog.getByText(`${COUNT - 1} updated, 1 failed`).waitFor();
  const results = dialog.getByRole('list', { name: 'Bulk edit results' }).getByRole('listitem');
  assert.equal(await results.count(), COUNT);
  assert.equal(await results.filter({ hasText: ': updated' }).count(), COUNT - 1);
  const failedItem = results.filter({ hasText: failing.name });
  assert.match(await failedItem.textContent(), /failed: HTTP 404 · inexistent_connection: The connection does not exist/);
  await page.screenshot({ path: join(shots, 'bulk-edit-results.png'), fullPage: true });

  // The failed connection stays selected, the others do not; applying again retries it alone.
  assert.equal(await page.getByLabel(`Select ${failing.name}`).isChecked(), true);
  assert.equal(await page.getByLabel(`Select ${tenant.state.connections[0].name}`).isChecked(), false);
  await dialog.getByRole('button', { name: 'Apply to 1 connection' }).click();
  await dialog.getByText('1 updated', { exact: true }).waitFor();
  assert.equal(await page.getByLabel(`Select ${failing.name}`).isChecked(), false);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Bulk edit', exact: true }).waitFor();

  tenant.state.connections.forEach((c, i) => {
    assert.equal(JSON.stringify(c.metadata), `{"__proto__":"kept-${i}","team":"team-${i}","owner":"platform"}`, c.name);
    assert.equal(Object.getPrototypeOf(c.metadata), Object.prototype);
  });
  assert.equal(patches(), COUNT + 1, 'one PATCH per connection, plus the retry');
  const refused = tenant.requests.filter((r) => r.status === 429).length;
  assert.ok(refused <= 2, `${refused} 429 answers`);
});

test('bulk remove: a metadata key leaves every selected connection on the tenant and stays on the others', async () => {
  const all = page.getByRole('button', { name: 'Load all' });
  if (!(await all.isDisabled())) await all.click();
  await page.getByText(new RegExp(`^${COUNT} loaded`)).waitFor();
  const connections = tenant.state.connections;
  const before = new Map(connections.map((c) => [c.id, JSON.stringify(c.metadata)]));
  const picked = new Set([2, 9, 17, 28].map((i) => connections[i].id));
  const patches = () => tenant.requests.filter((r) => r.method === 'PATCH' && r.status === 200).length;
  const patchesBefore = patches();
  for (const c of connections) {
    const box = page.getByLabel(`Select ${c.name}`);
    if ((await box.isChecked()) !== picked.has(c.id)) await box.setChecked(picked.has(c.id));
  }
  await page.getByRole('button', { name: `Bulk edit (${picked.size} selected)` }).click();
  const dialog = page.getByRole('dialog', { name: 'Bulk edit' });
  await dialog.getByLabel('Change').selectOption('remove');
  assert.equal(await dialog.getByLabel('Metadata value').isVisible(), false, 'a removal takes no value');
  await dialog.getByLabel('Metadata key').fill('team');
  await dialog.getByRole('button', { name: `Apply to ${picked.size} connections` }).click();
  await dialog.getByText(`${picked.size} updated`, { exact: true }).waitFor();
  const results = dialog.getByRole('list', { name: 'Bulk edit results' }).getByRole('listitem');
  assert.equal(await results.filter({ hasText: ': updated' }).count(), picked.size);
  await page.screenshot({ path: join(shots, 'bulk-edit-remove.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Close' }).click();

  assert.equal(patches() - patchesBefore, picked.size, 'one PATCH per selected connection, none for the others');
  for (const c of connections) {
    const was = JSON.parse(before.get(c.id));
    assert.ok(Object.hasOwn(was, 'team'), `${c.name} had the key`);
    if (picked.has(c.id)) delete was.team;
    // Every other key kept, `__proto__` included and in its place.
    assert.equal(JSON.stringify(c.metadata), JSON.stringify(was), c.name);
    assert.equal(Object.hasOwn(c.metadata, 'team'), !picked.has(c.id), c.name);
    assert.equal(await page.getByLabel(`Select ${c.name}`).isChecked(), false, `${c.name} is deselected`);
  }
});
