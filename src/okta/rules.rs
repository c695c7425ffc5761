//! Okta's rules for the provisioning connection request: the spec's two alternatives (TOKEN and
//! OAUTH2), chosen by `profile.authScheme` so a mistake is explained against the form the caller
//! meant rather than as "matches neither". Validated strictly: undeclared properties are refused.

use super::schema::{NODES, OAUTH_REQUEST, TOKEN_REQUEST};
use crate::validation::json::Json;
use crate::validation::schema::Walker;
use crate::validation::{Issue, IssueCode, PathSegment};

/// The authentication schemes a request may set.
const AUTH_SCHEMES: [&str; 2] = ["TOKEN", "OAUTH2"];

/// The table roots whose schema alone settles a request: one per `authScheme`. A value valid
/// under one of them has that root's `authScheme`, which is the root [`validate_request`] picks.
pub const SCHEMA_ROOTS: &[u16] = &[TOKEN_REQUEST, OAUTH_REQUEST];

/// Validates a parsed provisioning connection request.
pub fn validate_request(value: &Json<'_>) -> Vec<Issue> {
    let scheme = value
        .get("profile")
        .and_then(|profile| profile.get("authScheme"));
    let root = match scheme {
        Some(Json::String(text)) if text.equals("TOKEN") => TOKEN_REQUEST,
        Some(Json::String(text)) if text.equals("OAUTH2") => OAUTH_REQUEST,
        _ if !matches!(value, Json::Object(_)) || value.get("profile").is_none() => {
            // The shape is wrong before the scheme matters: the TOKEN form explains it.
            TOKEN_REQUEST
        }
        Some(other) => {
            // An unknown scheme is `enum` (a newer Okta may take it: the client sends it); a
            // value that is not a string at all is `type`.
            let (code, shown) = match other {
                Json::String(text) => (IssueCode::Enum, crate::text!("\"", text.decode(), "\"")),
                other => (IssueCode::Type, other.type_name().to_owned()),
            };
            return vec![Issue::new(
                vec![
                    PathSegment::from("profile"),
                    PathSegment::from("authScheme"),
                ],
                code,
                crate::text!(
                    "profile.authScheme must be one of \"",
                    AUTH_SCHEMES[0],
                    "\", \"",
                    AUTH_SCHEMES[1],
                    "\"; it is ",
                    shown
                ),
            )];
        }
        None => TOKEN_REQUEST,
    };
    let mut walker = Walker::new(&NODES);
    walker.check(root, value);
    walker.issues
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::validation::json::parse;

    fn codes(text: &str) -> Vec<&'static str> {
        validate_request(&parse(text).unwrap())
            .iter()
            .map(|i| i.code.as_str())
            .collect()
    }

    #[test]
    fn both_forms_pass() {
        assert!(
            codes(r#"{"profile":{"authScheme":"TOKEN","token":"t"},"baseUrl":"https://x"}"#)
                .is_empty()
        );
        assert!(codes(r#"{"profile":{"authScheme":"OAUTH2","clientId":"c","settings":{"adminUsername":"a","adminPassword":"p"},"signing":{"rotationMode":"AUTO"}}}"#).is_empty());
    }

    #[test]
    fn mistakes_are_explained_against_the_chosen_form() {
        assert_eq!(
            codes(r#"{"profile":{"authScheme":"OAUTH2","token":"t"}}"#),
            ["unknown_field"]
        );
        assert_eq!(
            codes(r#"{"profile":{"authScheme":"OAUTH2","signing":{"rotationMode":"SOMETIMES"}}}"#),
            ["enum"]
        );
        assert_eq!(
            codes(r#"{"profile":{"authScheme":"OAUTH2","settings":{"adminUsername":"a"}}}"#),
            ["required"]
        );
        assert_eq!(codes(r#"{"profile":{"authScheme":"BASIC"}}"#), ["enum"]);
        assert_eq!(codes(r#"{"profile":{"authScheme":7}}"#), ["type"]);
        assert_eq!(codes(r#"{"profile":{}}"#), ["required"]);
        assert_eq!(codes("{}"), ["required"]);
        assert_eq!(codes("[]"), ["type"]);
        assert_eq!(codes(r#"{"profile":"TOKEN"}"#), ["type"]);
    }
}
