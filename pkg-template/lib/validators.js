// The JS half of the package's validators: the name check's fast path, the Standard Schema objects,
// STRATEGIES. Built over the package's wasm module.
import * as wasm from '../idp_connections.js';
import { standardSchemas } from './standard-schema.js';
import { nameValidator } from './fields.js';

export { STRATEGIES } from './strategies.js';

/** Checks a connection name as the user types; see lib/fields.js. */
export const validateConnectionName = nameValidator(wasm.connectionNameIssues);

export const {
  connectionCreateSchema,
  connectionUpdateSchema,
  enabledClientsUpdateSchema,
  scimConfigurationCreateSchema,
  scimConfigurationUpdateSchema,
  scimTokenCreateSchema,
  directoryProvisioningCreateSchema,
  directoryProvisioningUpdateSchema,
  synchronizedGroupsReplaceSchema,
  connectionKeysCreateSchema,
  connectionKeysRotateSchema,
  provisioningConnectionRequestSchema,
} = standardSchemas(wasm);
