//! The send policy: which of the issues found before sending block the request. The form-facing
//! validators report every issue; the client, by default, does not refuse a request only because
//! the package is older than the server (a property or a string value it has never heard of).

use crate::validation::{Issue, IssueCode};

/// How the client's check before sending treats the issues it finds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SendPolicy {
    /// Unknown properties and parameters (`unknown_field`) and unknown string values (`enum`)
    /// are sent for the server to judge, and so is an update's `create_only` (whether Auth0
    /// refuses `attributes.email.unique: false` depends on the connection's current value, which
    /// a body alone does not show: re-sending a connection's own options must not be blocked);
    /// every other issue blocks, with no request.
    #[default]
    Drift,
    /// Every issue blocks.
    Strict,
    /// Bodies are sent unchecked; only what cannot be sent at all (a path or query value that
    /// cannot be written into the URL) blocks.
    Off,
}

impl SendPolicy {
    /// The policy named `text` (`"drift"`, `"strict"`, `"off"`), if it is one.
    pub fn parse(text: &str) -> Option<SendPolicy> {
        match text {
            "drift" => Some(SendPolicy::Drift),
            "strict" => Some(SendPolicy::Strict),
            "off" => Some(SendPolicy::Off),
            _ => None,
        }
    }

    /// The names [`SendPolicy::parse`] accepts, for messages.
    pub const NAMES: &'static str = "\"drift\", \"strict\" or \"off\"";

    /// Whether a body is validated at all.
    pub fn checks_bodies(self) -> bool {
        self != SendPolicy::Off
    }

    /// Whether `issue` blocks a request under this policy. Under `Off` only a value of the wrong
    /// type blocks (it has no form to send); bodies are not checked at all.
    pub fn blocks(self, issue: &Issue) -> bool {
        match self {
            SendPolicy::Strict => true,
            SendPolicy::Drift => !server_decides(issue.code),
            SendPolicy::Off => issue.code == IssueCode::Type,
        }
    }

    /// The issues of `found` that block a request.
    pub fn blocking(self, found: Vec<Issue>) -> Vec<Issue> {
        found
            .into_iter()
            .filter(|issue| self.blocks(issue))
            .collect()
    }
}

/// Whether `code` is a kind the server may accept for a reason the package cannot see: a property
/// or parameter it does not know, a string value it does not know (a newer server), or a setting
/// that is refused only when it changes the connection's current value (`create_only`).
pub const fn server_decides(code: IssueCode) -> bool {
    matches!(
        code,
        IssueCode::UnknownField | IssueCode::Enum | IssueCode::CreateOnly
    )
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn drift_sends_unknown_names_and_values_and_blocks_the_rest() {
        let found = vec![
            Issue::at("future_flag", IssueCode::UnknownField, "unknown"),
            Issue::at("strategy", IssueCode::Enum, "unknown value"),
            Issue::at("name", IssueCode::Pattern, "bad name"),
            Issue::at(
                "options",
                IssueCode::CreateOnly,
                "cannot add non-unique email",
            ),
        ];
        let drift = SendPolicy::Drift.blocking(found.clone());
        assert_eq!(drift.len(), 1);
        assert_eq!(drift[0].code, IssueCode::Pattern);
        assert_eq!(SendPolicy::Strict.blocking(found).len(), 4);
        assert_eq!(SendPolicy::default(), SendPolicy::Drift);
        assert!(!SendPolicy::Off.checks_bodies());
        let typed = Issue::at("take", IssueCode::Type, "take must be an integer");
        assert!(SendPolicy::Off.blocks(&typed) && SendPolicy::Drift.blocks(&typed));
        assert_eq!(SendPolicy::parse("strict"), Some(SendPolicy::Strict));
        assert_eq!(SendPolicy::parse("STRICT"), None);
    }
}
