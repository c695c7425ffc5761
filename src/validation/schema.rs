//! The schema interpreter: walks a parsed [`Json`] value against the generated tables (one
//! [`Node`] per schema of the official spec, see `tools/gen_schemas.py`) and reports every
//! violation as an [`Issue`] whose message names the rule and the figure.

use super::issue::{Issue, IssueCode, PathSegment};
use super::json::Json;
use super::name::NAME_RULE;
use super::patterns::{is_alphanumeric, is_connection_name};

/// "No node": the absent `items` or `additionalProperties` schema.
pub const NONE: u16 = u16::MAX;

/// A validation stops collecting after this many issues, so hostile input cannot grow the list.
pub const MAX_ISSUES: usize = 100;

/// JSON type bits of [`Node::types`].
pub mod ty {
    /// `null`
    pub const NULL: u8 = 1;
    /// `true` / `false`
    pub const BOOL: u8 = 2;
    /// A whole number.
    pub const INT: u8 = 4;
    /// Any number.
    pub const NUM: u8 = 8;
    /// A string.
    pub const STR: u8 = 16;
    /// An array.
    pub const ARR: u8 = 32;
    /// An object.
    pub const OBJ: u8 = 64;
    /// Any JSON value.
    pub const ANY: u8 = 127;
}

/// The patterns the spec uses, each with a hand-written matcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// No pattern.
    None,
    /// `^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$`, the connection name.
    ConnectionName,
    /// `^[A-Za-z0-9]+$`
    Alphanumeric,
}

/// What an object allows besides its declared properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Additional {
    /// Anything.
    Any,
    /// Nothing (`additionalProperties: false`).
    Forbid,
    /// Values matching this node.
    Node(u16),
}

/// One schema, flattened: every keyword the spec's request schemas use. Absent limits are `0` /
/// `u16::MAX`; absent sub-schemas are [`NONE`]. Kept compact: the tables ship in the wasm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Node {
    /// Allowed JSON types ([`ty`] bits).
    pub types: u8,
    /// Allowed string values; empty means any.
    pub enumeration: &'static [&'static str],
    /// Whether `null` is among the enum values.
    pub enum_null: bool,
    /// `minLength`, in code points.
    pub min_length: u16,
    /// `maxLength`, in code points.
    pub max_length: u16,
    /// `pattern`.
    pub pattern: Pattern,
    /// `minimum`.
    pub minimum: Option<i32>,
    /// `maximum`.
    pub maximum: Option<i32>,
    /// `minItems`.
    pub min_items: u16,
    /// `maxItems`.
    pub max_items: u16,
    /// `uniqueItems` (strings compared by text, other values by their JSON text).
    pub unique_items: bool,
    /// `items`.
    pub items: u16,
    /// `properties`, by name.
    pub properties: &'static [(&'static str, u16)],
    /// `required`.
    pub required: &'static [&'static str],
    /// `additionalProperties`.
    pub additional: Additional,
    /// `minProperties`.
    pub min_properties: u16,
    /// `maxProperties`.
    pub max_properties: u16,
    /// `oneOf` alternatives.
    pub one_of: &'static [u16],
}

impl Node {
    /// A node with no constraint: the base the generated tables extend.
    pub const ANY: Node = Node {
        types: ty::ANY,
        enumeration: &[],
        enum_null: false,
        min_length: 0,
        max_length: u16::MAX,
        pattern: Pattern::None,
        minimum: None,
        maximum: None,
        min_items: 0,
        max_items: u16::MAX,
        unique_items: false,
        items: NONE,
        properties: &[],
        required: &[],
        additional: Additional::Any,
        min_properties: 0,
        max_properties: u16::MAX,
        one_of: &[],
    };
}

/// A field as people read it: `metadata.team`, `mapping[2].scim`, or `the body` for the root.
pub fn field_name(path: &[PathSegment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            PathSegment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            PathSegment::Index(index) => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    if out.is_empty() {
        "the body".to_owned()
    } else {
        out
    }
}

/// The JSON types of `bits`, as a message says them: "a string or null".
fn type_names(bits: u8) -> String {
    let names: Vec<&str> = [
        (ty::OBJ, "an object"),
        (ty::ARR, "an array"),
        (ty::STR, "a string"),
        (ty::NUM, "a number"),
        (ty::INT, "an integer"),
        (ty::BOOL, "a boolean"),
        (ty::NULL, "null"),
    ]
    .iter()
    .filter(|(bit, _)| bits & bit != 0 && !(*bit == ty::INT && bits & ty::NUM != 0))
    .map(|(_, name)| *name)
    .collect();
    names.join(" or ")
}

/// "1 item" / "2 items".
fn count_of(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Walks values against nodes, collecting issues.
pub struct Walker<'t> {
    nodes: &'t [Node],
    path: Vec<PathSegment>,
    /// The issues found so far.
    pub issues: Vec<Issue>,
}

impl<'t> Walker<'t> {
    /// A walker over `nodes`.
    pub fn new(nodes: &'t [Node]) -> Self {
        Walker {
            nodes,
            path: Vec::new(),
            issues: Vec::new(),
        }
    }

    /// A walker whose paths start at `path` (a field checked on its own).
    pub fn with_path(nodes: &'t [Node], path: Vec<PathSegment>) -> Self {
        Walker {
            nodes,
            path,
            issues: Vec::new(),
        }
    }

    /// Records an issue at the current path.
    fn report(&mut self, code: IssueCode, message: String) {
        if self.issues.len() < MAX_ISSUES {
            self.issues
                .push(Issue::new(self.path.clone(), code, message));
        }
    }

    /// The current field's name.
    fn here(&self) -> String {
        field_name(&self.path)
    }

    /// Checks `value` against node `index`.
    pub fn check(&mut self, index: u16, value: &Json<'_>) {
        let Some(node) = self.nodes.get(usize::from(index)).copied() else {
            return;
        };
        if !self.check_type(&node, value) {
            return;
        }
        if !node.one_of.is_empty() {
            self.check_one_of(&node, value);
        }
        match value {
            Json::String(text) => self.check_string(&node, text),
            Json::Number(number) => {
                if let Some(min) = node.minimum.filter(|min| !number.at_least(i64::from(*min))) {
                    let field = self.here();
                    self.report(
                        IssueCode::TooSmall,
                        format!("{field} must be at least {min}; it is {}", number.raw()),
                    );
                }
                if let Some(max) = node.maximum.filter(|max| !number.at_most(i64::from(*max))) {
                    let field = self.here();
                    self.report(
                        IssueCode::TooLarge,
                        format!("{field} may be at most {max}; it is {}", number.raw()),
                    );
                }
            }
            Json::Array(items) => self.check_array(&node, items),
            Json::Object(members) => self.check_object(&node, members),
            Json::Null if !node.enumeration.is_empty() && !node.enum_null => {
                self.report_enum(&node, "null".to_owned());
            }
            Json::Null | Json::Bool(_) => {}
        }
    }

    /// The type check; false when the value has the wrong type (nothing else is checked then).
    fn check_type(&mut self, node: &Node, value: &Json<'_>) -> bool {
        let ok = match value {
            Json::Null => node.types & ty::NULL != 0,
            Json::Bool(_) => node.types & ty::BOOL != 0,
            Json::Number(number) => {
                node.types & ty::NUM != 0 || (node.types & ty::INT != 0 && number.is_whole())
            }
            Json::String(_) => node.types & ty::STR != 0,
            Json::Array(_) => node.types & ty::ARR != 0,
            Json::Object(_) => node.types & ty::OBJ != 0,
        };
        if !ok {
            let field = self.here();
            let actual = match value {
                Json::Number(_) if node.types & ty::INT != 0 => "a fraction",
                other => other.type_name(),
            };
            self.report(
                IssueCode::Type,
                format!("{field} must be {}; it is {actual}", type_names(node.types)),
            );
        }
        ok
    }

    fn report_enum(&mut self, node: &Node, actual: String) {
        let field = self.here();
        let allowed = node.enumeration;
        let message = if allowed.len() <= 8 {
            let list: Vec<String> = allowed.iter().map(|v| format!("\"{v}\"")).collect();
            format!("{field} must be one of {}; it is {actual}", list.join(", "))
        } else {
            let first: Vec<String> = allowed.iter().take(3).map(|v| format!("\"{v}\"")).collect();
            format!(
                "{field} must be one of the {} allowed values ({}, …); it is {actual}",
                allowed.len(),
                first.join(", ")
            )
        };
        self.report(IssueCode::Enum, message);
    }

    fn check_string(&mut self, node: &Node, text: &super::json::JsonStr<'_>) {
        if !node.enumeration.is_empty() && !node.enumeration.iter().any(|v| text.equals(v)) {
            let shown: String = text.decode().chars().take(60).collect();
            self.report_enum(node, format!("\"{shown}\""));
            return;
        }
        let needs_length = node.min_length > 0 || node.max_length < u16::MAX;
        if needs_length {
            let length = text.char_count();
            let field = self.here();
            if u64::try_from(length).unwrap_or(u64::MAX) > u64::from(node.max_length) {
                self.report(
                    IssueCode::TooLong,
                    format!(
                        "{field} may have at most {} characters; it has {length}",
                        node.max_length
                    ),
                );
            } else if u64::try_from(length).unwrap_or(0) < u64::from(node.min_length) {
                self.report(
                    IssueCode::TooShort,
                    format!(
                        "{field} must have at least {}; it has {length}",
                        count_of(usize::from(node.min_length), "character", "characters")
                    ),
                );
            }
        }
        match node.pattern {
            Pattern::None => {}
            Pattern::ConnectionName => {
                if !is_connection_name(&text.decode()) {
                    let field = self.here();
                    self.report(IssueCode::Pattern, format!("{field} {NAME_RULE}"));
                }
            }
            Pattern::Alphanumeric => {
                if !is_alphanumeric(&text.decode()) {
                    let field = self.here();
                    self.report(
                        IssueCode::Pattern,
                        format!("{field} may contain only letters and digits (A-Z, a-z, 0-9)"),
                    );
                }
            }
        }
    }

    fn check_array(&mut self, node: &Node, items: &[Json<'_>]) {
        let field = self.here();
        let len = items.len();
        if u64::try_from(len).unwrap_or(u64::MAX) > u64::from(node.max_items) {
            self.report(
                IssueCode::TooMany,
                format!(
                    "{field} may have at most {}; it has {len}",
                    count_of(usize::from(node.max_items), "item", "items")
                ),
            );
        }
        if u64::try_from(len).unwrap_or(0) < u64::from(node.min_items) {
            self.report(
                IssueCode::TooFew,
                format!(
                    "{field} must have at least {}; it has {len}",
                    count_of(usize::from(node.min_items), "item", "items")
                ),
            );
        }
        if node.unique_items {
            for (index, item) in items.iter().enumerate() {
                let earlier = items.get(..index).unwrap_or_default();
                if earlier.iter().any(|other| other == item) {
                    self.path
                        .push(PathSegment::Index(u32::try_from(index).unwrap_or(u32::MAX)));
                    let at = self.here();
                    self.report(
                        IssueCode::Duplicate,
                        format!("{at} repeats an earlier item of {field}"),
                    );
                    self.path.pop();
                }
            }
        }
        if node.items != NONE {
            for (index, item) in items.iter().enumerate() {
                if self.issues.len() >= MAX_ISSUES {
                    break;
                }
                self.path
                    .push(PathSegment::Index(u32::try_from(index).unwrap_or(u32::MAX)));
                self.check(node.items, item);
                self.path.pop();
            }
        }
    }

    fn check_object(&mut self, node: &Node, members: &[(super::json::JsonStr<'_>, Json<'_>)]) {
        let field = self.here();
        for required in node.required {
            if !members.iter().any(|(key, _)| key.equals(required)) {
                self.path.push(PathSegment::from(*required));
                let name = self.here();
                self.report(IssueCode::Required, format!("{name} is required"));
                self.path.pop();
            }
        }
        let len = members.len();
        if u64::try_from(len).unwrap_or(u64::MAX) > u64::from(node.max_properties) {
            self.report(
                IssueCode::TooMany,
                format!(
                    "{field} may have at most {}; it has {len}",
                    count_of(usize::from(node.max_properties), "key", "keys")
                ),
            );
        }
        if u64::try_from(len).unwrap_or(0) < u64::from(node.min_properties) {
            self.report(
                IssueCode::TooFew,
                format!(
                    "{field} must have at least {}; it has {len}",
                    count_of(usize::from(node.min_properties), "key", "keys")
                ),
            );
        }
        for (key, value) in members {
            if self.issues.len() >= MAX_ISSUES {
                break;
            }
            let declared = node
                .properties
                .iter()
                .find(|(name, _)| key.equals(name))
                .map(|(_, index)| *index);
            let target = match (declared, node.additional) {
                (Some(index), _) => Some(index),
                (None, Additional::Any) => None,
                (None, Additional::Node(index)) => Some(index),
                (None, Additional::Forbid) => {
                    let name = key.decode();
                    let shown: String = name.chars().take(60).collect();
                    self.path.push(PathSegment::Key(name));
                    self.report(
                        IssueCode::UnknownField,
                        format!("\"{shown}\" is not a known property of {field}"),
                    );
                    self.path.pop();
                    None
                }
            };
            if let Some(index) = target {
                self.path.push(PathSegment::Key(key.decode()));
                self.check(index, value);
                self.path.pop();
            }
        }
    }

    fn check_one_of(&mut self, node: &Node, value: &Json<'_>) {
        let mut matches = 0;
        for alternative in node.one_of {
            let mut probe = Walker {
                nodes: self.nodes,
                path: self.path.clone(),
                issues: Vec::new(),
            };
            probe.check(*alternative, value);
            if probe.issues.is_empty() {
                matches += 1;
            }
        }
        if matches != 1 {
            let field = self.here();
            self.report(
                IssueCode::OneOf,
                format!(
                    "{field} must match exactly one of {} shapes; it matches {matches}",
                    node.one_of.len()
                ),
            );
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::validation::json::parse;

    static NODES: &[Node] = &[
        // 0: { name: string(name pattern, ≤128), tags?: string[] (≤2, unique), meta?: {≤2 keys of string|null ≤3} }
        Node {
            types: ty::OBJ,
            properties: &[("name", 1), ("tags", 2), ("meta", 4), ("n", 5)],
            required: &["name"],
            additional: Additional::Forbid,
            ..Node::ANY
        },
        Node {
            types: ty::STR,
            max_length: 128,
            pattern: Pattern::ConnectionName,
            ..Node::ANY
        },
        Node {
            types: ty::ARR,
            items: 3,
            max_items: 2,
            unique_items: true,
            ..Node::ANY
        },
        Node {
            types: ty::STR,
            enumeration: &["a", "b", "c"],
            ..Node::ANY
        },
        Node {
            types: ty::OBJ,
            additional: Additional::Node(6),
            max_properties: 2,
            ..Node::ANY
        },
        Node {
            types: ty::INT | ty::NULL,
            minimum: Some(1),
            maximum: Some(10),
            ..Node::ANY
        },
        Node {
            types: ty::STR | ty::NULL,
            max_length: 3,
            ..Node::ANY
        },
    ];

    fn issues(text: &str) -> Vec<(String, &'static str, String)> {
        let value = parse(text).unwrap();
        let mut walker = Walker::new(NODES);
        walker.check(0, &value);
        walker
            .issues
            .into_iter()
            .map(|i| (field_name(&i.path), i.code.as_str(), i.message))
            .collect()
    }

    #[test]
    fn valid_values_pass() {
        assert!(
            issues(r#"{"name": "ok-1", "tags": ["a"], "meta": {"k": null}, "n": 10}"#).is_empty()
        );
    }

    #[test]
    fn every_rule_reports_at_its_path() {
        let found = issues(
            r#"{"tags": ["a", "a", "z"], "meta": {"x": "long", "y": 1, "z": null}, "n": 1.5, "extra": 1}"#,
        );
        let codes: Vec<(&str, &str)> = found.iter().map(|(p, c, _)| (p.as_str(), *c)).collect();
        assert_eq!(
            codes,
            [
                ("name", "required"),
                ("tags", "too_many"),
                ("tags[1]", "duplicate"),
                ("tags[2]", "enum"),
                ("meta", "too_many"),
                ("meta.x", "too_long"),
                ("meta.y", "type"),
                ("n", "type"),
                ("extra", "unknown_field"),
            ]
        );
        assert_eq!(found[4].2, "meta may have at most 2 keys; it has 3");
        assert_eq!(found[5].2, "meta.x may have at most 3 characters; it has 4");
        assert_eq!(found[7].2, "n must be an integer or null; it is a fraction");
    }

    #[test]
    fn bounds_and_patterns() {
        let found = issues(r#"{"name": "bad--name", "n": 11}"#);
        assert_eq!(found[0].1, "pattern");
        assert!(found[0].2.starts_with("name must"), "{}", found[0].2);
        assert_eq!(
            found[1],
            (
                "n".into(),
                "too_large",
                "n may be at most 10; it is 11".into()
            )
        );
    }
}
