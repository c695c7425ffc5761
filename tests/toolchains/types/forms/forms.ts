// The package's Standard Schema objects in react-hook-form's and TanStack Form's typed APIs.
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useForm as useTanStackForm } from '@tanstack/react-form';
import { connectionCreateSchema, connectionUpdateSchema, type CreateConnectionRequestContent } from 'idp-connections';

export function useCreateForm() {
  const form = useForm({ resolver: standardSchemaResolver(connectionCreateSchema), defaultValues: { name: '', strategy: 'samlp' } });
  const name: string = form.getValues('name');
  return { form, name };
}

export function useUpdateForm() {
  return useForm({ resolver: standardSchemaResolver(connectionUpdateSchema) });
}

export function useCreateTanStackForm() {
  const defaultValues: CreateConnectionRequestContent = { name: '', strategy: 'samlp' };
  return useTanStackForm({ defaultValues, validators: { onChange: connectionCreateSchema } });
}
