// A real form library drives the package's Standard Schema objects: TanStack Form (form-core)
// validates a create-connection form as the user types, with issues routed to fields by path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormApi, FieldApi } from '@tanstack/form-core';
import { connectionCreateSchema, connectionUpdateSchema, validateConnectionCreate } from 'idp-connections';

test('the Standard Schema shape', () => {
  const std = connectionCreateSchema['~standard'];
  assert.equal(std.version, 1);
  assert.equal(std.vendor, 'idp-connections');
  assert.deepEqual(std.validate({ name: 'ok', strategy: 'auth0' }), { value: { name: 'ok', strategy: 'auth0' } });
  const { issues } = std.validate({ name: 'bad--name', strategy: 'auth0' });
  assert.equal(issues.length, 1);
  assert.deepEqual(issues[0].path, ['name']);
  assert.equal(issues[0].message, validateConnectionCreate({ name: 'bad--name', strategy: 'auth0' }).issues[0].message);
  assert.equal(connectionUpdateSchema['~standard'].validate({}).issues[0].code, 'empty_update');
});

test('TanStack Form validates as the user types and routes issues to fields', async () => {
  const submitted = [];
  const form = new FormApi({
    defaultValues: { name: 'acme-sso', strategy: 'samlp', metadata: {} },
    validators: { onChange: connectionCreateSchema },
    onSubmit: ({ value }) => submitted.push(value),
  });
  form.mount();
  const name = new FieldApi({ form, name: 'name' });
  name.mount();
  const metadata = new FieldApi({ form, name: 'metadata' });
  metadata.mount();

  name.handleChange('bad--name');
  assert.equal(form.state.canSubmit, false);
  const nameErrors = form.state.fieldMeta.name?.errors ?? [];
  assert.ok(nameErrors.length > 0, 'the name field has an error');
  assert.match(JSON.stringify(nameErrors), /single hyphens/);

  metadata.handleChange(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])));
  assert.match(JSON.stringify(form.state.fieldMeta.metadata?.errors ?? []), /at most 10 keys; it has 11/);

  name.handleChange('acme-sso');
  metadata.handleChange({ team: 'identity' });
  assert.equal(form.state.canSubmit, true);
  await form.handleSubmit();
  assert.deepEqual(submitted, [{ name: 'acme-sso', strategy: 'samlp', metadata: { team: 'identity' } }]);
});
