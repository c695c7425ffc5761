//! [`Issue`]: one problem found in a value, with where it is, a stable code and a plain message.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// One step of the path from the validated value to the offending part: an object key or an
/// array index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(untagged)]
pub enum PathSegment {
    /// An object property name.
    Key(String),
    /// An array index.
    Index(u32),
}

impl From<&str> for PathSegment {
    fn from(key: &str) -> Self {
        PathSegment::Key(key.to_owned())
    }
}

impl From<u32> for PathSegment {
    fn from(index: u32) -> Self {
        PathSegment::Index(index)
    }
}

/// The stable, documented set of issue codes. Their string forms never change between versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum IssueCode {
    /// A required property is missing.
    Required,
    /// The value has the wrong JSON type (or cannot be represented as JSON at all).
    Type,
    /// A string has more characters than allowed.
    TooLong,
    /// A string has fewer characters than allowed.
    TooShort,
    /// A string does not match the required pattern.
    Pattern,
    /// A string is not one of the values the package knows (a newer server may know it: the
    /// client still sends it, see `http::policy`).
    Enum,
    /// An array or object has more entries than allowed.
    TooMany,
    /// An array or object has fewer entries than allowed.
    TooFew,
    /// A number is below its minimum.
    TooSmall,
    /// A number is above its maximum.
    TooLarge,
    /// An object has a property the package's schema does not declare (or a query parameter it
    /// does not know); the path names it. A newer server may know it: the client still sends it.
    UnknownField,
    /// An update body has no property at all.
    EmptyUpdate,
    /// A value does not match exactly one of the allowed shapes.
    OneOf,
    /// An array holds the same item twice where items must be unique.
    Duplicate,
    /// The input nests deeper than the validator follows.
    TooDeep,
    /// The input is not valid JSON text.
    Syntax,
    /// Two properties the server refuses together (e.g. `options.attributes` and
    /// `options.validation`); the path names the second.
    Conflict,
    /// `options.attributes` has no attribute whose identifier is active.
    NoIdentifier,
    /// An active `phone_number` identifier must be required on signup.
    SignupRequired,
    /// A value the server accepts only when the connection is created, not in an update.
    CreateOnly,
    /// A property the connection's strategy does not support.
    Unsupported,
    /// A string not in the format the server checks (an email address).
    Format,
}

impl IssueCode {
    /// The code as it appears in JS and in documentation, e.g. `"too_long"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            IssueCode::Required => "required",
            IssueCode::Type => "type",
            IssueCode::TooLong => "too_long",
            IssueCode::TooShort => "too_short",
            IssueCode::Pattern => "pattern",
            IssueCode::Enum => "enum",
            IssueCode::TooMany => "too_many",
            IssueCode::TooFew => "too_few",
            IssueCode::TooSmall => "too_small",
            IssueCode::TooLarge => "too_large",
            IssueCode::UnknownField => "unknown_field",
            IssueCode::EmptyUpdate => "empty_update",
            IssueCode::OneOf => "one_of",
            IssueCode::Duplicate => "duplicate",
            IssueCode::TooDeep => "too_deep",
            IssueCode::Syntax => "syntax",
            IssueCode::Conflict => "conflict",
            IssueCode::NoIdentifier => "no_identifier",
            IssueCode::SignupRequired => "signup_required",
            IssueCode::CreateOnly => "create_only",
            IssueCode::Unsupported => "unsupported",
            IssueCode::Format => "format",
        }
    }
}

/// One problem found by a validator: where (`path`), what kind (`code`) and a sentence a person
/// can act on (`message`), which names the rule and the figure, e.g.
/// "metadata may have at most 10 keys; it has 11".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub struct Issue {
    /// Keys and indexes from the validated value down to the offending part; empty for the value
    /// itself.
    pub path: Vec<PathSegment>,
    /// A stable machine-readable code.
    pub code: IssueCode,
    /// A plain-language explanation naming the rule and the figures involved.
    pub message: String,
}

impl Issue {
    /// Builds an issue from its parts.
    pub fn new(path: Vec<PathSegment>, code: IssueCode, message: impl Into<String>) -> Self {
        Issue {
            path,
            code,
            message: message.into(),
        }
    }

    /// An issue at the top-level property `field` (one path segment).
    pub fn at(field: &str, code: IssueCode, message: impl Into<String>) -> Self {
        Issue::at_text(field, code, message.into())
    }

    /// [`Issue::at`] once the message is a `String`: one copy in the wasm for every message type.
    fn at_text(field: &str, code: IssueCode, message: String) -> Self {
        Issue {
            path: vec![PathSegment::from(field)],
            code,
            message,
        }
    }
}
