//! The request bodies this crate validates, and the single entry point for each: JSON text in,
//! every issue out. The client calls it before sending; the JS validators call it after one
//! `JSON.stringify` of the caller's value.

use super::issue::{Issue, IssueCode};
use super::json::{parse, Json, ParseError, MAX_DEPTH};
use crate::auth0::rules as auth0;
use crate::okta::rules as okta;

/// Every request body of the Auth0 `/connections*` endpoints and Okta's provisioning connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestBody {
    /// `POST /connections`
    ConnectionCreate,
    /// `PATCH /connections/{id}`
    ConnectionUpdate,
    /// `PATCH /connections/{id}/clients`
    EnabledClientsUpdate,
    /// `POST /connections/{id}/scim-configuration`
    ScimConfigurationCreate,
    /// `PATCH /connections/{id}/scim-configuration`
    ScimConfigurationUpdate,
    /// `POST /connections/{id}/scim-configuration/tokens`
    ScimTokenCreate,
    /// `POST /connections/{id}/directory-provisioning`
    DirectoryProvisioningCreate,
    /// `PATCH /connections/{id}/directory-provisioning`
    DirectoryProvisioningUpdate,
    /// `PUT /connections/{id}/directory-provisioning/synchronized-groups`
    SynchronizedGroupsReplace,
    /// `POST /connections/{id}/directory-provisioning/synchronized-groups`
    SynchronizedGroupsAdd,
    /// `DELETE /connections/{id}/directory-provisioning/synchronized-groups` (a JSON body)
    SynchronizedGroupsDelete,
    /// `POST /connections/{id}/keys`
    KeysCreate,
    /// `POST /connections/{id}/keys/rotate`
    KeysRotate,
    /// Okta `POST /api/v1/apps/{appId}/connections/default`
    OktaProvisioningConnection,
}

impl RequestBody {
    /// Whether the body may be left out (its schema also takes `null`): a call without one then
    /// sends no body at all, as the official SDK does, not `{}`.
    pub const fn optional(self) -> bool {
        matches!(
            self,
            RequestBody::ScimConfigurationCreate
                | RequestBody::DirectoryProvisioningCreate
                | RequestBody::DirectoryProvisioningUpdate
                | RequestBody::KeysCreate
                | RequestBody::KeysRotate
        )
    }
}

/// The node tables a body's schema roots index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tables {
    /// [`crate::auth0::schema::NODES`]
    Auth0,
    /// [`crate::okta::schema::NODES`]
    Okta,
}

/// The table roots whose schema alone settles `body`: a value valid under any one of them is
/// valid as `body`, with no further rule to apply. Empty when a rule beyond the schema can refuse
/// what the schema accepts.
pub fn schema_roots(body: RequestBody) -> (Tables, &'static [u16]) {
    match body {
        RequestBody::OktaProvisioningConnection => (Tables::Okta, okta::SCHEMA_ROOTS),
        auth0_body => (Tables::Auth0, auth0::schema_roots(auth0_body)),
    }
}

/// The issue for text that does not parse.
pub fn parse_issue(error: &ParseError) -> Issue {
    match error {
        ParseError::Syntax { expected, at } => Issue::new(
            Vec::new(),
            IssueCode::Syntax,
            crate::text!(
                "the text is not valid JSON: expected ",
                expected,
                " at byte ",
                *at
            ),
        ),
        ParseError::TooDeep => Issue::new(
            Vec::new(),
            IssueCode::TooDeep,
            crate::text!("the value nests deeper than ", MAX_DEPTH, " levels"),
        ),
        ParseError::Duplicate(key) => Issue::new(
            Vec::new(),
            IssueCode::Duplicate,
            crate::text!(
                "the property \"",
                super::json::prefix_chars(key, 60),
                "\" appears more than once"
            ),
        ),
    }
}

/// Validates a parsed body.
pub fn validate_value(body: RequestBody, value: &Json<'_>) -> Vec<Issue> {
    match body {
        RequestBody::OktaProvisioningConnection => okta::validate_request(value),
        auth0_body => auth0::validate(auth0_body, value),
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
        Ok(value) => match body {
            RequestBody::OktaProvisioningConnection => okta::validate_request(&value),
            auth0_body => auth0::validate_for(auth0_body, &value, strategy),
        },
        Err(error) => vec![parse_issue(&error)],
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

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
