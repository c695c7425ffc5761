// Standard Schema v1 objects (https://standardschema.dev) over the package's validators, so form
// libraries (TanStack Form, react-hook-form, …) can use them directly. wasm-bindgen cannot emit a
// `~standard` property, hence this thin layer; the validators are called only inside `validate`.
// Both entries (the package and `idp-connections/validate`) build theirs with `standardSchemas`.
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

/**
 * The Standard Schema object of every request body, over the validators of `wasm` (the package's
 * or the validators-only entry's module); `wasm` is only called inside `validate`.
 */
export function standardSchemas(wasm) {
  return {
    connectionCreateSchema: standardSchema((v) => wasm.validateConnectionCreate(v)),
    connectionUpdateSchema: standardSchema((v) => wasm.validateConnectionUpdate(v)),
    enabledClientsUpdateSchema: standardSchema((v) => wasm.validateEnabledClientsUpdate(v)),
    scimConfigurationCreateSchema: standardSchema((v) => wasm.validateScimConfigurationCreate(v)),
    scimConfigurationUpdateSchema: standardSchema((v) => wasm.validateScimConfigurationUpdate(v)),
    scimTokenCreateSchema: standardSchema((v) => wasm.validateScimTokenCreate(v)),
    directoryProvisioningCreateSchema: standardSchema((v) => wasm.validateDirectoryProvisioningCreate(v)),
    directoryProvisioningUpdateSchema: standardSchema((v) => wasm.validateDirectoryProvisioningUpdate(v)),
    synchronizedGroupsReplaceSchema: standardSchema((v) => wasm.validateSynchronizedGroupsReplace(v)),
    connectionKeysCreateSchema: standardSchema((v) => wasm.validateConnectionKeysCreate(v)),
    connectionKeysRotateSchema: standardSchema((v) => wasm.validateConnectionKeysRotate(v)),
    provisioningConnectionRequestSchema: standardSchema((v) => wasm.validateProvisioningConnectionRequest(v)),
  };
}
