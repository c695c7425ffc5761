//! Property tests of the rate limiter (`idp_connections::http::limiter`), the pure state both
//! drivers pace every call with: calls join, ask, go, end in any order at any times, and answers
//! carry rate-limit headers of any shape (a hostile or broken server's: negative, fractional,
//! huge, NaN-producing, dates in the past or far future, 429s with and without a wait). Whatever
//! comes, no decision is a wait that is negative, NaN or infinite (a NaN wait would make a timer
//! fire at once and a driver spin; an infinite one would hang), no wait is longer than the limiter
//! ever asks for, the calls out never exceed the concurrency cap, a call that is not queued is
//! never let through twice, and the counters agree with what happened.
//! `make test` runs the default case count; `make fuzz` runs hundreds of thousands.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use idp_connections::http::limiter::{
    Answer, Decision, Limiter, LimiterConfig, Ticket, IDLE_WAIT_MS,
};
use idp_connections::http::rate_limit::ResponseHeaders;
use idp_connections::http::retry::Dialect;
use proptest::prelude::*;

mod common;
use common::{response_headers, READ_HEADERS};

/// One step of the script.
#[derive(Debug, Clone)]
enum Step {
    /// A new call joins the queue.
    Join,
    /// The `n`-th waiting call (modulo their count) asks after `advance_ms`.
    Ask(usize, f64),
    /// The `n`-th call out ends with this answer (`None`: no response), after `advance_ms`.
    End(usize, f64, Option<(u16, ResponseHeaders)>, bool),
    /// The `n`-th waiting call gives up.
    Cancel(usize),
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let advance = prop_oneof![Just(0.0f64), 0.0f64..50.0, 0.0f64..120_000.0];
    let status = prop_oneof![
        Just(200u16),
        Just(201),
        Just(204),
        Just(429),
        Just(503),
        100u16..600
    ];
    let step = prop_oneof![
        3 => Just(Step::Join),
        6 => (any::<usize>(), advance.clone()).prop_map(|(n, ms)| Step::Ask(n, ms)),
        4 => (any::<usize>(), advance, prop::option::of((status, response_headers(READ_HEADERS, 6))), any::<bool>())
            .prop_map(|(n, ms, answer, okta)| Step::End(n, ms, answer, okta)),
        1 => any::<usize>().prop_map(Step::Cancel),
    ];
    prop::collection::vec(step, 0..120)
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn decisions_stay_finite_bounded_and_within_the_cap(
        max_in_flight in prop_oneof![Just(0u32), 1u32..4, Just(10)],
        low_water in prop_oneof![Just(0.0f64), Just(1.0), 0.0f64..1e6],
        max_pause_ms in prop_oneof![Just(60_000.0f64), 0.0f64..1e9],
        start in prop_oneof![Just(1_700_000_000_000.0f64), 0.0f64..4e12],
        script in steps(),
    ) {
        let config = LimiterConfig { max_in_flight, low_water, max_pause_ms };
        let mut limiter = Limiter::new(config);
        let cap = limiter.config().max_in_flight;
        prop_assert!(cap >= 1);
        let longest = IDLE_WAIT_MS.max(limiter.config().max_pause_ms);
        let mut now = start;
        let mut waiting: Vec<Ticket> = Vec::new();
        let mut out: Vec<Ticket> = Vec::new();
        let (mut sent, mut throttled) = (0u64, 0u64);
        for step in script {
            match step {
                Step::Join => waiting.push(limiter.join()),
                Step::Ask(n, ms) => {
                    now += ms;
                    if waiting.is_empty() {
                        continue;
                    }
                    let ticket = waiting[n % waiting.len()];
                    match limiter.acquire(ticket, now) {
                        Decision::Go => {
                            sent += 1;
                            waiting.retain(|t| *t != ticket);
                            prop_assert!(!out.contains(&ticket), "ticket {ticket} let through twice");
                            out.push(ticket);
                            prop_assert!(out.len() as u32 <= cap, "{} out, cap {cap}", out.len());
                            prop_assert_eq!(limiter.in_flight() as usize, out.len());
                        }
                        Decision::Wait(ms, _) => {
                            prop_assert!(ms.is_finite() && ms >= 0.0, "wait {ms}");
                            // (1 ms of slack: a pause's end is a sum of epoch milliseconds.)
                            prop_assert!(ms <= longest + 1.0, "wait {ms} beyond {longest}");
                        }
                    }
                }
                Step::End(n, ms, answer, okta) => {
                    now += ms;
                    if out.is_empty() {
                        continue;
                    }
                    out.remove(n % out.len());
                    let dialect = if okta { Dialect::Okta } else { Dialect::Auth0 };
                    let read = answer
                        .map(|(status, headers)| Answer::read(status, &headers, now, dialect))
                        .unwrap_or_default();
                    if read.status == Some(429) {
                        throttled += 1;
                    }
                    limiter.settle(now, &read);
                    prop_assert_eq!(limiter.in_flight() as usize, out.len());
                    if let Some(rate) = limiter.rate_per_second() {
                        prop_assert!(!rate.is_nan(), "rate {rate}");
                    }
                }
                Step::Cancel(n) => {
                    if waiting.is_empty() {
                        continue;
                    }
                    let ticket = waiting.remove(n % waiting.len());
                    limiter.cancel(ticket);
                }
            }
            prop_assert!(limiter.queued() <= waiting.len());
        }
        let stats = limiter.stats();
        prop_assert_eq!(stats.sent, sent);
        prop_assert_eq!(stats.throttled, throttled);
    }

    /// With nothing out and no pause, the head of the queue goes at once or within one bounded
    /// wait: the limiter never holds an idle line without a finite reason.
    #[test]
    fn an_idle_limiter_lets_the_head_go_after_its_waits(
        headers in response_headers(READ_HEADERS, 6),
        status in prop_oneof![Just(200u16), Just(429)],
        start in prop_oneof![Just(1_700_000_000_000.0f64), 0.0f64..4e12],
    ) {
        let mut limiter = Limiter::new(LimiterConfig::default());
        let first = limiter.join();
        prop_assert_eq!(limiter.acquire(first, start), Decision::Go);
        limiter.settle(start, &Answer::read(status, &headers, start, Dialect::Auth0));
        let next = limiter.join();
        let mut now = start;
        let mut went = false;
        // Each wait is at most the longest pause; a pause or an empty estimate passes once
        // waited out, tokens refill at the learned rate (or the head probes when none is known).
        for _ in 0..10_000 {
            match limiter.acquire(next, now) {
                Decision::Go => {
                    went = true;
                    break;
                }
                Decision::Wait(ms, _) => {
                    prop_assert!(ms.is_finite() && ms >= 0.0);
                    now += ms.max(1.0);
                }
            }
        }
        prop_assert!(went, "the head never went ({} ms of waits)", now - start);
    }

}

/// A reset the server puts far in the future (a gateway writing epoch milliseconds where seconds
/// belong, say) with nothing left: the estimate it leaves must not hold every later call back for
/// good. Nothing is out, so no answer can correct it; after the longest pause one call goes to
/// ask the server again.
#[test]
fn a_bogus_far_reset_does_not_wedge_the_limiter() {
    let start = 1_700_000_000_000.0;
    for (limit, remaining, reset) in [
        ("10", "0", "1700000000000000"),
        ("2", "1", "4102444800"),
        ("100", "0", "1e15"),
    ] {
        let mut limiter = Limiter::new(LimiterConfig::default());
        let first = limiter.join();
        assert_eq!(limiter.acquire(first, start), Decision::Go);
        let headers = ResponseHeaders::new(
            [
                ("x-ratelimit-limit", limit),
                ("x-ratelimit-remaining", remaining),
                ("x-ratelimit-reset", reset),
            ]
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value.to_owned())),
        );
        limiter.settle(start, &Answer::read(200, &headers, start, Dialect::Auth0));
        let next = limiter.join();
        let mut now = start;
        let mut went = false;
        while now - start <= 3.0 * limiter.config().max_pause_ms {
            match limiter.acquire(next, now) {
                Decision::Go => {
                    went = true;
                    break;
                }
                Decision::Wait(ms, _) => now += ms.max(1.0),
            }
        }
        assert!(
            went,
            "{limit}/{remaining}/{reset}: no call went for {} ms",
            now - start
        );
    }
}
