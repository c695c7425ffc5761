//! The transport: one attempt over the global `fetch` (browsers, Node 20+, workerd) with a
//! per-attempt timeout, and a sleep the caller's signal cancels. The platform calls are one JS
//! function each (`lib/runtime.js`) returning a promise, which the client's task hands to its JS
//! driver to wait on; one attempt crosses the boundary once each way. 204 and empty bodies are
//! never parsed here: the body is returned as text. Redirects are never followed (the API and
//! Okta never need one, and following would re-send the credentials or body elsewhere), and an
//! error body is read only up to about [`ERROR_BODY_LIMIT`] characters.

use crate::js::text::rust_text;
use js_sys::{Object, Promise};
use wasm_bindgen::prelude::*;

use crate::client::Failure;
use crate::http::rate_limit::ResponseHeaders;
use crate::http::substring::{split_at_any, split_once};
use crate::js::keys::{get, set};
pub use crate::js::sys::sleep;
use crate::js::sys::{fetch_attempt, js_within};

/// The most characters of a non-2xx body read (whole chunks, so a chunk more at most) and copied
/// into Rust: enough for any Auth0 or Okta error body; the rest of the body is cancelled unread,
/// so a hostile upstream cannot make an answer cost more than this.
pub const ERROR_BODY_LIMIT: f64 = 65_536.0;

/// The longest timer every runtime honours (`setTimeout` fires at once beyond 2^31-1 ms).
pub const MAX_TIMER_MS: f64 = 2_147_483_647.0;

/// `seconds` as timer milliseconds, clamped to [`MAX_TIMER_MS`].
pub fn timer_ms(seconds: f64) -> f64 {
    (seconds * 1000.0).min(MAX_TIMER_MS)
}

/// A response body's text in Rust: at most its first [`ERROR_BODY_LIMIT`] characters (a 2xx body
/// is read whole, an error body whole chunks; only a prefix is needed to describe it), one copy
/// into wasm memory.
pub fn body_text(body: &JsValue) -> String {
    let limit = ERROR_BODY_LIMIT as u32;
    match body.dyn_ref::<js_sys::JsString>() {
        Some(text) if text.length() > limit => rust_text(&text.slice(0, limit)),
        _ => rust_text(body),
    }
    .unwrap_or_default()
}

/// How a promise waited on by [`within`] settled.
pub enum Settled {
    /// It resolved to this value.
    Value(JsValue),
    /// It rejected with this reason.
    Rejected(JsValue),
    /// The time ran out first.
    TimedOut,
    /// The caller's signal aborted first.
    Aborted,
}

/// `promise`, bounded by `ms` and `signal` (see [`Settled`]); read with [`read_settled`].
pub fn within(promise: &Promise, ms: f64, signal: &JsValue) -> Promise {
    js_within(promise, ms.min(MAX_TIMER_MS), signal)
}

/// How a [`within`] promise settled.
pub fn read_settled(result: &JsValue) -> Settled {
    match rust_text(&get(result, "failure")).as_deref() {
        None => Settled::Value(get(result, "value")),
        Some("timeout") => Settled::TimedOut,
        Some("aborted") => Settled::Aborted,
        Some(_) => Settled::Rejected(get(result, "reason")),
    }
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

/// An HTTP response (any status; 0 for a browser's opaque redirect) with its body text (empty
/// for 204; about [`ERROR_BODY_LIMIT`] characters at most unless 2xx). The text stays a JS string:
/// a success body goes from there to `JSON.parse` without a trip through wasm memory; only error
/// bodies are read in Rust.
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The headers the client reads.
    pub headers: ResponseHeaders,
    /// The body as a JS string.
    pub body: JsValue,
    /// The origin the `Location` header points to, as a JS string (`undefined` without one).
    pub to: JsValue,
}

/// What one attempt produced: a response, or why none came.
pub type Outcome = Result<Response, Failure>;

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
        split_at_any(lines, b"\n")
            .filter_map(|line| split_once(line, ":"))
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
        attempt.timeout_ms.min(MAX_TIMER_MS),
        attempt.signal,
        ERROR_BODY_LIMIT,
    )
}

/// What an attempt produced, from how its promise settled (it never rejects; a rejection would
/// be a network error without a description).
pub fn read_outcome(ok: bool, result: &JsValue) -> Outcome {
    if !ok {
        return Err(Failure::Network("unknown error".to_owned()));
    }
    match rust_text(&get(result, "failure")).as_deref() {
        None => Ok(Response {
            status: get(result, "status")
                .as_f64()
                .and_then(|n| u16::try_from(n as i64).ok())
                .unwrap_or(0),
            headers: read_headers(&rust_text(&get(result, "headers")).unwrap_or_default()),
            body: get(result, "body"),
            to: get(result, "to"),
        }),
        Some("timeout") => Err(Failure::Timeout),
        Some("aborted") => Err(Failure::Aborted),
        Some(_) => Err(Failure::Network(
            rust_text(&get(result, "description")).unwrap_or_else(|| "unknown error".to_owned()),
        )),
    }
}
