// Base64 text to bytes, for the entries that carry their wasm inline.
/** The bytes of base64 `text` (`Uint8Array.fromBase64` where the engine has it, else `atob`). */
export function bytesOf(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
