// @ts-check
// The wasm module's JS helpers at the boundary: moving text in, and building a validator's result
// in one call. Each is a single native operation the Rust side cannot do as cheaply itself.
import { textEncoder } from './utf8.js';

// The glue's decoder comes from here too (scripts/glue-fixups.mjs), through its one import.
export { textDecoder } from './utf8.js';

const encoder = textEncoder();

/** A view of wasm memory at the scratch buffer, kept while the buffer and memory stay put. */
let view = new Uint8Array(0);

/**
 * Encodes `text` as UTF-8 into `capacity` bytes of `memory` at `at`, straight into wasm memory (no
 * intermediate array, no per-character copy). Returns the bytes written, minus the capacity
 * needed (3 bytes per UTF-16 unit at most) when it might not fit, or -1 when `text` is not a
 * string (one call answers the type check too). A lone surrogate becomes U+FFFD,
 * as in any UTF-8 encoding; JSON.stringify output never holds one (it escapes them).
 */
export function encodeInto(text, memory, at, capacity) {
  if (typeof text !== 'string') return -1;
  const needed = text.length * 3;
  if (needed > capacity) return -needed;
  // Growing memory detaches the old buffer (its views then have length 0): make a new view.
  if (view.buffer !== memory.buffer || view.byteOffset !== at || view.length !== capacity) {
    view = new Uint8Array(memory.buffer, at, capacity);
  }
  return encoder.encodeInto(text, view).written;
}

/** A valid result holding `value`. */
export function okResult(value) {
  return { ok: true, value };
}

/**
 * The valid result of a JSON-text validator: `value` is the text parsed on first read, so a Worker
 * that only forwards a checked body never pays for a JS object it does not use. `value` lives on
 * the prototype: read it (or `JSON.stringify` the result); a spread copy holds only `ok`.
 */
class TextResult {
  #text;
  #parsed = false;
  #value;

  constructor(text) {
    /** Always `true`. */
    this.ok = true;
    this.#text = text;
  }

  /** The validated text, parsed once. */
  get value() {
    if (!this.#parsed) {
      this.#value = JSON.parse(this.#text);
      this.#parsed = true;
    }
    return this.#value;
  }

  /** `{ ok: true, value }`, as a plain result would serialise. */
  toJSON() {
    return { ok: true, value: this.value };
  }
}

/** A valid result for JSON text; see `TextResult`. */
export function textResult(text) {
  return new TextResult(text);
}

/** One issue, `{ path, code, message }`: built here in one call, as an object literal (setting
 * three properties on an empty object from wasm was most of an issue's cost). */
export function issue(path, code, message) {
  return { path, code, message };
}

/** An invalid result holding `issues`. */
export function failResult(issues) {
  return { ok: false, issues };
}
