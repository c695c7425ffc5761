//! `LimiterCore`: the wasm half of the package's `RateLimiter` (`lib/rate-limiter.js`), one
//! [`Limiter`] shared by every client given it. A call's task asks it before each attempt; a
//! wait is a sleep from `lib/runtime.js` that the caller's signal cancels and that the limiter
//! wakes early (the queue's head, when an answer arrives or the call ahead goes), so waits are
//! ordered and nothing polls.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Object, Promise};
use wasm_bindgen::prelude::*;

use crate::http::error::ApiError;
use crate::http::limiter::{
    concurrency_cap, low_water_mark, Answer, Decision, Limiter, LimiterConfig, Ticket, WaitReason,
    CONCURRENCY_RULE, LOW_WATER_RULE,
};
use crate::http::retry::Dialect;
use crate::js::fetch::{sleep, Outcome, Response};
use crate::js::js_error::to_js_error;
use crate::js::keys::{get, set_key};
use crate::js::options::{collect, type_issue};
use crate::validation::Issue;

/// One limiter and the wake-ups of the calls sleeping on it.
pub struct Shared {
    limiter: RefCell<Limiter>,
    /// Sleeping tickets and the functions that end their sleep early.
    wakers: RefCell<Vec<(Ticket, Function)>>,
    /// The `onWait` hook, told when a call starts to wait.
    on_wait: Option<Function>,
}

/// The wasm half of `RateLimiter`; not part of the public API.
#[wasm_bindgen(skip_typescript)]
pub struct LimiterCore {
    shared: Rc<Shared>,
}

/// What a call does about the limiter before an attempt.
pub enum Gate {
    /// Send now.
    Go,
    /// Wait for this promise (a wakeable sleep), then ask again.
    Wait(Promise),
    /// The call's deadline passed while it waited.
    Late,
}

/// Reads `{ maxConcurrency?, lowWater?, onWait? }`.
fn read_options(options: &JsValue) -> Result<(LimiterConfig, Option<Function>), Vec<Issue>> {
    let mut issues = Vec::new();
    let mut config = LimiterConfig::default();
    let cap = get(options, "maxConcurrency");
    if !cap.is_undefined() && !cap.is_null() {
        match cap.as_f64().and_then(concurrency_cap) {
            Some(n) => config.max_in_flight = n,
            None => issues.push(type_issue("maxConcurrency", CONCURRENCY_RULE)),
        }
    }
    let low = get(options, "lowWater");
    if !low.is_undefined() && !low.is_null() {
        match low.as_f64().and_then(low_water_mark) {
            Some(n) => config.low_water = n,
            None => issues.push(type_issue("lowWater", LOW_WATER_RULE)),
        }
    }
    let hook = get(options, "onWait");
    let on_wait = if hook.is_undefined() || hook.is_null() {
        None
    } else {
        collect(
            hook.dyn_into::<Function>()
                .map(Some)
                .map_err(|_| type_issue("onWait", "a function")),
            &mut issues,
        )
    };
    if issues.is_empty() {
        Ok((config, on_wait))
    } else {
        Err(issues)
    }
}

#[wasm_bindgen]
impl LimiterCore {
    /// A new limiter from `{ maxConcurrency?, lowWater?, onWait? }`; throws a `validation`
    /// error naming every bad option.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<LimiterCore, JsValue> {
        let (config, on_wait) = read_options(&options).map_err(|issues| {
            let error = ApiError::validation("the rate limiter options", issues);
            to_js_error(Dialect::Auth0, &error, &JsValue::UNDEFINED)
        })?;
        Ok(LimiterCore {
            shared: Rc::new(Shared {
                limiter: RefCell::new(Limiter::new(config)),
                wakers: RefCell::new(Vec::new()),
                on_wait,
            }),
        })
    }

    /// Another handle on the same limiter (a client takes one).
    pub fn share(&self) -> LimiterCore {
        LimiterCore {
            shared: Rc::clone(&self.shared),
        }
    }

    /// `{ sent, throttled, waits, inFlight, queued, ratePerSecond, maxConcurrency }`.
    #[wasm_bindgen(getter)]
    pub fn stats(&self) -> JsValue {
        let limiter = self.shared.limiter.borrow();
        let stats = limiter.stats();
        let object = Object::new();
        let number =
            |key: &'static str, value: f64| set_key(&object, key, &JsValue::from_f64(value));
        number("sent", stats.sent as f64);
        number("throttled", stats.throttled as f64);
        number("waits", stats.waits as f64);
        number("inFlight", f64::from(limiter.in_flight()));
        number("queued", limiter.queued() as f64);
        number("maxConcurrency", f64::from(limiter.config().max_in_flight));
        let rate = limiter
            .rate_per_second()
            .map_or(JsValue::UNDEFINED, JsValue::from_f64);
        set_key(&object, "ratePerSecond", &rate);
        object.into()
    }
}

impl LimiterCore {
    /// The shared limiter this handle holds.
    pub fn shared(&self) -> Rc<Shared> {
        Rc::clone(&self.shared)
    }
}

/// The hook's name for a wait reason.
fn reason_name(reason: WaitReason) -> &'static str {
    match reason {
        WaitReason::Queued => "queued",
        WaitReason::Tokens => "tokens",
        WaitReason::Paused => "paused",
        WaitReason::Concurrency => "concurrency",
    }
}

impl Shared {
    /// A place in the queue for a new call.
    pub fn join(&self) -> Ticket {
        self.limiter.borrow_mut().join()
    }

    /// Asks for `ticket` at `now_ms`. A wait sleeps at most until `deadline_ms`, is cancelled by
    /// `signal`, and is reported to the `onWait` hook when `report` (a call's first wait).
    pub fn acquire(
        &self,
        ticket: Ticket,
        now_ms: f64,
        deadline_ms: f64,
        signal: &JsValue,
        report: bool,
    ) -> Gate {
        self.forget(ticket);
        let decision = self.limiter.borrow_mut().acquire(ticket, now_ms);
        let (ms, reason) = match decision {
            Decision::Go => {
                self.wake_head();
                return Gate::Go;
            }
            Decision::Wait(ms, reason) => (ms, reason),
        };
        // A pause a 429 asked for that outlasts the call's deadline ends it now, as a retry
        // wait longer than the timeout does.
        if now_ms >= deadline_ms || (reason == WaitReason::Paused && now_ms + ms > deadline_ms) {
            return Gate::Late;
        }
        if report {
            self.report(ms, reason);
        }
        let promise = sleep(ms.min(deadline_ms - now_ms), signal);
        if let Ok(wake) = get(&promise, "wake").dyn_into::<Function>() {
            self.wakers.borrow_mut().push((ticket, wake));
        }
        Gate::Wait(promise)
    }

    /// Leaves the queue (an aborted or finished call) and lets the next call decide.
    pub fn cancel(&self, ticket: Ticket) {
        self.forget(ticket);
        self.limiter.borrow_mut().cancel(ticket);
        self.wake_head();
    }

    /// Feeds back an attempt's outcome, read by `dialect`'s conventions; returns whether it
    /// paused every call (a 429).
    pub fn settle(&self, now_ms: f64, outcome: Option<&Outcome>, dialect: Dialect) -> bool {
        let answer = outcome.map_or(Answer::default(), |outcome| {
            answer_of(outcome, now_ms, dialect)
        });
        let paused = self.limiter.borrow_mut().settle(now_ms, &answer);
        self.wake_head();
        paused
    }

    /// Drops the wake-up of `ticket`'s finished or abandoned sleep.
    fn forget(&self, ticket: Ticket) {
        self.wakers
            .borrow_mut()
            .retain(|(sleeping, _)| *sleeping != ticket);
    }

    /// Ends the sleep of the queue's head, so it decides again now.
    fn wake_head(&self) {
        let Some(head) = self.limiter.borrow().head() else {
            return;
        };
        // Taken out by `retain`: `swap_remove`'s bounds message would bring in `core::fmt`.
        let mut wake = None;
        self.wakers.borrow_mut().retain(|(ticket, function)| {
            if *ticket == head && wake.is_none() {
                wake = Some(function.clone());
                return false;
            }
            true
        });
        if let Some(wake) = wake {
            let _ = wake.call0(&JsValue::UNDEFINED);
        }
    }

    /// Tells the `onWait` hook `{ ms, reason, queued, inFlight }`; what it throws is ignored.
    fn report(&self, ms: f64, reason: WaitReason) {
        let Some(hook) = &self.on_wait else {
            return;
        };
        let info = Object::new();
        set_key(&info, "ms", &JsValue::from_f64(ms.ceil()));
        set_key(&info, "reason", &JsValue::from_str(reason_name(reason)));
        let (queued, in_flight) = {
            let limiter = self.limiter.borrow();
            (limiter.queued() as f64, f64::from(limiter.in_flight()))
        };
        set_key(&info, "queued", &JsValue::from_f64(queued));
        set_key(&info, "inFlight", &JsValue::from_f64(in_flight));
        let _ = hook.call1(&JsValue::UNDEFINED, &info);
    }
}

/// What the limiter reads from an attempt's outcome.
fn answer_of(outcome: &Outcome, now_ms: f64, dialect: Dialect) -> Answer {
    match outcome {
        Ok(Response {
            status, headers, ..
        }) => Answer::read(*status, headers, now_ms, dialect),
        Err(_) => Answer::default(),
    }
}

/// A call's standing with its client's limiter: queued (with a ticket), holding a place in
/// flight, or neither. Its deadline bounds the wait before each attempt by the call's timeout.
#[derive(Debug, Default)]
pub struct Pass {
    ticket: Option<Ticket>,
    holding: bool,
    deadline_ms: f64,
    reported: bool,
}

impl Pass {
    /// Before an attempt: go, wait (at most `timeout_ms` from the first ask, cancelled by
    /// `signal`), or give up once that time has passed.
    pub fn gate(&mut self, shared: &Shared, timeout_ms: f64, signal: &JsValue) -> Gate {
        if self.holding {
            return Gate::Go;
        }
        let now = js_sys::Date::now();
        let ticket = match self.ticket {
            Some(ticket) => ticket,
            None => {
                self.deadline_ms = now + timeout_ms;
                self.reported = false;
                let ticket = shared.join();
                self.ticket = Some(ticket);
                ticket
            }
        };
        let gate = shared.acquire(ticket, now, self.deadline_ms, signal, !self.reported);
        match gate {
            Gate::Go => {
                self.ticket = None;
                self.holding = true;
            }
            Gate::Wait(_) => self.reported = true,
            Gate::Late => {
                shared.cancel(ticket);
                self.ticket = None;
            }
        }
        gate
    }

    /// After an attempt: feeds its outcome back (read by `dialect`'s conventions); returns
    /// whether it paused every call.
    pub fn settle(&mut self, shared: &Shared, outcome: &Outcome, dialect: Dialect) -> bool {
        if !std::mem::take(&mut self.holding) {
            return false;
        }
        shared.settle(js_sys::Date::now(), Some(outcome), dialect)
    }

    /// When a call ends however it ends: gives back its place in flight or in the queue.
    pub fn release(&mut self, shared: &Shared) {
        if std::mem::take(&mut self.holding) {
            shared.settle(js_sys::Date::now(), None, Dialect::Auth0);
        }
        if let Some(ticket) = self.ticket.take() {
            shared.cancel(ticket);
        }
    }
}
