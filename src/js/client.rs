//! `ClientCore`: the npm package's driver of the client core ([`crate::client`]) behind
//! `ManagementClient` and `OktaClient`. The JS classes in `lib/` are one-liners into
//! [`ClientCore::call`], which runs each call as a [`Task`] that `lib/runtime.js` `drive` steps:
//! each step turns how the last promise settled into an [`Event`] for the core, and the core's
//! [`Action`] into the next promise to wait on (a token, an attempt, a pause) or the result.
//! Every decision is the core's; this file only reads JS, waits, and writes JS.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;

use crate::client::exchange::TokenAnswer;
use crate::client::{
    Action, Answer, Body, Call, Client, Event, Exchange, Failure, Success, TokenFailure,
};
use crate::http::error::{scrub, ApiError};
use crate::http::paging::PageBody;
use crate::http::params::{ParamValue, Params};
use crate::http::request::Paged;
use crate::http::retry::Dialect;
use crate::js::config::{call_options, op_args, read_config};
use crate::js::fetch::{
    body_text, is_aborted, read_outcome, read_settled, sleep, start_attempt, within, Attempt,
    Response, Settled,
};
use crate::js::js_error::to_js_error;
use crate::js::keys::{get, set, set_key};
use crate::js::limiter::{Gate, LimiterCore, Pass, Shared};
use crate::js::options::get_count;
use crate::js::sys::parse_json;
use crate::js::sys::{call_result, drive, page_of};
use crate::js::text::rust_text;

/// The shared state of one client.
struct Inner {
    /// The core's client: configuration, token cache, secrets.
    client: RefCell<Client>,
    /// The token function (`Auth::Provider`).
    token_fn: Option<Function>,
    /// The client-credentials exchange in flight, shared by concurrent calls.
    refreshing: RefCell<Option<Promise>>,
    /// The rate limiter every call asks before an attempt (`None`: `limiter: false`).
    limiter: Option<Rc<Shared>>,
}

/// The Rust core of the package's clients. Not part of the public API: use `ManagementClient`
/// or `OktaClient`.
#[wasm_bindgen(skip_typescript)]
pub struct ClientCore {
    inner: Rc<Inner>,
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
            Ok(config) => Ok(ClientCore {
                inner: Rc::new(Inner {
                    client: RefCell::new(Client::new(config.config)),
                    token_fn: config.token_fn,
                    refreshing: RefCell::new(None),
                    limiter: config.limiter,
                }),
            }),
            Err(issues) => Err(to_js_error(
                dialect,
                &ApiError::validation("the client options", issues),
                &JsValue::UNDEFINED,
            )),
        }
    }

    /// The API base URL (e.g. `https://acme.auth0.com/api/v2`), for display and tests.
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.inner.client.borrow().base_url().to_owned()
    }

    /// Runs operation `op` with `args` `{ id?, subId?, params?, body?, strategy? }` and `options`
    /// (`requestOptions`). Resolves to `{ status, data, page? }`; rejects with a
    /// `ManagementError`/`OktaError`.
    pub fn call(&self, op: JsValue, args: JsValue, options: JsValue) -> Promise {
        let inner = &self.inner;
        let op = rust_text(&op).unwrap_or_default();
        let prepared = call_options(&options).and_then(|(options, signal)| {
            let args = op_args(&args)?;
            let call = Call::new(&inner.client.borrow(), &op, args, &options)?;
            Ok((call, signal))
        });
        match prepared {
            Ok((call, signal)) => {
                let body = call
                    .request()
                    .body
                    .as_deref()
                    .map_or(JsValue::UNDEFINED, JsValue::from_str);
                run(
                    inner,
                    Job::Call(Box::new(CallTask {
                        call,
                        signal,
                        body,
                        pass: Pass::default(),
                        paused: false,
                        data: JsValue::UNDEFINED,
                        cause: JsValue::UNDEFINED,
                    })),
                )
            }
            Err(error) => Promise::reject(&inner.fail(error, &JsValue::UNDEFINED)),
        }
    }
}

impl Inner {
    /// `error` (redacted by the core) as a thrown JS value, `cause` scrubbed of secrets.
    fn fail(&self, error: ApiError, cause: &JsValue) -> JsValue {
        let client = self.client.borrow();
        let error = client.redact(error);
        let dialect = client.config().dialect;
        to_js_error(dialect, &error, &scrub_cause(cause, &client.secrets()))
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

/// What a task waits for: how to read the settled value its next `step` receives.
#[derive(Clone, Copy)]
enum Waiting {
    /// Nothing yet: the next step starts the task.
    Nothing,
    /// The rate limiter's wait before an attempt (rejected when the caller aborts).
    Limiter,
    /// A token (the token function's answer or the shared exchange), bounded by `within`.
    Token,
    /// The attempt's result from `lib/runtime.js` `attempt`.
    Response,
    /// The pause before a retry (rejected when the caller aborts).
    Pause,
}

/// What a step leads to.
enum Step {
    /// Wait for this promise, then step again.
    Wait(Promise, Waiting),
    /// The task's result, or the error to throw.
    Done(Result<JsValue, JsValue>),
}

/// An API call driven from JS.
struct CallTask {
    /// The core's call.
    call: Call,
    /// The caller's `AbortSignal` or `undefined`.
    signal: JsValue,
    /// The request body as a JS string (or `undefined`), made once for every attempt.
    body: JsValue,
    /// The call's place with the rate limiter.
    pass: Pass,
    /// Whether the last answer paused the rate limiter (a 429): the retry then waits in line.
    paused: bool,
    /// The last 2xx answer's data (`JSON.parse` of its body).
    data: JsValue,
    /// The JS cause of the event just fed (an abort reason, a token function's error, a
    /// `JSON.parse` error), attached to an error it ends the call with.
    cause: JsValue,
}

/// What a task does.
enum Job {
    /// An API call.
    Call(Box<CallTask>),
    /// The client-credentials exchange at `/oauth/token`.
    Exchange(Option<Exchange>),
}

/// One call (or token exchange) as a state machine; not part of the public API. `lib/runtime.js`
/// `drive` runs it: each `step` gets how the promise of the previous step settled and returns
/// the next promise to wait on (an attempt, a pause, a token), or, once `done`, the result.
/// The wasm carries no async executor (with `wasm-bindgen-futures` the package was 4.5 KB gzip
/// larger).
#[wasm_bindgen(skip_typescript)]
pub struct Task {
    inner: Rc<Inner>,
    job: Job,
    waiting: Waiting,
    done: bool,
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
            Job::Call(task) => call_step(&self.inner, task, waiting, ok, &value),
            Job::Exchange(exchange) => exchange_step(&self.inner, exchange, waiting, ok, &value),
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
        if let (Job::Call(task), Some(shared)) = (&mut self.job, &self.inner.limiter) {
            task.pass.release(shared);
        }
    }
}

/// Runs `job` for `inner` as a promise.
fn run(inner: &Rc<Inner>, job: Job) -> Promise {
    drive(JsValue::from(Task {
        inner: Rc::clone(inner),
        job,
        waiting: Waiting::Nothing,
        done: false,
    }))
}

/// The event that the settled promise of `waiting` brings (`None`: ask for the turn again, after
/// the rate limiter's wait; `Err`: the shared exchange's error, which ends the call as it is).
fn settled_event(
    inner: &Inner,
    task: &mut CallTask,
    waiting: Waiting,
    ok: bool,
    value: &JsValue,
) -> Result<Option<Event>, JsValue> {
    Ok(Some(match waiting {
        Waiting::Nothing => Event::Start,
        Waiting::Limiter | Waiting::Pause if !ok => Event::Failed(Failure::Aborted),
        Waiting::Limiter => return Ok(None),
        Waiting::Pause => Event::TimerFired,
        Waiting::Token => match read_settled(value) {
            Settled::TimedOut => Event::TokenFailed(TokenFailure::Timeout),
            Settled::Aborted => Event::TokenFailed(TokenFailure::Aborted),
            Settled::Value(token) => match rust_text(&token) {
                Some(token) => Event::Token(token),
                // Not a string: the token function's failure (an exchange answers strings).
                None => Event::TokenFailed(TokenFailure::Rejected(None)),
            },
            Settled::Rejected(reason) if inner.token_fn.is_some() => {
                task.cause = reason;
                Event::TokenFailed(TokenFailure::Rejected(None))
            }
            // The exchange's own error, already a JS error (redacted): the call ends with it.
            Settled::Rejected(reason) => return Err(reason),
        },
        Waiting::Response => {
            let outcome = read_outcome(ok, value);
            // A 429 that paused the limiter holds every call there, this one included.
            let dialect = inner.client.borrow().config().dialect;
            task.paused = inner
                .limiter
                .as_ref()
                .is_some_and(|shared| task.pass.settle(shared, &outcome, dialect));
            match outcome {
                Err(failure) => Event::Failed(failure),
                Ok(Response {
                    status,
                    headers,
                    body,
                    to,
                }) => {
                    let body = read_body(task, status, &body);
                    Event::Answer(Box::new(Answer {
                        status,
                        headers,
                        to: rust_text(&to),
                        body,
                    }))
                }
            }
        }
    }))
}

/// What the core needs of a response body. A 2xx body is parsed by the engine's `JSON.parse`
/// (kept as the call's data; never copied into wasm memory); an error body's first
/// [`crate::client::events::ERROR_BODY_LIMIT`] characters are read in Rust.
fn read_body(task: &mut CallTask, status: u16, body: &JsValue) -> Body {
    if !(200..300).contains(&status) {
        return Body::read(&body_text(body), status, None);
    }
    match parse_json(body) {
        Ok(data) => {
            let page = task
                .call
                .paged()
                .map(|paged| page_body(&data, paged))
                .unwrap_or_default();
            task.data = data;
            Body::Json(page)
        }
        Err(_) if is_blank(body) => Body::Blank,
        Err(error) => {
            task.cause = error;
            Body::NotJson(body_text(body))
        }
    }
}

/// Whether a body is empty or only whitespace.
fn is_blank(body: &JsValue) -> bool {
    body.dyn_ref::<js_sys::JsString>()
        .is_none_or(|text| text.trim().length() == 0)
}

/// The items of a list response's data (a bare array, or the array under `items_key`).
fn items_of(data: &JsValue, paged: Paged) -> Array {
    let items = if Array::is_array(data) {
        data.clone()
    } else {
        get(data, paged.items_key)
    };
    // Already an array: a cast, not `Array.from`'s copy of every page.
    if Array::is_array(&items) {
        items.unchecked_into::<Array>()
    } else {
        Array::new()
    }
}

/// What a list response's data says about paging.
fn page_body(data: &JsValue, paged: Paged) -> PageBody {
    PageBody {
        items: usize::try_from(items_of(data, paged).length()).unwrap_or(usize::MAX),
        next: rust_text(&get(data, "next")).filter(|cursor| !cursor.is_empty()),
        total: get_count(data, "total"),
        start: get_count(data, "start"),
        limit: get_count(data, "limit"),
    }
}

/// One step of an API call: the settled promise becomes an event, the core decides, and its
/// actions are performed until one needs waiting.
fn call_step(
    inner: &Rc<Inner>,
    task: &mut CallTask,
    waiting: Waiting,
    ok: bool,
    value: &JsValue,
) -> Step {
    task.cause = JsValue::UNDEFINED;
    let mut event = match settled_event(inner, task, waiting, ok, value) {
        Ok(event) => event,
        Err(error) => return Step::Done(Err(error)),
    };
    loop {
        let action = match event.take() {
            Some(event) => {
                if matches!(
                    event,
                    Event::Failed(Failure::Aborted) | Event::TokenFailed(TokenFailure::Aborted)
                ) {
                    task.cause = get(&task.signal, "reason");
                }
                let now = js_sys::Date::now();
                let random = js_sys::Math::random();
                task.call
                    .handle(&mut inner.client.borrow_mut(), event, now, random);
                task.call.poll()
            }
            None => Some(Action::Turn),
        };
        match perform(inner, task, action) {
            Ok(step) => return step,
            Err((next, cause)) => {
                task.cause = cause;
                event = Some(next);
            }
        }
    }
}

/// Performs `action`: the promise to wait on, the result, or (`Err`) an event that follows at
/// once, with its JS cause.
fn perform(
    inner: &Rc<Inner>,
    task: &mut CallTask,
    action: Option<Action>,
) -> Result<Step, (Event, JsValue)> {
    let signal = &task.signal;
    let now = |event| Err((event, JsValue::UNDEFINED));
    let timeout_ms = task.call.timeout_ms();
    Ok(match action {
        Some(Action::Turn) => {
            if is_aborted(signal) {
                return now(Event::Failed(Failure::Aborted));
            }
            let Some(shared) = &inner.limiter else {
                return now(Event::Go);
            };
            match task.pass.gate(shared, timeout_ms, signal) {
                Gate::Go => return now(Event::Go),
                Gate::Late => return now(Event::Late),
                Gate::Wait(promise) => Step::Wait(promise, Waiting::Limiter),
            }
        }
        Some(Action::Token) => {
            let answer = inner
                .token_fn
                .as_ref()
                .map(|function| function.call0(&JsValue::UNDEFINED));
            match answer {
                Some(Ok(value)) => Step::Wait(
                    within(&Promise::resolve(&value), timeout_ms, signal),
                    Waiting::Token,
                ),
                Some(Err(error)) => {
                    return Err((Event::TokenFailed(TokenFailure::Rejected(None)), error))
                }
                None => return now(Event::TokenFailed(TokenFailure::Rejected(None))),
            }
        }
        Some(Action::Exchange { start }) => {
            let in_flight = inner.refreshing.borrow().clone();
            let promise = match in_flight {
                Some(promise) if !start => promise,
                _ => {
                    let exchange = Exchange::new(&inner.client.borrow());
                    let promise = run(inner, Job::Exchange(exchange));
                    inner.refreshing.replace(Some(promise.clone()));
                    promise
                }
            };
            Step::Wait(within(&promise, timeout_ms, signal), Waiting::Token)
        }
        Some(Action::Send(request)) => Step::Wait(
            start_attempt(Attempt {
                method: request.method.as_str(),
                url: &request.url,
                headers: &request.headers,
                body: &task.body,
                timeout_ms: request.timeout_ms,
                signal,
            }),
            Waiting::Response,
        ),
        // The limiter holds every call after a 429: the retry waits there, in line.
        Some(Action::Wait(ms)) => Step::Wait(
            sleep(if task.paused { 0.0 } else { ms }, signal),
            Waiting::Pause,
        ),
        Some(Action::Done(Ok(success))) => Step::Done(Ok(result(task, &success))),
        Some(Action::Done(Err(error))) => {
            let cause = std::mem::replace(&mut task.cause, JsValue::UNDEFINED);
            Step::Done(Err(inner.fail(error, &cause)))
        }
        // Not reached: the core answers every event a task feeds it.
        None => Step::Done(Err(JsValue::UNDEFINED)),
    })
}

/// `{ status, data, page? }` for a success.
fn result(task: &CallTask, success: &Success) -> JsValue {
    let data = if success.json {
        &task.data
    } else {
        &JsValue::UNDEFINED
    };
    let page = match (&success.page, task.call.paged()) {
        (Some(state), Some(paged)) => page_of(
            &items_of(data, paged),
            state.next.as_deref(),
            state.total.map(|n| n as f64),
            state.start.map(|n| n as f64),
            state.limit.map(|n| n as f64),
            &state
                .next_params
                .as_ref()
                .map_or(JsValue::UNDEFINED, params_to_js),
        ),
        _ => JsValue::UNDEFINED,
    };
    call_result(success.status, data, &page)
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
    let object = js_sys::Object::new();
    for (name, value) in params.iter() {
        set(&object, name, &param_to_js(value));
    }
    object.into()
}

/// One step of the exchange: send the credentials, then hand the answer to the core (which
/// caches the token).
fn exchange_step(
    inner: &Inner,
    exchange: &mut Option<Exchange>,
    waiting: Waiting,
    ok: bool,
    value: &JsValue,
) -> Step {
    if let (Waiting::Nothing, Some(started)) = (waiting, exchange.as_ref()) {
        let request = started.request();
        let body = request
            .body
            .as_deref()
            .map_or(JsValue::UNDEFINED, JsValue::from_str);
        let attempt = start_attempt(Attempt {
            method: request.method.as_str(),
            url: &request.url,
            headers: &request.headers,
            body: &body,
            timeout_ms: request.timeout_ms,
            signal: &JsValue::UNDEFINED,
        });
        return Step::Wait(attempt, Waiting::Response);
    }
    let Some(started) = exchange.as_ref() else {
        // Not reached: only a client-credentials client runs an exchange.
        return Step::Done(Err(JsValue::UNDEFINED));
    };
    let answer = read_outcome(ok, value).map(|response| TokenAnswer {
        status: response.status,
        headers: response.headers,
        to: rust_text(&response.to),
        text: body_text(&response.body),
    });
    let now = js_sys::Date::now();
    let result = started.finish(&mut inner.client.borrow_mut(), answer, now);
    inner.refreshing.replace(None);
    Step::Done(match result {
        Ok(token) => Ok(JsValue::from_str(&token)),
        Err(error) => Err(inner.fail(error, &JsValue::UNDEFINED)),
    })
}
