// Standard Schema v1 objects (https://standardschema.dev) over the package's validators, so form
// libraries (TanStack Form, react-hook-form, …) can use them directly. wasm-bindgen cannot emit a
// `~standard` property, hence this thin layer; the validators are called only inside `validate`.
import * as wasm from '../idp_connections.js';

/** A Standard Schema v1 object whose `validate` calls `check(value)` → `{ ok, value | issues }`. */
function standardSchema(check) {
  return Object.freeze({
    '~standard': Object.freeze({
      version: 1,
      vendor: 'idp-connections',
      validate(value) {
        const result = check(value);
        if (result.ok) return { value: result.value };
        return { issues: result.issues.map(({ message, path, code }) => ({ message, path, code })) };
      },
    }),
  });
}

/** `POST /connections` body. */
export const connectionCreateSchema = standardSchema((v) => wasm.validateConnectionCreate(v));
/** `PATCH /connections/{id}` body. */
export const connectionUpdateSchema = standardSchema((v) => wasm.validateConnectionUpdate(v));
/** `PATCH /connections/{id}/clients` body. */
export const enabledClientsUpdateSchema = standardSchema((v) => wasm.validateEnabledClientsUpdate(v));
/** `POST /connections/{id}/scim-configuration` body. */
export const scimConfigurationCreateSchema = standardSchema((v) => wasm.validateScimConfigurationCreate(v));
/** `PATCH /connections/{id}/scim-configuration` body. */
export const scimConfigurationUpdateSchema = standardSchema((v) => wasm.validateScimConfigurationUpdate(v));
/** `POST /connections/{id}/scim-configuration/tokens` body. */
export const scimTokenCreateSchema = standardSchema((v) => wasm.validateScimTokenCreate(v));
/** `POST /connections/{id}/directory-provisioning` body. */
export const directoryProvisioningCreateSchema = standardSchema((v) => wasm.validateDirectoryProvisioningCreate(v));
/** `PATCH /connections/{id}/directory-provisioning` body. */
export const directoryProvisioningUpdateSchema = standardSchema((v) => wasm.validateDirectoryProvisioningUpdate(v));
/** `PUT /connections/{id}/directory-provisioning/synchronized-groups` body. */
export const synchronizedGroupsReplaceSchema = standardSchema((v) => wasm.validateSynchronizedGroupsReplace(v));
/** `POST /connections/{id}/keys` body. */
export const connectionKeysCreateSchema = standardSchema((v) => wasm.validateConnectionKeysCreate(v));
/** `POST /connections/{id}/keys/rotate` body. */
export const connectionKeysRotateSchema = standardSchema((v) => wasm.validateConnectionKeysRotate(v));
/** Okta provisioning connection request body. */
export const provisioningConnectionRequestSchema = standardSchema((v) => wasm.validateProvisioningConnectionRequest(v));
