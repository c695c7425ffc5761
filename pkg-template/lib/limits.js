// @ts-check
// The limits the JS layer applies itself (the name check's fast path, clients.update's batches),
// read once from a wasm module: each is written once, in Rust (src/js/tables.rs, `limits_json`),
// never again here.

/**
 * `limitsOf(read)()`: the limits `read()` returns as JSON text, parsed on the first call (no wasm
 * call while modules load), with `namePattern` as a RegExp.
 */
export function limitsOf(read) {
  let limits;
  return () => {
    if (limits === undefined) {
      limits = JSON.parse(read());
      limits.namePattern = new RegExp(limits.namePattern);
    }
    return limits;
  };
}
