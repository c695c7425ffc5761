// @ts-check
// The bytes of a wasm written inline by scripts/inline-wasm.mjs, for the entries that carry it.
/**
 * The wasm bytes of `text`. Its alphabet is printable ASCII but `"`, `\` and `<`; the first 90
 * characters stand for the bytes of ranks 0-89, the last two prefix a second character (ranks
 * 90 and up); `order` (hex) is the byte of each rank.
 */
export function bytesOf(order, text) {
  const index = new Int16Array(128).fill(-1);
  let size = 0;
  for (let c = 0x20; c < 0x7f; c++) if (c !== 0x22 && c !== 0x5c && c !== 0x3c) index[c] = size++;
  const singles = size - 2;
  const byteOf = new Uint8Array(256);
  for (let rank = 0; rank < 256; rank++) byteOf[rank] = parseInt(order.slice(2 * rank, 2 * rank + 2), 16);
  const bytes = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const first = index[text.charCodeAt(i)];
    bytes[n++] = byteOf[first < singles ? first : singles + (first - singles) * size + index[text.charCodeAt(++i)]];
  }
  return bytes.subarray(0, n);
}
