//! The transport: one attempt over the global `fetch` (browsers, Node 20+, workerd) with a
//! per-attempt timeout, and a sleep the caller's signal cancels. The platform calls are one JS
//! function each (`lib/runtime.js`) returning a promise, which the client's task hands to its JS
//! driver to wait on; one attempt crosses the boundary once each way. 204 and empty bodies are
//! never parsed here: the body is returned as text.

use crate::js::text::rust_text;
use js_sys::{Object, Promise};
use wasm_bindgen::prelude::*;

use crate::http::rate_limit::ResponseHeaders;
use crate::js::keys::{get, set};

#[wasm_bindgen(raw_module = "./lib/runtime.js")]
extern "C" {
    /// Resolves after `ms`; rejects with the signal's reason when it aborts.
    pub fn sleep(ms: f64, signal: &JsValue) -> Promise;
    /// One fetch with a timeout; resolves to `{ status, headers, body }` or `{ failure, … }`,
    /// never rejects.
    #[wasm_bindgen(js_name = attempt)]
    fn fetch_attempt(
        method: &str,
        url: &str,
        headers: &JsValue,
        body: &JsValue,
        ms: f64,
        signal: &JsValue,
    ) -> Promise;
}

/// The response headers the client reads (rate limits, retry waits, request ids, server date).
const READ_HEADERS: [&str; 12] = [
    "retry-after",
    "date",
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "x-rate-limit-limit",
    "x-rate-limit-remaining",
    "x-rate-limit-reset",
    "x-request-id",
    "x-auth0-requestid",
    "x-okta-request-id",
    "content-type",
];

/// What one attempt produced.
pub enum Outcome {
    /// An HTTP response (any status) with its body text (empty for 204). The text stays a JS
    /// string: a success body goes from there to `JSON.parse` without a trip through wasm
    /// memory; only error bodies are read in Rust.
    Response {
        /// The status code.
        status: u16,
        /// The headers the client reads.
        headers: ResponseHeaders,
        /// The body as a JS string.
        body: JsValue,
    },
    /// The attempt's timeout fired.
    TimedOut,
    /// The caller's signal aborted; holds its reason.
    Aborted(JsValue),
    /// No response: refused, dropped, DNS, CORS…; holds a description.
    Network(String),
}

/// One request to send.
pub struct Attempt<'a> {
    /// `GET`, `POST`, …
    pub method: &'a str,
    /// The absolute URL.
    pub url: &'a str,
    /// Headers in order; later ones replace earlier ones with the same name.
    pub headers: &'a [(String, String)],
    /// The body as a JS string, or `undefined` for none.
    pub body: &'a JsValue,
    /// Timeout for the whole attempt including reading the body.
    pub timeout_ms: f64,
    /// The caller's `AbortSignal` or `undefined`.
    pub signal: &'a JsValue,
}

/// Whether the caller's signal has aborted.
pub fn is_aborted(signal: &JsValue) -> bool {
    get(signal, "aborted").is_truthy()
}

/// The headers the client reads, from `name:value` lines.
fn read_headers(lines: &str) -> ResponseHeaders {
    ResponseHeaders::new(
        lines
            .split('\n')
            .filter_map(|line| line.split_once(':'))
            .filter(|(name, _)| READ_HEADERS.contains(name))
            .map(|(name, value)| (name.to_owned(), value.to_owned())),
    )
}

/// Starts one attempt; its promise resolves to what [`read_outcome`] reads.
pub fn start_attempt(attempt: Attempt<'_>) -> Promise {
    let headers = Object::new();
    for (name, value) in attempt.headers {
        set(
            &headers,
            &name.to_ascii_lowercase(),
            &JsValue::from_str(value),
        );
    }
    fetch_attempt(
        attempt.method,
        attempt.url,
        &headers,
        attempt.body,
        attempt.timeout_ms,
        attempt.signal,
    )
}

/// What an attempt produced, from how its promise settled (it never rejects; a rejection would
/// be a network error without a description).
pub fn read_outcome(ok: bool, result: &JsValue) -> Outcome {
    if !ok {
        return Outcome::Network("unknown error".to_owned());
    }
    match rust_text(&get(result, "failure")).as_deref() {
        None => Outcome::Response {
            status: get(result, "status")
                .as_f64()
                .and_then(|n| u16::try_from(n as i64).ok())
                .unwrap_or(0),
            headers: read_headers(&rust_text(&get(result, "headers")).unwrap_or_default()),
            body: get(result, "body"),
        },
        Some("timeout") => Outcome::TimedOut,
        Some("aborted") => Outcome::Aborted(get(result, "reason")),
        Some(_) => Outcome::Network(
            rust_text(&get(result, "description")).unwrap_or_else(|| "unknown error".to_owned()),
        ),
    }
}
