//! Turning Rust [`Issue`]s into plain JS objects `{ path, code, message }`.

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::js::keys::js_str;
use crate::js::sys::issue_object;
use crate::validation::{Issue, PathSegment};

/// One issue as `{ path: (string|number)[], code: string, message: string }`.
pub fn issue_to_js(issue: &Issue) -> JsValue {
    let path = Array::new();
    for segment in &issue.path {
        match segment {
            PathSegment::Key(key) => path.push(&JsValue::from_str(key)),
            PathSegment::Index(index) => path.push(&JsValue::from_f64(f64::from(*index))),
        };
    }
    issue_object(&path, &js_str(issue.code.as_str()), &issue.message)
}

/// A list of issues as a JS array.
pub fn issues_to_js(issues: &[Issue]) -> Array {
    issues.iter().map(issue_to_js).collect()
}
