//! `ClientCore`: the Rust core behind `ManagementClient` and `OktaClient`. It validates and
//! builds each request, authenticates (static token, token function, or Auth0 client credentials
//! with caching and one shared refresh), retries, sends over `fetch` and builds typed errors.
//! The JS classes in `lib/` are one-liners into [`ClientCore::call`], which runs each call as a
//! [`Task`]: a state machine whose steps `lib/runtime.js` `drive` awaits (sans-I/O: Rust decides,
//! JS only waits on the promises it is handed).

use crate::js::text::rust_text;
use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise};
use wasm_bindgen::prelude::*;

use crate::auth0::endpoints as auth0;
use crate::http::error::{scrub, ApiError, ErrorKind};
use crate::http::operation::{build, find, OpArgs};
use crate::http::paging::{read_page, PageBody};
use crate::http::params::{ParamValue, Params};
use crate::http::policy::SendPolicy;
use crate::http::rate_limit::{seconds_text, ResponseHeaders};
use crate::http::request::{Endpoint, Method};
use crate::http::retry::{
    is_network_retryable, is_retryable, pause_within, Dialect, WaitInput, DEFAULT_MAX_WAIT_MS,
};
use crate::http::url::{parse_origin, path_of, Origin};
use crate::js::fetch::{
    body_text, is_aborted, read_outcome, read_settled, sleep, start_attempt, timer_ms, within,
    Attempt, Outcome, Settled,
};
use crate::js::js_error::{error_fields, to_js_error};
use crate::js::keys::{get, set, set_key};
use crate::js::limiter::{Gate, LimiterCore, Pass, Shared};
use crate::js::options::{
    check, collect, get_count, opt_headers, opt_policy, opt_string, parse_json, read_limits,
    to_body_text, to_params, type_issue,
};
use crate::okta::endpoints::build_okta;
use crate::validation::{Issue, IssueCode};

/// A cached client-credentials token is refreshed this long before it expires.
const EXPIRY_MARGIN_MS: f64 = 10_000.0;

/// How many of the latest tokens sent are kept for redaction (one replaced after a 401 included).
const KEEP_TOKENS: usize = 4;

/// Where the access token comes from.
enum Auth {
    /// A fixed token, sent with `scheme` (`Bearer` or `SSWS`).
    Static { scheme: &'static str, token: String },
    /// A JS function returning a token or a promise of one, sent as `Bearer`.
    Function(Function),
    /// Auth0 client credentials, exchanged at `/oauth/token`.
    ClientCredentials {
        client_id: String,
        client_secret: String,
        audience: String,
    },
}

/// The shared state of one client.
struct Inner {
    dialect: Dialect,
    origin: Origin,
    base: String,
    auth: Auth,
    timeout_ms: f64,
    max_retries: u32,
    headers: Vec<(String, String)>,
    /// The `validation` option: which issues found before sending block a request.
    policy: SendPolicy,
    /// A client-credentials token and its expiry in epoch milliseconds.
    cached: RefCell<Option<(String, f64)>>,
    /// The refresh in flight, shared by concurrent calls.
    refreshing: RefCell<Option<Promise>>,
    /// The latest tokens sent (from a token function or the exchange; a ring, with the slot
    /// written next), kept only so errors can redact them.
    sent: RefCell<([String; KEEP_TOKENS], usize)>,
    /// The rate limiter every call asks before an attempt (`None`: `limiter: false`).
    limiter: Option<Rc<Shared>>,
}

/// The Rust core of the package's clients. Not part of the public API: use `ManagementClient`
/// or `OktaClient`.
#[wasm_bindgen(skip_typescript)]
pub struct ClientCore {
    inner: Rc<Inner>,
}

/// Per-call options (`requestOptions`).
struct CallOptions {
    timeout_ms: f64,
    max_retries: u32,
    signal: JsValue,
    headers: Vec<(String, String)>,
    policy: SendPolicy,
}

/// A construction error as a thrown JS error.
fn config_error(dialect: Dialect, issues: Vec<Issue>) -> JsValue {
    to_js_error(
        dialect,
        &ApiError::validation("the client options", issues),
        &JsValue::UNDEFINED,
    )
}

/// Reads the token option: a string, or a function (sync or async).
fn token_option(
    source: &JsValue,
    field: &'static str,
    scheme: &'static str,
) -> Result<Option<Auth>, Issue> {
    let value = get(source, field);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(token) = rust_text(&value) {
        if token.is_empty() {
            return Err(Issue::at(
                field,
                IssueCode::TooShort,
                crate::text!(field, " must not be empty"),
            ));
        }
        return Ok(Some(Auth::Static { scheme, token }));
    }
    match value.dyn_into::<Function>() {
        Ok(function) => Ok(Some(Auth::Function(function))),
        Err(_) => Err(type_issue(field, "a string or a function returning one")),
    }
}

/// The issue message for an Okta client given both kinds of token.
const OKTA_BOTH_TOKENS: &str =
    "pass either token (SSWS API token) or accessToken (OAuth 2.0), not both";

/// The issue message for an Okta client given no token.
const OKTA_NO_TOKEN: &str =
    "pass token (an SSWS API token) or accessToken (an OAuth 2.0 access token)";

/// The issue message for a client option of its own limiter given beside the `limiter` option.
const LIMITER_GIVEN: &str = "maxConcurrency and onRateLimit set the client's own limiter: with the limiter option, set them on the RateLimiter or drop limiter";

/// Reads the constructor options of `dialect`; `limiter` is the handle `lib/rate-limiter.js`
/// found for the `limiter` option.
fn read_config(
    dialect: Dialect,
    options: &JsValue,
    limiter: Option<LimiterCore>,
) -> Result<Inner, Vec<Issue>> {
    let mut issues = Vec::new();
    let given = get(options, "limiter");
    if limiter.is_none() && given.as_bool() != Some(false) {
        issues.push(type_issue("limiter", "a RateLimiter or false"));
    }
    // These set the client's own limiter; beside `limiter` (shared, or false) they would be ignored.
    let own = given.is_undefined() || given.is_null();
    for field in ["maxConcurrency", "onRateLimit"] {
        let value = get(options, field);
        if !own && !value.is_undefined() && !value.is_null() {
            issues.push(Issue::at(field, IssueCode::Conflict, LIMITER_GIVEN));
        }
    }
    let mut take = |result: Result<Option<String>, Issue>| match result {
        Ok(value) => value,
        Err(issue) => {
            issues.push(issue);
            None
        }
    };
    let origin_field = match dialect {
        Dialect::Auth0 => "domain",
        Dialect::Okta => "orgUrl",
    };
    let origin_text = take(opt_string(options, origin_field));
    let client_id = take(opt_string(options, "clientId"));
    let client_secret = take(opt_string(options, "clientSecret"));
    let audience = take(opt_string(options, "audience"));
    let origin = match origin_text
        .as_deref()
        .map(|text| parse_origin(origin_field, text))
    {
        Some(Ok(origin)) => Some(origin),
        Some(Err(message)) => {
            issues.push(Issue::at(origin_field, IssueCode::Pattern, message));
            None
        }
        None => {
            issues.push(Issue::at(
                origin_field,
                IssueCode::Required,
                crate::text!(origin_field, " is required"),
            ));
            None
        }
    };
    let auth = match dialect {
        Dialect::Auth0 => match token_option(options, "token", "Bearer") {
            Ok(Some(auth)) => Some(auth),
            Ok(None) => match (client_id, client_secret, &origin) {
                (Some(client_id), Some(client_secret), Some(origin)) => {
                    Some(Auth::ClientCredentials {
                        client_id,
                        client_secret,
                        audience: audience.unwrap_or_else(|| origin.default_audience()),
                    })
                }
                _ => {
                    issues.push(Issue::at(
                        "token",
                        IssueCode::Required,
                        "pass token (a string or a function), or clientId and clientSecret",
                    ));
                    None
                }
            },
            Err(issue) => {
                issues.push(issue);
                None
            }
        },
        Dialect::Okta => {
            match (
                token_option(options, "token", "SSWS"),
                token_option(options, "accessToken", "Bearer"),
            ) {
                (Ok(Some(auth)), Ok(None)) | (Ok(None), Ok(Some(auth))) => Some(auth),
                (Ok(Some(_)), Ok(Some(_))) => {
                    issues.push(Issue::at("accessToken", IssueCode::OneOf, OKTA_BOTH_TOKENS));
                    None
                }
                (Ok(None), Ok(None)) => {
                    issues.push(Issue::at("token", IssueCode::Required, OKTA_NO_TOKEN));
                    None
                }
                (Err(issue), _) | (_, Err(issue)) => {
                    issues.push(issue);
                    None
                }
            }
        }
    };
    let (timeout, retries) = read_limits(options, &mut issues);
    let headers = opt_headers(options, "headers").unwrap_or_else(|issue| {
        issues.push(issue);
        Vec::new()
    });
    let policy = collect(opt_policy(options, "validation"), &mut issues);
    match (origin, auth) {
        (Some(origin), Some(auth)) if issues.is_empty() => Ok(Inner {
            dialect,
            base: match dialect {
                Dialect::Auth0 => origin.management_api(),
                Dialect::Okta => origin.origin.clone(),
            },
            origin,
            auth,
            timeout_ms: timer_ms(timeout.unwrap_or(60.0)),
            max_retries: retries.unwrap_or(2),
            headers,
            policy: policy.unwrap_or_default(),
            cached: RefCell::new(None),
            refreshing: RefCell::new(None),
            sent: RefCell::default(),
            limiter: limiter.map(|handle| handle.shared()),
        }),
        _ => Err(issues),
    }
}

#[wasm_bindgen]
impl ClientCore {
    /// `kind` is `"auth0"` or `"okta"`; `options` are the client's constructor options and
    /// `limiter` its rate limiter (none for `limiter: false`). Throws a `validation` error naming
    /// every bad option.
    #[wasm_bindgen(constructor)]
    pub fn new(
        kind: JsValue,
        options: JsValue,
        limiter: Option<LimiterCore>,
    ) -> Result<ClientCore, JsValue> {
        let dialect = if rust_text(&kind).as_deref() == Some("okta") {
            Dialect::Okta
        } else {
            Dialect::Auth0
        };
        match read_config(dialect, &options, limiter) {
            Ok(inner) => Ok(ClientCore {
                inner: Rc::new(inner),
            }),
            Err(issues) => Err(config_error(dialect, issues)),
        }
    }

    /// The API base URL (e.g. `https://acme.auth0.com/api/v2`), for display and tests.
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.inner.base.clone()
    }

    /// Runs operation `op` with `args` `{ id?, subId?, params?, body?, strategy? }` and `options`
    /// (`requestOptions`). Resolves to `{ status, data, page? }`; rejects with a
    /// `ManagementError`/`OktaError`.
    pub fn call(&self, op: JsValue, args: JsValue, options: JsValue) -> Promise {
        let op = rust_text(&op).unwrap_or_default();
        match prepare(&self.inner, &op, &args, &options) {
            Ok(prepared) => run(
                &self.inner,
                Job::Call(Box::new(CallState {
                    prepared,
                    attempt: 0,
                    refreshed: false,
                    retry_for: None,
                    pass: Pass::default(),
                })),
            ),
            Err(error) => Promise::reject(&error),
        }
    }
}

impl Inner {
    /// Every secret this client holds, for redaction.
    fn secrets(&self) -> Vec<String> {
        let mut secrets = Vec::new();
        match &self.auth {
            Auth::Static { token, .. } => secrets.push(token.clone()),
            Auth::ClientCredentials { client_secret, .. } => secrets.push(client_secret.clone()),
            Auth::Function(_) => {}
        }
        secrets.extend(self.sent.borrow().0.iter().cloned());
        if let Some((token, _)) = self.cached.borrow().as_ref() {
            secrets.push(token.clone());
        }
        secrets
    }

    /// Remembers a token sent, for redaction.
    fn remember(&self, token: &str) {
        let mut sent = self.sent.borrow_mut();
        let (tokens, next) = &mut *sent;
        if tokens.iter().any(|known| known == token) {
            return;
        }
        if let Some(slot) = tokens.get_mut(*next % KEEP_TOKENS) {
            token.clone_into(slot);
        }
        *next = next.wrapping_add(1);
    }

    /// `error` as a thrown JS value, secrets redacted (in its `cause` too).
    fn fail(&self, error: ApiError, cause: &JsValue) -> JsValue {
        let secrets = self.secrets();
        let refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
        to_js_error(
            self.dialect,
            &error.redact(&refs),
            &scrub_cause(cause, &refs),
        )
    }

    /// Reads `requestOptions`.
    fn call_options(&self, options: &JsValue) -> Result<CallOptions, ApiError> {
        let mut issues = Vec::new();
        let (timeout, retries) = read_limits(options, &mut issues);
        let headers = collect(opt_headers(options, "headers"), &mut issues);
        let policy = collect(opt_policy(options, "validation"), &mut issues);
        let signal = get(options, "abortSignal");
        if !signal.is_undefined()
            && !signal.is_null()
            && get(&signal, "aborted").as_bool().is_none()
        {
            issues.push(type_issue("abortSignal", "an AbortSignal"));
        }
        check("the request options", issues)?;
        Ok(CallOptions {
            timeout_ms: timeout.map_or(self.timeout_ms, timer_ms),
            max_retries: retries.unwrap_or(self.max_retries),
            signal,
            headers,
            policy: policy.unwrap_or(self.policy),
        })
    }
}

/// An error's `cause` without the client's secrets: an `Error` whose message holds one (a
/// `JSON.parse` error quotes the body it failed on; a token function's error may quote a token) is
/// replaced by an `Error` of the same name with the secrets redacted; anything else is kept.
fn scrub_cause(cause: &JsValue, secrets: &[&str]) -> JsValue {
    if !cause.is_instance_of::<js_sys::Error>() {
        return cause.clone();
    }
    let message = rust_text(&get(cause, "message")).unwrap_or_default();
    let clean = scrub(&message, secrets);
    if clean == message {
        return cause.clone();
    }
    let copy = js_sys::Error::new(&clean);
    // The name is copied as the JS value it is (no string crosses into wasm).
    set_key(&copy, "name", &get(cause, "name"));
    copy.into()
}

/// Reads `{ id?, subId?, params?, body?, strategy? }`.
fn op_args(args: &JsValue) -> Result<OpArgs, ApiError> {
    let mut issues = Vec::new();
    let mut string = |field: &'static str| match opt_string(args, field) {
        Ok(value) => value,
        Err(issue) => {
            issues.push(issue);
            None
        }
    };
    let id = string("id");
    let sub_id = string("subId");
    let strategy = string("strategy");
    let params = to_params(&get(args, "params")).unwrap_or_else(|issue| {
        issues.push(issue);
        Params::new()
    });
    let body = to_body_text(&get(args, "body"), "body").unwrap_or_else(|issue| {
        issues.push(issue);
        None
    });
    check("the request", issues)?;
    Ok(OpArgs {
        id,
        sub_id,
        params,
        body,
        policy: SendPolicy::default(),
        strategy,
    })
}

/// Builds the endpoint of `op`.
fn endpoint(inner: &Inner, op: &str, args: &OpArgs) -> Result<Endpoint, ApiError> {
    match inner.dialect {
        Dialect::Okta => build_okta(&inner.base, op, args),
        Dialect::Auth0 => match find(auth0::OPERATIONS, op) {
            Some(operation) => build(&inner.base, operation, args, auth0::PATH_NAMES),
            None => Err(ApiError::validation(
                "the operation",
                vec![Issue::new(
                    Vec::new(),
                    IssueCode::Enum,
                    crate::text!(op, " is not an Auth0 operation"),
                )],
            )),
        },
    }
}

/// A prepared call: its options, arguments and built request.
struct Prepared {
    call: CallOptions,
    args: OpArgs,
    built: Endpoint,
    /// The request body as a JS string (or `undefined`), made once for every attempt.
    body: JsValue,
}

/// Reads the options and arguments and builds the request; no I/O.
fn prepare(
    inner: &Inner,
    op: &str,
    args: &JsValue,
    options: &JsValue,
) -> Result<Prepared, JsValue> {
    inner
        .call_options(options)
        .and_then(|call| op_args(args).map(|parsed| (call, parsed)))
        .and_then(|(call, mut args)| {
            args.policy = call.policy;
            endpoint(inner, op, &args).map(|built| Prepared {
                body: built
                    .request
                    .body
                    .as_deref()
                    .map_or(JsValue::UNDEFINED, JsValue::from_str),
                call,
                args,
                built,
            })
        })
        .map_err(|error| inner.fail(error, &JsValue::UNDEFINED))
}

/// The headers of one attempt: the request's, the client's, the call's, then authorization and
/// (Okta, on a retry) the retry headers.
fn attempt_headers(
    inner: &Inner,
    prepared: &Prepared,
    token: &str,
    attempt: u32,
    retry_for: Option<&String>,
) -> Vec<(String, String)> {
    let mut headers = prepared.built.request.headers.clone();
    headers.extend(inner.headers.iter().cloned());
    headers.extend(prepared.call.headers.iter().cloned());
    let scheme = match &inner.auth {
        Auth::Static { scheme, .. } => *scheme,
        _ => "Bearer",
    };
    headers.push(("authorization".to_owned(), crate::text!(scheme, " ", token)));
    if inner.dialect == Dialect::Okta && attempt > 0 {
        if let Some(id) = retry_for {
            headers.push(("x-okta-retry-for".to_owned(), id.clone()));
        }
        headers.push(("x-okta-retry-count".to_owned(), crate::text!(attempt)));
    }
    headers
}

/// What the call does after one attempt.
enum Next {
    /// Finished: the result, or the error to throw.
    Done(Result<JsValue, JsValue>),
    /// Wait, then try again; after an answer (not a network failure), with its headers (the wait
    /// they ask for) and its error (thrown when that wait outlasts the call's timeout).
    Retry(Option<Box<(ResponseHeaders, ApiError)>>),
    /// Forget the token (and for client credentials fetch a new one), then try again.
    Refresh,
}

/// Decides what follows an attempt's `outcome`; no I/O.
fn next_step(
    inner: &Inner,
    prepared: &Prepared,
    outcome: Outcome,
    attempt: u32,
    refreshed: bool,
    retry_for: &mut Option<String>,
) -> Next {
    let Prepared {
        call, args, built, ..
    } = prepared;
    let method = built.request.method;
    let (status, response_headers, body) = match outcome {
        Outcome::Aborted(_) => return Next::Done(Err(aborted(inner, &call.signal))),
        Outcome::TimedOut => return Next::Done(Err(timed_out(inner, prepared, "response"))),
        Outcome::Network(description) => {
            if is_network_retryable(method) && attempt < call.max_retries {
                return Next::Retry(None);
            }
            let message = crate::text!(
                "network error on ",
                method.as_str(),
                " ",
                path_of(&built.request.url),
                ": ",
                description
            );
            return Next::Done(Err(inner.fail(
                ApiError::new(ErrorKind::Network, message),
                &JsValue::UNDEFINED,
            )));
        }
        Outcome::Response {
            status,
            headers,
            body,
            to,
        } => {
            if is_redirect(status) {
                let request = crate::text!(method.as_str(), " ", path_of(&built.request.url));
                return Next::Done(Err(redirected(inner, status, &headers, &request, &to)));
            }
            (status, headers, body)
        }
    };
    if (200..300).contains(&status) {
        return Next::Done(success(
            inner,
            status,
            &response_headers,
            &body,
            built,
            args,
        ));
    }
    if status == 401 && !refreshed && !matches!(inner.auth, Auth::Static { .. }) {
        return Next::Refresh;
    }
    let error = ApiError::from_response(
        inner.dialect,
        status,
        &response_headers,
        &body_text(&body),
        error_fields(&body),
    );
    if is_retryable(method, status) && attempt < call.max_retries {
        *retry_for = error.request_id.clone();
        return Next::Retry(Some(Box::new((response_headers, error))));
    }
    Next::Done(Err(inner.fail(error, &JsValue::UNDEFINED)))
}

/// What a task waits for: how to read the settled value its next `step` receives.
enum Waiting {
    /// Nothing: the next step begins an attempt (for the exchange, sends it).
    Nothing,
    /// The token: a token function's answer, or the shared client-credentials exchange, bounded
    /// by the call's timeout and signal (`within`).
    Token,
    /// The attempt's result from `lib/runtime.js` `attempt`.
    Response,
    /// The pause before a retry (rejected when the caller aborts).
    Pause,
    /// The rate limiter's wait before an attempt (rejected when the caller aborts).
    Limiter,
    /// A client-credentials refresh after a 401, bounded like `Token`.
    Refresh,
}

/// What a step leads to.
enum Step {
    /// Wait for this promise, then step again.
    Wait(Promise, Waiting),
    /// The task's result, or the error to throw.
    Done(Result<JsValue, JsValue>),
}

/// An API call's progress.
struct CallState {
    prepared: Prepared,
    attempt: u32,
    refreshed: bool,
    /// The request id of the last failed attempt (Okta's `X-Okta-Retry-For`).
    retry_for: Option<String>,
    /// The call's place with the rate limiter.
    pass: Pass,
}

/// What a task does.
enum Job {
    /// An API call, with retries.
    Call(Box<CallState>),
    /// The client-credentials exchange at `/oauth/token`.
    Exchange,
}

/// One call (or token exchange) as a state machine; not part of the public API. `lib/runtime.js`
/// `drive` runs it: each `step` gets how the promise of the previous step settled and returns
/// the next promise to wait on (an attempt, a pause, a token), or, once `done`, the result.
/// Every decision stays in Rust, and the wasm carries no async executor (with
/// `wasm-bindgen-futures` the package was 4.5 KB gzip larger).
#[wasm_bindgen(skip_typescript)]
pub struct Task {
    inner: Rc<Inner>,
    job: Job,
    waiting: Waiting,
    done: bool,
}

#[wasm_bindgen(raw_module = "./lib/runtime.js")]
extern "C" {
    /// Steps `task` to its end; resolves to its result or rejects with its error.
    fn drive(task: Task) -> Promise;
    /// `{ status, data }`, with `page` for a list operation: one call, an object literal.
    #[wasm_bindgen(js_name = callResult)]
    fn call_result(status: u16, data: &JsValue, page: &JsValue) -> JsValue;
    /// `{ items, next, total, start, limit, nextParams }`: one call, an object literal.
    #[wasm_bindgen(js_name = pageOf)]
    fn page_of(
        items: &Array,
        next: Option<&str>,
        total: Option<f64>,
        start: Option<f64>,
        limit: Option<f64>,
        next_params: &JsValue,
    ) -> JsValue;
}

#[wasm_bindgen]
impl Task {
    /// Whether the last `step` returned the task's result.
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> bool {
        self.done
    }

    /// Takes how the last step's promise settled (`ok`, and its value or reason) and returns the
    /// next promise to wait on, or the result once `done`; throws the task's error.
    pub fn step(&mut self, ok: bool, value: JsValue) -> Result<JsValue, JsValue> {
        let waiting = std::mem::replace(&mut self.waiting, Waiting::Nothing);
        let next = match &mut self.job {
            Job::Call(call) => call_step(&self.inner, call, waiting, ok, value),
            Job::Exchange => exchange_step(&self.inner, waiting, ok, value),
        };
        match next {
            Step::Wait(promise, waiting) => {
                self.waiting = waiting;
                Ok(promise.into())
            }
            Step::Done(result) => {
                self.done = true;
                result
            }
        }
    }
}

impl Drop for Task {
    /// A call that ends however it ends gives back its place with the rate limiter.
    fn drop(&mut self) {
        if let (Job::Call(call), Some(shared)) = (&mut self.job, &self.inner.limiter) {
            call.pass.release(shared);
        }
    }
}

/// Runs `job` for `inner` as a promise.
fn run(inner: &Rc<Inner>, job: Job) -> Promise {
    drive(Task {
        inner: Rc::clone(inner),
        job,
        waiting: Waiting::Nothing,
        done: false,
    })
}

/// One step of an API call: read what the last promise settled to, decide, and begin the next
/// wait (an attempt starts with the abort check and the token).
fn call_step(
    inner: &Rc<Inner>,
    call: &mut CallState,
    waiting: Waiting,
    ok: bool,
    value: JsValue,
) -> Step {
    let signal = &call.prepared.call.signal;
    let token = match waiting {
        Waiting::Nothing => None,
        Waiting::Token => {
            let (ok, value) = match read_settled(&value) {
                Settled::TimedOut => return Step::Done(Err(no_token(inner, &call.prepared))),
                Settled::Aborted => return Step::Done(Err(aborted(inner, signal))),
                Settled::Value(value) => (true, value),
                Settled::Rejected(reason) => (false, reason),
            };
            match token_answer(inner, ok, &value) {
                Ok(token) => Some(token),
                Err(error) => return Step::Done(Err(error)),
            }
        }
        Waiting::Response => {
            let outcome = read_outcome(ok, &value);
            // A 429 that paused the limiter holds every call there, this one included.
            let paused = inner
                .limiter
                .as_ref()
                .is_some_and(|shared| call.pass.settle(shared, &outcome, inner.dialect));
            match next_step(
                inner,
                &call.prepared,
                outcome,
                call.attempt,
                call.refreshed,
                &mut call.retry_for,
            ) {
                Next::Done(result) => return Step::Done(result),
                Next::Retry(answer) => {
                    let headers = answer.as_deref().map(|(headers, _)| headers);
                    let limit_ms = call.prepared.call.timeout_ms;
                    return match (pause_ms(inner, headers, call.attempt, limit_ms), answer) {
                        // The limiter holds every call after this 429: wait there, in line.
                        (Some(_), _) if paused => Step::Wait(sleep(0.0, signal), Waiting::Pause),
                        (Some(ms), _) => Step::Wait(sleep(ms, signal), Waiting::Pause),
                        (None, Some(answer)) => {
                            Step::Done(Err(outwaits(inner, answer.1, limit_ms)))
                        }
                        // Not reached: only a wait a server asks for is refused.
                        (None, None) => Step::Wait(sleep(limit_ms, signal), Waiting::Pause),
                    };
                }
                Next::Refresh => {
                    call.refreshed = true;
                    inner.cached.replace(None);
                    if matches!(inner.auth, Auth::ClientCredentials { .. }) {
                        let timeout_ms = call.prepared.call.timeout_ms;
                        let exchange = within(&shared_exchange(inner), timeout_ms, signal);
                        return Step::Wait(exchange, Waiting::Refresh);
                    }
                    None
                }
            }
        }
        Waiting::Pause | Waiting::Limiter if !ok => return Step::Done(Err(aborted(inner, signal))),
        Waiting::Limiter => None,
        Waiting::Pause => {
            call.attempt += 1;
            None
        }
        Waiting::Refresh => match read_settled(&value) {
            Settled::TimedOut => return Step::Done(Err(no_token(inner, &call.prepared))),
            Settled::Aborted => return Step::Done(Err(aborted(inner, signal))),
            Settled::Rejected(error) => return Step::Done(Err(error)),
            Settled::Value(_) => None,
        },
    };
    let token = match token {
        Some(token) => token,
        None => {
            if is_aborted(signal) {
                return Step::Done(Err(aborted(inner, signal)));
            }
            if let Some(shared) = &inner.limiter {
                match call
                    .pass
                    .gate(shared, call.prepared.call.timeout_ms, signal)
                {
                    Gate::Go => {}
                    Gate::Wait(promise) => return Step::Wait(promise, Waiting::Limiter),
                    Gate::Late => {
                        return Step::Done(Err(timed_out(inner, &call.prepared, LIMITER_TURN)))
                    }
                }
            }
            match token_now(inner) {
                Ok(Token::Ready(token)) => token,
                Ok(Token::Wait(promise)) => {
                    let timeout_ms = call.prepared.call.timeout_ms;
                    return Step::Wait(within(&promise, timeout_ms, signal), Waiting::Token);
                }
                Err(error) => return Step::Done(Err(error)),
            }
        }
    };
    inner.remember(&token);
    let headers = attempt_headers(
        inner,
        &call.prepared,
        &token,
        call.attempt,
        call.retry_for.as_ref(),
    );
    let request = &call.prepared.built.request;
    let attempt = start_attempt(Attempt {
        method: request.method.as_str(),
        url: &request.url,
        headers: &headers,
        body: &call.prepared.body,
        timeout_ms: call.prepared.call.timeout_ms,
        signal,
    });
    Step::Wait(attempt, Waiting::Response)
}

/// How long to wait before the next attempt; `None` when the server asks for longer than the
/// call's timeout `limit_ms`.
fn pause_ms(
    inner: &Inner,
    headers: Option<&ResponseHeaders>,
    attempt: u32,
    limit_ms: f64,
) -> Option<f64> {
    let input = WaitInput {
        headers,
        attempt,
        now_ms: js_sys::Date::now(),
        random: js_sys::Math::random(),
        max_wait_ms: DEFAULT_MAX_WAIT_MS,
    };
    pause_within(inner.dialect, input, limit_ms)
}

/// The error of a call whose answer asked for a longer wait before a retry than its timeout: that
/// answer's error, saying so.
fn outwaits(inner: &Inner, mut error: ApiError, limit_ms: f64) -> JsValue {
    error.message.push_str(&crate::text!(
        " (not retried: the wait asked for exceeds the timeout of ",
        seconds_text(limit_ms / 1000.0),
        " s)"
    ));
    inner.fail(error, &JsValue::UNDEFINED)
}

/// The `timeout` error of a call: no `what` (a response, an access token) within its timeout.
fn timed_out(inner: &Inner, prepared: &Prepared, what: &str) -> JsValue {
    let request = &prepared.built.request;
    let message = crate::text!(
        "no ",
        what,
        " within the timeout of ",
        seconds_text(prepared.call.timeout_ms / 1000.0),
        " s (",
        request.method.as_str(),
        " ",
        path_of(&request.url),
        ")"
    );
    inner.fail(
        ApiError::new(ErrorKind::Timeout, message),
        &JsValue::UNDEFINED,
    )
}

/// What a call that waited for the rate limiter past its timeout did not get.
const LIMITER_TURN: &str = "turn from the rate limiter";

/// The error for a call whose access token did not come within its timeout.
fn no_token(inner: &Inner, prepared: &Prepared) -> JsValue {
    timed_out(inner, prepared, "access token")
}

/// The error for a call the caller aborted.
fn aborted(inner: &Inner, signal: &JsValue) -> JsValue {
    inner.fail(
        ApiError::new(
            ErrorKind::Network,
            "the request was aborted by the caller's abortSignal",
        ),
        &get(signal, "reason"),
    )
}

/// Whether a body is empty or only whitespace.
fn is_blank(body: &JsValue) -> bool {
    body.dyn_ref::<js_sys::JsString>()
        .is_none_or(|text| text.trim().length() == 0)
}

/// Whether a status is a redirect (3xx, or 0: a browser's opaque redirect), never followed.
fn is_redirect(status: u16) -> bool {
    status == 0 || (300..400).contains(&status)
}

/// The error for a redirect answering `request` (`GET /path`), `to` the origin it points to.
fn redirected(
    inner: &Inner,
    status: u16,
    headers: &ResponseHeaders,
    request: &str,
    to: &JsValue,
) -> JsValue {
    let to = rust_text(to);
    let error = ApiError::redirect(inner.dialect, status, headers, request, to.as_deref());
    inner.fail(error, &JsValue::UNDEFINED)
}

/// `{ status, data, page? }` for a 2xx response. Empty bodies (204, 202) give `data: undefined`;
/// a body that is not JSON (truncated, an HTML page) is an `api` error with the status, the
/// `JSON.parse` error as its cause; a list page whose `next` cursor is the one it was fetched
/// with is an `api` error naming the cursor (following it would loop forever).
fn success(
    inner: &Inner,
    status: u16,
    headers: &ResponseHeaders,
    body: &JsValue,
    built: &Endpoint,
    args: &OpArgs,
) -> Result<JsValue, JsValue> {
    // Parsed first: a blank body (202, an empty 200) is checked for only when parsing fails, so
    // the usual JSON body costs one call.
    let data = match parse_json(body) {
        Ok(data) => data,
        Err(_) if is_blank(body) => JsValue::UNDEFINED,
        Err(data_error) => {
            let error =
                ApiError::from_response(inner.dialect, status, headers, &body_text(body), None);
            return Err(inner.fail(error, &data_error));
        }
    };
    let Some(paged) = built.paged else {
        return Ok(call_result(status, &data, &JsValue::UNDEFINED));
    };
    let items = if Array::is_array(&data) {
        data.clone()
    } else {
        get(&data, paged.items_key)
    };
    // Already an array: a cast, not `Array.from`'s copy of every page.
    let items = if Array::is_array(&items) {
        items.unchecked_into::<Array>()
    } else {
        Array::new()
    };
    let body = PageBody {
        items: usize::try_from(items.length()).unwrap_or(usize::MAX),
        next: rust_text(&get(&data, "next")).filter(|cursor| !cursor.is_empty()),
        total: get_count(&data, "total"),
        start: get_count(&data, "start"),
        limit: get_count(&data, "limit"),
    };
    let state = read_page(&args.params, paged, &body);
    if let Some(cursor) = &state.repeated {
        let mut error = ApiError::from_response(inner.dialect, status, headers, "", None);
        error.message = crate::text!(
            "paging stopped: the server repeated the cursor \"",
            crate::http::paging::cursor_text(cursor),
            "\" as the next one (it would loop forever)"
        );
        return Err(inner.fail(error, &JsValue::UNDEFINED));
    }
    let next_params = state
        .next_params
        .map_or(JsValue::UNDEFINED, |params| params_to_js(&params));
    let page = page_of(
        &items,
        state.next.as_deref(),
        state.total.map(|n| n as f64),
        state.start.map(|n| n as f64),
        state.limit.map(|n| n as f64),
        &next_params,
    );
    Ok(call_result(status, &data, &page))
}

/// One parameter value as JS.
fn param_to_js(value: &ParamValue) -> JsValue {
    match value {
        ParamValue::Null | ParamValue::Other(_) => JsValue::NULL,
        ParamValue::Bool(flag) => JsValue::from_bool(*flag),
        ParamValue::Number(number) => JsValue::from_f64(*number),
        ParamValue::Text(text) => JsValue::from_str(text),
        ParamValue::List(items) => items.iter().map(param_to_js).collect::<Array>().into(),
    }
}

/// Parameters as a plain JS object.
fn params_to_js(params: &Params) -> JsValue {
    let object = Object::new();
    for (name, value) in params.iter() {
        set(&object, name, &param_to_js(value));
    }
    object.into()
}

/// A token now, or a promise of one.
enum Token {
    /// The token.
    Ready(String),
    /// A promise of it (read by [`token_answer`]).
    Wait(Promise),
}

/// The token for the next attempt: a static or cached one, or a promise of one (a token
/// function's answer, or the client-credentials exchange every concurrent call shares).
fn token_now(inner: &Rc<Inner>) -> Result<Token, JsValue> {
    match &inner.auth {
        Auth::Static { token, .. } => Ok(Token::Ready(token.clone())),
        Auth::Function(function) => match function.call0(&JsValue::UNDEFINED) {
            Ok(value) => Ok(Token::Wait(Promise::resolve(&value))),
            Err(error) => Err(token_function_failed(inner, &error)),
        },
        Auth::ClientCredentials { .. } => {
            if let Some((token, expires)) = inner.cached.borrow().as_ref() {
                if js_sys::Date::now() < expires - EXPIRY_MARGIN_MS {
                    return Ok(Token::Ready(token.clone()));
                }
            }
            Ok(Token::Wait(shared_exchange(inner)))
        }
    }
}

/// The token from how [`Token::Wait`]'s promise settled.
fn token_answer(inner: &Inner, ok: bool, value: &JsValue) -> Result<String, JsValue> {
    match &inner.auth {
        Auth::Function(_) if !ok => Err(token_function_failed(inner, value)),
        Auth::Function(_) => match rust_text(value) {
            Some(token) if !token.is_empty() => {
                inner.remember(&token);
                Ok(token)
            }
            _ => Err(token_function_failed(inner, &JsValue::UNDEFINED)),
        },
        // The exchange's own error, already a client error.
        _ if !ok => Err(value.clone()),
        _ => Ok(rust_text(value).unwrap_or_default()),
    }
}

/// The error for a token function that threw, rejected or answered something unusable.
fn token_function_failed(inner: &Inner, cause: &JsValue) -> JsValue {
    inner.fail(
        ApiError::new(
            ErrorKind::Network,
            "the token function threw, rejected or returned something other than a non-empty string",
        ),
        cause,
    )
}

/// The client-credentials exchange in flight, or a new one: concurrent calls share one.
fn shared_exchange(inner: &Rc<Inner>) -> Promise {
    let in_flight = inner.refreshing.borrow().clone();
    if let Some(promise) = in_flight {
        return promise;
    }
    let promise = run(inner, Job::Exchange);
    inner.refreshing.replace(Some(promise.clone()));
    promise
}

/// One step of the exchange: send the credentials, then read the answer (caching the token).
fn exchange_step(inner: &Inner, waiting: Waiting, ok: bool, value: JsValue) -> Step {
    if matches!(waiting, Waiting::Nothing) {
        return Step::Wait(exchange_request(inner), Waiting::Response);
    }
    let result = exchange_answer(inner, read_outcome(ok, &value));
    inner.refreshing.replace(None);
    Step::Done(result.map(|token| JsValue::from_str(&token)))
}

/// POSTs the client credentials to `/oauth/token`.
fn exchange_request(inner: &Inner) -> Promise {
    let Auth::ClientCredentials {
        client_id,
        client_secret,
        audience,
    } = &inner.auth
    else {
        return Promise::resolve(&JsValue::UNDEFINED);
    };
    let request = Object::new();
    set_key(
        &request,
        "grant_type",
        &JsValue::from_str("client_credentials"),
    );
    set_key(&request, "client_id", &JsValue::from_str(client_id));
    set_key(&request, "client_secret", &JsValue::from_str(client_secret));
    set_key(&request, "audience", &JsValue::from_str(audience));
    // Four strings, so stringifying cannot fail; the text goes out as the JS string it is.
    let body = js_sys::JSON::stringify(&request).map_or(JsValue::UNDEFINED, JsValue::from);
    let headers = vec![
        ("content-type".to_owned(), "application/json".to_owned()),
        ("accept".to_owned(), "application/json".to_owned()),
    ];
    let url = inner.origin.token_endpoint();
    start_attempt(Attempt {
        method: Method::Post.as_str(),
        url: &url,
        headers: &headers,
        body: &body,
        timeout_ms: inner.timeout_ms,
        signal: &JsValue::UNDEFINED,
    })
}

/// The token from `/oauth/token`'s answer, cached with its expiry.
fn exchange_answer(inner: &Inner, outcome: Outcome) -> Result<String, JsValue> {
    let (status, response_headers, body) = match outcome {
        Outcome::Response {
            status,
            headers,
            body,
            to,
        } => {
            if is_redirect(status) {
                return Err(redirected(
                    inner,
                    status,
                    &headers,
                    "POST /oauth/token",
                    &to,
                ));
            }
            (status, headers, body)
        }
        Outcome::TimedOut => {
            return Err(inner.fail(
                ApiError::new(
                    ErrorKind::Timeout,
                    "no answer from /oauth/token within the timeout",
                ),
                &JsValue::UNDEFINED,
            ))
        }
        Outcome::Aborted(_) | Outcome::Network(_) => {
            return Err(inner.fail(
                ApiError::new(ErrorKind::Network, "network error on POST /oauth/token"),
                &JsValue::UNDEFINED,
            ))
        }
    };
    if !(200..300).contains(&status) {
        let mut error = ApiError::from_response(
            inner.dialect,
            status,
            &response_headers,
            &body_text(&body),
            error_fields(&body),
        );
        error.message = crate::text!(
            "client credentials were refused by /oauth/token: ",
            error.message
        );
        return Err(inner.fail(error, &JsValue::UNDEFINED));
    }
    let json = parse_json(&body).unwrap_or(JsValue::NULL);
    let Some(token) = rust_text(&get(&json, "access_token")).filter(|t| !t.is_empty()) else {
        let mut error = ApiError::new(
            ErrorKind::Api,
            "/oauth/token answered without an access_token",
        );
        error.status = Some(status);
        return Err(inner.fail(error, &JsValue::UNDEFINED));
    };
    let lifetime = get(&json, "expires_in")
        .as_f64()
        .filter(|seconds| seconds.is_finite() && *seconds > 0.0)
        .unwrap_or(86_400.0);
    inner.cached.replace(Some((
        token.clone(),
        js_sys::Date::now() + lifetime * 1000.0,
    )));
    Ok(token)
}
