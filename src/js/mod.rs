//! The JavaScript boundary: the only module with `#[wasm_bindgen]`. Every export takes any JS
//! value and returns a result; nothing here throws for bad input.

pub mod client;
pub mod issues;
pub mod validate;
