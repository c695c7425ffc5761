//! Each request body's rules: a body's identity ([`RequestBody`]) dispatched to its provider's
//! tables and rules, with JSON text in and every issue out. The client calls it before sending;
//! the JS validators call it after one `JSON.stringify` of the caller's value. Above the
//! providers, which know only their own bodies.

use crate::auth0::rules as auth0;
pub use crate::bodies::{Provider, RequestBody};
use crate::okta::rules as okta;
use crate::validation::json::{parse, parse_issue, Json};
use crate::validation::Issue;

/// The table roots whose schema alone settles `body`: a value valid under any one of them is
/// valid as `body`, with no further rule to apply. Empty when a rule beyond the schema can refuse
/// what the schema accepts.
pub fn schema_roots(body: RequestBody) -> (Provider, &'static [u16]) {
    match body.provider() {
        Provider::Okta => (Provider::Okta, okta::SCHEMA_ROOTS),
        Provider::Auth0 => (Provider::Auth0, auth0::schema_roots(body)),
    }
}

/// Validates a parsed body.
pub fn validate_value(body: RequestBody, value: &Json<'_>) -> Vec<Issue> {
    match body.provider() {
        Provider::Okta => okta::validate_request(value),
        Provider::Auth0 => auth0::validate(body, value),
    }
}

/// Validates a body given as JSON text. Returns every issue found; empty means valid.
pub fn validate_json_text(body: RequestBody, json: &str) -> Vec<Issue> {
    validate_json_text_for(body, json, None)
}

/// [`validate_json_text`], an update's options checked against `strategy`'s options schema when
/// the caller knows the connection's strategy (see [`auth0::validate_for`]).
pub fn validate_json_text_for(body: RequestBody, json: &str, strategy: Option<&str>) -> Vec<Issue> {
    match parse(json) {
        Ok(value) => match body.provider() {
            Provider::Okta => okta::validate_request(&value),
            Provider::Auth0 => auth0::validate_for(body, &value, strategy),
        },
        Err(error) => vec![parse_issue(&error)],
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::validation::IssueCode;

    #[test]
    /// The providers' generated tables (here, above both providers: see tests/layers.rs).
    fn every_table_reads_to_its_end() {
        for table in [&crate::auth0::schema::NODES, &crate::okta::schema::NODES] {
            assert!(table.reads_to_its_end());
            assert!(!table.nodes().is_empty());
        }
        let nodes = crate::auth0::schema::NODES.nodes();
        let strategy = &nodes[usize::from(crate::auth0::schema::STRATEGY)];
        assert!(strategy.lists.enumeration.contains(&"samlp"));
        // Every node number points at a node.
        let count = nodes.len();
        for node in nodes {
            assert!(
                node.items == crate::validation::schema::NONE || usize::from(node.items) < count
            );
            for (_, index) in node.lists.properties {
                assert!(usize::from(*index) < count);
            }
        }
    }

    #[test]
    fn text_that_is_not_json_is_one_syntax_issue() {
        let issues = validate_json_text(RequestBody::ConnectionCreate, "{\"name\": ");
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code, IssueCode::Syntax);
        assert!(
            issues[0].message.contains("byte 9"),
            "{}",
            issues[0].message
        );
    }

    #[test]
    fn every_body_has_rules() {
        for body in [
            RequestBody::ConnectionCreate,
            RequestBody::ConnectionUpdate,
            RequestBody::EnabledClientsUpdate,
            RequestBody::ScimConfigurationUpdate,
            RequestBody::ScimTokenCreate,
            RequestBody::SynchronizedGroupsReplace,
            RequestBody::SynchronizedGroupsAdd,
            RequestBody::SynchronizedGroupsDelete,
            RequestBody::OktaProvisioningConnection,
        ] {
            assert!(!body.optional(), "{body:?}");
            assert!(!validate_json_text(body, "\"x\"").is_empty(), "{body:?}");
        }
        for body in [
            RequestBody::ScimConfigurationCreate,
            RequestBody::DirectoryProvisioningCreate,
            RequestBody::DirectoryProvisioningUpdate,
            RequestBody::KeysCreate,
            RequestBody::KeysRotate,
        ] {
            assert!(
                body.optional() && validate_json_text(body, "null").is_empty(),
                "{body:?} accepts null"
            );
            assert!(
                !validate_json_text(body, "{\"x\":1}").is_empty(),
                "{body:?}"
            );
        }
    }
}
