//! Auth0's connection name rule, as a form checks it while the user types.

use crate::validation::json::count_chars;
use crate::validation::patterns::{is_connection_name, CONNECTION_NAME_WORDS};
use crate::validation::{Issue, IssueCode, PathSegment};

/// The longest connection name Auth0 accepts, in characters (Unicode code points).
pub const CONNECTION_NAME_MAX_CHARS: usize = 128;

/// The pattern rule in words, after the field's name (the walker states the pattern so too).
pub const NAME_RULE: &str = CONNECTION_NAME_WORDS;

/// Checks a connection name against Auth0's rule: 1 to 128 characters matching
/// `^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$`. Issues carry `path` as given, so the same
/// check serves a lone field (`[]`) and a body (`["name"]`).
pub fn check_connection_name(name: &str, path: &[PathSegment], issues: &mut Vec<Issue>) {
    let chars = count_chars(name);
    if chars == 0 {
        issues.push(Issue::new(
            path.to_vec(),
            IssueCode::TooShort,
            "name must have at least 1 character",
        ));
        return;
    }
    if chars > CONNECTION_NAME_MAX_CHARS {
        issues.push(Issue::new(
            path.to_vec(),
            IssueCode::TooLong,
            crate::text!(
                "name may have at most ",
                CONNECTION_NAME_MAX_CHARS,
                " characters; it has ",
                chars
            ),
        ));
    }
    if !is_connection_name(name) {
        issues.push(Issue::new(
            path.to_vec(),
            IssueCode::Pattern,
            crate::text!("name ", NAME_RULE),
        ));
    }
}

/// [`check_connection_name`] for a lone field: the issues found in `name`, empty when it is valid.
pub fn validate_connection_name(name: &str) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_connection_name(name, &[], &mut issues);
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(name: &str) -> Vec<&'static str> {
        validate_connection_name(name)
            .iter()
            .map(|i| i.code.as_str())
            .collect()
    }

    #[test]
    fn accepts_valid_names() {
        for name in ["a", "Z9", "my-connection", "a-b-c-1", &"x".repeat(128)] {
            assert!(codes(name).is_empty(), "{name} should be valid");
        }
    }

    #[test]
    fn rejects_each_rule() {
        assert_eq!(codes(""), ["too_short"]);
        assert_eq!(codes("-a"), ["pattern"]);
        assert_eq!(codes("a-"), ["pattern"]);
        assert_eq!(codes("a--b"), ["pattern"]);
        assert_eq!(codes("a_b"), ["pattern"]);
        assert_eq!(codes("é"), ["pattern"]);
        assert_eq!(codes(&"x".repeat(129)), ["too_long"]);
        assert_eq!(
            codes(&format!("{}-", "x".repeat(128))),
            ["too_long", "pattern"]
        );
    }

    #[test]
    fn message_names_the_figures() {
        let issues = validate_connection_name(&"x".repeat(130));
        let message = issues.first().map(|i| i.message.as_str()).unwrap_or("");
        assert_eq!(message, "name may have at most 128 characters; it has 130");
    }

    #[test]
    fn counts_code_points_not_bytes() {
        // 128 two-byte characters: too long is not reported, the pattern is.
        assert_eq!(codes(&"é".repeat(128)), ["pattern"]);
    }
}
