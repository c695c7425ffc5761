//! [`Call`]: one API call as a state machine. It takes [`Event`]s with the time and a random
//! draw and answers with [`Action`]s; it never waits, reads a clock or sends anything itself.

use super::answer::success;
use super::config::{Auth, CallOptions};
use super::events::{Action, Answer, Body, Event, Failure, Request, TokenFailure};
use super::prepare::prepare;
use super::shared::Client;
use super::token::TokenNeed;
use crate::http::error::{ApiError, ErrorKind};
use crate::http::operation::OpArgs;
use crate::http::rate_limit::{seconds_text, ResponseHeaders};
use crate::http::request::{Endpoint, HttpRequest, Paged};
use crate::http::retry::{
    is_network_retryable, is_retryable, pause_within, Dialect, WaitInput, DEFAULT_MAX_WAIT_MS,
};
use crate::http::url::path_of;

/// What a call waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Waiting {
    /// [`Event::Start`].
    Start,
    /// [`Event::Go`] after [`Action::Turn`].
    Turn,
    /// A token for the attempt.
    Token,
    /// The attempt's answer.
    Answer,
    /// The pause before a retry.
    Pause,
    /// The client-credentials refresh after a 401.
    Refresh,
    /// Nothing: the call is over.
    Over,
}

/// One API call: its prepared request, options and progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    args: OpArgs,
    built: Endpoint,
    timeout_ms: f64,
    max_retries: u32,
    /// The client's and the call's headers, sent after the request's own.
    headers: Vec<(String, String)>,
    attempt: u32,
    refreshed: bool,
    /// The request id of the last failed attempt (Okta's `X-Okta-Retry-For`).
    retry_for: Option<String>,
    waiting: Waiting,
    next: Option<Action>,
}

/// What a call that waited for the rate limiter past its timeout did not get.
const LIMITER_TURN: &str = "turn from the rate limiter";

/// The message of a call the caller aborted.
pub const ABORTED: &str = "the request was aborted by the caller's abortSignal";

/// The message of a token function that failed.
pub const TOKEN_FUNCTION_FAILED: &str =
    "the token function threw, rejected or returned something other than a non-empty string";

impl Call {
    /// Prepares operation `op` (a client method name, e.g. `connections.get`) with `args` under
    /// `client`'s configuration and `options`: validates per policy and builds the request (see
    /// [`prepare`]). A `validation` error (secrets redacted) when it cannot be sent. The call
    /// begins with [`Event::Start`].
    pub fn new(
        client: &Client,
        op: &str,
        mut args: OpArgs,
        options: &CallOptions,
    ) -> Result<Call, ApiError> {
        let config = client.config();
        args.policy = options.policy.unwrap_or(config.policy);
        let built = prepare(config.dialect, client.base_url(), op, &args)
            .map_err(|error| client.redact(error))?;
        let mut headers = config.headers.clone();
        headers.extend(options.headers.iter().cloned());
        Ok(Call {
            args,
            built,
            timeout_ms: options.timeout_ms.unwrap_or(config.timeout_ms),
            max_retries: options.max_retries.unwrap_or(config.max_retries),
            headers,
            attempt: 0,
            refreshed: false,
            retry_for: None,
            waiting: Waiting::Start,
            next: None,
        })
    }

    /// The request as built (before authorization and per-attempt headers).
    pub fn request(&self) -> &HttpRequest {
        &self.built.request
    }

    /// How the response is paged, for a list operation.
    pub fn paged(&self) -> Option<Paged> {
        self.built.paged
    }

    /// The call's timeout in milliseconds: each attempt's, and the bound of every wait.
    pub fn timeout_ms(&self) -> f64 {
        self.timeout_ms
    }

    /// The arguments the call was prepared with.
    pub fn args(&self) -> &OpArgs {
        &self.args
    }

    /// Whether the call is over (its [`Action::Done`] was handed out or is pending).
    pub fn is_over(&self) -> bool {
        self.waiting == Waiting::Over
    }

    /// The next action, once per event handled.
    pub fn poll(&mut self) -> Option<Action> {
        self.next.take()
    }

    /// Handles `event` at `now_ms` (epoch milliseconds) with `random` (a draw in `[0, 1)` for
    /// the backoff's jitter); the next action is then [`Call::poll`]'s. An event the call is not
    /// waiting for is ignored, except [`Event::Failed`]`(Aborted)`, which ends it during any
    /// wait.
    pub fn handle(&mut self, client: &mut Client, event: Event, now_ms: f64, random: f64) {
        if self.waiting == Waiting::Over {
            return;
        }
        let mut next = self.decide(client, event, now_ms, random);
        if let Some(Action::Done(result)) = &mut next {
            self.waiting = Waiting::Over;
            if let Err(error) = result {
                client.redact_in_place(error);
            }
        }
        self.next = next;
    }

    /// [`Call::handle`]'s decision (errors not yet redacted); `None` for an event the call does
    /// not wait for.
    fn decide(
        &mut self,
        client: &mut Client,
        event: Event,
        now_ms: f64,
        random: f64,
    ) -> Option<Action> {
        Some(match (self.waiting, event) {
            (_, Event::Failed(Failure::Aborted))
            | (_, Event::TokenFailed(TokenFailure::Aborted)) => Action::Done(Err(aborted())),
            (Waiting::Start, Event::Start) => self.turn(),
            (Waiting::Pause, Event::TimerFired) => {
                self.attempt += 1;
                self.turn()
            }
            (Waiting::Turn, Event::Go) => self.authenticate(client, now_ms),
            (Waiting::Turn, Event::Late) => Action::Done(Err(self.timed_out(LIMITER_TURN))),
            (Waiting::Token | Waiting::Refresh, Event::TokenFailed(failure)) => {
                Action::Done(Err(self.no_token(failure)))
            }
            (Waiting::Token, Event::Token(token)) => {
                if token.is_empty() {
                    Action::Done(Err(token_function_failed()))
                } else {
                    self.send(client, &token)
                }
            }
            (Waiting::Refresh, Event::Token(_)) => self.turn(),
            (Waiting::Answer, Event::Answer(mut answer)) => {
                self.answered(client, &mut answer, now_ms, random)
            }
            (Waiting::Answer, Event::Failed(failure)) => {
                self.failed(client.config().dialect, failure, now_ms, random)
            }
            _ => return None,
        })
    }

    /// Asks for the next attempt's turn.
    fn turn(&mut self) -> Action {
        self.waiting = Waiting::Turn;
        Action::Turn
    }

    /// After the turn: the token now, or the action that gets one.
    fn authenticate(&mut self, client: &mut Client, now_ms: f64) -> Action {
        let token = match &client.config().auth {
            Auth::Static { token, .. } => token.clone(),
            Auth::Provider => {
                self.waiting = Waiting::Token;
                return Action::Token;
            }
            Auth::ClientCredentials { .. } => match client.tokens.need(now_ms) {
                TokenNeed::Ready(token) => token,
                need => {
                    self.waiting = Waiting::Token;
                    return Action::Exchange {
                        start: matches!(need, TokenNeed::Start),
                    };
                }
            },
        };
        self.send(client, &token)
    }

    /// Sends an attempt with `token`.
    fn send(&mut self, client: &mut Client, token: &str) -> Action {
        client.tokens.remember(token);
        let config = client.config();
        let request = &self.built.request;
        let mut headers = request.headers.clone();
        headers.extend(self.headers.iter().cloned());
        let scheme = match &config.auth {
            Auth::Static { scheme, .. } => scheme,
            _ => "Bearer",
        };
        headers.push(("authorization".to_owned(), crate::text!(scheme, " ", token)));
        if config.dialect == Dialect::Okta && self.attempt > 0 {
            if let Some(id) = &self.retry_for {
                headers.push(("x-okta-retry-for".to_owned(), id.clone()));
            }
            headers.push(("x-okta-retry-count".to_owned(), crate::text!(self.attempt)));
        }
        self.waiting = Waiting::Answer;
        Action::Send(Request {
            method: request.method,
            url: request.url.clone(),
            headers,
            body: request.body.clone(),
            timeout_ms: self.timeout_ms,
        })
    }

    /// `METHOD /path` of the request, for messages.
    fn described(&self) -> String {
        let request = &self.built.request;
        crate::text!(request.method.as_str(), " ", path_of(&request.url))
    }

    /// No attempt answered.
    fn failed(&mut self, dialect: Dialect, failure: Failure, now_ms: f64, random: f64) -> Action {
        match failure {
            Failure::Aborted => Action::Done(Err(aborted())),
            Failure::Timeout => Action::Done(Err(self.timed_out("response"))),
            Failure::Network(description) => {
                if is_network_retryable(self.built.request.method)
                    && self.attempt < self.max_retries
                {
                    return self.pause(dialect, None, now_ms, random);
                }
                let message =
                    crate::text!("network error on ", self.described(), ": ", description);
                Action::Done(Err(ApiError::new(ErrorKind::Network, message)))
            }
        }
    }

    /// An answer came.
    fn answered(
        &mut self,
        client: &mut Client,
        answer: &mut Answer,
        now_ms: f64,
        random: f64,
    ) -> Action {
        let dialect = client.config().dialect;
        let status = answer.status;
        let headers = &answer.headers;
        if is_redirect(status) {
            let to = answer.to.as_deref();
            let error = ApiError::redirect(dialect, status, headers, &self.described(), to);
            return Action::Done(Err(error));
        }
        if (200..300).contains(&status) {
            let result = success(
                dialect,
                status,
                headers,
                &answer.body,
                self.built.paged,
                &self.args,
            );
            return Action::Done(result);
        }
        if status == 401 && !self.refreshed && !matches!(client.config().auth, Auth::Static { .. })
        {
            self.refreshed = true;
            client.tokens.forget();
            if matches!(client.config().auth, Auth::ClientCredentials { .. }) {
                self.waiting = Waiting::Refresh;
                // The cache is empty now: start an exchange, or join the one in flight.
                let start = !matches!(client.tokens.need(now_ms), TokenNeed::Join);
                return Action::Exchange { start };
            }
            return self.turn();
        }
        let (text, fields) = match &mut answer.body {
            Body::Error(text, fields) => (text.as_str(), fields.take()),
            Body::NotJson(text) => (text.as_str(), None),
            Body::Json(_) | Body::Blank => ("", None),
        };
        let error = ApiError::from_response(dialect, status, &answer.headers, text, fields);
        if is_retryable(self.built.request.method, status) && self.attempt < self.max_retries {
            self.retry_for = error.request_id.clone();
            return self.pause(dialect, Some((&answer.headers, error)), now_ms, random);
        }
        Action::Done(Err(error))
    }

    /// The pause before a retry; after an answer, with its headers (the wait they ask for) and
    /// its error (the call's when that wait outlasts the call's timeout).
    fn pause(
        &mut self,
        dialect: Dialect,
        answer: Option<(&ResponseHeaders, ApiError)>,
        now_ms: f64,
        random: f64,
    ) -> Action {
        let input = WaitInput {
            headers: answer.as_ref().map(|(headers, _)| *headers),
            attempt: self.attempt,
            now_ms,
            random,
            max_wait_ms: DEFAULT_MAX_WAIT_MS,
        };
        match (pause_within(dialect, input, self.timeout_ms), answer) {
            (Some(ms), _) => {
                self.waiting = Waiting::Pause;
                Action::Wait(ms)
            }
            (None, Some((_, mut error))) => {
                error.message.push_str(&crate::text!(
                    " (not retried: the wait asked for exceeds the timeout of ",
                    seconds_text(self.timeout_ms / 1000.0),
                    " s)"
                ));
                Action::Done(Err(error))
            }
            // Not reached: only a wait a server asks for is refused.
            (None, None) => {
                self.waiting = Waiting::Pause;
                Action::Wait(self.timeout_ms)
            }
        }
    }

    /// The `timeout` error: no `what` (a response, an access token) within the call's timeout.
    fn timed_out(&self, what: &str) -> ApiError {
        let message = crate::text!(
            "no ",
            what,
            " within the timeout of ",
            seconds_text(self.timeout_ms / 1000.0),
            " s (",
            self.described(),
            ")"
        );
        ApiError::new(ErrorKind::Timeout, message)
    }

    /// The error for a token that did not come.
    fn no_token(&self, failure: TokenFailure) -> ApiError {
        match failure {
            TokenFailure::Timeout => self.timed_out("access token"),
            TokenFailure::Aborted => aborted(),
            TokenFailure::Rejected(Some(error)) => error,
            TokenFailure::Rejected(None) => token_function_failed(),
        }
    }
}

/// The error for a call the caller aborted (the driver attaches the signal's reason).
fn aborted() -> ApiError {
    ApiError::new(ErrorKind::Network, ABORTED)
}

/// The error for a token function that threw, rejected or answered something unusable.
fn token_function_failed() -> ApiError {
    ApiError::new(ErrorKind::Network, TOKEN_FUNCTION_FAILED)
}

/// Whether a status is a redirect (3xx, or 0: a browser's opaque redirect), never followed.
pub fn is_redirect(status: u16) -> bool {
    status == 0 || (300..400).contains(&status)
}
