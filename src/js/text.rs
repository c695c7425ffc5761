//! JS strings into Rust through the engine's native UTF-8 encoder (`lib/boundary.js`), written
//! straight into wasm memory with `TextEncoder.encodeInto`: no intermediate `Uint8Array`, no
//! per-character copy, and one string path for the whole boundary, so the generated glue carries
//! no encoder of its own. Validators read their text from a scratch buffer reused across calls,
//! so a call allocates nothing to receive its input.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::js::sys::encode_into;

/// `encodeInto`'s answer for a value that is not a string.
const NOT_A_STRING: i32 = -1;

thread_local! {
    /// The module's memory, fetched once.
    static MEMORY: JsValue = wasm_bindgen::memory();
    /// The scratch buffer strings are encoded into; always fully initialised (its length is its
    /// size), grown when a string needs more.
    static SCRATCH: RefCell<Vec<u8>> = RefCell::new(vec![0; 4096]);
}

/// Encodes `text` into `buffer`, growing it when needed; the number of bytes written, or `None`
/// for a value that is not a string.
fn encode(text: &JsValue, buffer: &mut Vec<u8>) -> Option<usize> {
    for _ in 0..2 {
        let capacity = u32::try_from(buffer.len()).unwrap_or(u32::MAX);
        let at = buffer.as_mut_ptr() as usize as u32;
        let written = MEMORY.with(|memory| encode_into(text, memory, at, capacity));
        match usize::try_from(written) {
            Ok(len) => return (len <= buffer.len()).then_some(len),
            Err(_) if written == NOT_A_STRING => return None,
            Err(_) => {
                let needed = usize::try_from(written.unsigned_abs()).unwrap_or(usize::MAX);
                buffer.resize(needed, 0);
            }
        }
    }
    None
}

/// Runs `read` over a JS string's text without allocating (the scratch buffer); `None` for
/// anything that is not a string. A lone surrogate becomes U+FFFD, as in any UTF-8 encoding.
pub fn with_text<R>(value: &JsValue, read: impl FnOnce(&str) -> R) -> Option<R> {
    SCRATCH.with(|scratch| {
        let mut fresh = Vec::new();
        // A nested read (not reached: nothing calls back into JS mid-read) gets its own buffer.
        let mut borrowed = scratch.try_borrow_mut();
        let buffer = match borrowed.as_deref_mut() {
            Ok(buffer) => buffer,
            Err(_) => &mut fresh,
        };
        let len = encode(value, buffer)?;
        let answer = std::str::from_utf8(buffer.get(..len)?).ok().map(read);
        if buffer.len() > KEEP {
            // A rare long body does not pin its size in memory.
            buffer.truncate(KEEP);
            buffer.shrink_to_fit();
        }
        answer
    })
}

/// The scratch buffer keeps at most this many bytes between calls.
const KEEP: usize = 64 * 1024;

/// A JS string as Rust text; `None` for anything that is not a string. Read through the scratch
/// buffer (one call into JS, however short the string), then copied out.
pub fn rust_text(value: &JsValue) -> Option<String> {
    with_text(value, str::to_owned)
}
