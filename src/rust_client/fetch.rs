//! The platform: one attempt over the global `fetch` through gloo-net (browsers, Node 20+,
//! workerd: gloo-net binds the global function, not `window.fetch`), a timer through gloo-timers
//! (the global `setTimeout`), the clock and a random draw. Redirects are never followed (they
//! would re-send the credentials or the body elsewhere); the attempt's timeout aborts it through
//! an `AbortController`, the body read included, and so does dropping the attempt (a call future
//! dropped by a `select!` timeout or an unmounted component stops its fetch). A non-2xx body is
//! read through its stream only up to what the core reads of it, the rest cancelled unread.

use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::Poll;

use gloo_net::http::{Method as FetchMethod, RequestBuilder, Response};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReadableStreamDefaultReader, ReadableStreamReadResult, RequestRedirect,
};

use crate::client::events::ERROR_BODY_LIMIT;
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

/// The most bytes of a non-2xx body read from the network: the core's [`ERROR_BODY_LIMIT`]
/// characters however many bytes each takes (at most 4 in UTF-8).
const ERROR_BODY_BYTES: usize = ERROR_BODY_LIMIT * 4;

/// Aborts its attempt's fetch when dropped: the attempt ended (aborting a fetch whose body was
/// read changes nothing) or its future was dropped mid-flight (the request and its body read stop).
struct AbortOnDrop(AbortController);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// `bytes` without a last character the cut split (an incomplete UTF-8 sequence at the end).
fn whole_chars(bytes: &[u8]) -> &[u8] {
    let len = bytes.len();
    for back in 1..=len.min(4) {
        let at = len - back;
        let lead = bytes.get(at).copied().unwrap_or_default();
        if lead & 0xC0 == 0x80 {
            continue; // a continuation byte: its lead is further back
        }
        let needs = match lead {
            0xF0..=0xF4 => 4,
            0xE0..=0xEF => 3,
            0xC2..=0xDF => 2,
            _ => 1, // ASCII, or never a lead in UTF-8 (U+FFFD either way)
        };
        return if needs > back {
            bytes.get(..at).unwrap_or_default()
        } else {
            bytes
        };
    }
    bytes
}

/// The first `cap` bytes of `response`'s body (all of it when shorter) as text, the rest
/// cancelled unread, so a huge error body never reaches memory. A character the cap cuts is left
/// out; bytes that are not UTF-8 become U+FFFD.
async fn prefix(response: &Response, cap: usize) -> Result<String, wasm_bindgen::JsValue> {
    let Some(stream) = response.body() else {
        return Ok(String::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    let mut ended = false;
    let read = loop {
        if bytes.len() >= cap {
            break Ok(());
        }
        let chunk: ReadableStreamReadResult = match JsFuture::from(reader.read()).await {
            Ok(chunk) => chunk.unchecked_into(),
            Err(error) => break Err(error),
        };
        if chunk.get_done().unwrap_or(true) {
            ended = true;
            break Ok(());
        }
        let Ok(chunk) = chunk.get_value().dyn_into::<js_sys::Uint8Array>() else {
            break Err("the body stream gave something other than bytes".into());
        };
        let room = u32::try_from(cap - bytes.len()).unwrap_or(u32::MAX);
        bytes.extend(chunk.subarray(0, chunk.length().min(room)).to_vec());
    };
    if !ended {
        // Cancelling settles at once; its outcome is of no use (and must not go unhandled).
        let cancelled = JsFuture::from(reader.cancel());
        wasm_bindgen_futures::spawn_local(async move {
            let _ = cancelled.await;
        });
    }
    read?;
    let text = if ended {
        &bytes[..]
    } else {
        whole_chars(&bytes)
    };
    Ok(String::from_utf8_lossy(text).into_owned())
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

/// Sends one request; the timeout covers the body read too, and dropping the future aborts it.
pub async fn send(request: &Request) -> Result<Reply, NoReply> {
    let controller = AbortController::new()
        .map_err(|_| NoReply::Network("AbortController is not available".to_owned()))?;
    let signal = controller.signal();
    let guard = AbortOnDrop(controller.clone());
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
    let failed = |description: String| {
        if signal.aborted() {
            NoReply::Timeout
        } else {
            NoReply::Network(description)
        }
    };
    let described = |error: gloo_net::Error| failed(error.to_string());
    let built = match &request.body {
        Some(body) => builder.body(body.clone()),
        None => builder.build(),
    }
    .map_err(described)?;
    let response = built.send().await.map_err(described)?;
    let status = response.status();
    let headers = ResponseHeaders::new(response.headers().entries());
    let location = headers.get("location").map(str::to_owned);
    let body = if response.ok() {
        response.text().await.map_err(described)?
    } else {
        prefix(&response, ERROR_BODY_BYTES).await.map_err(|error| {
            failed(match error.dyn_ref::<js_sys::Error>() {
                Some(error) => error.message().into(),
                None => "the body could not be read".to_owned(),
            })
        })?
    };
    drop(timer);
    drop(guard);
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

/// `future`'s output, or `None` when `ms` pass first.
pub async fn within<T>(future: impl Future<Output = T> + Unpin, ms: f64) -> Option<T> {
    let mut future = future;
    let mut timeout = timer(ms);
    poll_fn(|cx| {
        if let Poll::Ready(value) = Pin::new(&mut future).poll(cx) {
            return Poll::Ready(Some(value));
        }
        if Pin::new(&mut timeout).poll(cx).is_ready() {
            return Poll::Ready(None);
        }
        Poll::Pending
    })
    .await
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::whole_chars;

    #[test]
    fn a_character_the_cut_splits_is_left_out() {
        let text = "a\u{e9}\u{20ac}\u{1f600}".as_bytes(); // 1, 2, 3 and 4 bytes
        for cut in 0..=text.len() {
            let kept = whole_chars(&text[..cut]);
            let whole = std::str::from_utf8(kept).expect("whole characters");
            assert!(
                text.starts_with(kept) && cut - kept.len() < 4,
                "{cut}: {whole:?}"
            );
            assert!(std::str::from_utf8(&text[..cut]).is_err() || kept.len() == cut);
        }
        assert_eq!(
            whole_chars(b"ab\xff"),
            b"ab\xff",
            "not UTF-8: left for U+FFFD"
        );
    }
}
