//! [`RateLimiter`]: the handle on a rate limiter that several clients of one tenant share (two
//! `ManagementClient`s with different tokens spend the same bucket), the npm package's
//! `RateLimiter`; and [`Pacing`], a client's choice between its own limiter, a shared one and
//! none. The settings' rules and the decisions are `crate::http::limiter`'s, as npm's are.

use std::rc::Rc;

use super::error::ManagementError;
use super::pacing::{Pacer, WaitInfo};
use crate::http::error::ApiError;
use crate::http::limiter::{concurrency_cap, low_water_mark, CONCURRENCY_RULE, LOW_WATER_RULE};
use crate::validation::{Issue, IssueCode};

/// A rate limiter that paces the calls of every client given it
/// ([`crate::rust_client::ClientOptions::limiter`]): one queue, one estimate of the tenant's
/// bucket, one concurrency cap, and a 429 answered to any of them pauses them all. Cloning it is
/// cheap and gives another handle on the same limiter.
///
/// ```
/// use idp_connections::rust_client::{ClientOptions, ManagementClient, ManagementError, RateLimiter};
///
/// fn clients() -> Result<(ManagementClient, ManagementClient), ManagementError> {
///     let limiter = RateLimiter::new().max_concurrency(4)?;
///     let reader = ClientOptions::with_token("acme.eu.auth0.com", "READ_TOKEN").limiter(limiter.clone());
///     let writer = ClientOptions::with_token("acme.eu.auth0.com", "WRITE_TOKEN").limiter(limiter);
///     Ok((ManagementClient::new(reader)?, ManagementClient::new(writer)?))
/// }
/// ```
///
/// The settings are builder methods. The two that take a number return a `Result`, refusing a
/// bad value with a `validation` [`ManagementError`] whose issue names it, by the npm
/// `RateLimiter`'s rules and words, rather than clamping it: a cap of 0 or 5000 is a mistake
/// (0 is no "unlimited"), and clamping would hide it where the npm client refuses it. A setting
/// changes the limiter every handle shares, for the decisions after it.
#[derive(Clone, Default)]
pub struct RateLimiter {
    pacer: Rc<Pacer>,
}

/// Two handles are equal when they hold the same limiter.
impl PartialEq for RateLimiter {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.pacer, &other.pacer)
    }
}

/// The settings and the counters.
impl std::fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimiter")
            .field("stats", &self.stats())
            .finish_non_exhaustive()
    }
}

/// What a [`RateLimiter`] has done and holds now (npm `limiter.stats`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimiterStats {
    /// Calls sent.
    pub sent: u64,
    /// Answers with a 429.
    pub throttled: u64,
    /// Times a call had to wait.
    pub waits: u64,
    /// Calls sent and not yet answered.
    pub in_flight: u32,
    /// Calls waiting for their turn.
    pub queued: usize,
    /// The estimated refill rate of the tenant's bucket in tokens per second, once known.
    pub rate_per_second: Option<f64>,
    /// The concurrency cap in use.
    pub max_concurrency: u32,
}

/// The refusal of a bad setting, naming it.
fn refused(field: &str, code: IssueCode, rule: &str) -> ManagementError {
    let issue = Issue::at(field, code, crate::text!(field, " must be ", rule));
    ManagementError::from_redacted(ApiError::validation(
        "the rate limiter options",
        vec![issue],
    ))
}

impl RateLimiter {
    /// A limiter with the default settings (a cap of 10 calls in flight, a low-water mark of 1
    /// token, no hook).
    pub fn new() -> Self {
        RateLimiter::default()
    }

    /// Sets the most calls in flight at once (npm `maxConcurrency`): a whole number from 1 to
    /// 1000, otherwise a `validation` error with a `too_small` or `too_large` issue at
    /// `max_concurrency`.
    pub fn max_concurrency(self, cap: u32) -> Result<Self, ManagementError> {
        let Some(cap) = concurrency_cap(f64::from(cap)) else {
            let code = if cap == 0 {
                IssueCode::TooSmall
            } else {
                IssueCode::TooLarge
            };
            return Err(refused("max_concurrency", code, CONCURRENCY_RULE));
        };
        self.pacer.configure(|config| config.max_in_flight = cap);
        Ok(self)
    }

    /// Sets the tokens left untouched for other users of the tenant's budget (npm `lowWater`):
    /// a finite number, 0 or more, otherwise a `validation` error with a `too_small` (negative)
    /// or `type` (not finite) issue at `low_water`.
    pub fn low_water(self, tokens: f64) -> Result<Self, ManagementError> {
        let Some(tokens) = low_water_mark(tokens) else {
            let code = if tokens.is_finite() {
                IssueCode::TooSmall
            } else {
                IssueCode::Type
            };
            return Err(refused("low_water", code, LOW_WATER_RULE));
        };
        self.pacer.configure(|config| config.low_water = tokens);
        Ok(self)
    }

    /// Sets a hook told when a call starts to wait for its turn (npm `onWait`): once per
    /// attempt, at its first wait, with how long, why, and the calls queued and in flight (so a
    /// page can say "waiting for the rate limit"). It runs inside the waiting call: keep it short.
    pub fn on_wait(self, hook: impl Fn(&WaitInfo) + 'static) -> Self {
        self.pacer.set_on_wait(Rc::new(hook));
        self
    }

    /// The counters and the state now.
    pub fn stats(&self) -> RateLimiterStats {
        self.pacer.read(|limiter| {
            let stats = limiter.stats();
            RateLimiterStats {
                sent: stats.sent,
                throttled: stats.throttled,
                waits: stats.waits,
                in_flight: limiter.in_flight(),
                queued: limiter.queued(),
                rate_per_second: limiter.rate_per_second(),
                max_concurrency: limiter.config().max_in_flight,
            }
        })
    }
}

/// How a client paces its calls to the tenant's rate limit (npm: the `limiter` option).
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Pacing {
    /// A limiter of its own, with the default settings (the default).
    #[default]
    Own,
    /// The given limiter, shared with every other client given it.
    Shared(RateLimiter),
    /// No pacing (npm `limiter: false`): every attempt goes at once and only the retries react
    /// to 429s.
    Off,
}

impl Pacing {
    /// The pacer a client built with this choice uses (`None`: pacing is off).
    pub(crate) fn pacer(self) -> Option<Rc<Pacer>> {
        match self {
            Pacing::Own => Some(Rc::default()),
            Pacing::Shared(limiter) => Some(limiter.pacer),
            Pacing::Off => None,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::http::limiter::{DEFAULT_LOW_WATER, DEFAULT_MAX_IN_FLIGHT, MAX_CONCURRENCY};

    #[test]
    fn settings_are_shared_by_every_handle() {
        let limiter = RateLimiter::new();
        let other = limiter.clone();
        assert_eq!(limiter, other);
        assert_ne!(limiter, RateLimiter::new(), "another limiter");
        assert_eq!(other.stats().max_concurrency, DEFAULT_MAX_IN_FLIGHT);
        let limiter = limiter.max_concurrency(3).unwrap().low_water(0.0).unwrap();
        assert_eq!(other.stats().max_concurrency, 3);
        other.pacer.read(|state| {
            assert_eq!(state.config().low_water, 0.0);
        });
        assert_eq!(
            limiter.max_concurrency(MAX_CONCURRENCY).unwrap().stats(),
            RateLimiterStats {
                sent: 0,
                throttled: 0,
                waits: 0,
                in_flight: 0,
                queued: 0,
                rate_per_second: None,
                max_concurrency: MAX_CONCURRENCY,
            }
        );
        RateLimiter::new().pacer.read(|state| {
            assert_eq!(state.config().low_water, DEFAULT_LOW_WATER);
        });
    }

    #[test]
    fn bad_settings_are_refused_by_the_npm_rules() {
        let cases = [
            (RateLimiter::new().max_concurrency(0), IssueCode::TooSmall),
            (
                RateLimiter::new().max_concurrency(1001),
                IssueCode::TooLarge,
            ),
            (RateLimiter::new().low_water(-1.0), IssueCode::TooSmall),
            (RateLimiter::new().low_water(f64::NAN), IssueCode::Type),
            (RateLimiter::new().low_water(f64::INFINITY), IssueCode::Type),
        ];
        for (result, code) in cases {
            let error = result.expect_err("refused");
            assert_eq!(error.kind(), crate::http::error::ErrorKind::Validation);
            assert_eq!(error.issues().len(), 1);
            assert_eq!(error.issues()[0].code, code, "{error}");
        }
        let error = RateLimiter::new().max_concurrency(0).unwrap_err();
        assert_eq!(
            error.issues()[0].message,
            "max_concurrency must be a whole number from 1 to 1000"
        );
    }

    #[test]
    fn pacing_gives_a_new_a_shared_or_no_pacer() {
        let limiter = RateLimiter::new();
        let shared = Pacing::Shared(limiter.clone()).pacer().unwrap();
        assert!(Rc::ptr_eq(&shared, &limiter.pacer));
        let own = Pacing::Own.pacer().unwrap();
        assert!(!Rc::ptr_eq(&own, &limiter.pacer));
        assert!(Pacing::Off.pacer().is_none());
    }
}
