// @ts-check
// UTF-8 for the wasm boundary and response bodies: the engine's TextEncoder and TextDecoder, which
// every browser, Node, Deno, Bun and workerd has, else a small stand-in with the methods the
// package uses, for the few environments without them (Jest's jsdom environment). Chosen once,
// when a module asks for its encoder or decoder: the native path costs nothing more per call. The
// stand-ins go through the engine's own UTF-8 code in `encodeURIComponent`/`decodeURIComponent`.

/**
 * A UTF-8 encoder: the engine's `TextEncoder`, or a stand-in with its `encodeInto` for a `view`
 * with room for all of `text` (lib/boundary.js gives 3 bytes per UTF-16 unit); it answers
 * `written` only. A lone surrogate becomes U+FFFD, as natively.
 */
export function textEncoder() {
  if (typeof TextEncoder == 'function') return new TextEncoder();
  return {
    /** @param {string} text @param {Uint8Array} view */
    encodeInto(text, view) {
      // Pairs kept, a lone surrogate (which encodeURIComponent refuses) made U+FFFD.
      const whole = text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (unit) => (unit.length > 1 ? unit : '\ufffd'));
      const bytes = unescape(encodeURIComponent(whole));
      for (let i = 0; i < bytes.length; i++) view[i] = bytes.charCodeAt(i);
      return { written: bytes.length };
    },
  };
}

/**
 * A UTF-8 decoder: the engine's `TextDecoder` (with `options`, e.g. `{ ignoreBOM: true }`), or a
 * stand-in with its `decode`, `{ stream: true }` included (a sequence split between chunks waits
 * for the next); a malformed sequence becomes U+FFFD (at times not as many as natively), a
 * leading BOM is kept. The wasm-bindgen glue gets its decoder here (scripts/glue-fixups.mjs).
 */
export function textDecoder(options = undefined) {
  if (typeof TextDecoder == 'function') return new TextDecoder('utf-8', options);
  /** The start of a sequence the previous streamed chunk ended inside, one character a byte. */
  let rest = '';
  return {
    /** @param {ArrayLike<number>} [bytes] @param {{ stream?: boolean }} [options] */
    decode(bytes = [], options = undefined) {
      let text = rest;
      for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
      rest = (options?.stream && /([\xc2-\xf4]|[\xe0-\xf4][\x80-\xbf]|[\xf0-\xf4][\x80-\xbf]{2})$/.exec(text)?.[0]) || '';
      // Each sequence (or stray byte) decoded by the engine, which refuses a malformed one.
      return text.slice(0, text.length - rest.length).replace(/[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}|[\x80-\xff]/g, (bytes) => {
        try {
          return decodeURIComponent(escape(bytes));
        } catch {
          return '\ufffd';
        }
      });
    },
  };
}
