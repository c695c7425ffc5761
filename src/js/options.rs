//! Reading client options and per-call arguments from JS values, without throwing.

use crate::js::text::rust_text;
use crate::js::validate::with_json_text;
use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

use crate::http::error::ApiError;
use crate::http::params::{ParamValue, Params};
use crate::http::policy::SendPolicy;
use crate::js::keys::get;
use crate::js::sys::object_entries;
pub use crate::js::sys::parse_json;
use crate::validation::{Issue, IssueCode, PathSegment};

/// The `[name, value]` pairs of an `Object.entries` result. They are arrays already: read in
/// place (`Array.from` would copy each one).
fn pairs(entries: &Array) -> impl Iterator<Item = (JsValue, JsValue)> + '_ {
    entries.iter().map(|entry| {
        let pair = entry.unchecked_into::<Array>();
        (pair.get(0), pair.get(1))
    })
}

/// A `type` issue at `field`.
pub fn type_issue(field: &str, expected: &str) -> Issue {
    Issue::at(
        field,
        IssueCode::Type,
        crate::text!(field, " must be ", expected),
    )
}

/// An optional string option: `Ok(None)` when undefined or null.
pub fn opt_string(source: &JsValue, field: &'static str) -> Result<Option<String>, Issue> {
    let value = get(source, field);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    rust_text(&value)
        .map(Some)
        .ok_or_else(|| type_issue(field, "a string"))
}

/// The `validation` option (client and per call): `"drift"`, `"strict"` or `"off"`.
pub fn opt_policy(source: &JsValue, field: &'static str) -> Result<Option<SendPolicy>, Issue> {
    match opt_string(source, field) {
        Ok(Some(text)) => SendPolicy::parse(&text).map(Some).ok_or_else(|| {
            Issue::at(
                field,
                IssueCode::Enum,
                crate::text!(
                    field,
                    " must be ",
                    SendPolicy::NAMES,
                    "; it is \"",
                    text,
                    "\""
                ),
            )
        }),
        Ok(None) => Ok(None),
        Err(_) => Err(type_issue(field, SendPolicy::NAMES)),
    }
}

/// An optional positive number option.
pub fn opt_positive(source: &JsValue, field: &'static str) -> Result<Option<f64>, Issue> {
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
pub fn opt_retries(source: &JsValue, field: &'static str) -> Result<Option<u32>, Issue> {
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
pub fn opt_headers(source: &JsValue, field: &'static str) -> Result<Vec<(String, String)>, Issue> {
    let value = get(source, field);
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let Some(object) = value.dyn_ref::<Object>() else {
        return Err(type_issue(field, "an object of header names to strings"));
    };
    let mut headers = Vec::new();
    let entries = object_entries(object).map_err(|_| type_issue(field, "a readable object"))?;
    for (name, value) in pairs(&entries) {
        match (rust_text(&name), rust_text(&value)) {
            (Some(name), Some(value)) => headers.push((name, value)),
            _ => return Err(type_issue(field, "an object of header names to strings")),
        }
    }
    Ok(headers)
}

/// A body as JSON text: `Ok(None)` for undefined; for values JSON cannot hold (functions,
/// symbols, BigInt, cycles, throwing getters or Proxies, nesting that exhausts the stack) the
/// validators' own issue, at `field`.
pub fn to_body_text(value: &JsValue, field: &str) -> Result<Option<String>, Issue> {
    if value.is_undefined() {
        return Ok(None);
    }
    with_json_text(value, str::to_owned)
        .map(Some)
        .map_err(|mut issue| {
            issue.path.insert(0, PathSegment::from(field));
            issue
        })
}

/// One parameter value read from JS.
fn param_value(value: &JsValue) -> ParamValue {
    if value.is_undefined() || value.is_null() {
        ParamValue::Null
    } else if let Some(flag) = value.as_bool() {
        ParamValue::Bool(flag)
    } else if let Some(number) = value.as_f64() {
        ParamValue::Number(number)
    } else if let Some(text) = rust_text(value) {
        ParamValue::Text(text)
    } else if Array::is_array(value) {
        ParamValue::List(
            value
                .unchecked_ref::<Array>()
                .iter()
                .map(|item| param_value(&item))
                .collect(),
        )
    } else if value.is_function() {
        ParamValue::Other("a function")
    } else {
        ParamValue::Other("an object")
    }
}

/// A `params` object as plain data; `undefined` and `null` give no parameters.
pub fn to_params(value: &JsValue) -> Result<Params, Issue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Params::new());
    }
    if !value.is_object() || Array::is_array(value) {
        return Err(type_issue("params", "an object"));
    }
    // A JSON round trip first: afterwards the value is plain data, so no getter or Proxy trap
    // can run (and throw) while it is read.
    let plain = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| parse_json(&text).ok())
        .ok_or_else(|| type_issue("params", "plain JSON data"))?;
    // JSON turns NaN and ±Infinity into null, which would read as "absent": refuse them first.
    if let Ok(original) = object_entries(value) {
        for (name, value) in pairs(&original) {
            if value.as_f64().is_some_and(|n| !n.is_finite()) {
                let name = rust_text(&name).unwrap_or_default();
                return Err(Issue::new(
                    vec![PathSegment::from("params"), PathSegment::Key(name.clone())],
                    IssueCode::Type,
                    crate::text!("params.", name, " must be a finite number"),
                ));
            }
        }
    }
    let entries = object_entries(&plain).map_err(|_| type_issue("params", "a readable object"))?;
    Ok(pairs(&entries)
        .filter_map(|(name, value)| Some((rust_text(&name)?, param_value(&value))))
        .collect())
}

/// Reads a value of a JS object that should be a non-negative whole number.
pub fn get_count(source: &JsValue, key: &'static str) -> Option<u64> {
    match get(source, key).as_f64() {
        Some(n) if n.is_finite() && n >= 0.0 && n.fract() == 0.0 => Some(n as u64),
        _ => None,
    }
}

/// The value of a read, or its default with the issue collected.
pub fn collect<T: Default>(read: Result<T, Issue>, issues: &mut Vec<Issue>) -> T {
    read.unwrap_or_else(|issue| {
        issues.push(issue);
        T::default()
    })
}

/// `timeoutInSeconds` and `maxRetries`, shared by client and per-call options.
pub fn read_limits(options: &JsValue, issues: &mut Vec<Issue>) -> (Option<f64>, Option<u32>) {
    let timeout = collect(opt_positive(options, "timeoutInSeconds"), issues);
    let retries = collect(opt_retries(options, "maxRetries"), issues);
    (timeout, retries)
}

/// Collects issues into one validation error, or passes.
pub fn check(what: &str, issues: Vec<Issue>) -> Result<(), ApiError> {
    if issues.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(what, issues))
    }
}
