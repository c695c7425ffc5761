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
