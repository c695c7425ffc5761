// Moving text into wasm: the engine's native UTF-8 encoder, which is much faster on long strings
// (request bodies) than a per-character copy. A lone surrogate becomes U+FFFD, as in any UTF-8
// encoding; JSON.stringify output never holds one (it escapes them).
const encoder = new TextEncoder();

/** The UTF-8 bytes of `text`. */
export function utf8(text) {
  return encoder.encode(text);
}
