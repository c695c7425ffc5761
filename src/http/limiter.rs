//! Client-side pacing to a server's rate limit: which call may send now and how long the others
//! wait. Pure state fed by each answer's rate-limit headers (Auth0 `X-RateLimit-*`, Okta
//! `X-Rate-Limit-*`) and the caller's clock (`now_ms`); no I/O, no timers. The JS glue turns a
//! [`Decision::Wait`] into a sleep the caller's signal cancels and wakes the queue's head early
//! when an answer arrives.
//!
//! The model: the server is a token bucket of `limit` tokens that refills at some rate. Every
//! answer says how many tokens were left (`remaining`) and when the bucket is full again
//! (`reset`, whole epoch seconds). Calls queue in arrival order; only the head of the queue
//! decides, so waits are ordered and one 429 pauses everyone. The head sends when the estimated
//! tokens stay above a low-water mark and fewer than `max_in_flight` calls are out; otherwise it
//! waits for the tokens it lacks at the estimated refill rate. The rate is learned: a lower bound
//! from `reset` (the bucket refills at least `(limit - remaining)` tokens by then), then measured
//! from how `remaining` moves while answers arrive, raised when a wait proves too long (the
//! bucket was found full while calls waited) and lowered on a 429.

use super::rate_limit::{parse_http_date, parse_rate_limit, RateLimit, ResponseHeaders};
use super::retry::{okta_wait, retry_after_ms, Dialect};

/// A queued call's place in line.
pub type Ticket = u64;

/// The limiter's settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LimiterConfig {
    /// The most calls out at once (Okta limits concurrent requests too). At least 1.
    pub max_in_flight: u32,
    /// Tokens left untouched for other users of the same budget: calls wait once the estimate
    /// would fall below this.
    pub low_water: f64,
    /// The longest single pause after a 429, in milliseconds.
    pub max_pause_ms: f64,
}

/// The default concurrency cap.
pub const DEFAULT_MAX_IN_FLIGHT: u32 = 10;

/// The default low-water mark, in tokens.
pub const DEFAULT_LOW_WATER: f64 = 1.0;

/// The largest concurrency cap a caller may set (npm `maxConcurrency`, Rust `max_concurrency`).
pub const MAX_CONCURRENCY: u32 = 1000;

/// What a concurrency cap a caller sets must be, as the refusal of another says it.
pub const CONCURRENCY_RULE: &str = "a whole number from 1 to 1000";

/// What a low-water mark a caller sets must be, as the refusal of another says it.
pub const LOW_WATER_RULE: &str = "a number of tokens, 0 or more";

/// `n` as a concurrency cap a caller may set, if it is one: a whole number from 1 to
/// [`MAX_CONCURRENCY`] (both drivers' rule).
pub fn concurrency_cap(n: f64) -> Option<u32> {
    (n.fract() == 0.0 && (1.0..=f64::from(MAX_CONCURRENCY)).contains(&n)).then_some(n as u32)
}

/// `n` as a low-water mark a caller may set, if it is one: a finite number, 0 or more (both
/// drivers' rule).
pub fn low_water_mark(n: f64) -> Option<f64> {
    (n.is_finite() && n >= 0.0).then_some(n)
}

/// How long a call waits for a wake-up when nothing but an answer can let it go (it re-checks
/// then; answers wake it sooner).
pub const IDLE_WAIT_MS: f64 = 1000.0;

/// The shortest span over which a refill rate is measured.
const MEASURE_SPAN_MS: f64 = 200.0;

impl Default for LimiterConfig {
    fn default() -> Self {
        LimiterConfig {
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
            low_water: DEFAULT_LOW_WATER,
            max_pause_ms: super::retry::DEFAULT_MAX_WAIT_MS,
        }
    }
}

/// Whether a call may send now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decision {
    /// Send now (the call now counts as in flight until [`Limiter::settle`]).
    Go,
    /// Ask again after this many milliseconds (or when woken), for this reason.
    Wait(f64, WaitReason),
}

/// Why a call waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitReason {
    /// Other calls are ahead in the queue.
    Queued,
    /// The estimated tokens are at the low-water mark: waiting for the bucket to refill.
    Tokens,
    /// A 429 paused every call.
    Paused,
    /// The concurrency cap is reached.
    Concurrency,
}

/// What an attempt ended with, as the limiter reads it (the default: no response at all).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Answer {
    /// The HTTP status, or `None` when no response came (network error, timeout, abort).
    pub status: Option<u16>,
    /// The rate-limit headers, if any.
    pub rate: Option<RateLimit>,
    /// The wait the API's convention gives this answer, in milliseconds: `Retry-After`, or for
    /// Okta `X-Rate-Limit-Reset` against `Date` plus 1 s. It decides the pause after a 429.
    pub announced_wait_ms: Option<f64>,
    /// The server's clock (the `Date` header) in epoch milliseconds, if sent.
    pub server_now_ms: Option<f64>,
    /// The API limits concurrent requests too and a 429 for that announces the concurrent
    /// budget as its limit (Okta).
    pub limits_concurrency: bool,
}

impl Answer {
    /// What the limiter reads from a response of `status` with `headers` at `now_ms`, by
    /// `dialect`'s conventions (for both drivers).
    pub fn read(status: u16, headers: &ResponseHeaders, now_ms: f64, dialect: Dialect) -> Self {
        Answer {
            status: Some(status),
            rate: parse_rate_limit(headers),
            announced_wait_ms: retry_after_ms(headers, now_ms).or_else(|| match dialect {
                Dialect::Okta => okta_wait(headers, now_ms),
                Dialect::Auth0 => None,
            }),
            server_now_ms: headers.get("date").and_then(parse_http_date),
            limits_concurrency: dialect == Dialect::Okta,
        }
    }
}

/// A point to measure the refill rate from.
#[derive(Debug, Clone, Copy)]
struct Sample {
    at: f64,
    remaining: f64,
    answers: u64,
}

/// Counters for reports and tests.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LimiterStats {
    /// Calls sent.
    pub sent: u64,
    /// Answers with a 429.
    pub throttled: u64,
    /// Times a call had to wait.
    pub waits: u64,
}

/// `config` with each setting brought into the range the decisions need.
fn usable(config: LimiterConfig) -> LimiterConfig {
    LimiterConfig {
        max_in_flight: config.max_in_flight.max(1),
        low_water: config.low_water.max(0.0),
        max_pause_ms: config.max_pause_ms.max(0.0),
    }
}

/// The limiter's state; see the module documentation.
#[derive(Debug, Clone)]
pub struct Limiter {
    config: LimiterConfig,
    /// Waiting tickets in arrival order (a `Vec`: queues are short, and `VecDeque`'s code costs
    /// wasm size).
    queue: Vec<Ticket>,
    next_ticket: Ticket,
    in_flight: u32,
    /// The bucket size the last answer announced.
    limit: Option<f64>,
    /// The estimated tokens at `tokens_at`.
    tokens: Option<f64>,
    tokens_at: f64,
    /// The estimated refill rate in tokens per millisecond.
    rate: Option<f64>,
    /// No call goes before this time (after a 429).
    paused_until: f64,
    /// Answers with rate-limit headers so far.
    answers: u64,
    /// Attempts settled so far, with or without an answer.
    settled: u64,
    /// A concurrency cap learned from a 429 (Okta's concurrent-request limit announces its
    /// budget in the limit header while more calls than that were out).
    learned_cap: Option<u32>,
    sample: Option<Sample>,
    stats: LimiterStats,
}

impl Limiter {
    /// A limiter that knows nothing yet: one call probes until the first answer tells it the
    /// budget (or that there is none to read: then calls go up to the concurrency cap).
    pub fn new(config: LimiterConfig) -> Self {
        Limiter {
            config: usable(config),
            queue: Vec::new(),
            next_ticket: 1,
            in_flight: 0,
            limit: None,
            tokens: None,
            tokens_at: 0.0,
            rate: None,
            paused_until: f64::NEG_INFINITY,
            answers: 0,
            settled: 0,
            learned_cap: None,
            sample: None,
            stats: LimiterStats::default(),
        }
    }

    /// The settings in use.
    pub fn config(&self) -> LimiterConfig {
        self.config
    }

    /// Changes the settings; the next decision uses them (what was learned is kept).
    pub fn configure(&mut self, config: LimiterConfig) {
        self.config = usable(config);
    }

    /// Joins the queue; the ticket is then passed to [`Limiter::acquire`] until it goes, or to
    /// [`Limiter::cancel`].
    pub fn join(&mut self) -> Ticket {
        let ticket = self.next_ticket;
        self.next_ticket += 1;
        self.queue.push(ticket);
        ticket
    }

    /// The ticket at the head of the queue: the one to wake when something changed.
    pub fn head(&self) -> Option<Ticket> {
        self.queue.first().copied()
    }

    /// Calls waiting.
    pub fn queued(&self) -> usize {
        self.queue.len()
    }

    /// Calls sent and not yet settled.
    pub fn in_flight(&self) -> u32 {
        self.in_flight
    }

    /// The estimated refill rate in tokens per second, once known.
    pub fn rate_per_second(&self) -> Option<f64> {
        self.rate.map(|rate| rate * 1000.0)
    }

    /// The counters so far.
    pub fn stats(&self) -> LimiterStats {
        self.stats
    }

    /// Leaves the queue without sending (the caller aborted or gave up); a ticket not in the
    /// queue is ignored.
    pub fn cancel(&mut self, ticket: Ticket) {
        self.queue.retain(|queued| *queued != ticket);
    }

    /// The tokens the estimate holds at `now_ms`, refilled at the estimated rate.
    fn tokens_at(&self, now_ms: f64) -> Option<f64> {
        let tokens = self.tokens?;
        let refilled = self
            .rate
            .map_or(0.0, |rate| rate * (now_ms - self.tokens_at).max(0.0));
        let total = tokens + refilled;
        Some(self.limit.map_or(total, |limit| total.min(limit)))
    }

    /// The tokens a call needs the estimate to hold before it goes: one, plus the low-water mark
    /// (which never asks for more than the bucket can hold).
    fn needed(&self) -> f64 {
        let ceiling = self
            .limit
            .map_or(f64::INFINITY, |limit| (limit - 1.0).max(0.0));
        self.config.low_water.min(ceiling) + 1.0
    }

    /// Whether `ticket` may send at `now_ms`. A ticket behind others waits for its turn (about
    /// its place in line at the estimated rate); the head waits out a pause, the concurrency
    /// cap, or the tokens it lacks at the estimated rate.
    pub fn acquire(&mut self, ticket: Ticket, now_ms: f64) -> Decision {
        let place = self.queue.iter().position(|queued| *queued == ticket);
        let place = match place {
            Some(place) => place,
            // Not queued (already cancelled or never joined): join at the back.
            None => {
                self.queue.push(ticket);
                self.queue.len() - 1
            }
        };
        if place > 0 {
            let ms = self.rate.map_or(IDLE_WAIT_MS, |rate| place as f64 / rate);
            return self.wait(ms.min(IDLE_WAIT_MS), WaitReason::Queued);
        }
        if now_ms < self.paused_until {
            return self.wait(self.paused_until - now_ms, WaitReason::Paused);
        }
        // Until the first answer tells the budget, one call probes alone.
        let probing = self.settled == 0 && self.in_flight > 0;
        let cap = self.learned_cap.map_or(self.config.max_in_flight, |cap| {
            cap.min(self.config.max_in_flight)
        });
        if probing || self.in_flight >= cap {
            return self.wait(IDLE_WAIT_MS, WaitReason::Concurrency);
        }
        let needed = self.needed();
        match self.tokens_at(now_ms) {
            Some(tokens) if tokens < needed => {
                // With calls out, their answers will say more; with none, a known rate says when.
                match self.rate {
                    // An estimate no answer has refreshed for the longest pause is stale: with
                    // nothing out to correct it, one call goes and asks the server again (a reset
                    // far in the future, a gateway's bogus figures, would otherwise hold every
                    // call back for good).
                    _ if self.in_flight == 0
                        && now_ms - self.tokens_at >= self.config.max_pause_ms =>
                    {
                        self.go(ticket, now_ms, Some(tokens))
                    }
                    Some(rate) if rate > 0.0 => {
                        let ms = ((needed - tokens) / rate).max(1.0);
                        self.wait(ms.min(self.config.max_pause_ms), WaitReason::Tokens)
                    }
                    _ if self.in_flight > 0 => self.wait(IDLE_WAIT_MS, WaitReason::Tokens),
                    // Nothing out and no rate to wait by: one call probes.
                    _ => self.go(ticket, now_ms, Some(tokens)),
                }
            }
            tokens => self.go(ticket, now_ms, tokens),
        }
    }

    /// A wait, counted.
    fn wait(&mut self, ms: f64, reason: WaitReason) -> Decision {
        self.stats.waits += 1;
        Decision::Wait(ms.max(0.0), reason)
    }

    /// Sends `ticket`: leaves the queue, spends a token of the estimate.
    fn go(&mut self, ticket: Ticket, now_ms: f64, tokens: Option<f64>) -> Decision {
        self.cancel(ticket);
        self.in_flight += 1;
        self.stats.sent += 1;
        if let Some(tokens) = tokens {
            self.tokens = Some(tokens - 1.0);
            self.tokens_at = now_ms;
        }
        Decision::Go
    }

    /// Feeds back how a call that went ended, at `now_ms`. Returns whether the answer paused
    /// every call (a 429): the call that got it then waits in the queue, not on its own timer.
    pub fn settle(&mut self, now_ms: f64, answer: &Answer) -> bool {
        let out = self.in_flight;
        self.in_flight = self.in_flight.saturating_sub(1);
        self.settled += 1;
        if let Some(rate) = answer.rate {
            self.read_headers(now_ms, &rate, answer.server_now_ms);
        }
        if answer.status != Some(429) {
            return false;
        }
        self.stats.throttled += 1;
        // A limit no larger than the calls that were out is a concurrency budget: keep below it;
        // answers, not time, free its slots, so nothing pauses.
        if let Some(limit) = answer.rate.and_then(|rate| rate.limit) {
            if answer.limits_concurrency && limit >= 1.0 && limit <= f64::from(out) {
                self.learned_cap = Some(limit as u32);
                return false;
            }
        }
        // A 429 with the budget's headers means the estimate was high: lower the rate (its
        // `remaining` already set the tokens). One without them (a gateway's, a concurrency
        // limit's) says nothing about the bucket.
        if answer.rate.is_some() {
            self.rate = self.rate.map(|rate| rate * 0.8);
        }
        let until_reset = answer
            .rate
            .and_then(|rate| rate.reset)
            .map(|reset| reset * 1000.0 - answer.server_now_ms.unwrap_or(now_ms));
        // Only an answer with the budget's headers says the refill estimate applies.
        let refill = answer.rate.and(self.rate).map(|rate| self.needed() / rate);
        let pause = match (answer.announced_wait_ms, refill, until_reset) {
            (Some(ms), _, _) => Some(ms),
            // The refill estimate, never later than the announced reset.
            (None, Some(ms), Some(reset)) => Some(ms.min(reset.max(0.0))),
            (None, Some(ms), None) => Some(ms),
            (None, None, reset) => reset,
        };
        let Some(pause) = pause else {
            return false;
        };
        // Not `clamp`: its NaN assertion would bring float formatting into the wasm.
        let until = now_ms + pause.max(0.0).min(self.config.max_pause_ms);
        self.paused_until = self.paused_until.max(until);
        true
    }

    /// Updates the estimates from one answer's rate-limit headers.
    fn read_headers(&mut self, now_ms: f64, rate: &RateLimit, server_now_ms: Option<f64>) {
        if let Some(limit) = rate.limit.filter(|limit| *limit > 0.0) {
            self.limit = Some(limit);
        }
        let Some(remaining) = rate.remaining else {
            return;
        };
        self.answers += 1;
        // Calls still out may not be counted in `remaining` yet: assume they are not.
        let estimate = remaining - f64::from(self.in_flight);
        let waiting = !self.queue.is_empty();
        let full = self.limit.is_some_and(|limit| remaining >= limit - 1.0);
        if full && waiting {
            // The bucket filled up while calls waited: the rate was too low.
            self.rate = self.rate.map(|rate| rate * 1.5);
        }
        self.tokens = Some(estimate);
        self.tokens_at = now_ms;
        // A lower bound from `reset`: by then the missing tokens are back. With the server's
        // `Date` (whole seconds, floored) the bound is free of clock skew.
        if let (Some(limit), Some(reset)) = (self.limit, rate.reset) {
            let span = reset * 1000.0 - server_now_ms.unwrap_or(now_ms);
            if span > 0.0 && limit > remaining {
                let bound = (limit - remaining) / span;
                self.rate = Some(self.rate.map_or(bound, |rate| rate.max(bound)));
            }
        }
        self.measure(now_ms, remaining, full);
    }

    /// Measures the refill rate from how `remaining` moved since the last sample, counting the
    /// answers in between as spent tokens; spans where the bucket was full are not measured
    /// (refill stops there).
    fn measure(&mut self, now_ms: f64, remaining: f64, full: bool) {
        let current = Sample {
            at: now_ms,
            remaining,
            answers: self.answers,
        };
        if full {
            self.sample = None;
            return;
        }
        let Some(sample) = self.sample else {
            self.sample = Some(current);
            return;
        };
        let span = now_ms - sample.at;
        if span < MEASURE_SPAN_MS {
            return;
        }
        let spent = (current.answers - sample.answers) as f64;
        let measured = (remaining - sample.remaining + spent) / span;
        if measured > 0.0 {
            self.rate = Some(self.rate.map_or(measured, |rate| {
                // Weighted towards the newest span, which covers the latest traffic.
                0.3 * rate + 0.7 * measured
            }));
        }
        self.sample = Some(current);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_read_by_its_dialect() {
        let headers = ResponseHeaders::new(vec![
            ("x-rate-limit-reset".to_owned(), "100".to_owned()),
            ("x-rate-limit-limit".to_owned(), "50".to_owned()),
            ("x-rate-limit-remaining".to_owned(), "0".to_owned()),
        ]);
        let okta = Answer::read(429, &headers, 90_000.0, Dialect::Okta);
        assert_eq!(okta.status, Some(429));
        assert_eq!(okta.announced_wait_ms, Some(11_000.0), "reset + 1 s");
        assert!(okta.limits_concurrency && okta.rate.is_some());
        let auth0 = Answer::read(429, &headers, 90_000.0, Dialect::Auth0);
        assert_eq!(
            auth0.announced_wait_ms, None,
            "Okta's headers are not Auth0's"
        );
        let asked = ResponseHeaders::new(vec![("retry-after".to_owned(), "2".to_owned())]);
        let asked = Answer::read(429, &asked, 0.0, Dialect::Auth0);
        assert_eq!(
            (asked.announced_wait_ms, asked.limits_concurrency),
            (Some(2000.0), false)
        );
    }

    #[test]
    fn the_settings_a_caller_may_give() {
        assert_eq!(concurrency_cap(1.0), Some(1));
        assert_eq!(concurrency_cap(f64::from(MAX_CONCURRENCY)), Some(1000));
        for refused in [0.0, 1001.0, 2.5, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(concurrency_cap(refused), None, "{refused}");
        }
        // The refusal's wording names the same bounds.
        assert!(CONCURRENCY_RULE.ends_with(&MAX_CONCURRENCY.to_string()));
        assert_eq!(low_water_mark(0.0), Some(0.0));
        assert_eq!(low_water_mark(2.5), Some(2.5));
        for refused in [-0.5, f64::NAN, f64::INFINITY] {
            assert_eq!(low_water_mark(refused), None, "{refused}");
        }
    }

    #[test]
    fn configure_changes_the_cap_of_the_next_decision() {
        let mut limiter = one_call_out();
        limiter.settle(1.0, &answer(200, 100.0, 90.0, 1.0));
        let (a, b) = (limiter.join(), limiter.join());
        limiter.configure(LimiterConfig {
            max_in_flight: 0,
            ..LimiterConfig::default()
        });
        assert_eq!(limiter.config().max_in_flight, 1, "at least 1");
        assert_eq!(limiter.acquire(a, 1.0), Decision::Go);
        assert_eq!(
            limiter.acquire(b, 1.0),
            Decision::Wait(IDLE_WAIT_MS, WaitReason::Concurrency)
        );
    }

    fn answer(status: u16, limit: f64, remaining: f64, reset_s: f64) -> Answer {
        Answer {
            status: Some(status),
            rate: Some(RateLimit {
                limit: Some(limit),
                remaining: Some(remaining),
                reset: Some(reset_s),
            }),
            announced_wait_ms: None,
            server_now_ms: None,
            limits_concurrency: false,
        }
    }

    /// A limiter with default settings and one call out (sent at 0 ms).
    fn one_call_out() -> Limiter {
        let mut limiter = Limiter::new(LimiterConfig::default());
        let ticket = limiter.join();
        assert_eq!(limiter.acquire(ticket, 0.0), Decision::Go);
        limiter
    }

    #[test]
    fn one_probe_first_then_up_to_the_cap_in_order() {
        let mut limiter = Limiter::new(LimiterConfig {
            max_in_flight: 3,
            ..LimiterConfig::default()
        });
        let tickets: Vec<Ticket> = (0..6).map(|_| limiter.join()).collect();
        // Only the head decides; later tickets wait their turn.
        assert!(matches!(
            limiter.acquire(tickets[1], 0.0),
            Decision::Wait(_, WaitReason::Queued)
        ));
        // Nothing known: one call probes, the next waits for its answer.
        assert_eq!(limiter.acquire(tickets[0], 0.0), Decision::Go);
        assert_eq!(
            limiter.acquire(tickets[1], 0.0),
            Decision::Wait(IDLE_WAIT_MS, WaitReason::Concurrency)
        );
        let bare = Answer {
            status: Some(200),
            rate: None,
            announced_wait_ms: None,
            server_now_ms: None,
            limits_concurrency: false,
        };
        limiter.settle(5.0, &bare);
        // An answer without rate-limit headers: calls go up to the cap.
        for ticket in &tickets[1..4] {
            assert_eq!(limiter.acquire(*ticket, 5.0), Decision::Go);
        }
        assert_eq!(
            limiter.acquire(tickets[4], 5.0),
            Decision::Wait(IDLE_WAIT_MS, WaitReason::Concurrency)
        );
        assert_eq!(limiter.in_flight(), 3);
        limiter.settle(6.0, &bare);
        assert_eq!(limiter.head(), Some(tickets[4]));
        assert_eq!(limiter.acquire(tickets[4], 6.0), Decision::Go);
        assert_eq!(limiter.head(), Some(tickets[5]));
    }

    #[test]
    fn waits_for_tokens_at_the_low_water_mark() {
        let mut limiter = one_call_out();
        // Limit 10, 2 left, full again in 1 s: at least 8 tokens/s.
        limiter.settle(10.0, &answer(200, 10.0, 2.0, 1.01));
        assert_eq!(limiter.rate_per_second(), Some(8.0));
        let second = limiter.join();
        // 2 tokens, 1 kept back: one call goes.
        assert_eq!(limiter.acquire(second, 10.0), Decision::Go);
        let third = limiter.join();
        match limiter.acquire(third, 10.0) {
            // 1 token left, 2 needed: one token at 8/s is 125 ms.
            Decision::Wait(ms, WaitReason::Tokens) => assert!((ms - 125.0).abs() < 1e-6, "{ms}"),
            other => panic!("{other:?}"),
        }
        // After the refill the same ticket goes.
        assert_eq!(limiter.acquire(third, 136.0), Decision::Go);
    }

    #[test]
    fn a_429_pauses_every_call_until_the_refill_estimate() {
        let mut limiter = Limiter::new(LimiterConfig::default());
        let tickets: Vec<Ticket> = (0..3).map(|_| limiter.join()).collect();
        assert_eq!(limiter.acquire(tickets[0], 0.0), Decision::Go);
        limiter.settle(0.0, &answer(200, 10.0, 5.0, 0.05));
        assert_eq!(limiter.acquire(tickets[1], 0.0), Decision::Go);
        // 100 tokens/s known from reset: 10 missing, full in 100 ms.
        limiter.settle(0.0, &answer(200, 10.0, 0.0, 0.1));
        assert!(limiter.settle(0.0, &answer(429, 10.0, 0.0, 1.0)));
        assert_eq!(limiter.stats().throttled, 1);
        // Rate lowered to 80/s after the 429: 2 tokens need 25 ms.
        match limiter.acquire(tickets[2], 1.0) {
            Decision::Wait(ms, WaitReason::Paused) => assert!((ms - 24.0).abs() < 1e-6, "{ms}"),
            other => panic!("{other:?}"),
        }
        // A new call joins behind the waiting one, whatever the budget says.
        let late = limiter.join();
        assert!(matches!(
            limiter.acquire(late, 100.0),
            Decision::Wait(_, WaitReason::Queued)
        ));
        assert_eq!(limiter.acquire(tickets[2], 100.0), Decision::Go);
    }

    #[test]
    fn retry_after_decides_the_pause_and_is_capped() {
        let mut limiter = Limiter::new(LimiterConfig {
            max_pause_ms: 5000.0,
            ..LimiterConfig::default()
        });
        let ticket = limiter.join();
        assert_eq!(limiter.acquire(ticket, 0.0), Decision::Go);
        let mut throttled = answer(429, 10.0, 0.0, 1.0);
        throttled.announced_wait_ms = Some(60_000.0);
        assert!(limiter.settle(0.0, &throttled));
        let next = limiter.join();
        assert_eq!(
            limiter.acquire(next, 0.0),
            Decision::Wait(5000.0, WaitReason::Paused)
        );
    }

    #[test]
    fn a_429_without_any_timing_does_not_pause() {
        let mut limiter = one_call_out();
        limiter.settle(0.0, &answer(200, 100.0, 50.0, 1.0));
        let again = limiter.join();
        assert_eq!(limiter.acquire(again, 0.0), Decision::Go);
        let bare = Answer {
            status: Some(429),
            rate: None,
            announced_wait_ms: None,
            server_now_ms: None,
            limits_concurrency: false,
        };
        assert!(!limiter.settle(0.0, &bare));
        // Nor does it empty the budget the headers announced.
        let next = limiter.join();
        assert_eq!(limiter.acquire(next, 0.0), Decision::Go);
        assert_eq!(limiter.stats().throttled, 1);
    }

    #[test]
    fn the_reset_bound_uses_the_servers_clock() {
        let mut limiter = one_call_out();
        // The local clock is 5 s behind the server's: the span is reset - Date = 2 s.
        let mut skewed = answer(200, 10.0, 0.0, 1_000_002.0);
        skewed.server_now_ms = Some(1_000_000_000.0);
        limiter.settle(999_995_000.0, &skewed);
        assert_eq!(limiter.rate_per_second(), Some(5.0));
    }

    #[test]
    fn a_429_announcing_a_smaller_limit_than_the_calls_out_lowers_the_cap() {
        let mut limiter = one_call_out();
        limiter.settle(0.0, &answer(200, 600.0, 500.0, 60.0));
        for _ in 0..6 {
            let ticket = limiter.join();
            assert_eq!(limiter.acquire(ticket, 0.0), Decision::Go);
        }
        // Okta's concurrency 429: a limit of 4 while 6 were out.
        let concurrent = Answer {
            status: Some(429),
            rate: Some(RateLimit {
                limit: Some(4.0),
                remaining: Some(0.0),
                reset: None,
            }),
            limits_concurrency: true,
            ..Answer::default()
        };
        limiter.settle(1.0, &concurrent);
        limiter.settle(1.0, &answer(200, 600.0, 499.0, 60.0));
        assert_eq!(limiter.in_flight(), 4);
        let next = limiter.join();
        assert_eq!(
            limiter.acquire(next, 1.0),
            Decision::Wait(IDLE_WAIT_MS, WaitReason::Concurrency)
        );
        limiter.settle(2.0, &answer(200, 600.0, 498.0, 60.0));
        assert_eq!(limiter.acquire(next, 2.0), Decision::Go);
    }

    #[test]
    fn cancelled_tickets_leave_the_queue() {
        let mut limiter = Limiter::new(LimiterConfig {
            max_in_flight: 1,
            ..LimiterConfig::default()
        });
        let (a, b, c) = (limiter.join(), limiter.join(), limiter.join());
        assert_eq!(limiter.acquire(a, 0.0), Decision::Go);
        limiter.cancel(b);
        assert_eq!(limiter.head(), Some(c));
        assert_eq!(limiter.queued(), 1);
        limiter.settle(1.0, &answer(200, 100.0, 50.0, 1.0));
        assert_eq!(limiter.acquire(c, 1.0), Decision::Go);
    }

    /// A token bucket server and a client driven by a scripted clock: `calls` calls, each ready
    /// at `ready(i)`, at most `concurrency` in flight, each answered `latency` ms after it goes.
    /// Returns (429 answers, the time the last call succeeded).
    fn simulate(
        size: f64,
        refill_per_s: f64,
        calls: usize,
        concurrency: usize,
        latency: f64,
        limiters: &mut [Limiter],
    ) -> (usize, f64) {
        let rate = refill_per_s / 1000.0;
        let mut tokens = size;
        let mut bucket_at = 0.0;
        // Pending calls per limiter: (ticket, wake-up time); in flight: (done at, limiter).
        let mut waiting: Vec<(usize, Ticket, f64)> = Vec::new();
        let mut out: Vec<(f64, usize, u16, RateLimit)> = Vec::new();
        let mut started = 0;
        let mut done = 0;
        let mut throttled = 0;
        let mut now = 0.0;
        let mut last = 0.0;
        let mut steps = 0;
        while done < calls {
            steps += 1;
            assert!(steps < 1_000_000, "the simulation does not finish");
            // Callers keep `concurrency` calls going, spread over the limiters.
            while started < calls && waiting.len() + out.len() < concurrency {
                let which = started % limiters.len();
                let ticket = limiters[which].join();
                waiting.push((which, ticket, now));
                started += 1;
            }
            // Every due waiter asks; the order of asking is the order of arrival.
            let mut index = 0;
            while index < waiting.len() {
                let (which, ticket, due) = waiting[index];
                if due > now {
                    index += 1;
                    continue;
                }
                match limiters[which].acquire(ticket, now) {
                    Decision::Go => {
                        waiting.remove(index);
                        tokens = (tokens + rate * (now - bucket_at)).min(size);
                        bucket_at = now;
                        let status = if tokens >= 1.0 {
                            tokens -= 1.0;
                            200
                        } else {
                            429
                        };
                        let full_in = (size - tokens) / rate;
                        let headers = RateLimit {
                            limit: Some(size),
                            remaining: Some(tokens.floor()),
                            reset: Some(((now + full_in) / 1000.0).ceil()),
                        };
                        out.push((now + latency, which, status, headers));
                        // The next in line is woken to decide.
                        for (w, t, due) in waiting.iter_mut() {
                            if *w == which && limiters[which].head() == Some(*t) {
                                *due = now;
                            }
                        }
                    }
                    Decision::Wait(ms, _) => {
                        waiting[index].2 = now + ms;
                        index += 1;
                    }
                }
            }
            // The next event: an answer or a wake-up.
            let next_answer = out.iter().map(|o| o.0).fold(f64::INFINITY, f64::min);
            let next_wake = waiting.iter().map(|w| w.2).fold(f64::INFINITY, f64::min);
            now = next_answer.min(next_wake).max(now);
            let mut index = 0;
            while index < out.len() {
                if out[index].0 > now {
                    index += 1;
                    continue;
                }
                let (_, which, status, headers) = out.remove(index);
                let answer = Answer {
                    status: Some(status),
                    rate: Some(headers),
                    announced_wait_ms: None,
                    server_now_ms: None,
                    limits_concurrency: false,
                };
                limiters[which].settle(now, &answer);
                if status == 429 {
                    throttled += 1;
                    // Retried: back in its limiter's queue.
                    let ticket = limiters[which].join();
                    waiting.push((which, ticket, now));
                } else {
                    done += 1;
                    last = now;
                }
                // An answer wakes each limiter's head.
                for (w, t, due) in waiting.iter_mut() {
                    if limiters[*w].head() == Some(*t) {
                        *due = now;
                    }
                }
            }
        }
        (throttled, last)
    }

    /// One limiter, `calls` calls against a bucket of `size` refilling `refill` per second: the
    /// issue's goals (429s at most 2 % of the calls, time at most 1.2 × the ideal) on the
    /// simulated clock.
    fn meets_the_goals(name: &str, size: f64, refill: f64, calls: usize, concurrency: usize) {
        let mut limiters = [Limiter::new(LimiterConfig::default())];
        let (throttled, last) = simulate(size, refill, calls, concurrency, 2.0, &mut limiters);
        let ideal = (calls as f64 - size) / refill * 1000.0;
        eprintln!("{name}: {throttled} 429s, {last} ms");
        assert!(throttled * 50 <= calls, "{name}: {throttled} 429s");
        assert!(
            last <= 1.2 * ideal,
            "{name}: took {last} ms, ideal {ideal} ms"
        );
    }

    #[test]
    fn burst_of_300_against_10_refilling_100_per_second() {
        meets_the_goals("burst", 10.0, 100.0, 300, 300);
    }

    #[test]
    fn sustained_200_with_20_in_flight_against_10_refilling_50_per_second() {
        meets_the_goals("sustained", 10.0, 50.0, 200, 20);
    }

    #[test]
    fn two_limiters_sharing_one_budget_stay_bounded() {
        let mut limiters = [
            Limiter::new(LimiterConfig::default()),
            Limiter::new(LimiterConfig::default()),
        ];
        let (throttled, last) = simulate(10.0, 100.0, 300, 40, 2.0, &mut limiters);
        eprintln!("shared: {throttled} 429s, {last} ms");
        assert!(throttled <= 30, "{throttled} 429s");
        assert!(last <= 2.0 * 2900.0, "took {last} ms");
    }
}
