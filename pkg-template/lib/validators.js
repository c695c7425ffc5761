// The JS half of the package's validators: the name check's fast path, the Standard Schema objects,
// STRATEGIES. Built over the package's wasm module (`make pkg` derives the validators-only entry's
// copy by pointing the import at that entry's module). Every export is a pure call, so bundlers
// drop what an app does not import.
import * as wasm from '../idp_connections.js';
import { schemaOf } from './standard-schema.js';
import { nameValidator } from './fields.js';

export { STRATEGIES } from './strategies.js';

/** Checks a connection name as the user types; see lib/fields.js. */
export const validateConnectionName = /* @__PURE__ */ nameValidator((name) => wasm.connectionNameIssues(name));

/** Standard Schema of the `POST /connections` body. */
export const connectionCreateSchema = /* @__PURE__ */ schemaOf((v) => wasm.validateConnectionCreate(v));
/** Standard Schema of the `PATCH /connections/{id}` body. */
export const connectionUpdateSchema = /* @__PURE__ */ schemaOf((v) => wasm.validateConnectionUpdate(v));
/** Standard Schema of the `PATCH /connections/{id}/clients` body. */
export const enabledClientsUpdateSchema = /* @__PURE__ */ schemaOf((v) => wasm.validateEnabledClientsUpdate(v));
/** Standard Schema of the `POST /connections/{id}/scim-configuration` body. */
export const scimConfigurationCreateSchema = /* @__PURE__ */ schemaOf((v) => wasm.validateScimConfigurationCreate(v));
/** Standard Schema of the `PATCH /connections/{id}/scim-configuration` body. */
export const scimConfigurationUpdateSchema = /* @__PURE__ */ schemaOf((v) => wasm.validateScimConfigurationUpdate(v));
/** Standard Schema of the `POST /connections/{id}/scim-configuration/tokens` body. */
export const scimTokenCreateSchema = /* @__PURE__ */ schemaOf((v) => wasm.validateScimTokenCreate(v));
/** Standard Schema of the `POST /connections/{id}/directory-provisioning` body. */
export const directoryProvisioningCreateSchema = /* @__PURE__ */ schemaOf((v) => wasm.validateDirectoryProvisioningCreate(v));
/** Standard Schema of the `PATCH /connections/{id}/directory-provisioning` body. */
export const directoryProvisioningUpdateSchema = /* @__PURE__ */ schemaOf((v) => wasm.validateDirectoryProvisioningUpdate(v));
/** Standard Schema of the `PUT /connections/{id}/directory-provisioning/synchronized-groups` body. */
export const synchronizedGroupsReplaceSchema = /* @__PURE__ */ schemaOf((v) => wasm.validateSynchronizedGroupsReplace(v));
/** Standard Schema of the `POST /connections/{id}/keys` body. */
export const connectionKeysCreateSchema = /* @__PURE__ */ schemaOf((v) => wasm.validateConnectionKeysCreate(v));
/** Standard Schema of the `POST /connections/{id}/keys/rotate` body. */
export const connectionKeysRotateSchema = /* @__PURE__ */ schemaOf((v) => wasm.validateConnectionKeysRotate(v));
/** Standard Schema of the Okta provisioning connection request body. */
export const provisioningConnectionRequestSchema = /* @__PURE__ */ schemaOf((v) => wasm.validateProvisioningConnectionRequest(v));
