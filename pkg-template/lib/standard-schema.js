// @ts-check
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

/** A Standard Schema object over `check`; free of side effects, so bundlers drop unused ones. */
export function schemaOf(check) {
  return standardSchema(check);
}
