//! Pacing to the tenant's rate limit: a [`Limiter`] (the npm client's decisions,
//! `crate::http::limiter`) and the wake-ups of the calls waiting on it, owned by a client or
//! shared by several through a [`crate::rust_client::RateLimiter`]. Before each attempt a call
//! joins the queue and waits until the limiter lets it go, at most until its timeout; an answer
//! or a call leaving wakes the queue's head early, so waits are ordered and nothing polls faster
//! than the limiter asks.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use futures_channel::oneshot;

use super::fetch::{now_ms, within};
use crate::client::Event;
use crate::http::limiter::{Answer, Decision, Limiter, LimiterConfig, Ticket, WaitReason};

/// What a call that starts to wait is told about its wait (npm `onWait`'s `{ ms, reason,
/// queued, inFlight }`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WaitInfo {
    /// How long the limiter asks it to wait (an answer or the call ahead may end it sooner).
    pub wait: Duration,
    /// Why it waits.
    pub reason: WaitReason,
    /// Calls waiting, this one included.
    pub queued: usize,
    /// Calls sent and not yet answered.
    pub in_flight: u32,
}

/// A hook told when a call starts to wait.
pub type WaitHook = Rc<dyn Fn(&WaitInfo)>;

/// A rate limiter and the wake-ups of its waiting calls.
pub struct Pacer {
    limiter: RefCell<Limiter>,
    /// Waiting tickets and the senders that end their wait early.
    wakers: RefCell<Vec<(Ticket, oneshot::Sender<()>)>>,
    /// Told when a call starts to wait (a call's first wait before each attempt).
    on_wait: RefCell<Option<WaitHook>>,
}

impl Default for Pacer {
    fn default() -> Self {
        Pacer {
            limiter: RefCell::new(Limiter::new(LimiterConfig::default())),
            wakers: RefCell::new(Vec::new()),
            on_wait: RefCell::new(None),
        }
    }
}

impl Pacer {
    /// Changes the settings; the next decision uses them.
    pub fn configure(&self, change: impl FnOnce(&mut LimiterConfig)) {
        let mut limiter = self.limiter.borrow_mut();
        let mut config = limiter.config();
        change(&mut config);
        limiter.configure(config);
    }

    /// Sets the hook told when a call starts to wait.
    pub fn set_on_wait(&self, hook: WaitHook) {
        self.on_wait.replace(Some(hook));
    }

    /// What `read` reads from the limiter now.
    pub fn read<R>(&self, read: impl FnOnce(&Limiter) -> R) -> R {
        read(&self.limiter.borrow())
    }

    /// Tells the hook, if any, that a call starts to wait `ms` for `reason`.
    fn report(&self, ms: f64, reason: WaitReason) {
        // Taken out first: the hook may read the limiter (its stats) or set another hook.
        let hook = self.on_wait.borrow().clone();
        let Some(hook) = hook else {
            return;
        };
        let (queued, in_flight) = {
            let limiter = self.limiter.borrow();
            (limiter.queued(), limiter.in_flight())
        };
        hook(&WaitInfo {
            wait: Duration::try_from_secs_f64(ms / 1000.0).unwrap_or_default(),
            reason,
            queued,
            in_flight,
        });
    }

    /// Ends the wait of the queue's head, so it decides again now.
    fn wake_head(&self) {
        let Some(head) = self.limiter.borrow().head() else {
            return;
        };
        let mut wakers = self.wakers.borrow_mut();
        if let Some(at) = wakers.iter().position(|(ticket, _)| *ticket == head) {
            let (_, wake) = wakers.swap_remove(at);
            // A head that stopped waiting has dropped its receiver: nothing to wake.
            let _ = wake.send(());
        }
    }

    /// Drops the wake-up of `ticket`'s finished or abandoned wait.
    fn forget(&self, ticket: Ticket) {
        self.wakers
            .borrow_mut()
            .retain(|(waiting, _)| *waiting != ticket);
    }

    /// Feeds back how an attempt that went ended; returns whether it paused every call (a 429).
    fn settle(&self, answer: &Answer) -> bool {
        let paused = self.limiter.borrow_mut().settle(now_ms(), answer);
        self.wake_head();
        paused
    }

    /// Leaves the queue without sending and lets the next call decide.
    fn cancel(&self, ticket: Ticket) {
        self.forget(ticket);
        self.limiter.borrow_mut().cancel(ticket);
        self.wake_head();
    }
}

/// A call's standing with its client's pacer (none: pacing is off): queued (with a ticket),
/// holding a place in flight, or neither. Dropped however the call ends (a dropped future
/// included), it gives its place back.
pub struct Pass<'a> {
    pacer: Option<&'a Pacer>,
    ticket: Option<Ticket>,
    holding: bool,
    deadline_ms: f64,
    /// Whether this attempt's wait was reported to the hook already.
    reported: bool,
}

impl<'a> Pass<'a> {
    /// A call's pass with `pacer` (`None`: every attempt goes at once), neither queued nor in
    /// flight.
    pub fn new(pacer: Option<&'a Pacer>) -> Self {
        Pass {
            pacer,
            ticket: None,
            holding: false,
            deadline_ms: 0.0,
            reported: false,
        }
    }

    /// Before an attempt: [`Event::Go`] once the limiter lets it through, or [`Event::Late`]
    /// when that would be after `timeout_ms` from the first ask.
    pub async fn turn(&mut self, timeout_ms: f64) -> Event {
        let Some(pacer) = self.pacer else {
            return Event::Go;
        };
        if self.holding {
            return Event::Go;
        }
        loop {
            let now = now_ms();
            let ticket = match self.ticket {
                Some(ticket) => ticket,
                None => {
                    self.deadline_ms = now + timeout_ms;
                    self.reported = false;
                    let ticket = pacer.limiter.borrow_mut().join();
                    self.ticket = Some(ticket);
                    ticket
                }
            };
            pacer.forget(ticket);
            let decision = pacer.limiter.borrow_mut().acquire(ticket, now);
            let ms = match decision {
                Decision::Go => {
                    self.ticket = None;
                    self.holding = true;
                    pacer.wake_head();
                    return Event::Go;
                }
                Decision::Wait(ms, reason) => {
                    // A 429's pause that outlasts the deadline ends the call now, as a retry
                    // wait longer than the timeout does.
                    let paused_past = reason == WaitReason::Paused && now + ms > self.deadline_ms;
                    if now >= self.deadline_ms || paused_past {
                        self.ticket = None;
                        pacer.cancel(ticket);
                        return Event::Late;
                    }
                    if !std::mem::replace(&mut self.reported, true) {
                        pacer.report(ms, reason);
                    }
                    ms.min(self.deadline_ms - now)
                }
            };
            let (wake, woken) = oneshot::channel();
            pacer.wakers.borrow_mut().push((ticket, wake));
            let _ = within(woken, ms).await;
        }
    }

    /// After an attempt: feeds back its answer (`None`: no response came); returns whether it
    /// paused every call (a 429: the retry then waits in line, not on its own timer).
    pub fn settle(&mut self, answer: Option<Answer>) -> bool {
        let Some(pacer) = self.pacer else {
            return false;
        };
        if !std::mem::take(&mut self.holding) {
            return false;
        }
        pacer.settle(&answer.unwrap_or_default())
    }
}

impl Drop for Pass<'_> {
    fn drop(&mut self) {
        self.settle(None);
        if let (Some(pacer), Some(ticket)) = (self.pacer, self.ticket.take()) {
            pacer.cancel(ticket);
        }
    }
}
