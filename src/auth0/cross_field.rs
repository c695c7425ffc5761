//! The server's cross-field rules: what Auth0 refuses in bodies its schemas accept. None is in
//! the spec; each was seen in real answers of Auth0 (`spec-delta-2026-09.md`, "Refused by real
//! tenants though the spec allows it") and, where Auth0's docs state it, cites them. Each has a
//! stable code and a message close to the server's.
//!
//! A rule looks only at values of the right type (the schema reports the others) and treats an
//! absent member as unset. [`TRIGGERS`] names the keys without which no rule here can fire: the
//! JS accept path sends every body holding one of them to Rust.

use super::schema as tables;
use crate::validation::json::Json;
use crate::validation::{Issue, IssueCode, PathSegment};

/// The strategies that support `cross_app_access_requesting_app`.
pub const CROSS_APP_ACCESS_STRATEGIES: &[&str] = &["oidc", "okta"];

/// The attributes that can be identifiers, in the order messages name them.
const IDENTIFIERS: [&str; 3] = ["email", "phone_number", "username"];

/// A key whose presence lets a rule fire: the object reached from `root` through `path`
/// (property names; `"[]"` steps into array items) holding `key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    /// The body's table root.
    pub root: u16,
    /// Property names from the root to the object holding `key`; `"[]"` is an array's items.
    pub path: &'static [&'static str],
    /// The member that lets a rule fire.
    pub key: &'static str,
    /// Whether the rule fires only when the caller names the connection's strategy (an update's
    /// `{ strategy }`): the accept path then applies the trigger to the strategy's body only.
    pub named: bool,
}

/// Every key a rule of this module needs: a body without them is settled by its schema.
pub const TRIGGERS: &[Trigger] = &[
    // attributes with validation, requires_username; no active identifier; phone signup.
    Trigger {
        root: tables::CONNECTION_CREATE,
        path: &["options"],
        key: "attributes",
        named: false,
    },
    // Cross App Access on a strategy other than oidc and okta.
    Trigger {
        root: tables::CONNECTION_CREATE,
        path: &[],
        key: "cross_app_access_requesting_app",
        named: false,
    },
    // The same as on create, and a non-unique email attribute added by an update.
    Trigger {
        root: tables::CONNECTION_UPDATE,
        path: &["options"],
        key: "attributes",
        named: false,
    },
    // Cross App Access on an update whose caller names a strategy other than oidc and okta.
    Trigger {
        root: tables::CONNECTION_UPDATE,
        path: &[],
        key: "cross_app_access_requesting_app",
        named: true,
    },
];

/// The node of [`TRIGGERS`]' objects, as `(node, key)`: the object node reached through each
/// trigger's path. A path that leaves the tables (a spec change) yields nothing for it, which a
/// test catches. (The package's JS resolves the same paths over the tables it is handed.)
#[cfg(test)]
pub fn trigger_nodes() -> impl Iterator<Item = (u16, &'static str)> {
    use super::schema::NODES;
    use crate::validation::schema::NONE;
    TRIGGERS.iter().filter_map(|trigger| {
        let mut node = trigger.root;
        for step in trigger.path {
            let current = NODES.get(usize::from(node))?;
            node = if *step == "[]" {
                Some(current.items).filter(|items| *items != NONE)?
            } else {
                current
                    .lists
                    .properties
                    .iter()
                    .find(|(name, _)| name == step)?
                    .1
            };
        }
        Some((node, trigger.key))
    })
}

/// The member of `value` at `keys`, if every step is an object holding the next key.
fn at<'v>(value: &'v Json<'v>, keys: &[&str]) -> Option<&'v Json<'v>> {
    keys.iter().try_fold(value, |value, key| value.get(key))
}

/// Adds the issue `message` at the object keys `keys`.
fn refuse(issues: &mut Vec<Issue>, keys: &[&str], code: IssueCode, message: &str) {
    let path = keys.iter().map(|key| PathSegment::from(*key)).collect();
    issues.push(Issue::new(path, code, message));
}

/// The rules of `POST /connections`.
pub fn check_create(body: &Json<'_>, issues: &mut Vec<Issue>) {
    check_options(body, false, issues);
    if let Some(Json::String(strategy)) = body.get("strategy") {
        cross_app_access(body, &strategy.text(), issues);
    }
}

/// The rules of `PATCH /connections/{id}`; `strategy` is the connection's, when the caller knows
/// it (an update body carries none).
pub fn check_update(body: &Json<'_>, strategy: Option<&str>, issues: &mut Vec<Issue>) {
    check_options(body, true, issues);
    if let Some(strategy) = strategy {
        cross_app_access(body, strategy, issues);
    }
}

/// "Cross App Access Requesting App is not supported for this connection." (errorCode
/// `operation_not_supported`) on strategies other than oidc and okta.
fn cross_app_access(body: &Json<'_>, strategy: &str, issues: &mut Vec<Issue>) {
    const CROSS_APP: &str = "cross_app_access_requesting_app";
    if matches!(body.get(CROSS_APP), Some(Json::Object(_)))
        && !CROSS_APP_ACCESS_STRATEGIES.contains(&strategy)
    {
        refuse(
            issues,
            &[CROSS_APP],
            IssueCode::Unsupported,
            "Cross App Access Requesting App is not supported for this connection.",
        );
    }
}

/// The rules on `options.attributes` and its neighbours, for creates and (`update`) updates.
fn check_options(body: &Json<'_>, update: bool, issues: &mut Vec<Issue>) {
    if !matches!(at(body, &["options", "attributes"]), Some(Json::Object(_))) {
        return;
    }
    // "Cannot set both options.attributes and options.validation" (null reads as unset).
    if !matches!(
        at(body, &["options", "validation"]),
        None | Some(Json::Null)
    ) {
        refuse(
            issues,
            &["options", "validation"],
            IssueCode::Conflict,
            "Cannot set both options.attributes and options.validation",
        );
    }
    // "Cannot set both options.attributes and options.requires_username" (false is accepted).
    if matches!(
        at(body, &["options", "requires_username"]),
        Some(Json::Bool(true))
    ) {
        refuse(
            issues,
            &["options", "requires_username"],
            IssueCode::Conflict,
            "Cannot set both options.attributes and options.requires_username",
        );
    }
    // "attributes must contain one active identifier"; the docs: "a minimum of one Attribute
    // must remain active on every connection".
    let active = |name: &str| {
        let keys = ["options", "attributes", name, "identifier", "active"];
        matches!(at(body, &keys), Some(Json::Bool(true)))
    };
    if !IDENTIFIERS.iter().any(|name| active(name)) {
        refuse(
            issues,
            &["options", "attributes"],
            IssueCode::NoIdentifier,
            "attributes must contain one active identifier",
        );
    }
    // "attribute phone_number must also be required on signup". The docs state no such rule for
    // email or username, so it is not applied to them; an absent status is not refused.
    const STATUS: [&str; 5] = ["options", "attributes", "phone_number", "signup", "status"];
    if let Some(Json::String(status)) = at(body, &STATUS) {
        if active("phone_number") && !status.equals("required") {
            refuse(
                issues,
                &STATUS,
                IssueCode::SignupRequired,
                "attribute phone_number must also be required on signup",
            );
        }
    }
    // "cannot add non-unique email attribute": `attributes.email.unique: false` is allowed when
    // a connection is created, not by an update.
    const UNIQUE: [&str; 4] = ["options", "attributes", "email", "unique"];
    if update && matches!(at(body, &UNIQUE), Some(Json::Bool(false))) {
        refuse(
            issues,
            &UNIQUE,
            IssueCode::CreateOnly,
            "cannot add non-unique email attribute",
        );
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::auth0::rules::validate;
    use crate::validation::body::RequestBody;
    use crate::validation::json::parse;
    use crate::validation::schema::field_name;

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
            let body =
                format!(r#"{{"attributes":{{"{active}":{{"identifier":{{"active":true}}}}}}}}"#);
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
        let email = r#"{"attributes":{"email":{"identifier":{"active":true},"signup":{"status":"optional"}}}}"#;
        assert_eq!(create(email), []);
    }

    #[test]
    fn an_update_cannot_make_email_non_unique() {
        let non_unique =
            r#"{"attributes":{"email":{"identifier":{"active":true},"unique":false}}}"#;
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
            assert!(found[0].message.starts_with(
                "Cross App Access Requesting App is not supported for this connection"
            ));
        }
    }

    #[test]
    fn every_trigger_names_a_node_and_its_rules_need_it() {
        assert_eq!(trigger_nodes().count(), TRIGGERS.len());
        for (node, key) in trigger_nodes() {
            let node = &super::super::schema::NODES[usize::from(node)];
            assert!(
                node.types & crate::validation::schema::ty::OBJ != 0,
                "{key}"
            );
        }
        // Without the trigger keys, no rule fires on a body the schema accepts.
        assert_eq!(
            create(r#"{"validation":{"username":{"min":1,"max":2}},"requires_username":true}"#),
            []
        );
    }
}
