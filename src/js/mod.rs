//! The JavaScript boundary: the only module with `#[wasm_bindgen]`. Every export takes any JS
//! value and returns a result; nothing here throws for bad input.

#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "client")]
pub mod fetch;
pub mod issues;
#[cfg(feature = "client")]
pub mod js_error;
pub mod keys;
#[cfg(feature = "client")]
pub mod options;
pub mod text;
pub mod validate;

use wasm_bindgen::prelude::wasm_bindgen;

/// The crate's version, which is also the npm package's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Bytes of linear memory the module holds right now. Wasm memory only grows, so a figure that
/// stays flat across many calls shows that rejected input leaks nothing.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|memory| memory.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |buffer| f64::from(buffer.byte_length()))
}
