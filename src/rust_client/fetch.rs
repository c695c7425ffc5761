//! The platform: one attempt over the global `fetch` through gloo-net (browsers, Node 20+,
//! workerd: gloo-net binds the global function, not `window.fetch`), a timer through gloo-timers
//! (the global `setTimeout`), the clock and a random draw. Redirects are never followed (they
//! would re-send the credentials or the body elsewhere); the attempt's timeout aborts it through
//! an `AbortController`, the body read included.

use gloo_net::http::{Method as FetchMethod, RequestBuilder};
use web_sys::{AbortController, RequestRedirect};

use crate::client::Request;
use crate::http::rate_limit::ResponseHeaders;
use crate::http::request::Method;

/// The longest timer every runtime honours (`setTimeout` fires at once beyond 2^31-1 ms).
const MAX_TIMER_MS: f64 = 2_147_483_647.0;

/// An answer: status, headers (lowercased names), the `Location` header, the body's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// The status (0 for a browser's opaque redirect).
    pub status: u16,
    /// The response headers.
    pub headers: ResponseHeaders,
    /// The `Location` header, for a redirect's message.
    pub location: Option<String>,
    /// The body's text (empty for a 204).
    pub body: String,
}

/// Why an attempt got no answer.
#[derive(Debug, Clone, PartialEq)]
pub enum NoReply {
    /// Refused, dropped, DNS, CORS…: the platform's description.
    Network(String),
    /// The attempt's timeout fired first.
    Timeout,
}

/// `ms` as a timer's argument: whole, within what every runtime honours.
fn timer_ms(ms: f64) -> u32 {
    // In range after the clamp: the cast neither wraps nor saturates.
    ms.clamp(0.0, MAX_TIMER_MS) as u32
}

/// The gloo-net method of `method`.
fn fetch_method(method: Method) -> FetchMethod {
    match method {
        Method::Get => FetchMethod::GET,
        Method::Post => FetchMethod::POST,
        Method::Put => FetchMethod::PUT,
        Method::Patch => FetchMethod::PATCH,
        Method::Delete => FetchMethod::DELETE,
    }
}

/// Sends one request; the timeout covers the body read too.
pub async fn send(request: &Request) -> Result<Reply, NoReply> {
    let controller = AbortController::new()
        .map_err(|_| NoReply::Network("AbortController is not available".to_owned()))?;
    let signal = controller.signal();
    let timer = gloo_timers::callback::Timeout::new(timer_ms(request.timeout_ms), move || {
        controller.abort();
    });
    // `Headers.set` (a later header replaces an earlier one of the same name) refuses a name or
    // value fetch cannot send: a network error, never a panic.
    let headers = web_sys::Headers::new()
        .map_err(|_| NoReply::Network("Headers is not available".to_owned()))?;
    for (name, value) in &request.headers {
        headers.set(name, value).map_err(|_| {
            NoReply::Network(crate::text!("the header \"", name, "\" cannot be sent"))
        })?;
    }
    let builder = RequestBuilder::new(&request.url)
        .method(fetch_method(request.method))
        .redirect(RequestRedirect::Manual)
        .abort_signal(Some(&signal))
        .headers(gloo_net::http::Headers::from_raw(headers));
    let failed = |error: gloo_net::Error| {
        if signal.aborted() {
            NoReply::Timeout
        } else {
            NoReply::Network(error.to_string())
        }
    };
    let built = match &request.body {
        Some(body) => builder.body(body.clone()),
        None => builder.build(),
    }
    .map_err(failed)?;
    let response = built.send().await.map_err(failed)?;
    let status = response.status();
    let headers = ResponseHeaders::new(response.headers().entries());
    let location = headers.get("location").map(str::to_owned);
    let body = response.text().await.map_err(failed)?;
    drop(timer);
    Ok(Reply {
        status,
        headers,
        location,
        body,
    })
}

/// A timer that resolves after `ms` milliseconds.
pub fn timer(ms: f64) -> gloo_timers::future::TimeoutFuture {
    gloo_timers::future::TimeoutFuture::new(timer_ms(ms))
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: f64) {
    timer(ms).await;
}

/// The current time in epoch milliseconds.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A random number in `[0, 1)`, for backoff jitter.
pub fn random() -> f64 {
    js_sys::Math::random()
}
