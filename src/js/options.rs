//! Reading client options and per-call arguments from JS values, without throwing.

use js_sys::{Array, Object};
use serde_json::{Map, Value};
use wasm_bindgen::{JsCast, JsValue};

use crate::http::error::ApiError;
use crate::js::js_error::get;
use crate::validation::{Issue, IssueCode, PathSegment};

/// A `type` issue at `field`.
pub fn type_issue(field: &str, expected: &str) -> Issue {
    Issue::new(
        vec![PathSegment::from(field)],
        IssueCode::Type,
        format!("{field} must be {expected}"),
    )
}

/// An optional string option: `Ok(None)` when undefined or null.
pub fn opt_string(source: &JsValue, field: &str) -> Result<Option<String>, Issue> {
    let value = get(source, field);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| type_issue(field, "a string"))
}

/// An optional positive number option.
pub fn opt_positive(source: &JsValue, field: &str) -> Result<Option<f64>, Issue> {
    let value = get(source, field);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(n) if n.is_finite() && n > 0.0 => Ok(Some(n)),
        _ => Err(type_issue(field, "a positive number")),
    }
}

/// An optional retry count: a whole number from 0 to 10.
pub fn opt_retries(source: &JsValue, field: &str) -> Result<Option<u32>, Issue> {
    let value = get(source, field);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (0.0..=10.0).contains(&n) => Ok(Some(n as u32)),
        _ => Err(type_issue(field, "a whole number from 0 to 10")),
    }
}

/// An optional `{ name: value }` header object with string values.
pub fn opt_headers(source: &JsValue, field: &str) -> Result<Vec<(String, String)>, Issue> {
    let value = get(source, field);
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let Some(object) = value.dyn_ref::<Object>() else {
        return Err(type_issue(field, "an object of header names to strings"));
    };
    let mut headers = Vec::new();
    for entry in Object::entries(object).iter() {
        let pair = Array::from(&entry);
        match (pair.get(0).as_string(), pair.get(1).as_string()) {
            (Some(name), Some(value)) => headers.push((name, value)),
            _ => return Err(type_issue(field, "an object of header names to strings")),
        }
    }
    Ok(headers)
}

/// A JS value as JSON data: `Ok(None)` for undefined; a `type` issue for values JSON cannot hold
/// (functions, symbols, BigInt, cycles).
pub fn to_json(value: &JsValue, field: &str) -> Result<Option<Value>, Issue> {
    if value.is_undefined() {
        return Ok(None);
    }
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string());
    let parsed = text.and_then(|text| serde_json::from_str::<Value>(&text).ok());
    match parsed {
        Some(json) => Ok(Some(json)),
        None => Err(type_issue(field, "plain JSON data")),
    }
}

/// A params object as a JSON map.
pub fn to_params(value: &JsValue) -> Result<Map<String, Value>, Issue> {
    match to_json(value, "params")? {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(map)) => Ok(map),
        Some(_) => Err(type_issue("params", "an object")),
    }
}

/// Collects issues into one validation error, or passes.
pub fn check(what: &str, issues: Vec<Issue>) -> Result<(), ApiError> {
    if issues.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(what, issues))
    }
}
