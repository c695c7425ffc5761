//! Response headers as plain data, rate-limit headers (Auth0 `X-RateLimit-*`, Okta
//! `X-Rate-Limit-*`) and HTTP dates.

use super::substring::{split_at_any, split_once, trim_end_byte};
use crate::validation::digits::parse_digits;

/// Response headers with lowercased names, as the transport read them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResponseHeaders(Vec<(String, String)>);

impl ResponseHeaders {
    /// Builds the list, lowercasing names.
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        ResponseHeaders(
            pairs
                .into_iter()
                .map(|(name, value)| (name.to_ascii_lowercase(), value))
                .collect(),
        )
    }

    /// The first value of a header, by case-insensitive name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.trim_ascii())
    }

    /// A header parsed as a number.
    pub fn number(&self, name: &str) -> Option<f64> {
        parse_decimal(self.get(name)?)
    }
}

/// A non-negative decimal such as `30` or `1.5`, as rate-limit headers carry them. Hand-written
/// rather than `str::parse::<f64>`, whose tables would add about 13 KB to the wasm.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = split_once(text, ".").unwrap_or((text, ""));
    if whole.len() > 15 || !fraction.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let mut value = parse_digits(whole)? as f64;
    let mut scale = 1.0;
    for byte in fraction.bytes().take(9) {
        scale /= 10.0;
        value += f64::from(byte - b'0') * scale;
    }
    Some(value)
}

/// Seconds as people write them: `60`, `1.5`, `0.25` (at most millisecond precision). Avoids
/// float formatting, which would add about 13 KB to the wasm.
pub fn seconds_text(seconds: f64) -> String {
    let millis = (seconds.max(0.0) * 1000.0).round() as u64;
    let (whole, rest) = (millis / 1000, millis % 1000);
    let mut out = crate::text!(whole);
    if rest != 0 {
        out.push('.');
        crate::text::push_padded(&mut out, rest, 3);
        out.truncate(trim_end_byte(&out, b'0').len());
    }
    out
}

/// The rate-limit state a response reported.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimit {
    /// Requests allowed in the window.
    pub limit: Option<f64>,
    /// Requests left in the window.
    pub remaining: Option<f64>,
    /// When the window resets, in epoch seconds.
    pub reset: Option<f64>,
}

/// Reads `X-RateLimit-Limit/Remaining/Reset` (Auth0) or `X-Rate-Limit-*` (Okta); `None` when the
/// response has none of them.
pub fn parse_rate_limit(headers: &ResponseHeaders) -> Option<RateLimit> {
    let read = |suffix: &str| {
        headers
            .number(&crate::text!("x-ratelimit-", suffix))
            .or_else(|| headers.number(&crate::text!("x-rate-limit-", suffix)))
    };
    let rate = RateLimit {
        limit: read("limit"),
        remaining: read("remaining"),
        reset: read("reset"),
    };
    if rate.limit.is_none() && rate.remaining.is_none() && rate.reset.is_none() {
        None
    } else {
        Some(rate)
    }
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) into epoch milliseconds.
pub fn parse_http_date(text: &str) -> Option<f64> {
    let number = |part: Option<&str>| parse_digits(part?).and_then(|n| i64::try_from(n).ok());
    // `str::split_ascii_whitespace`, without core's `char` searcher.
    let mut parts = split_at_any(text, b" \t\n\x0c\r").filter(|part| !part.is_empty());
    let _weekday = parts.next()?;
    let day = number(parts.next())?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year = number(parts.next())?;
    let mut clock = split_at_any(parts.next()?, b":");
    let hour = number(clock.next())?;
    let minute = number(clock.next())?;
    let second = number(clock.next())?;
    if parts.next()? != "GMT" || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60
    {
        return None;
    }
    let seconds = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    // Whole seconds far below 2^53: exact as f64.
    Some(seconds as f64 * 1000.0)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> ResponseHeaders {
        ResponseHeaders::new(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    #[test]
    fn auth0_and_okta_names() {
        let auth0 = headers(&[
            ("X-RateLimit-Limit", "50"),
            ("x-ratelimit-remaining", "0"),
            ("X-RateLimit-Reset", "1700000000"),
        ]);
        assert_eq!(
            parse_rate_limit(&auth0),
            Some(RateLimit {
                limit: Some(50.0),
                remaining: Some(0.0),
                reset: Some(1_700_000_000.0)
            })
        );
        let okta = headers(&[("X-Rate-Limit-Remaining", "3")]);
        assert_eq!(parse_rate_limit(&okta).unwrap().remaining, Some(3.0));
        assert_eq!(
            parse_rate_limit(&headers(&[("x-ratelimit-limit", "abc")])),
            None
        );
    }

    #[test]
    fn http_dates() {
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777_000.0)
        );
        assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0.0));
        assert_eq!(
            parse_http_date("Tue, 29 Feb 2028 12:00:00 GMT"),
            Some(1_835_438_400_000.0)
        );
        assert_eq!(parse_http_date("yesterday"), None);
        assert_eq!(parse_http_date("Sun, 06 Foo 1994 08:49:37 GMT"), None);
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 PST"), None);
    }

    #[test]
    fn decimals_parse_without_float_tables() {
        assert_eq!(super::parse_decimal("30"), Some(30.0));
        assert_eq!(super::parse_decimal("1.5"), Some(1.5));
        assert_eq!(super::parse_decimal("1700000000"), Some(1_700_000_000.0));
        for bad in ["", "-1", "1e3", "abc", "1.2.3", ".5", "NaN", "inf"] {
            assert_eq!(super::parse_decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn seconds_read_like_people_write_them() {
        assert_eq!(super::seconds_text(60.0), "60");
        assert_eq!(super::seconds_text(1.5), "1.5");
        assert_eq!(super::seconds_text(0.25), "0.25");
        assert_eq!(super::seconds_text(0.001), "0.001");
        assert_eq!(super::seconds_text(10.05), "10.05");
        assert_eq!(super::seconds_text(2.1), "2.1");
        assert_eq!(super::seconds_text(0.0), "0");
    }
}
