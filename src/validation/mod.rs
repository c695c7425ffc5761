//! The mechanisms every validator shares, with no provider's rule in them: the issue type, a
//! borrowed JSON parser, the spec's pattern matchers and the generic schema walker (each
//! provider hands it its tables and the words for its own patterns).

pub mod digits;
pub mod issue;
pub mod json;
pub mod layout;
pub mod pattern;
pub mod patterns;
pub mod schema;
pub mod table;

pub use issue::{Issue, IssueCode, PathSegment};
