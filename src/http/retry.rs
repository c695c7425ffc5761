//! Which failures are retried and how long to wait before the next attempt.

use super::rate_limit::{parse_decimal, parse_http_date, ResponseHeaders};
use super::request::Method;

/// Which API's rate-limit conventions apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Auth0 Management API: `Retry-After`, else `X-RateLimit-Reset` (epoch seconds).
    Auth0,
    /// Okta: `X-Rate-Limit-Reset` measured against the response's `Date` header, plus 1 s.
    Okta,
}

/// The longest single wait by default: 60 s.
pub const DEFAULT_MAX_WAIT_MS: f64 = 60_000.0;

/// Whether a response with `status` to a `method` request is retried. 429 always; 408 and 5xx
/// only for idempotent methods (GET, PUT, DELETE): a POST or PATCH that failed with a 5xx may have
/// been applied.
pub fn is_retryable(method: Method, status: u16) -> bool {
    if status == 429 {
        return true;
    }
    let idempotent = matches!(method, Method::Get | Method::Put | Method::Delete);
    idempotent && (status == 408 || (500..=599).contains(&status))
}

/// Whether a network failure (no response at all) is retried: only for idempotent methods.
pub fn is_network_retryable(method: Method) -> bool {
    matches!(method, Method::Get | Method::Put | Method::Delete)
}

/// The inputs of a wait computation.
#[derive(Debug, Clone, Copy)]
pub struct WaitInput<'a> {
    /// The failed response's headers; `None` after a network error or a timeout.
    pub headers: Option<&'a ResponseHeaders>,
    /// Zero for the wait after the first attempt.
    pub attempt: u32,
    /// The current time in epoch milliseconds.
    pub now_ms: f64,
    /// A random number in `[0, 1)` for jitter.
    pub random: f64,
    /// The cap for one wait, in milliseconds.
    pub max_wait_ms: f64,
}

/// Milliseconds to wait before the next attempt, following `dialect`'s headers when present, else
/// 1 s × 2^attempt with ±20% jitter; never negative, never above the cap.
pub fn wait_ms(dialect: Dialect, input: WaitInput<'_>) -> f64 {
    wait_asked(dialect, input).0
}

/// [`wait_ms`], and whether the server asked for it (a header) rather than the backoff.
fn wait_asked(dialect: Dialect, input: WaitInput<'_>) -> (f64, bool) {
    let from_headers = input.headers.and_then(|headers| match dialect {
        Dialect::Auth0 => auth0_wait(headers, input.now_ms),
        Dialect::Okta => okta_wait(headers, input.now_ms),
    });
    let asked = from_headers.is_some();
    let wait = from_headers.unwrap_or_else(|| backoff_ms(input.attempt, input.random));
    (wait.max(0.0).min(input.max_wait_ms.max(0.0)), asked)
}

/// The pause before the next attempt of a call whose every wait is bounded by `limit_ms` (its
/// timeout): the client's own backoff is shortened to the limit; a longer wait the server asks
/// for is `None`, and the call ends with the answer's error rather than outwait its timeout.
pub fn pause_within(dialect: Dialect, input: WaitInput<'_>, limit_ms: f64) -> Option<f64> {
    match wait_asked(dialect, input) {
        (wait, true) if wait > limit_ms => None,
        (wait, _) => Some(wait.min(limit_ms)),
    }
}

/// 1 s × 2^attempt, scaled by a jitter factor in `[0.8, 1.2)`.
pub fn backoff_ms(attempt: u32, random: f64) -> f64 {
    let base = 1000.0 * 2f64.powi(i32::try_from(attempt.min(30)).unwrap_or(30));
    base * (0.8 + 0.4 * random.clamp(0.0, 1.0))
}

/// `Retry-After` in milliseconds from `now_ms`: seconds, or an HTTP date.
pub fn retry_after_ms(headers: &ResponseHeaders, now_ms: f64) -> Option<f64> {
    let retry_after = headers.get("retry-after")?;
    parse_decimal(retry_after)
        .map(|seconds| seconds * 1000.0)
        .or_else(|| parse_http_date(retry_after).map(|date| date - now_ms))
}

/// Auth0: `Retry-After` as seconds or an HTTP date, else `X-RateLimit-Reset` epoch seconds.
fn auth0_wait(headers: &ResponseHeaders, now_ms: f64) -> Option<f64> {
    retry_after_ms(headers, now_ms).or_else(|| {
        headers
            .number("x-ratelimit-reset")
            .map(|reset| reset * 1000.0 - now_ms)
    })
}

/// Okta: `X-Rate-Limit-Reset` minus the response's `Date` (or now, without one), plus 1 s.
pub fn okta_wait(headers: &ResponseHeaders, now_ms: f64) -> Option<f64> {
    let reset = headers.number("x-rate-limit-reset")?;
    let server_now = headers
        .get("date")
        .and_then(parse_http_date)
        .unwrap_or(now_ms);
    Some(reset * 1000.0 - server_now + 1000.0)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> ResponseHeaders {
        ResponseHeaders::new(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    fn input(headers: Option<&ResponseHeaders>, attempt: u32) -> WaitInput<'_> {
        WaitInput {
            headers,
            attempt,
            now_ms: 1_700_000_000_000.0,
            random: 0.5,
            max_wait_ms: DEFAULT_MAX_WAIT_MS,
        }
    }

    #[test]
    fn retry_matrix() {
        for method in [Method::Get, Method::Put, Method::Delete] {
            for status in [429, 408, 500, 502, 503, 599] {
                assert!(is_retryable(method, status), "{method:?} {status}");
            }
            assert!(!is_retryable(method, 400));
            assert!(!is_retryable(method, 404));
        }
        for method in [Method::Post, Method::Patch] {
            assert!(is_retryable(method, 429));
            for status in [408, 500, 503] {
                assert!(!is_retryable(method, status), "{method:?} {status}");
            }
        }
        assert!(!is_network_retryable(Method::Post));
        assert!(is_network_retryable(Method::Get));
    }

    #[test]
    fn retry_after_seconds_and_date() {
        let seconds = headers(&[("Retry-After", "3")]);
        assert_eq!(wait_ms(Dialect::Auth0, input(Some(&seconds), 0)), 3000.0);
        // 1_700_000_000 s is Tue, 14 Nov 2023 22:13:20 GMT.
        let date = headers(&[("retry-after", "Tue, 14 Nov 2023 22:13:25 GMT")]);
        assert_eq!(wait_ms(Dialect::Auth0, input(Some(&date), 0)), 5000.0);
    }

    #[test]
    fn ratelimit_reset_epoch_seconds() {
        let reset = headers(&[("X-RateLimit-Reset", "1700000002")]);
        assert_eq!(wait_ms(Dialect::Auth0, input(Some(&reset), 0)), 2000.0);
        let past = headers(&[("X-RateLimit-Reset", "1600000000")]);
        assert_eq!(wait_ms(Dialect::Auth0, input(Some(&past), 0)), 0.0);
        let far = headers(&[("X-RateLimit-Reset", "1800000000")]);
        assert_eq!(wait_ms(Dialect::Auth0, input(Some(&far), 0)), 60_000.0);
    }

    #[test]
    fn okta_uses_the_date_header() {
        let okta = headers(&[
            ("X-Rate-Limit-Reset", "1700000010"),
            ("Date", "Tue, 14 Nov 2023 22:13:25 GMT"),
        ]);
        // reset 10 s after the local clock, but the server's clock is 5 s ahead: 5 s + 1 s.
        assert_eq!(wait_ms(Dialect::Okta, input(Some(&okta), 0)), 6000.0);
        let no_date = headers(&[("X-Rate-Limit-Reset", "1700000002")]);
        assert_eq!(wait_ms(Dialect::Okta, input(Some(&no_date), 0)), 3000.0);
    }

    #[test]
    fn pauses_stay_within_the_call_timeout() {
        let asked = headers(&[("Retry-After", "30")]);
        assert_eq!(
            pause_within(Dialect::Auth0, input(Some(&asked), 0), 5000.0),
            None
        );
        assert_eq!(
            pause_within(Dialect::Auth0, input(Some(&asked), 0), 60_000.0),
            Some(30_000.0)
        );
        assert_eq!(
            pause_within(Dialect::Auth0, input(None, 3), 500.0),
            Some(500.0)
        );
        let junk = headers(&[("Retry-After", "soon")]);
        assert_eq!(
            pause_within(Dialect::Auth0, input(Some(&junk), 0), 200.0),
            Some(200.0)
        );
    }

    #[test]
    fn exponential_backoff_with_jitter() {
        assert_eq!(wait_ms(Dialect::Auth0, input(None, 0)), 1000.0);
        assert_eq!(wait_ms(Dialect::Auth0, input(None, 2)), 4000.0);
        assert_eq!(wait_ms(Dialect::Auth0, input(None, 10)), 60_000.0);
        assert_eq!(backoff_ms(1, 0.0), 1600.0);
        assert_eq!(backoff_ms(1, 0.999_999), 2000.0 * (0.8 + 0.4 * 0.999_999));
        let junk = headers(&[("Retry-After", "soon")]);
        assert_eq!(wait_ms(Dialect::Auth0, input(Some(&junk), 1)), 2000.0);
    }
}
