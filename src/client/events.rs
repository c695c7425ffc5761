//! What a driver tells the core ([`Event`]) and what the core asks of it ([`Action`]).

use crate::http::error::{ApiError, ErrorBody};
use crate::http::paging::{PageBody, PageState};
use crate::http::rate_limit::ResponseHeaders;
use crate::http::request::Method;

/// Something that happened to a call.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Begin the call.
    Start,
    /// The driver's go-ahead after [`Action::Turn`]: the caller has not aborted and the rate
    /// limiter (when the driver has one) let the attempt through.
    Go,
    /// The rate limiter's wait outlasted the call's timeout: the call ends with a `timeout`.
    Late,
    /// The access token asked for by [`Action::Token`] or [`Action::Exchange`].
    Token(String),
    /// No token came.
    TokenFailed(TokenFailure),
    /// The answer to [`Action::Send`].
    Answer(Box<Answer>),
    /// No answer to [`Action::Send`] came, or (`Aborted`) the caller aborted during any wait.
    Failed(Failure),
    /// The wait asked for by [`Action::Wait`] is over.
    TimerFired,
}

/// Why no token came.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenFailure {
    /// Not within the call's timeout.
    Timeout,
    /// The caller aborted while waiting.
    Aborted,
    /// The token function threw, rejected or answered something that is not a non-empty string
    /// (`None`), or the client-credentials exchange failed with this error (`Some`).
    Rejected(Option<ApiError>),
}

/// Why an attempt got no answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// Refused, dropped, DNS, CORS…; a description for the error message.
    Network(String),
    /// The attempt's timeout fired.
    Timeout,
    /// The caller aborted.
    Aborted,
}

/// An HTTP answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The status (0 for a browser's opaque redirect).
    pub status: u16,
    /// The response headers (the ones the client reads: rate limits, retry waits, request ids,
    /// `date`).
    pub headers: ResponseHeaders,
    /// The origin the `Location` header points to, when there is one that parses.
    pub to: Option<String>,
    /// The body, as the driver read it.
    pub body: Body,
}

/// A response body as the driver read it. A Rust driver passes the text through [`Body::read`];
/// the npm driver parses a 2xx body with the engine's `JSON.parse` (it never copies a success
/// body into wasm memory) and gives only what the core needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// A 2xx body that is JSON; for a list operation, what it says about paging.
    Json(PageBody),
    /// A 2xx body that is empty or only whitespace (a 204, a 202).
    Blank,
    /// A 2xx body that is not JSON: its text (at most [`ERROR_BODY_LIMIT`] characters are read).
    NotJson(String),
    /// A non-2xx body: its text (at most [`ERROR_BODY_LIMIT`] characters are read) and, when it is
    /// JSON, its error fields.
    Error(String, Option<ErrorBody>),
}

/// The most characters of a non-2xx body the core reads: enough for any Auth0 or Okta error body.
/// Drivers need read no more than this (plus a chunk) from the network.
pub const ERROR_BODY_LIMIT: usize = 65_536;

/// Something the core asks the driver to do; after it, the driver feeds what came of it.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Before an attempt: check the caller's abort signal and ask the rate limiter (if any), then
    /// feed [`Event::Go`], [`Event::Late`] or [`Event::Failed`]`(Aborted)`.
    Turn,
    /// Get a token from the caller's token function, bounded by the call's timeout and signal;
    /// feed [`Event::Token`] or [`Event::TokenFailed`].
    Token,
    /// Get the client-credentials token: run a new [`crate::client::Exchange`] (`start`) that
    /// calls arriving meanwhile share, or wait for the one in flight; bounded by the call's
    /// timeout and signal. Feed [`Event::Token`] or [`Event::TokenFailed`].
    Exchange {
        /// Whether this call starts the exchange (otherwise one is in flight).
        start: bool,
    },
    /// Send this request (redirects not followed); feed [`Event::Answer`] or [`Event::Failed`].
    Send(Request),
    /// Wait this many milliseconds (cancelled by the caller's signal), then feed
    /// [`Event::TimerFired`] (or [`Event::Failed`]`(Aborted)`).
    Wait(f64),
    /// The call is over.
    Done(Result<Success, ApiError>),
}

/// One request to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// The method.
    pub method: Method,
    /// The absolute URL.
    pub url: String,
    /// Headers in order; a later one replaces an earlier one with the same name.
    pub headers: Vec<(String, String)>,
    /// The JSON text of the body, when there is one.
    pub body: Option<String>,
    /// The timeout of the whole attempt (body included), in milliseconds.
    pub timeout_ms: f64,
}

/// A call's successful end.
#[derive(Debug, Clone, PartialEq)]
pub struct Success {
    /// The 2xx status.
    pub status: u16,
    /// Whether the body is JSON (the driver parses it for the data); `false` for an empty one.
    pub json: bool,
    /// For a list operation: the page (items count, cursor or totals, next page's parameters).
    pub page: Option<PageState>,
}
