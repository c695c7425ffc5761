// The Auth0 request bodies the package validates: the spec's schema name, the package's validator,
// and its wasm half (the glue's export, which lib/validators.js puts the accept path in front of).
export const AUTH0_BODIES = [
  ['CreateConnectionRequestContent', 'validateConnectionCreate', 'validate_connection_create'],
  ['UpdateConnectionRequestContent', 'validateConnectionUpdate', 'validate_connection_update'],
  ['UpdateEnabledClientConnectionsRequestContent', 'validateEnabledClientsUpdate', 'validate_enabled_clients_update'],
  ['CreateScimConfigurationRequestContent', 'validateScimConfigurationCreate', 'validate_scim_configuration_create'],
  ['UpdateScimConfigurationRequestContent', 'validateScimConfigurationUpdate', 'validate_scim_configuration_update'],
  ['CreateScimTokenRequestContent', 'validateScimTokenCreate', 'validate_scim_token_create'],
  ['CreateDirectoryProvisioningRequestContent', 'validateDirectoryProvisioningCreate', 'validate_directory_provisioning_create'],
  ['UpdateDirectoryProvisioningRequestContent', 'validateDirectoryProvisioningUpdate', 'validate_directory_provisioning_update'],
  ['ReplaceSynchronizedGroupsRequestContent', 'validateSynchronizedGroupsReplace', 'validate_synchronized_groups_replace'],
  ['AddSynchronizedGroupsRequestContent', 'validateSynchronizedGroupsAdd', 'validate_synchronized_groups_add'],
  ['DeleteSynchronizedGroupsRequestContent', 'validateSynchronizedGroupsDelete', 'validate_synchronized_groups_delete'],
  ['PostConnectionKeysRequestContent', 'validateConnectionKeysCreate', 'validate_connection_keys_create'],
  ['RotateConnectionKeysRequestContent', 'validateConnectionKeysRotate', 'validate_connection_keys_rotate'],
];
