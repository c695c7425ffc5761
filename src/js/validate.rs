//! Validator exports.

use wasm_bindgen::prelude::*;

use crate::js::issues::issues_to_js;
use crate::validation::name::validate_connection_name;
use crate::validation::{Issue, IssueCode};

/// The issue reported when a field that must be a string holds something else.
fn not_a_string(field: &str) -> Issue {
    Issue::new(
        Vec::new(),
        IssueCode::Type,
        format!("{field} must be a string"),
    )
}

/// Checks a connection name as a form would while the user types: 1 to 128 characters matching
/// `^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$`. Returns the issues found, empty when valid.
#[wasm_bindgen(js_name = validateConnectionName, unchecked_return_type = "Issue[]")]
pub fn validate_connection_name_js(
    #[wasm_bindgen(unchecked_param_type = "unknown")] name: JsValue,
) -> js_sys::Array {
    match name.as_string() {
        Some(name) => issues_to_js(&validate_connection_name(&name)),
        None => issues_to_js(&[not_a_string("name")]),
    }
}
