//! The issue type every validator reports, and the rules shared by Auth0 and Okta bodies.

pub mod body;
pub mod digits;
pub mod issue;
pub mod json;
pub mod layout;
pub mod name;
pub mod patterns;
pub mod schema;
pub mod table;

pub use issue::{Issue, IssueCode, PathSegment};
