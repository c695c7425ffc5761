// @ts-check
// The JS half of the package's validators: the body validators (the accept path in front of the
// wasm's), the name check's fast path, the Standard Schema objects, STRATEGIES. Built over the
// package's wasm module (`make pkg` derives the validators-only entry's copy by pointing the
// import at that entry's module). Every export is a pure call, so bundlers drop what an app does
// not import.
import * as wasm from '../idp_connections.js';
import { schemaOf } from './standard-schema.js';
import { nameValidator } from './fields.js';
import { firstAccept } from './accept.js';
import { limitsOf } from './limits.js';

export { STRATEGIES } from './strategies.js';
/** The wasm's validators that need no JS half, and the version: the glue's public exports. */
export { validateConnectionCreateJson, validateConnectionUpdateJson, validateDisplayName, validateMetadata, validateStrategy, version } from '../idp_connections.js';

/** The wasm's limits (lib/limits.js), read on first use. */
const limits = /* @__PURE__ */ limitsOf(() => wasm.limits());

/** Checks a connection name as the user types; see lib/fields.js. */
export const validateConnectionName = /* @__PURE__ */ nameValidator((name) => wasm.connectionNameIssues(name), limits);

/** A body validator: the accept path (lib/accept.js), then the wasm's for what it cannot prove valid. */
const body = /* @__PURE__ */ firstAccept(() => wasm.schema_tables());

/** `POST /connections` body. */
export const validateConnectionCreate = /* @__PURE__ */ body('validateConnectionCreate', (v) => wasm.validate_connection_create(v, undefined));
/** `PATCH /connections/{id}` body; with `{ strategy }`, its options checked for that strategy. */
export const validateConnectionUpdate = /* @__PURE__ */ body('validateConnectionUpdate', (v, o) => wasm.validate_connection_update(v, o));
/** `PATCH /connections/{id}/clients` body (at most 50 entries). */
export const validateEnabledClientsUpdate = /* @__PURE__ */ body('validateEnabledClientsUpdate', (v) => wasm.validate_enabled_clients_update(v, undefined));
/** `POST /connections/{id}/scim-configuration` body. */
export const validateScimConfigurationCreate = /* @__PURE__ */ body('validateScimConfigurationCreate', (v) => wasm.validate_scim_configuration_create(v, undefined));
/** `PATCH /connections/{id}/scim-configuration` body. */
export const validateScimConfigurationUpdate = /* @__PURE__ */ body('validateScimConfigurationUpdate', (v) => wasm.validate_scim_configuration_update(v, undefined));
/** `POST /connections/{id}/scim-configuration/tokens` body. */
export const validateScimTokenCreate = /* @__PURE__ */ body('validateScimTokenCreate', (v) => wasm.validate_scim_token_create(v, undefined));
/** `POST /connections/{id}/directory-provisioning` body. */
export const validateDirectoryProvisioningCreate = /* @__PURE__ */ body('validateDirectoryProvisioningCreate', (v) => wasm.validate_directory_provisioning_create(v, undefined));
/** `PATCH /connections/{id}/directory-provisioning` body. */
export const validateDirectoryProvisioningUpdate = /* @__PURE__ */ body('validateDirectoryProvisioningUpdate', (v) => wasm.validate_directory_provisioning_update(v, undefined));
/** `PUT /connections/{id}/directory-provisioning/synchronized-groups` body. */
export const validateSynchronizedGroupsReplace = /* @__PURE__ */ body('validateSynchronizedGroupsReplace', (v) => wasm.validate_synchronized_groups_replace(v, undefined));
/** `POST /connections/{id}/directory-provisioning/synchronized-groups` body (groups to add). */
export const validateSynchronizedGroupsAdd = /* @__PURE__ */ body('validateSynchronizedGroupsAdd', (v) => wasm.validate_synchronized_groups_add(v, undefined));
/** `DELETE /connections/{id}/directory-provisioning/synchronized-groups` body (groups to remove). */
export const validateSynchronizedGroupsDelete = /* @__PURE__ */ body('validateSynchronizedGroupsDelete', (v) => wasm.validate_synchronized_groups_delete(v, undefined));
/** `POST /connections/{id}/keys` body. */
export const validateConnectionKeysCreate = /* @__PURE__ */ body('validateConnectionKeysCreate', (v) => wasm.validate_connection_keys_create(v, undefined));
/** `POST /connections/{id}/keys/rotate` body. */
export const validateConnectionKeysRotate = /* @__PURE__ */ body('validateConnectionKeysRotate', (v) => wasm.validate_connection_keys_rotate(v, undefined));
/** Okta `POST /api/v1/apps/{appId}/connections/default` body. */
export const validateProvisioningConnectionRequest = /* @__PURE__ */ body('validateProvisioningConnectionRequest', (v) => wasm.validate_provisioning_connection_request(v, undefined));

/** Standard Schema of the `POST /connections` body. */
export const connectionCreateSchema = /* @__PURE__ */ schemaOf(validateConnectionCreate);
/** Standard Schema of the `PATCH /connections/{id}` body. */
export const connectionUpdateSchema = /* @__PURE__ */ schemaOf(validateConnectionUpdate);
/** Standard Schema of the `PATCH /connections/{id}` body of a connection of `strategy`. */
export const connectionUpdateSchemaFor = (strategy) => schemaOf((v) => validateConnectionUpdate(v, { strategy }));
/** Standard Schema of the `PATCH /connections/{id}/clients` body. */
export const enabledClientsUpdateSchema = /* @__PURE__ */ schemaOf(validateEnabledClientsUpdate);
/** Standard Schema of the `POST /connections/{id}/scim-configuration` body. */
export const scimConfigurationCreateSchema = /* @__PURE__ */ schemaOf(validateScimConfigurationCreate);
/** Standard Schema of the `PATCH /connections/{id}/scim-configuration` body. */
export const scimConfigurationUpdateSchema = /* @__PURE__ */ schemaOf(validateScimConfigurationUpdate);
/** Standard Schema of the `POST /connections/{id}/scim-configuration/tokens` body. */
export const scimTokenCreateSchema = /* @__PURE__ */ schemaOf(validateScimTokenCreate);
/** Standard Schema of the `POST /connections/{id}/directory-provisioning` body. */
export const directoryProvisioningCreateSchema = /* @__PURE__ */ schemaOf(validateDirectoryProvisioningCreate);
/** Standard Schema of the `PATCH /connections/{id}/directory-provisioning` body. */
export const directoryProvisioningUpdateSchema = /* @__PURE__ */ schemaOf(validateDirectoryProvisioningUpdate);
/** Standard Schema of the `PUT /connections/{id}/directory-provisioning/synchronized-groups` body. */
export const synchronizedGroupsReplaceSchema = /* @__PURE__ */ schemaOf(validateSynchronizedGroupsReplace);
/** Standard Schema of the `POST /connections/{id}/directory-provisioning/synchronized-groups` body. */
export const synchronizedGroupsAddSchema = /* @__PURE__ */ schemaOf(validateSynchronizedGroupsAdd);
/** Standard Schema of the `DELETE /connections/{id}/directory-provisioning/synchronized-groups` body. */
export const synchronizedGroupsDeleteSchema = /* @__PURE__ */ schemaOf(validateSynchronizedGroupsDelete);
/** Standard Schema of the `POST /connections/{id}/keys` body. */
export const connectionKeysCreateSchema = /* @__PURE__ */ schemaOf(validateConnectionKeysCreate);
/** Standard Schema of the `POST /connections/{id}/keys/rotate` body. */
export const connectionKeysRotateSchema = /* @__PURE__ */ schemaOf(validateConnectionKeysRotate);
/** Standard Schema of the Okta provisioning connection request body. */
export const provisioningConnectionRequestSchema = /* @__PURE__ */ schemaOf(validateProvisioningConnectionRequest);
