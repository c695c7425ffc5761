//! Property tests: no validator panics on any text or any JSON value, results are deterministic,
//! and the parser round-trips what serde_json writes. `make fuzz` runs them at high case counts.
#![cfg(not(target_arch = "wasm32"))]

use idp_connections::bodies::{Provider, RequestBody};
use idp_connections::rules::{schema_roots, validate_json_text};
use idp_connections::validation::json::parse;
use idp_connections::validation::schema::Walker;
use proptest::prelude::*;
use serde_json::Value;

/// Every request body.
const BODIES: [RequestBody; 14] = RequestBody::ALL;

/** Keys the schemas know, so generated objects reach deep rules. */
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("name".to_owned()),
        Just("strategy".to_owned()),
        Just("metadata".to_owned()),
        Just("options".to_owned()),
        Just("display_name".to_owned()),
        Just("mapping".to_owned()),
        Just("profile".to_owned()),
        Just("authScheme".to_owned()),
        Just("scopes".to_owned()),
        Just("token_lifetime".to_owned()),
        Just("groups".to_owned()),
        Just("client_id".to_owned()),
        Just("status".to_owned()),
        "[a-z_]{1,12}",
        any::<String>(),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        prop_oneof![
            Just("auth0"),
            Just("samlp"),
            Just("TOKEN"),
            Just("OAUTH2"),
            Just("a-b"),
            Just("a--b")
        ]
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn no_validator_panics_on_any_text(text in any::<String>(), index in 0usize..14) {
        let body = BODIES[index];
        let first = validate_json_text(body, &text);
        prop_assert_eq!(first, validate_json_text(body, &text));
    }

    #[test]
    fn no_validator_panics_on_any_json(value in json(), index in 0usize..14) {
        let text = value.to_string();
        prop_assert!(parse(&text).is_ok(), "serde_json output parses: {}", text);
        let issues = validate_json_text(BODIES[index], &text);
        for issue in &issues {
            prop_assert!(!issue.message.is_empty());
        }
        prop_assert!(issues.len() <= 101);
    }

    /// What the JS accept path relies on: valid under one of a body's schema roots is valid.
    #[test]
    fn a_schema_root_settles_its_body(value in json(), index in 0usize..14) {
        let body = BODIES[index];
        let text = value.to_string();
        let (provider, roots) = schema_roots(body);
        let nodes = match provider {
            Provider::Auth0 => idp_connections::auth0::schema::NODES.nodes(),
            Provider::Okta => idp_connections::okta::schema::NODES.nodes(),
        };
        let parsed = parse(&text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        for root in roots {
            let mut walker = Walker::new(nodes);
            walker.check(*root, &parsed);
            if walker.issues.is_empty() {
                prop_assert_eq!(validate_json_text(body, &text), vec![], "{}", text);
            }
        }
    }

    #[test]
    fn near_json_text_never_panics(value in json(), cut in 0usize..64, junk in "[\\[\\]{}\",:\\\\u0-9a-f]{0,4}") {
        let text = value.to_string();
        let at = text.char_indices().nth(cut).map_or(text.len(), |(i, _)| i);
        let broken = format!("{}{}{}", &text[..at], junk, &text[at..]);
        for body in BODIES {
            let _ = validate_json_text(body, &broken);
        }
    }
}
