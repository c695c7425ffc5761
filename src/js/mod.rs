//! The JavaScript boundary: the only module with `#[wasm_bindgen]`. Every export takes any JS
//! value and returns a result; nothing here throws for bad input.

#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "client")]
pub mod config;
#[cfg(feature = "client")]
pub mod fetch;
pub mod issues;
#[cfg(feature = "client")]
pub mod js_error;
pub mod keys;
#[cfg(feature = "client")]
pub mod limiter;
mod model_types;
#[cfg(feature = "client")]
pub mod options;
pub mod sys;
pub mod tables;
pub mod text;
pub mod validate;

use wasm_bindgen::prelude::wasm_bindgen;

/// The crate's version, which is also the npm package's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Bytes of linear memory the module holds right now. Wasm memory only grows, so a figure that
/// stays flat across many calls shows that rejected input leaks nothing. For the package's tests
/// (which import the glue by path): not part of the API, so neither exported by an entry nor
/// declared.
#[wasm_bindgen(js_name = wasmMemoryBytes, skip_typescript)]
pub fn wasm_memory_bytes() -> f64 {
    // Read in wasm itself (`memory.size`): no call out to JS, no glue.
    #[cfg(target_arch = "wasm32")]
    let pages = core::arch::wasm32::memory_size::<0>();
    #[cfg(not(target_arch = "wasm32"))]
    let pages = 0_usize;
    pages as f64 * 65_536.0
}
