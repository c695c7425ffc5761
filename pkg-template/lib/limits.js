// @ts-check
// The limits and patterns the JS layer applies itself (the name check's fast path, the accept
// path's patterns, clients.update's batches), read once from a wasm module: each is written once,
// in Rust (src/validation/schema_json.rs, `limits_json`), never again here.

/** A value under a rule JS cannot state (the email format): never proved here, left to Rust. */
const UNSTATED = { test: () => false };

/**
 * `limitsOf(read)()`: the limits `read()` returns as JSON text, parsed on the first call (no wasm
 * call while modules load), with `patterns` as RegExps by table number (`null`: no pattern).
 */
export function limitsOf(read) {
  let limits;
  return () => {
    if (limits === undefined) {
      limits = JSON.parse(read());
      limits.patterns = limits.patterns.map((source) => (source === null ? UNSTATED : source === '' ? null : new RegExp(source)));
    }
    return limits;
  };
}
