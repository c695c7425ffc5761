//! Auth0's rules for each request body: the official schema (generated tables in
//! [`super::schema`]) plus the rules the spec states only in prose.

use super::cross_field;
use super::schema::{self as tables, NODES};
use crate::bodies::RequestBody;
use crate::validation::json::{compare_bytes, Json};
use crate::validation::schema::Walker;
use crate::validation::{Issue, IssueCode, PathSegment};

/// Auth0 accepts at most this many clients in one `PATCH /connections/{id}/clients`.
pub const MAX_CLIENTS_PER_UPDATE: usize = 50;

/// SCIM tokens must live longer than this many seconds.
pub const MIN_TOKEN_LIFETIME_EXCLUSIVE: i64 = 900;

/// Each Auth0 body's table root, in the order of [`RequestBody`]'s variants (Okta's, the last,
/// has none). A table rather than a `match`: 26 bytes of data instead of a table of pointers.
static ROOTS: [u16; 13] = [
    tables::CONNECTION_CREATE,
    tables::CONNECTION_UPDATE,
    tables::ENABLED_CLIENTS_UPDATE,
    tables::SCIM_CONFIGURATION_CREATE,
    tables::SCIM_CONFIGURATION_UPDATE,
    tables::SCIM_TOKEN_CREATE,
    tables::DIRECTORY_PROVISIONING_CREATE,
    tables::DIRECTORY_PROVISIONING_UPDATE,
    tables::SYNCHRONIZED_GROUPS_REPLACE,
    tables::SYNCHRONIZED_GROUPS_ADD,
    tables::SYNCHRONIZED_GROUPS_DELETE,
    tables::KEYS_CREATE,
    tables::KEYS_ROTATE,
];

/// The table root of an Auth0 body; `None` for Okta's. (A reference, so [`schema_roots`] can
/// lend it as a one-root slice.)
fn root(body: RequestBody) -> Option<&'static u16> {
    ROOTS.get(body as usize)
}

/// The table roots whose schema alone settles `body`: a value valid under one of them is valid as
/// `body`. Empty for the bodies with a prose rule that can refuse a value the schema accepts
/// (`token_lifetime`, 50 clients per update). An update's `empty_update` only ever replaces the
/// schema's own `minProperties` refusal, so updates keep their root. The bodies with
/// cross-field rules keep theirs too: those rules fire only on the keys of
/// [`cross_field::TRIGGERS`], and the accept path sends any body holding one to Rust.
pub fn schema_roots(body: RequestBody) -> &'static [u16] {
    match body {
        RequestBody::ScimTokenCreate | RequestBody::EnabledClientsUpdate => &[],
        other => root(other).map_or(&[], std::slice::from_ref),
    }
}

/// The options node of `strategy`'s per-strategy schema (the official
/// `CreateConnectionRequestContent<Strategy>`, merged and relaxed by tools/per_strategy.py), or
/// `None` for a strategy without one (the nine newer ones, an unknown one): their options are
/// checked against the generic schema. The relaxations give a per-strategy body the generic
/// body's top-level fields, so a per-strategy body is the generic body with these options.
pub fn per_strategy(strategy: &str) -> Option<u16> {
    let rows = tables::PER_STRATEGY;
    let at = rows
        .binary_search_by(|(name, _)| compare_bytes(name.as_bytes(), strategy.as_bytes()))
        .ok()?;
    rows.get(at).map(|(_, options)| *options)
}

/// Where a body's strategy is read, for the JS accept path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrategyKey {
    /// Nowhere: the body has no per-strategy schema.
    None,
    /// The body's own `strategy` member (a create).
    Body,
    /// The `strategy` the caller names beside the body (an update).
    Option,
}

/// Where `body`'s strategy is read: its `options` are then checked against
/// [`per_strategy`]'s node (the rules on top fire only on the keys of
/// [`cross_field::TRIGGERS`], which come with the tables for these nodes too).
pub fn strategy_key(body: RequestBody) -> StrategyKey {
    match body {
        RequestBody::ConnectionCreate => StrategyKey::Body,
        RequestBody::ConnectionUpdate => StrategyKey::Option,
        _ => StrategyKey::None,
    }
}

/// Validates a parsed Auth0 body: the schema, then the prose rules. A create's options are
/// checked against the schema of its `strategy`.
pub fn validate(body: RequestBody, value: &Json<'_>) -> Vec<Issue> {
    validate_for(body, value, None)
}

/// [`validate`], an update's options checked against the options schema of `strategy` when it
/// is given (an update body carries no strategy; the caller may know the connection's).
pub fn validate_for(body: RequestBody, value: &Json<'_>, strategy: Option<&str>) -> Vec<Issue> {
    let Some(&root) = root(body) else {
        return Vec::new();
    };
    let options = match strategy_key(body) {
        StrategyKey::Body => match value.get("strategy") {
            Some(Json::String(name)) => per_strategy(&name.text()),
            _ => None,
        },
        StrategyKey::Option => strategy.and_then(per_strategy),
        StrategyKey::None => None,
    };
    let mut walker = Walker::new(&NODES);
    if let Some(options) = options {
        walker = walker.substituting("options", options);
    }
    walker.check(root, value);
    let mut issues = walker.issues;
    match body {
        RequestBody::ConnectionCreate => cross_field::check_create(value, &mut issues),
        RequestBody::ConnectionUpdate => {
            empty_update(value, &mut issues);
            cross_field::check_update(value, strategy, &mut issues);
        }
        RequestBody::ScimTokenCreate => token_lifetime(value, &mut issues),
        RequestBody::EnabledClientsUpdate => clients_per_update(value, &mut issues),
        _ => {}
    }
    issues
}

/// An update must change something: `{}` is an `empty_update` (in place of the schema's
/// `minProperties` figure, which says the same less clearly).
fn empty_update(value: &Json<'_>, issues: &mut Vec<Issue>) {
    if matches!(value, Json::Object(members) if members.is_empty()) {
        issues.retain(|issue| !(issue.path.is_empty() && issue.code == IssueCode::TooFew));
        issues.push(Issue::new(
            Vec::new(),
            IssueCode::EmptyUpdate,
            "an update must change at least one property; it has none",
        ));
    }
}

/// "Lifetime of the token in seconds. Must be greater than 900."
fn token_lifetime(value: &Json<'_>, issues: &mut Vec<Issue>) {
    if let Some(Json::Number(lifetime)) = value.get("token_lifetime") {
        if lifetime.is_whole() && !lifetime.at_least(MIN_TOKEN_LIFETIME_EXCLUSIVE + 1) {
            issues.push(Issue::at(
                "token_lifetime",
                IssueCode::TooSmall,
                crate::text!(
                    "token_lifetime must be greater than ",
                    MIN_TOKEN_LIFETIME_EXCLUSIVE,
                    " seconds; it is ",
                    lifetime.raw()
                ),
            ));
        }
    }
}

/// "Note that the limit per PATCH request is 50 clients."
fn clients_per_update(value: &Json<'_>, issues: &mut Vec<Issue>) {
    if let Json::Array(items) = value {
        if items.len() > MAX_CLIENTS_PER_UPDATE {
            issues.push(Issue::new(
                Vec::new(),
                IssueCode::TooMany,
                crate::text!(
                    "one update may change at most ",
                    MAX_CLIENTS_PER_UPDATE,
                    " clients; it has ",
                    items.len(),
                    " (the client sends larger lists in batches of ",
                    MAX_CLIENTS_PER_UPDATE,
                    ")"
                ),
            ));
        }
    }
}

/// Checks one field of a body on its own, as a form does while the user types: `field` is the
/// property of `POST /connections` (`"metadata"`, `"display_name"`, `"strategy"`…). Issue paths
/// are relative to the field; messages still name it.
pub fn validate_create_field(field: &str, value: &Json<'_>) -> Vec<Issue> {
    let node = NODES
        .get(usize::from(tables::CONNECTION_CREATE))
        .and_then(|create| {
            create
                .lists
                .properties
                .iter()
                .find(|(name, _)| *name == field)
        })
        .map(|(_, index)| *index);
    let Some(node) = node else {
        return vec![Issue::new(
            Vec::new(),
            IssueCode::UnknownField,
            crate::text!("\"", field, "\" is not a property of a connection"),
        )];
    };
    let mut walker = Walker::with_path(&NODES, vec![PathSegment::from(field)]);
    walker.check(node, value);
    walker
        .issues
        .into_iter()
        .map(|mut issue| {
            if !issue.path.is_empty() {
                issue.path.remove(0);
            }
            issue
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::validation::json::parse;
    use crate::validation::schema::field_name;

    #[test]
    fn each_body_has_its_own_root() {
        // `ROOTS` follows the enum's order: a reordered variant would check a body against
        // another body's schema.
        let expected = |body| match body {
            RequestBody::ConnectionCreate => Some(tables::CONNECTION_CREATE),
            RequestBody::ConnectionUpdate => Some(tables::CONNECTION_UPDATE),
            RequestBody::EnabledClientsUpdate => Some(tables::ENABLED_CLIENTS_UPDATE),
            RequestBody::ScimConfigurationCreate => Some(tables::SCIM_CONFIGURATION_CREATE),
            RequestBody::ScimConfigurationUpdate => Some(tables::SCIM_CONFIGURATION_UPDATE),
            RequestBody::ScimTokenCreate => Some(tables::SCIM_TOKEN_CREATE),
            RequestBody::DirectoryProvisioningCreate => Some(tables::DIRECTORY_PROVISIONING_CREATE),
            RequestBody::DirectoryProvisioningUpdate => Some(tables::DIRECTORY_PROVISIONING_UPDATE),
            RequestBody::SynchronizedGroupsReplace => Some(tables::SYNCHRONIZED_GROUPS_REPLACE),
            RequestBody::SynchronizedGroupsAdd => Some(tables::SYNCHRONIZED_GROUPS_ADD),
            RequestBody::SynchronizedGroupsDelete => Some(tables::SYNCHRONIZED_GROUPS_DELETE),
            RequestBody::KeysCreate => Some(tables::KEYS_CREATE),
            RequestBody::KeysRotate => Some(tables::KEYS_ROTATE),
            RequestBody::OktaProvisioningConnection => None,
        };
        for body in RequestBody::ALL {
            assert_eq!(root(body).copied(), expected(body), "{body:?}");
        }
    }

    fn check(body: RequestBody, text: &str) -> Vec<(String, &'static str, String)> {
        validate(body, &parse(text).unwrap())
            .into_iter()
            .map(|i| (field_name(&i.path), i.code.as_str(), i.message))
            .collect()
    }

    #[test]
    fn a_realistic_create_body_passes() {
        let body = r#"{"name":"acme-sso","strategy":"samlp","display_name":"Acme","options":{"signInEndpoint":"https://idp.example/sso"},"metadata":{"team":"id"},"realms":["acme"],"show_as_button":true,"authentication":{"active":true}}"#;
        assert_eq!(check(RequestBody::ConnectionCreate, body), []);
    }

    #[test]
    fn create_rules_name_the_figure() {
        let metadata: Vec<String> = (0..11).map(|i| format!("\"k{i}\":\"v\"")).collect();
        let body = format!(
            r#"{{"name":"bad--name","strategy":"nope","metadata":{{{}}},"colour":"red"}}"#,
            metadata.join(",")
        );
        let found = check(RequestBody::ConnectionCreate, &body);
        let codes: Vec<(&str, &str)> = found.iter().map(|(p, c, _)| (p.as_str(), *c)).collect();
        assert_eq!(
            codes,
            [
                ("name", "pattern"),
                ("strategy", "enum"),
                ("metadata", "too_many"),
                ("colour", "unknown_field")
            ]
        );
        assert_eq!(found[2].2, "metadata may have at most 10 keys; it has 11");
        assert_eq!(found[3].2, "\"colour\" is not a known property of the body");
    }

    #[test]
    fn required_fields_are_named() {
        let found = check(RequestBody::ConnectionCreate, "{}");
        assert_eq!(
            found[0],
            ("name".into(), "required", "name is required".into())
        );
        assert_eq!(found[1].0, "strategy");
    }

    #[test]
    fn an_empty_update_is_its_own_code() {
        let found = check(RequestBody::ConnectionUpdate, "{}");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "empty_update");
        assert_eq!(
            check(RequestBody::ConnectionUpdate, r#"{"display_name":"x"}"#),
            []
        );
    }

    #[test]
    fn scim_token_lifetime_must_exceed_900() {
        let found = check(
            RequestBody::ScimTokenCreate,
            r#"{"scopes":["get:users"],"token_lifetime":900}"#,
        );
        assert_eq!(found[0].1, "too_small");
        assert!(found[0].2.contains("greater than 900"));
        assert_eq!(
            check(
                RequestBody::ScimTokenCreate,
                r#"{"scopes":["get:users"],"token_lifetime":901}"#
            ),
            []
        );
        assert_eq!(
            check(RequestBody::ScimTokenCreate, r#"{"token_lifetime":null}"#),
            []
        );
        assert_eq!(
            check(RequestBody::ScimTokenCreate, r#"{"scopes":[]}"#)[0].1,
            "too_few"
        );
    }

    #[test]
    fn at_most_50_clients_per_update() {
        let item = r#"{"client_id":"c","status":true}"#;
        let fifty = format!("[{}]", vec![item; 50].join(","));
        let fifty_one = format!("[{}]", vec![item; 51].join(","));
        assert_eq!(check(RequestBody::EnabledClientsUpdate, &fifty), []);
        assert_eq!(
            check(RequestBody::EnabledClientsUpdate, &fifty_one)[0].1,
            "too_many"
        );
        assert_eq!(
            check(RequestBody::EnabledClientsUpdate, "[]")[0].1,
            "too_few"
        );
    }

    #[test]
    fn a_create_is_checked_against_its_strategy() {
        let codes = |text: &str| -> Vec<(String, &'static str)> {
            check(RequestBody::ConnectionCreate, text)
                .into_iter()
                .map(|(path, code, _)| (path, code))
                .collect()
        };
        let samlp = |options: &str| {
            codes(&format!(
                r#"{{"name":"acme","strategy":"samlp","options":{options}}}"#
            ))
        };
        // The issue's example: a SAML sign-in URL that is a number.
        assert_eq!(
            samlp(r#"{"signInEndpoint":42}"#),
            [("options.signInEndpoint".to_owned(), "type")]
        );
        // The relaxations: http URLs, nulls; what stays: enums and upper bounds.
        assert_eq!(
            samlp(r#"{"signInEndpoint":"http://idp.example/sso","signingCert":null}"#),
            []
        );
        assert_eq!(
            samlp(r#"{"signatureAlgorithm":"md5"}"#),
            [("options.signatureAlgorithm".to_owned(), "enum")]
        );
        let long = "x".repeat(3000);
        assert_eq!(
            samlp(&format!(r#"{{"signInEndpoint":"https://{long}"}}"#)),
            [("options.signInEndpoint".to_owned(), "too_long")]
        );
        // An option the strategy does not declare: unknown_field (sent under 'drift').
        assert_eq!(
            samlp(r#"{"signInEndpint":"https://idp.example"}"#),
            [("options.signInEndpint".to_owned(), "unknown_field")]
        );
        // The generic body's top-level fields stay allowed on every strategy; display_name "".
        assert_eq!(
            codes(
                r#"{"name":"a","strategy":"ad","show_as_button":true,"display_name":"","realms":["r"]}"#
            ),
            []
        );
        // Strategies without a per-strategy schema, and unknown ones, use the generic body.
        assert_eq!(
            codes(r#"{"name":"a","strategy":"slack","options":{"signInEndpoint":42}}"#),
            []
        );
        assert_eq!(
            codes(r#"{"name":"a","strategy":"future","options":{"signInEndpoint":42}}"#),
            [("strategy".to_owned(), "enum")]
        );
        // The relaxed credentials (spec-delta-2026-09.md).
        assert_eq!(
            codes(
                r#"{"name":"a","strategy":"sms","options":{"twilio_sid":"x","messaging_service_sid":"y","twilio_token":"z"}}"#
            ),
            []
        );
        assert_eq!(
            codes(r#"{"name":"a","strategy":"oauth1","options":{"signatureMethod":"HMAC-SHA1"}}"#),
            []
        );
        assert_eq!(
            codes(
                r#"{"name":"a","strategy":"google-apps","options":{"domain_aliases":["example.com"]}}"#
            ),
            []
        );
        assert_eq!(
            codes(r#"{"name":"a","strategy":"email","options":{"authParams":{"scope":"openid"}}}"#),
            []
        );
    }

    #[test]
    fn an_update_with_a_strategy_checks_its_options() {
        let update = |text: &str, strategy| -> Vec<(String, &'static str)> {
            validate_for(
                RequestBody::ConnectionUpdate,
                &parse(text).unwrap(),
                strategy,
            )
            .into_iter()
            .map(|issue| (field_name(&issue.path), issue.code.as_str()))
            .collect()
        };
        let body = r#"{"options":{"signInEndpoint":42}}"#;
        assert_eq!(update(body, None), []);
        assert_eq!(
            update(body, Some("samlp")),
            [("options.signInEndpoint".to_owned(), "type")]
        );
        assert_eq!(update(body, Some("slack")), []);
        let cross_app = r#"{"cross_app_access_requesting_app":{"active":true}}"#;
        assert_eq!(update(cross_app, None), []);
        assert_eq!(update(cross_app, Some("okta")), []);
        assert_eq!(
            update(cross_app, Some("auth0")),
            [("cross_app_access_requesting_app".to_owned(), "unsupported")]
        );
    }

    #[test]
    fn fields_validate_alone() {
        let found = validate_create_field(
            "display_name",
            &parse(&format!("\"{}\"", "x".repeat(129))).unwrap(),
        );
        assert_eq!(found[0].path, []);
        assert_eq!(
            found[0].message,
            "display_name may have at most 128 characters; it has 129"
        );
        assert!(validate_create_field("strategy", &parse("\"auth0\"").unwrap()).is_empty());
        assert_eq!(
            validate_create_field("strategy", &parse("\"x\"").unwrap())[0]
                .code
                .as_str(),
            "enum"
        );
        assert_eq!(
            validate_create_field("nope", &parse("1").unwrap())[0]
                .code
                .as_str(),
            "unknown_field"
        );
    }
}
