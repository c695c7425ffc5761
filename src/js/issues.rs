//! Turning Rust [`Issue`]s into plain JS objects `{ path, code, message }`.

use js_sys::{Array, Object};
use wasm_bindgen::JsValue;

use crate::js::keys::{js_str, set_key};
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
    let object = Object::new();
    set_key(&object, "path", &path);
    set_key(&object, "code", &js_str(issue.code.as_str()));
    set_key(&object, "message", &JsValue::from_str(&issue.message));
    object.into()
}

/// A list of issues as a JS array.
pub fn issues_to_js(issues: &[Issue]) -> Array {
    issues.iter().map(issue_to_js).collect()
}
