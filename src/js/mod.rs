//! The JavaScript boundary: the only module with `#[wasm_bindgen]`. Every export takes any JS
//! value and returns a result; nothing here throws for bad input.

pub mod client;
pub mod fetch;
pub mod issues;
pub mod js_error;
pub mod options;
pub mod validate;

use wasm_bindgen::prelude::wasm_bindgen;

/// The crate's version, which is also the npm package's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
