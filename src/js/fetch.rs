//! The transport: one attempt over the global `fetch` (browsers, Node 20+, workerd) with a
//! per-attempt timeout, and a sleep the caller's signal cancels. 204 and empty bodies are never
//! parsed here: the body is returned as text.

use crate::js::text::rust_text;
use js_sys::{Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::http::rate_limit::ResponseHeaders;
use crate::js::js_error::{get, set};

#[wasm_bindgen(raw_module = "./lib/runtime.js")]
extern "C" {
    /// Resolves after `ms`; rejects with the signal's reason when it aborts.
    fn sleep(ms: f64, signal: &JsValue) -> Promise;
    /// `{ signal, timedOut, clear() }` for one attempt.
    #[wasm_bindgen(js_name = attemptSignal)]
    fn attempt_signal(ms: f64, parent: &JsValue) -> JsValue;
}

#[wasm_bindgen]
extern "C" {
    /// The global `fetch`.
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(url: &str, init: &JsValue) -> Promise;
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
    /// The body text.
    pub body: Option<&'a str>,
    /// Timeout for the whole attempt including reading the body.
    pub timeout_ms: f64,
    /// The caller's `AbortSignal` or `undefined`.
    pub signal: &'a JsValue,
}

/// Whether the caller's signal has aborted.
pub fn is_aborted(signal: &JsValue) -> bool {
    get(signal, "aborted").is_truthy()
}

/// A short description of a thrown value, including its `cause` (Node's `fetch failed` hides
/// the socket error there).
fn describe(error: &JsValue) -> String {
    let text = |value: &JsValue| {
        let message = get(value, "message");
        rust_text(&message)
            .or_else(|| rust_text(value))
            .unwrap_or_else(|| "unknown error".to_owned())
    };
    let cause = get(error, "cause");
    if cause.is_undefined() || cause.is_null() {
        text(error)
    } else {
        format!("{}: {}", text(error), text(&cause))
    }
}

/// Sends one attempt.
pub async fn send(attempt: Attempt<'_>) -> Outcome {
    let guard = attempt_signal(attempt.timeout_ms, attempt.signal);
    let outcome = run(&attempt, &guard).await;
    if let Ok(clear) = get(&guard, "clear").dyn_into::<js_sys::Function>() {
        let _ = clear.call0(&guard);
    }
    outcome
}

/// The attempt itself; `guard` is the attempt signal state.
async fn run(attempt: &Attempt<'_>, guard: &JsValue) -> Outcome {
    let headers = Object::new();
    for (name, value) in attempt.headers {
        set(
            &headers,
            &name.to_ascii_lowercase(),
            &JsValue::from_str(value),
        );
    }
    let init = Object::new();
    set(&init, "method", &JsValue::from_str(attempt.method));
    set(&init, "headers", &headers);
    set(&init, "signal", &get(guard, "signal"));
    if let Some(body) = attempt.body {
        set(&init, "body", &JsValue::from_str(body));
    }
    let failed = |error: JsValue| {
        if get(guard, "timedOut").is_truthy() {
            Outcome::TimedOut
        } else if is_aborted(attempt.signal) {
            Outcome::Aborted(get(attempt.signal, "reason"))
        } else {
            Outcome::Network(describe(&error))
        }
    };
    let response = match JsFuture::from(global_fetch(attempt.url, &init)).await {
        Ok(response) => response,
        Err(error) => return failed(error),
    };
    let status = get(&response, "status")
        .as_f64()
        .and_then(|n| u16::try_from(n as i64).ok())
        .unwrap_or(0);
    let header_source = get(&response, "headers");
    let mut pairs = Vec::new();
    if let Ok(get_header) = get(&header_source, "get").dyn_into::<js_sys::Function>() {
        for name in READ_HEADERS {
            if let Ok(value) = get_header.call1(&header_source, &JsValue::from_str(name)) {
                if let Some(value) = rust_text(&value) {
                    pairs.push((name.to_owned(), value));
                }
            }
        }
    }
    let headers = ResponseHeaders::new(pairs);
    let body = if status == 204 {
        JsValue::from_str("")
    } else {
        let text = get(&response, "text").dyn_into::<js_sys::Function>();
        let promise = text.and_then(|text| text.call0(&response));
        match promise.map(|value| JsFuture::from(Promise::resolve(&value))) {
            Ok(future) => match future.await {
                Ok(text) if text.is_string() => text,
                Ok(_) => JsValue::from_str(""),
                Err(error) => return failed(error),
            },
            Err(error) => return failed(error),
        }
    };
    Outcome::Response {
        status,
        headers,
        body,
    }
}

/// Waits `ms`; `Err(reason)` when the caller's signal aborts during the wait.
pub async fn wait(ms: f64, signal: &JsValue) -> Result<(), JsValue> {
    JsFuture::from(sleep(ms, signal)).await.map(|_| ())
}
