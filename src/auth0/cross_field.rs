//! The server's cross-field rules: what Auth0 refuses in bodies its schemas accept. None is in
//! the spec; each was seen in real answers of Auth0 (`spec-delta-2026-09.md`, "Refused by real
//! tenants though the spec allows it") and, where Auth0's docs state it, cites them. Each has a
//! stable code and a message close to the server's.
//!
//! A rule looks only at values of the right type (the schema reports the others) and treats an
//! absent member as unset. [`TRIGGERS`] names the keys without which no rule here can fire: the
//! JS accept path sends every body holding one of them to Rust.

use super::schema::{self as tables, NODES};
use crate::validation::format::is_email;
use crate::validation::json::Json;
use crate::validation::schema::{MAX_ISSUES, NONE};
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
}

/// Every key a rule of this module needs: a body without them is settled by its schema.
pub const TRIGGERS: &[Trigger] = &[
    // attributes with validation, requires_username; no active identifier; phone signup.
    Trigger {
        root: tables::CONNECTION_CREATE,
        path: &["options"],
        key: "attributes",
    },
    // The same, and a non-unique email attribute added by an update.
    Trigger {
        root: tables::CONNECTION_UPDATE,
        path: &["options"],
        key: "attributes",
    },
    // Cross App Access on a strategy other than oidc and okta.
    Trigger {
        root: tables::CONNECTION_CREATE,
        path: &[],
        key: "cross_app_access_requesting_app",
    },
    // The group email format (the field comes with the spec overlay).
    Trigger {
        root: tables::SYNCHRONIZED_GROUPS_REPLACE,
        path: &["groups", "[]"],
        key: "email",
    },
];

/// The node of [`TRIGGERS`]' objects, as `(node, key)`: the object node reached through each
/// trigger's path. A path that leaves the tables (a spec change) yields nothing for it, which a
/// test catches.
pub fn trigger_nodes() -> impl Iterator<Item = (u16, &'static str)> {
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

/// A path of object keys.
fn path(keys: &[&str]) -> Vec<PathSegment> {
    keys.iter().map(|key| PathSegment::from(*key)).collect()
}

/// `value` as an object's members, if it is one.
fn object<'v, 'a>(value: Option<&'v Json<'a>>) -> Option<&'v Json<'a>> {
    value.filter(|v| matches!(v, Json::Object(_)))
}

/// Whether `value` is the string `text`.
fn is_string(value: Option<&Json<'_>>, text: &str) -> bool {
    matches!(value, Some(Json::String(s)) if s.equals(text))
}

/// The rules of `POST /connections`.
pub fn check_create(body: &Json<'_>, issues: &mut Vec<Issue>) {
    if let Some(options) = object(body.get("options")) {
        check_options(options, issues);
    }
    cross_app_access(body, issues);
}

/// The rules of `PATCH /connections/{id}`.
pub fn check_update(body: &Json<'_>, issues: &mut Vec<Issue>) {
    if let Some(options) = object(body.get("options")) {
        check_options(options, issues);
        email_stays_unique(options, issues);
    }
}

/// The rules on `options.attributes` and its neighbours, for creates and updates.
fn check_options(options: &Json<'_>, issues: &mut Vec<Issue>) {
    let Some(attributes) = object(options.get("attributes")) else {
        return;
    };
    // "Cannot set both options.attributes and options.validation" (null reads as unset).
    if matches!(options.get("validation"), Some(v) if !matches!(v, Json::Null)) {
        issues.push(Issue::new(
            path(&["options", "validation"]),
            IssueCode::Conflict,
            "Cannot set both options.attributes and options.validation (username limits go in options.attributes.username.validation)",
        ));
    }
    // "Cannot set both options.attributes and options.requires_username" (false is accepted).
    if matches!(options.get("requires_username"), Some(Json::Bool(true))) {
        issues.push(Issue::new(
            path(&["options", "requires_username"]),
            IssueCode::Conflict,
            "Cannot set both options.attributes and options.requires_username (make username an identifier in options.attributes instead)",
        ));
    }
    // "attributes must contain one active identifier"; the docs: "a minimum of one Attribute
    // must remain active on every connection".
    let active = |name: &str| {
        let identifier = attributes.get(name).and_then(|a| a.get("identifier"));
        matches!(
            identifier.and_then(|i| i.get("active")),
            Some(Json::Bool(true))
        )
    };
    if !IDENTIFIERS.iter().any(|name| active(name)) {
        issues.push(Issue::new(
            path(&["options", "attributes"]),
            IssueCode::NoIdentifier,
            "attributes must contain one active identifier (set identifier.active to true on email, phone_number or username)",
        ));
    }
    // "attribute phone_number must also be required on signup". The docs state no such rule for
    // email or username, so it is not applied to them; an absent status is not refused.
    let status = attributes
        .get("phone_number")
        .and_then(|phone| phone.get("signup"))
        .and_then(|signup| signup.get("status"));
    if active("phone_number")
        && matches!(status, Some(Json::String(_)))
        && !is_string(status, "required")
    {
        issues.push(Issue::new(
            path(&["options", "attributes", "phone_number", "signup", "status"]),
            IssueCode::SignupRequired,
            "attribute phone_number must also be required on signup: an active phone_number identifier needs signup.status \"required\"",
        ));
    }
}

/// "cannot add non-unique email attribute": `attributes.email.unique: false` is allowed when a
/// connection is created, not by an update.
fn email_stays_unique(options: &Json<'_>, issues: &mut Vec<Issue>) {
    let unique = options
        .get("attributes")
        .and_then(|a| a.get("email"))
        .and_then(|email| email.get("unique"));
    if matches!(unique, Some(Json::Bool(false))) {
        issues.push(Issue::new(
            path(&["options", "attributes", "email", "unique"]),
            IssueCode::CreateOnly,
            "cannot add non-unique email attribute: email.unique false can only be set when the connection is created",
        ));
    }
}

/// "Cross App Access Requesting App is not supported for this connection." (errorCode
/// `operation_not_supported`) on strategies other than oidc and okta.
fn cross_app_access(body: &Json<'_>, issues: &mut Vec<Issue>) {
    let Some(Json::String(strategy)) = body.get("strategy") else {
        return;
    };
    if object(body.get("cross_app_access_requesting_app")).is_some()
        && !CROSS_APP_ACCESS_STRATEGIES
            .iter()
            .any(|s| strategy.equals(s))
    {
        issues.push(Issue::new(
            path(&["cross_app_access_requesting_app"]),
            IssueCode::Unsupported,
            crate::text!(
                "Cross App Access Requesting App is not supported for this connection: only oidc and okta connections support it, not ",
                strategy.text().as_ref()
            ),
        ));
    }
}

/// The synchronized groups' `email`, where given as a string, must be an email address (the
/// server: "Object didn't pass validation for format email").
pub fn check_group_emails(body: &Json<'_>, issues: &mut Vec<Issue>) {
    let Some(Json::Array(groups)) = body.get("groups") else {
        return;
    };
    for (index, group) in groups.iter().enumerate() {
        if issues.len() >= MAX_ISSUES {
            return;
        }
        if let Some(Json::String(email)) = group.get("email") {
            if !is_email(&email.text()) {
                issues.push(Issue::new(
                    vec![
                        PathSegment::from("groups"),
                        PathSegment::from(u32::try_from(index).unwrap_or(u32::MAX)),
                        PathSegment::from("email"),
                    ],
                    IssueCode::Format,
                    crate::text!(
                        "groups[",
                        index,
                        "].email must be an email address; it is \"",
                        email.text().chars().take(60).collect::<String>().as_str(),
                        "\""
                    ),
                ));
            }
        }
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
            assert!(found[0].message.ends_with(strategy));
        }
    }

    #[test]
    fn group_emails_are_addresses() {
        let mut issues = Vec::new();
        let body = r#"{"groups":[{"id":"a","email":"eng@example.com"},{"id":"b","email":"engineering"},{"id":"c"}]}"#;
        check_group_emails(&parse(body).unwrap(), &mut issues);
        assert_eq!(issues.len(), 1);
        assert_eq!(field_name(&issues[0].path), "groups[1].email");
        assert_eq!(issues[0].code, IssueCode::Format);
        assert_eq!(
            issues[0].message,
            "groups[1].email must be an email address; it is \"engineering\""
        );
    }

    #[test]
    fn every_trigger_names_a_node_and_its_rules_need_it() {
        assert_eq!(trigger_nodes().count(), TRIGGERS.len());
        for (node, key) in trigger_nodes() {
            let node = &NODES[usize::from(node)];
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
