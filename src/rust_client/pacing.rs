//! Pacing to the tenant's rate limit: each client's [`Limiter`] (the npm client's decisions,
//! `crate::http::limiter`) and the wake-ups of the calls waiting on it. Before each attempt a
//! call joins the queue and waits until the limiter lets it go, at most until its timeout; an
//! answer or a call leaving wakes the queue's head early, so waits are ordered and nothing polls
//! faster than the limiter asks.

use std::cell::RefCell;

use futures_channel::oneshot;

use super::fetch::{now_ms, within};
use crate::client::Event;
use crate::http::limiter::{Answer, Decision, Limiter, LimiterConfig, Ticket, WaitReason};

/// A client's rate limiter and the wake-ups of its waiting calls.
pub struct Pacer {
    limiter: RefCell<Limiter>,
    /// Waiting tickets and the senders that end their wait early.
    wakers: RefCell<Vec<(Ticket, oneshot::Sender<()>)>>,
}

impl Default for Pacer {
    fn default() -> Self {
        Pacer {
            limiter: RefCell::new(Limiter::new(LimiterConfig::default())),
            wakers: RefCell::new(Vec::new()),
        }
    }
}

impl Pacer {
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

/// A call's standing with its client's pacer: queued (with a ticket), holding a place in flight,
/// or neither. Dropped however the call ends (a dropped future included), it gives its place back.
pub struct Pass<'a> {
    pacer: &'a Pacer,
    ticket: Option<Ticket>,
    holding: bool,
    deadline_ms: f64,
}

impl<'a> Pass<'a> {
    /// A call's pass, neither queued nor in flight.
    pub fn new(pacer: &'a Pacer) -> Self {
        Pass {
            pacer,
            ticket: None,
            holding: false,
            deadline_ms: 0.0,
        }
    }

    /// Before an attempt: [`Event::Go`] once the limiter lets it through, or [`Event::Late`]
    /// when that would be after `timeout_ms` from the first ask.
    pub async fn turn(&mut self, timeout_ms: f64) -> Event {
        if self.holding {
            return Event::Go;
        }
        loop {
            let now = now_ms();
            let ticket = match self.ticket {
                Some(ticket) => ticket,
                None => {
                    self.deadline_ms = now + timeout_ms;
                    let ticket = self.pacer.limiter.borrow_mut().join();
                    self.ticket = Some(ticket);
                    ticket
                }
            };
            self.pacer.forget(ticket);
            let decision = self.pacer.limiter.borrow_mut().acquire(ticket, now);
            let ms = match decision {
                Decision::Go => {
                    self.ticket = None;
                    self.holding = true;
                    self.pacer.wake_head();
                    return Event::Go;
                }
                Decision::Wait(ms, reason) => {
                    // A 429's pause that outlasts the deadline ends the call now, as a retry
                    // wait longer than the timeout does.
                    let paused_past = reason == WaitReason::Paused && now + ms > self.deadline_ms;
                    if now >= self.deadline_ms || paused_past {
                        self.ticket = None;
                        self.pacer.cancel(ticket);
                        return Event::Late;
                    }
                    ms.min(self.deadline_ms - now)
                }
            };
            let (wake, woken) = oneshot::channel();
            self.pacer.wakers.borrow_mut().push((ticket, wake));
            let _ = within(woken, ms).await;
        }
    }

    /// After an attempt: feeds back its answer (`None`: no response came); returns whether it
    /// paused every call (a 429: the retry then waits in line, not on its own timer).
    pub fn settle(&mut self, answer: Option<Answer>) -> bool {
        if !std::mem::take(&mut self.holding) {
            return false;
        }
        self.pacer.settle(&answer.unwrap_or_default())
    }
}

impl Drop for Pass<'_> {
    fn drop(&mut self) {
        self.settle(None);
        if let Some(ticket) = self.ticket.take() {
            self.pacer.cancel(ticket);
        }
    }
}
