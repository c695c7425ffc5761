//! Tests of [`super::cross_field`]'s rules through the body validator that applies them
//! ([`super::rules::validate`]), which the rules themselves are below.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::cross_field::{trigger_nodes, CROSS_APP_ACCESS_STRATEGIES, TRIGGERS};
use super::rules::validate;
use super::schema::NODES;
use crate::bodies::RequestBody;
use crate::validation::json::parse;
use crate::validation::schema::{field_name, ty};
use crate::validation::IssueCode;

/// Every issue as (path, code).
fn codes(body: RequestBody, text: &str) -> Vec<(String, &'static str)> {
    validate(body, &parse(text).unwrap())
        .into_iter()
        .map(|i| (field_name(&i.path), i.code.as_str()))
        .collect()
}

fn create(options: &str) -> Vec<(String, &'static str)> {
    let body = format!(r#"{{"name":"db","strategy":"auth0","options":{options}}}"#);
    codes(RequestBody::ConnectionCreate, &body)
}

fn update(options: &str) -> Vec<(String, &'static str)> {
    codes(
        RequestBody::ConnectionUpdate,
        &format!(r#"{{"options":{options}}}"#),
    )
}

const EMAIL_ID: &str = r#""email":{"identifier":{"active":true}}"#;

#[test]
fn attributes_refuse_validation() {
    let both = format!(
        r#"{{"attributes":{{{EMAIL_ID}}},"validation":{{"username":{{"min":1,"max":20}}}}}}"#
    );
    let want = [("options.validation".to_owned(), "conflict")];
    assert_eq!(create(&both), want);
    assert_eq!(update(&both), want);
    assert_eq!(
        create(&format!(
            r#"{{"attributes":{{{EMAIL_ID}}},"validation":null}}"#
        )),
        []
    );
    assert_eq!(
        create(r#"{"validation":{"username":{"min":1,"max":20}}}"#),
        []
    );
}

#[test]
fn attributes_refuse_requires_username_true_only() {
    let on = format!(r#"{{"attributes":{{{EMAIL_ID}}},"requires_username":true}}"#);
    assert_eq!(
        create(&on),
        [("options.requires_username".to_owned(), "conflict")]
    );
    assert_eq!(update(&on).len(), 1);
    let off = format!(r#"{{"attributes":{{{EMAIL_ID}}},"requires_username":false}}"#);
    assert_eq!(create(&off), []);
    assert_eq!(create(r#"{"requires_username":true}"#), []);
}

#[test]
fn attributes_need_an_active_identifier() {
    let want = [("options.attributes".to_owned(), "no_identifier")];
    assert_eq!(
        create(r#"{"attributes":{"email":{"profile_required":true}}}"#),
        want
    );
    assert_eq!(
        create(
            r#"{"attributes":{"email":{"identifier":{"active":false}},"username":{"identifier":{}}}}"#
        ),
        want
    );
    assert_eq!(
        update(r#"{"attributes":{"username":{"signup":{"status":"optional"}}}}"#),
        want
    );
    for active in ["email", "username"] {
        let body = format!(r#"{{"attributes":{{"{active}":{{"identifier":{{"active":true}}}}}}}}"#);
        assert_eq!(create(&body), [], "{active}");
    }
    let phone = r#"{"attributes":{"phone_number":{"identifier":{"active":true},"signup":{"status":"required"}}}}"#;
    assert_eq!(create(phone), []);
}

#[test]
fn an_active_phone_identifier_is_required_on_signup() {
    let status = |value: &str| {
        format!(
            r#"{{"attributes":{{"phone_number":{{"identifier":{{"active":true}},"signup":{{"status":"{value}"}}}}}}}}"#
        )
    };
    let want = [(
        "options.attributes.phone_number.signup.status".to_owned(),
        "signup_required",
    )];
    assert_eq!(create(&status("optional")), want);
    assert_eq!(update(&status("inactive")), want);
    assert_eq!(create(&status("required")), []);
    // Not when the identifier is off, nor for email and username (the docs state no such rule).
    let off = format!(
        r#"{{"attributes":{{{EMAIL_ID},"phone_number":{{"identifier":{{"active":false}},"signup":{{"status":"optional"}}}}}}}}"#
    );
    assert_eq!(create(&off), []);
    let email =
        r#"{"attributes":{"email":{"identifier":{"active":true},"signup":{"status":"optional"}}}}"#;
    assert_eq!(create(email), []);
}

#[test]
fn an_update_cannot_make_email_non_unique() {
    let non_unique = r#"{"attributes":{"email":{"identifier":{"active":true},"unique":false}}}"#;
    assert_eq!(
        update(non_unique),
        [("options.attributes.email.unique".to_owned(), "create_only")]
    );
    assert_eq!(create(non_unique), []);
    assert_eq!(
        update(r#"{"attributes":{"email":{"identifier":{"active":true},"unique":true}}}"#),
        []
    );
}

#[test]
fn cross_app_access_is_for_oidc_and_okta() {
    let body = |strategy: &str| {
        format!(
            r#"{{"name":"c","strategy":"{strategy}","cross_app_access_requesting_app":{{"active":true}}}}"#
        )
    };
    for strategy in CROSS_APP_ACCESS_STRATEGIES {
        assert_eq!(codes(RequestBody::ConnectionCreate, &body(strategy)), []);
    }
    for strategy in ["auth0", "samlp", "waad"] {
        let found = validate(
            RequestBody::ConnectionCreate,
            &parse(&body(strategy)).unwrap(),
        );
        assert_eq!(found.len(), 1, "{strategy}");
        assert_eq!(found[0].code, IssueCode::Unsupported);
        assert!(found[0]
            .message
            .starts_with("Cross App Access Requesting App is not supported for this connection"));
    }
}

#[test]
fn every_trigger_names_a_node_and_its_rules_need_it() {
    assert_eq!(trigger_nodes().count(), TRIGGERS.len());
    for (node, key) in trigger_nodes() {
        let node = &NODES[usize::from(node)];
        assert!(node.types & ty::OBJ != 0, "{key}");
    }
    // Without the trigger keys, no rule fires on a body the schema accepts.
    assert_eq!(
        create(r#"{"validation":{"username":{"min":1,"max":2}},"requires_username":true}"#),
        []
    );
}
