// A "create connection" form: react-hook-form validates with the package's Standard Schema object
// (the same rules the Auth0 API applies), field messages come from the package's issues.
import React, { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { connectionCreateSchema, STRATEGIES } from 'idp-connections/validate';

function CreateConnectionForm() {
  const [created, setCreated] = useState(null);
  const { register, handleSubmit, formState: { errors } } = useForm({
    resolver: standardSchemaResolver(connectionCreateSchema),
    defaultValues: { name: '', display_name: 'Acme SSO', strategy: 'samlp' },
  });
  // A real app sends `body` with ManagementClient from a server or Worker (the client secret never
  // belongs in a browser); here it is shown.
  const onValid = (body) => setCreated(body);
  return (
    <form onSubmit={handleSubmit(onValid)} noValidate>
      <label>
        Name <input id="name" {...register('name')} />
      </label>
      {errors.name && <p role="alert" id="name-error">{errors.name.message}</p>}
      <label>
        Display name <input id="display_name" {...register('display_name')} />
      </label>
      {errors.display_name && <p role="alert" id="display_name-error">{errors.display_name.message}</p>}
      <label>
        Strategy{' '}
        <select id="strategy" {...register('strategy')}>
          {STRATEGIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <button type="submit">Create</button>
      {created && <pre id="created">{JSON.stringify(created)}</pre>}
    </form>
  );
}

createRoot(document.getElementById('root')).render(<CreateConnectionForm />);
