//! JS strings into Rust through the engine's native UTF-8 encoder (`lib/text.js`): faster than a
//! per-character copy on long strings (request and response bodies), and one string path for the
//! whole boundary, so the generated glue carries no encoder of its own.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(raw_module = "./lib/text.js")]
extern "C" {
    /// The UTF-8 bytes of a JS string, encoded natively.
    fn utf8(text: &js_sys::JsString) -> js_sys::Uint8Array;
}

/// A JS string as Rust text; `None` for anything that is not a string. A lone surrogate becomes
/// U+FFFD, as in any UTF-8 encoding.
pub fn rust_text(value: &JsValue) -> Option<String> {
    let text = value.dyn_ref::<js_sys::JsString>()?;
    String::from_utf8(utf8(text).to_vec()).ok()
}
