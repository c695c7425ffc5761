//! Property tests: the hand-written pattern matchers agree with the `regex` crate on generated
//! strings, and the name check never panics.
#![cfg(not(target_arch = "wasm32"))]

use idp_connections::auth0::name::validate_connection_name;
use idp_connections::validation::layout::pattern_text;
use idp_connections::validation::patterns::{
    is_alphanumeric, is_client_id_chars, is_connection_name, is_digits, is_email, is_hex,
    is_https_url, ALPHANUMERIC, CONNECTION_NAME,
};
use idp_connections::validation::schema::Pattern;
use proptest::prelude::*;
use regex::Regex;
use std::sync::LazyLock;

/// The rule as the spec writes it (the text the JS layer builds its RegExp from), compiled once.
static NAME_RE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(CONNECTION_NAME).ok());
/// The alphanumeric pattern, compiled once.
static ALNUM_RE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(ALPHANUMERIC).ok());

/// ajv-formats' `email` (full mode), the format Auth0 checks a group's email with.
static EMAIL_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i-u)^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$").ok()
});

/// The per-strategy options' patterns, as the spec writes them, compiled once: `(pattern, regex)`.
static OPTION_RES: LazyLock<Vec<(&'static str, Option<Regex>)>> = LazyLock::new(|| {
    [
        Pattern::HttpsUrl,
        Pattern::Hex,
        Pattern::Digits,
        Pattern::ClientIdChars,
    ]
    .into_iter()
    .map(|pattern| {
        (
            pattern_text(pattern),
            Regex::new(pattern_text(pattern)).ok(),
        )
    })
    .collect()
});

/// Strings built from the characters those patterns turn on.
fn option_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("https://".to_owned()),
            Just("http://".to_owned()),
            "[0-9a-fA-Fg:./_~ \n-]{1,3}",
            any::<char>().prop_map(String::from),
        ],
        0..8,
    )
    .prop_map(|parts| parts.concat())
}

/// Strings shaped like email addresses, with the characters that break them common.
fn email_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just('a'),
            Just('Z'),
            Just('9'),
            Just('.'),
            Just('.'),
            Just('@'),
            Just('@'),
            Just('-'),
            Just('+'),
            Just('_'),
            Just(' '),
            Just('é'),
            Just('K'), // the Kelvin sign: a case-insensitive regex must not match it as k
            any::<char>(),
        ],
        0..40,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn name_re() -> Result<&'static Regex, TestCaseError> {
    NAME_RE
        .as_ref()
        .ok_or_else(|| TestCaseError::fail("name regex"))
}

/// Strings over an alphabet where the interesting characters are common.
fn hostile_string() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just('a'),
            Just('Z'),
            Just('9'),
            Just('-'),
            Just('-'),
            Just('_'),
            Just(' '),
            Just('\n'),
            Just('é'),
            Just('😀'),
            any::<char>(),
        ],
        0..160,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn connection_name_matcher_equals_regex(s in hostile_string()) {
        let re = name_re()?;
        prop_assert_eq!(is_connection_name(&s), re.is_match(&s), "input {:?}", s);
    }

    #[test]
    fn alphanumeric_matcher_equals_regex(s in hostile_string()) {
        let re = ALNUM_RE.as_ref().ok_or_else(|| TestCaseError::fail("alnum regex"))?;
        prop_assert_eq!(is_alphanumeric(&s), re.is_match(&s), "input {:?}", s);
    }

    #[test]
    fn email_matcher_equals_regex(s in email_like()) {
        let re = EMAIL_RE.as_ref().ok_or_else(|| TestCaseError::fail("email regex"))?;
        prop_assert_eq!(is_email(&s), re.is_match(&s), "input {:?}", s);
    }

    #[test]
    fn email_matcher_accepts_addresses(local in "[a-z0-9+_-]{1,8}(\\.[a-z0-9]{1,4}){0,2}", host in "[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?(\\.[a-z]{2,4}){1,2}") {
        let address = format!("{local}@{host}");
        prop_assert!(is_email(&address), "{}", address);
    }

    #[test]
    fn option_pattern_matchers_equal_regex(s in option_like()) {
        let matchers: [fn(&str) -> bool; 4] = [is_https_url, is_hex, is_digits, is_client_id_chars];
        for ((pattern, re), matcher) in OPTION_RES.iter().zip(matchers) {
            let re = re.as_ref().ok_or_else(|| TestCaseError::fail(*pattern))?;
            prop_assert_eq!(matcher(&s), re.is_match(&s), "{} on {:?}", pattern, s);
        }
    }

    #[test]
    fn name_issues_match_the_rule(s in hostile_string()) {
        let re = name_re()?;
        let valid = !s.is_empty() && s.chars().count() <= 128 && re.is_match(&s);
        prop_assert_eq!(validate_connection_name(&s).is_empty(), valid);
    }
}
