//! Strategies the property suites share: response headers as a hostile or broken server (or a
//! gateway in front of it) might send them.
#![allow(dead_code)]

use idp_connections::http::rate_limit::ResponseHeaders;
use proptest::prelude::*;

/// The headers the client reads for retries, rate limits, dates and request ids.
pub const READ_HEADERS: &[&str] = &[
    "retry-after",
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "x-rate-limit-limit",
    "x-rate-limit-remaining",
    "x-rate-limit-reset",
    "date",
    "x-request-id",
    "x-okta-request-id",
];

/// A header value of every shape: small and huge numbers, fractions, negatives, epoch seconds,
/// float spellings, HTTP dates (real, far off and malformed), and any text.
pub fn header_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,4}",
        "-?[0-9]{0,16}(\\.[0-9]{0,4})?",
        "1[0-9]{9}",
        Just("1e308".to_owned()),
        Just("-0".to_owned()),
        Just("Infinity".to_owned()),
        Just("NaN".to_owned()),
        Just("Wed, 21 Oct 2015 07:28:00 GMT".to_owned()),
        Just("Thu, 01 Jan 2099 00:00:00 GMT".to_owned()),
        "(Mon|Tue|Sun), [0-9]{1,2} (Jan|Feb|Nov|Xyz) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT",
        any::<String>(),
    ]
}

/// Up to `max` headers named from `names` (repeats allowed), each with a [`header_value`].
pub fn response_headers(
    names: &'static [&'static str],
    max: usize,
) -> impl Strategy<Value = ResponseHeaders> {
    prop::collection::vec((prop::sample::select(names), header_value()), 0..=max).prop_map(
        |pairs| {
            ResponseHeaders::new(
                pairs
                    .into_iter()
                    .map(|(name, value)| (name.to_owned(), value)),
            )
        },
    )
}
