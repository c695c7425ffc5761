//! Property tests ("fuzzing" at high case counts) for every response and input parser of the
//! HTTP core: they never panic, and their results keep their invariants. `make test` runs the
//! default case count; `make fuzz` runs them with `PROPTEST_CASES` in the hundreds of thousands.
#![cfg(not(target_arch = "wasm32"))]

use idp_connections::auth0::endpoints::{OPERATIONS, PATH_NAMES};
use idp_connections::http::error::{ApiError, ErrorBody, ErrorKind};
use idp_connections::http::operation::{build, OpArgs};
use idp_connections::http::params::{ParamValue, Params};
use idp_connections::http::rate_limit::{
    parse_decimal, parse_http_date, parse_rate_limit, ResponseHeaders,
};
use idp_connections::http::retry::{wait_ms, Dialect, WaitInput};
use idp_connections::http::url::{encode_path_segment, encode_query_component, parse_origin};
use proptest::prelude::*;

mod common;
use common::header_value;

/// Parameter values of every shape.
fn param_value() -> impl Strategy<Value = ParamValue> {
    let leaf = prop_oneof![
        Just(ParamValue::Null),
        any::<bool>().prop_map(ParamValue::Bool),
        any::<f64>().prop_map(ParamValue::Number),
        (-5i64..2000).prop_map(|n| ParamValue::Number(n as f64)),
        any::<String>().prop_map(ParamValue::Text),
        Just(ParamValue::Other("an object")),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop::collection::vec(inner, 0..4).prop_map(ParamValue::List)
    })
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

proptest! {
    #[test]
    fn header_parsers_never_panic(a in header_value(), b in header_value(), c in header_value(), attempt in 0u32..40, random in 0.0f64..1.0) {
        let _ = parse_decimal(&a);
        let _ = parse_http_date(&b);
        let headers = ResponseHeaders::new([
            ("Retry-After".to_owned(), a.clone()),
            ("X-RateLimit-Reset".to_owned(), b.clone()),
            ("X-Rate-Limit-Reset".to_owned(), c.clone()),
            ("Date".to_owned(), b.clone()),
            ("x-ratelimit-remaining".to_owned(), c.clone()),
        ]);
        let _ = parse_rate_limit(&headers);
        for dialect in [Dialect::Auth0, Dialect::Okta] {
            let wait = wait_ms(dialect, WaitInput { headers: Some(&headers), attempt, now_ms: 1.7e12, random, max_wait_ms: 60_000.0 });
            prop_assert!(wait.is_finite() && (0.0..=60_000.0).contains(&wait), "wait {wait}");
        }
    }

    #[test]
    fn decimals_agree_with_the_standard_parser(whole in 0u64..10_000_000_000, frac in "[0-9]{0,6}") {
        let text = if frac.is_empty() { whole.to_string() } else { format!("{whole}.{frac}") };
        let ours = parse_decimal(&text).unwrap_or(f64::NAN);
        let std: f64 = text.parse().unwrap_or(f64::NAN);
        prop_assert!((ours - std).abs() <= std.abs() * 1e-9 + 1e-6, "{text}: {ours} vs {std}");
    }

    #[test]
    fn path_segments_stay_segments(id in any::<String>()) {
        let encoded = encode_path_segment(&id);
        prop_assert!(!encoded.contains(['/', '?', '#', '\\']), "{encoded}");
        prop_assert_eq!(percent_decode(&encoded), Some(id.clone()));
        let query = encode_query_component(&id);
        prop_assert!(!query.contains(['&', '=', '#', '+', ' ']), "{query}");
        prop_assert_eq!(percent_decode(&query), Some(id));
    }

    #[test]
    fn origins_parse_or_explain(input in prop_oneof![any::<String>(), "(https?|ftp)://[a-z0-9.:@/\\[\\]-]{0,30}", "[a-z0-9.-]{0,20}(\\.auth0\\.com)?"]) {
        if let Ok(origin) = parse_origin("domain", &input) {
            let api = origin.management_api();
            prop_assert!(api.starts_with("https://") || api.starts_with("http://"), "{api}");
            prop_assert!(api.ends_with("/api/v2"));
        }
    }

    #[test]
    fn every_operation_builds_or_explains(
        op_index in 0usize..64,
        id in proptest::option::of(any::<String>()),
        sub_id in proptest::option::of(any::<String>()),
        params in prop::collection::vec(("[a-z_]{1,14}", param_value()), 0..6),
        body in proptest::option::of(any::<String>()),
    ) {
        let Some(op) = OPERATIONS.get(op_index % OPERATIONS.len()) else { return Ok(()) };
        let args = OpArgs { id: id.clone(), sub_id, params: params.into_iter().collect::<Params>(), body, ..OpArgs::default() };
        match build("https://acme.auth0.com/api/v2", op, &args, PATH_NAMES) {
            Ok(endpoint) => {
                let url = endpoint.request.url;
                prop_assert!(url.starts_with("https://acme.auth0.com/api/v2/"), "{url}");
                let path = url.split('?').next().unwrap_or_default();
                prop_assert!(!path.contains("/../") && !path.ends_with("/.."), "{path}");
                prop_assert!(!url.contains('#'), "{url}");
            }
            Err(error) => {
                prop_assert_eq!(error.kind, ErrorKind::Validation);
                prop_assert!(!error.issues.is_empty());
            }
        }
    }

    #[test]
    fn error_responses_always_explain_themselves(status in 100u16..600, body in any::<String>(), json in any::<bool>()) {
        let fields = json.then(|| ErrorBody { message: Some(body.clone()), ..ErrorBody::default() });
        for dialect in [Dialect::Auth0, Dialect::Okta] {
            let error = ApiError::from_response(dialect, status, &ResponseHeaders::default(), &body, fields.clone())
                .redact(&["secret-token"]);
            prop_assert_eq!(error.status, Some(status));
            prop_assert!(!error.message.is_empty());
            prop_assert!(!error.message.contains("secret-token"));
        }
    }
}
