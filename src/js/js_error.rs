//! Turning an [`ApiError`] into the package's `ManagementError` / `OktaError` (built by
//! `lib/errors.js`), and setting plain values on JS objects.

use js_sys::Object;
use wasm_bindgen::prelude::*;

use crate::http::error::ApiError;
use crate::http::retry::Dialect;
use crate::js::issues::issues_to_js;
use crate::js::keys::{js_str, set_key};
use crate::js::sys::create_error;

/// An optional string as JS (`undefined` for `None`).
fn opt_str(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::UNDEFINED, JsValue::from_str)
}

/// An optional number as JS.
fn opt_num(value: Option<f64>) -> JsValue {
    value.map_or(JsValue::UNDEFINED, JsValue::from_f64)
}

/// JSON text to a JS value; `undefined` if it does not parse.
pub fn json_to_js(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or(JsValue::UNDEFINED)
}

/// Builds the JS error for `error`; `cause` is attached when defined (e.g. an abort reason).
pub fn to_js_error(dialect: Dialect, error: &ApiError, cause: &JsValue) -> JsValue {
    let info = Object::new();
    let dialect = match dialect {
        Dialect::Auth0 => "auth0",
        Dialect::Okta => "okta",
    };
    set_key(&info, "dialect", &js_str(dialect));
    set_key(&info, "kind", &js_str(error.kind.as_str()));
    set_key(&info, "statusCode", &opt_num(error.status.map(f64::from)));
    // One loop over the text fields: a call per field would be a copy each in the wasm.
    let texts = [
        ("message", Some(error.message.as_str())),
        ("errorCode", error.error_code.as_deref()),
        ("error", error.error.as_deref()),
        ("requestId", error.request_id.as_deref()),
        ("errorSummary", error.error_summary.as_deref()),
        ("errorId", error.error_id.as_deref()),
    ];
    for (key, value) in texts {
        set_key(&info, key, &opt_str(value));
    }
    if let Some(rate) = error.rate_limit {
        let rate_js = Object::new();
        set_key(&rate_js, "limit", &opt_num(rate.limit));
        set_key(&rate_js, "remaining", &opt_num(rate.remaining));
        set_key(&rate_js, "reset", &opt_num(rate.reset));
        set_key(&info, "rateLimit", &rate_js);
    }
    set_key(&info, "issues", &issues_to_js(&error.issues));
    let causes: js_sys::Array = error
        .error_causes
        .iter()
        .map(|text| JsValue::from_str(text))
        .collect();
    set_key(&info, "errorCauses", &causes);
    if let Some(body) = &error.body {
        set_key(&info, "body", &json_to_js(body));
    }
    if !cause.is_undefined() {
        set_key(&info, "cause", cause);
    }
    create_error(&info)
}
