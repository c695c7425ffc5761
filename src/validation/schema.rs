//! The schema interpreter: walks a parsed [`Json`] value against the generated tables (one
//! [`Node`] per schema of the official spec, see `tools/gen_schemas.py`) and reports every
//! violation as an [`Issue`] whose message names the rule and the figure. It knows no provider:
//! each hands it its tables and, for a create, the node to check `options` against in place of the
//! declared one ([`Walker::substituting`]); their rules beyond the schema run after it.

use super::issue::{Issue, IssueCode, PathSegment};
use super::json::{compare_bytes, Json, JsonStr};
use super::patterns::{
    is_alphanumeric, is_client_id_chars, is_connection_name, is_digits, is_email, is_hex,
    is_https_url, CONNECTION_NAME_WORDS,
};

/// "No node": the absent `items` or `additionalProperties` schema.
pub const NONE: u16 = u16::MAX;

/// "No upper bound": the absent `maxLength`, `maxItems` or `maxProperties` (the generator refuses
/// a spec figure this large).
pub const UNLIMITED: u16 = u16::MAX;

/// "No upper bound" for `maxLength`, which takes figures past the u16 range (102,400 characters of
/// SAML metadata).
pub const UNLIMITED_LENGTH: u32 = u32::MAX;

/// An upper bound as a count: [`UNLIMITED`] is no bound at all, not 65,535.
#[inline(always)]
fn upper(bound: u16) -> u64 {
    if bound == UNLIMITED {
        u64::MAX
    } else {
        u64::from(bound)
    }
}

/// A validation stops collecting after this many issues, so hostile input cannot grow the list.
pub const MAX_ISSUES: usize = 100;

pub use super::layout::ty;

pub use super::pattern::Pattern;

impl Pattern {
    /// The pattern as the spec writes it, for a JS `RegExp`: `""` for none (it matches anything),
    /// `None` for the email format and the per-strategy options' patterns, which only Rust checks
    /// (a value under them goes to the wasm, which is rare enough in bodies to cost nothing).
    pub const fn source(self) -> Option<&'static str> {
        match self {
            Pattern::None | Pattern::ConnectionName | Pattern::Alphanumeric => {
                Some(super::layout::pattern_text(self))
            }
            Pattern::Email
            | Pattern::HttpsUrl
            | Pattern::Hex
            | Pattern::Digits
            | Pattern::ClientIdChars => None,
        }
    }
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

/// A node's lists, kept apart from [`Node`] behind one reference: most nodes have none, so they
/// share [`Lists::EMPTY`] and the table stays small (it ships in the wasm).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lists {
    /// Allowed string values; empty means any.
    pub enumeration: &'static [&'static str],
    /// `properties`, sorted by name (byte order) for binary search.
    pub properties: &'static [(&'static str, u16)],
    /// `required`.
    pub required: &'static [&'static str],
    /// `oneOf` alternatives.
    pub one_of: &'static [u16],
}

impl Lists {
    /// No lists.
    pub const EMPTY: Lists = Lists {
        enumeration: &[],
        properties: &[],
        required: &[],
        one_of: &[],
    };
}

/// One schema, flattened: every keyword the spec's request schemas use. Absent limits are `0` /
/// [`UNLIMITED`] (`i32::MIN` / `i32::MAX` for numbers); absent sub-schemas are [`NONE`]. Kept
/// compact: the tables ship in the wasm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Node {
    /// Allowed JSON types ([`ty`] bits).
    pub types: u8,
    /// Whether `null` is among the enum values.
    pub enum_null: bool,
    /// Whether each declared property also takes `null` (an option Auth0 reads as unset).
    pub null_members: bool,
    /// `pattern`.
    pub pattern: Pattern,
    /// `minLength`, in code points.
    pub min_length: u16,
    /// `maxLength`, in code points; [`UNLIMITED_LENGTH`] when absent.
    pub max_length: u32,
    /// `minItems`.
    pub min_items: u16,
    /// `maxItems`.
    pub max_items: u16,
    /// `items`.
    pub items: u16,
    /// `minProperties`.
    pub min_properties: u16,
    /// `maxProperties`.
    pub max_properties: u16,
    /// `additionalProperties`.
    pub additional: Additional,
    /// `minimum`; `i32::MIN` when absent.
    pub minimum: i32,
    /// `maximum`; `i32::MAX` when absent.
    pub maximum: i32,
    /// `enum`, `properties`, `required` and `oneOf`.
    pub lists: &'static Lists,
}

impl Node {
    /// A node with no constraint: the base the generated tables extend.
    pub const ANY: Node = Node {
        types: ty::ANY,
        enum_null: false,
        null_members: false,
        pattern: Pattern::None,
        min_length: 0,
        max_length: UNLIMITED_LENGTH,
        min_items: 0,
        max_items: UNLIMITED,
        items: NONE,
        min_properties: 0,
        max_properties: UNLIMITED,
        additional: Additional::Any,
        minimum: i32::MIN,
        maximum: i32::MAX,
        lists: &Lists::EMPTY,
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
                crate::text::push_decimal(&mut out, u64::from(*index));
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
    let names = [
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
    .map(|(_, name)| *name);
    crate::text::list(names, " or ", "")
}

/// `"a", "b", "c"`: values quoted and listed for a message.
fn quoted(values: &[&str]) -> String {
    crate::text::list(values.iter().copied(), ", ", "\"")
}

/// "1 item" / "2 items".
fn count_of(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        crate::text!("1 ", one)
    } else {
        crate::text!(n, " ", many)
    }
}

/// The node of `key` among `node`'s declared properties (sorted, so found by binary search).
#[inline(always)]
fn property(node: &Node, key: &JsonStr<'_>) -> Option<u16> {
    let name = key.text();
    let name = name.as_bytes();
    // A binary search written out: the library's takes a closure that size-optimised wasm leaves
    // as a call on every step.
    let properties = node.lists.properties;
    let (mut low, mut high) = (0, properties.len());
    while low < high {
        let middle = low + (high - low) / 2;
        let (candidate, index) = properties.get(middle)?;
        match compare_bytes(candidate.as_bytes(), name) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return Some(*index),
        }
    }
    None
}

/// One step of the walker's current path, borrowed from the value being checked: nothing is
/// allocated for a path unless an issue is reported there.
#[derive(Debug, Clone, Copy)]
enum Step<'v> {
    /// An object member.
    Key(JsonStr<'v>),
    /// A declared property name (e.g. a missing required one).
    Name(&'static str),
    /// An array index.
    Index(usize),
}

impl Step<'_> {
    fn segment(&self) -> PathSegment {
        match self {
            Step::Key(key) => PathSegment::Key(key.decode()),
            Step::Name(name) => PathSegment::from(*name),
            Step::Index(index) => PathSegment::Index(u32::try_from(*index).unwrap_or(u32::MAX)),
        }
    }
}

/// Walks values against nodes, collecting issues.
pub struct Walker<'t, 'v> {
    nodes: &'t [Node],
    base: Vec<PathSegment>,
    path: Vec<Step<'v>>,
    /// A member of the root object checked against another node than its declared one (a
    /// create's `options` against its strategy's options schema).
    substitute: Option<(&'static str, u16)>,
    /// A probe (a `oneOf` alternative tried): it only learns whether the value fails, and stops
    /// at the first failure without building the issue.
    quiet: bool,
    /// Whether a quiet walker found a failure.
    failed: bool,
    /// The issues found so far.
    pub issues: Vec<Issue>,
}

impl<'t, 'v> Walker<'t, 'v> {
    /// A walker over `nodes`.
    pub fn new(nodes: &'t [Node]) -> Self {
        Self::with_path(nodes, Vec::new())
    }

    /// A walker whose paths start at `path` (a field checked on its own).
    pub fn with_path(nodes: &'t [Node], path: Vec<PathSegment>) -> Self {
        Walker {
            nodes,
            base: path,
            path: Vec::new(),
            substitute: None,
            quiet: false,
            failed: false,
            issues: Vec::new(),
        }
    }

    /// This walker, checking the root object's member `name` against node `index` in place of
    /// the node the root declares for it.
    pub fn substituting(mut self, name: &'static str, index: u16) -> Self {
        self.substitute = Some((name, index));
        self
    }

    /// The current path as issue segments.
    fn segments(&self) -> Vec<PathSegment> {
        let mut out = self.base.clone();
        out.extend(self.path.iter().map(Step::segment));
        out
    }

    /// Whether the walk is over: the issue cap reached, or a quiet walker's first failure.
    #[inline(always)]
    fn stopped(&self) -> bool {
        self.failed || self.issues.len() >= MAX_ISSUES
    }

    /// For a quiet walker, records that the value fails and answers true: the caller then builds
    /// no issue. False for a walker that reports.
    #[inline(always)]
    fn fail_quietly(&mut self) -> bool {
        if self.quiet {
            self.failed = true;
        }
        self.quiet
    }

    /// Records an issue at the current path; `message` gets the field's name.
    fn report(&mut self, code: IssueCode, message: impl FnOnce(&str) -> String) {
        if self.fail_quietly() {
            return;
        }
        if self.issues.len() < MAX_ISSUES {
            let path = self.segments();
            let text = message(&field_name(&path));
            self.issues.push(Issue::new(path, code, text));
        }
    }

    /// Records an issue one step below the current path.
    fn report_at(
        &mut self,
        step: Step<'v>,
        code: IssueCode,
        message: impl FnOnce(&str, &str) -> String,
    ) {
        if self.fail_quietly() {
            return;
        }
        if self.issues.len() < MAX_ISSUES {
            let parent = field_name(&self.segments());
            self.path.push(step);
            self.report(code, |field| message(field, &parent));
            self.path.pop();
        }
    }

    /// Checks `value` against node `index`.
    pub fn check(&mut self, index: u16, value: &Json<'v>) {
        let Some(node) = self.nodes.get(usize::from(index)) else {
            return;
        };
        if self.failed {
            return;
        }
        if !self.check_type(node, value) {
            return;
        }
        if !node.lists.one_of.is_empty() {
            self.check_one_of(node, value);
        }
        match value {
            Json::String(text) => self.check_string(node, text),
            Json::Number(number) => {
                let min = i64::from(node.minimum);
                if node.minimum != i32::MIN && !number.at_least(min) {
                    self.report(IssueCode::TooSmall, |field| {
                        crate::text!(field, " must be at least ", min, "; it is ", number.raw())
                    });
                }
                let max = i64::from(node.maximum);
                if node.maximum != i32::MAX && !number.at_most(max) {
                    self.report(IssueCode::TooLarge, |field| {
                        crate::text!(field, " may be at most ", max, "; it is ", number.raw())
                    });
                }
            }
            Json::Array(items) => self.check_array(node, items),
            Json::Object(members) => self.check_object(node, members),
            // null where only strings are allowed is a type issue: `enum` stays the code of a
            // string the package does not know (which the client sends; see http::policy).
            Json::Null if !node.lists.enumeration.is_empty() && !node.enum_null => {
                self.report_enum(node, IssueCode::Type, "null".to_owned());
            }
            Json::Null | Json::Bool(_) => {}
        }
    }

    /// The type check; false when the value has the wrong type (nothing else is checked then).
    #[inline(always)]
    fn check_type(&mut self, node: &Node, value: &Json<'v>) -> bool {
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
            let actual = match value {
                Json::Number(_) if node.types & ty::INT != 0 => "a fraction",
                other => other.type_name(),
            };
            self.report(IssueCode::Type, |field| {
                crate::text!(
                    field,
                    " must be ",
                    type_names(node.types),
                    "; it is ",
                    actual
                )
            });
        }
        ok
    }

    fn report_enum(&mut self, node: &Node, code: IssueCode, actual: String) {
        let allowed = node.lists.enumeration;
        self.report(code, |field| {
            if allowed.len() <= 8 {
                crate::text!(
                    field,
                    " must be one of ",
                    quoted(allowed),
                    "; it is ",
                    actual
                )
            } else {
                crate::text!(
                    field,
                    " must be one of the ",
                    allowed.len(),
                    " allowed values (",
                    quoted(allowed.get(..3).unwrap_or(allowed)),
                    ", …); it is ",
                    actual
                )
            }
        });
    }

    #[inline(always)]
    fn check_string(&mut self, node: &Node, text: &JsonStr<'v>) {
        if !node.lists.enumeration.is_empty()
            && !node.lists.enumeration.iter().any(|v| text.equals(v))
        {
            if self.fail_quietly() {
                return;
            }
            let decoded = text.decode();
            let shown = super::json::prefix_chars(&decoded, 60);
            self.report_enum(node, IssueCode::Enum, crate::text!("\"", shown, "\""));
            return;
        }
        // Every character takes 1 to 12 bytes of raw text (`\\ud83d\\ude00` is one), so the raw
        // length alone settles most length rules without counting.
        let bytes = text.raw().len() as u64;
        let max = if node.max_length == UNLIMITED_LENGTH {
            u64::MAX
        } else {
            u64::from(node.max_length)
        };
        // At least one character per 12 bytes, rounded up: any non-empty text settles `minLength: 1`.
        let settled = bytes <= max && bytes.div_ceil(12) >= u64::from(node.min_length);
        if !settled {
            let length = text.char_count() as u64;
            if length > max {
                self.report(IssueCode::TooLong, |field| {
                    crate::text!(
                        field,
                        " may have at most ",
                        max,
                        " characters; it has ",
                        length
                    )
                });
            } else if length < u64::from(node.min_length) {
                let min = count_of(u64::from(node.min_length), "character", "characters");
                self.report(IssueCode::TooShort, |field| {
                    crate::text!(field, " must have at least ", min, "; it has ", length)
                });
            }
        }
        if node.pattern == Pattern::None {
            return;
        }
        let plain = text.text();
        // Each pattern's matcher, its code and the rule as the message states it.
        let (ok, code, rule) = match node.pattern {
            Pattern::None => return,
            Pattern::ConnectionName => (
                is_connection_name(&plain),
                IssueCode::Pattern,
                CONNECTION_NAME_WORDS,
            ),
            Pattern::Email => (
                is_email(&plain),
                IssueCode::Format,
                "must be an email address (name@example.com)",
            ),
            Pattern::Alphanumeric => (
                is_alphanumeric(&plain),
                IssueCode::Pattern,
                "may contain only letters and digits (A-Z, a-z, 0-9)",
            ),
            Pattern::HttpsUrl => (
                is_https_url(&plain),
                IssueCode::Pattern,
                "must be an https:// URL",
            ),
            Pattern::Hex => (
                is_hex(&plain),
                IssueCode::Pattern,
                "may contain only hexadecimal digits (0-9, a-f)",
            ),
            Pattern::Digits => (
                is_digits(&plain),
                IssueCode::Pattern,
                "may contain only digits (0-9)",
            ),
            Pattern::ClientIdChars => (
                is_client_id_chars(&plain),
                IssueCode::Pattern,
                "may contain only letters, digits and - : . / _ ~",
            ),
        };
        if !ok {
            self.report(code, |field| crate::text!(field, " ", rule));
        }
    }

    #[inline(always)]
    fn check_array(&mut self, node: &Node, items: &[Json<'v>]) {
        let len = items.len() as u64;
        if len > upper(node.max_items) {
            let max = count_of(u64::from(node.max_items), "item", "items");
            self.report(IssueCode::TooMany, |field| {
                crate::text!(field, " may have at most ", max, "; it has ", len)
            });
        }
        if len < u64::from(node.min_items) {
            let min = count_of(u64::from(node.min_items), "item", "items");
            self.report(IssueCode::TooFew, |field| {
                crate::text!(field, " must have at least ", min, "; it has ", len)
            });
        }
        if node.items != NONE {
            for (index, item) in items.iter().enumerate() {
                if self.stopped() {
                    break;
                }
                self.path.push(Step::Index(index));
                self.check(node.items, item);
                self.path.pop();
            }
        }
    }

    #[inline(always)]
    fn check_object(&mut self, node: &Node, members: &[(JsonStr<'v>, Json<'v>)]) {
        for required in node.lists.required {
            if !members.iter().any(|(key, _)| key.equals(required)) {
                self.report_at(Step::Name(required), IssueCode::Required, |name, _| {
                    crate::text!(name, " is required")
                });
            }
        }
        let len = members.len() as u64;
        if len > upper(node.max_properties) {
            let max = count_of(u64::from(node.max_properties), "key", "keys");
            self.report(IssueCode::TooMany, |field| {
                crate::text!(field, " may have at most ", max, "; it has ", len)
            });
        }
        if len < u64::from(node.min_properties) {
            let min = count_of(u64::from(node.min_properties), "key", "keys");
            self.report(IssueCode::TooFew, |field| {
                crate::text!(field, " must have at least ", min, "; it has ", len)
            });
        }
        for (key, value) in members {
            if self.stopped() {
                break;
            }
            let declared = match self.substitute {
                Some((name, index)) if self.path.is_empty() && key.equals(name) => Some(index),
                _ => property(node, key),
            };
            let target = match (declared, node.additional) {
                (Some(index), _) => Some(index),
                (None, Additional::Any) => None,
                (None, Additional::Node(index)) => Some(index),
                (None, Additional::Forbid) if self.fail_quietly() => None,
                (None, Additional::Forbid) => {
                    let shown = super::json::prefix_chars(&key.decode(), 60).to_owned();
                    self.report_at(Step::Key(*key), IssueCode::UnknownField, |_, parent| {
                        crate::text!("\"", shown, "\" is not a known property of ", parent)
                    });
                    None
                }
            };
            if node.null_members && declared.is_some() && matches!(value, Json::Null) {
                continue;
            }
            if let Some(index) = target {
                self.path.push(Step::Key(*key));
                self.check(index, value);
                self.path.pop();
            }
        }
    }

    fn check_one_of(&mut self, node: &Node, value: &Json<'v>) {
        let mut matches: u64 = 0;
        for alternative in node.lists.one_of {
            let mut probe = Walker::new(self.nodes);
            probe.quiet = true;
            probe.check(*alternative, value);
            if !probe.failed {
                matches += 1;
            }
        }
        if matches != 1 {
            let shapes = node.lists.one_of.len();
            self.report(IssueCode::OneOf, |field| {
                crate::text!(
                    field,
                    " must match exactly one of ",
                    shapes,
                    " shapes; it matches ",
                    matches
                )
            });
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::validation::json::parse;

    static NODES: &[Node] = &[
        // 0: { name: string(name pattern, ≤128), tags?: string[] (≤2), meta?: {≤2 keys of string|null ≤3} }
        Node {
            types: ty::OBJ,
            lists: &Lists {
                properties: &[("meta", 4), ("n", 5), ("name", 1), ("tags", 2)],
                required: &["name"],
                ..Lists::EMPTY
            },
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
            ..Node::ANY
        },
        Node {
            types: ty::STR,
            lists: &Lists {
                enumeration: &["a", "b", "c"],
                ..Lists::EMPTY
            },
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
            minimum: 1,
            maximum: 10,
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
                ("tags[2]", "enum"),
                ("meta", "too_many"),
                ("meta.x", "too_long"),
                ("meta.y", "type"),
                ("n", "type"),
                ("extra", "unknown_field"),
            ]
        );
        assert_eq!(found[3].2, "meta may have at most 2 keys; it has 3");
        assert_eq!(found[4].2, "meta.x may have at most 3 characters; it has 4");
        assert_eq!(found[6].2, "n must be an integer or null; it is a fraction");
    }

    #[test]
    fn absent_upper_bounds_are_no_bound() {
        // The sentinel is no limit: 65,535 is not a figure the spec ever gives.
        let nodes = [
            Node {
                types: ty::STR,
                ..Node::ANY
            },
            Node {
                types: ty::ARR,
                ..Node::ANY
            },
            Node {
                types: ty::OBJ,
                ..Node::ANY
            },
        ];
        let long = format!("\"{}\"", "é".repeat(70_000));
        let many = format!("[{}]", vec!["0"; 70_000].join(","));
        let wide = format!(
            "{{{}}}",
            (0..70_000)
                .map(|i| format!("\"k{i}\":0"))
                .collect::<Vec<_>>()
                .join(",")
        );
        for (index, text) in [(0, long), (1, many), (2, wide)] {
            let value = parse(&text).unwrap();
            let mut walker = Walker::new(&nodes);
            walker.check(index, &value);
            assert!(walker.issues.is_empty(), "{index}: {:?}", walker.issues);
        }
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

    /// `oneOf` counts the alternatives a value matches; each alternative is tried by a quiet
    /// probe that builds no issue, and only the count is reported, at the value's path.
    #[test]
    fn one_of_counts_matching_alternatives() {
        let nodes = [
            // 0: an array of 1.
            Node {
                types: ty::ARR,
                items: 1,
                ..Node::ANY
            },
            // 1: one of 2 (at most 3 characters) and 3 (digits), or a nested one of 4.
            Node {
                types: ty::STR | ty::OBJ,
                lists: &Lists {
                    one_of: &[2, 3, 4],
                    ..Lists::EMPTY
                },
                ..Node::ANY
            },
            Node {
                types: ty::STR,
                max_length: 3,
                ..Node::ANY
            },
            Node {
                types: ty::STR,
                min_length: 2,
                pattern: Pattern::Digits,
                ..Node::ANY
            },
            // 4: an object that is one of 5 (k: string) alone.
            Node {
                types: ty::OBJ,
                lists: &Lists {
                    one_of: &[5],
                    ..Lists::EMPTY
                },
                ..Node::ANY
            },
            Node {
                types: ty::OBJ,
                lists: &Lists {
                    properties: &[("k", 2)],
                    required: &["k"],
                    ..Lists::EMPTY
                },
                additional: Additional::Forbid,
                ..Node::ANY
            },
        ];
        let value =
            parse(r#"["ab", "12", "abcd", "1234", {"k": "x"}, {"k": "long"}, "7"]"#).unwrap();
        let mut walker = Walker::new(&nodes);
        walker.check(0, &value);
        let found: Vec<(String, String)> = walker
            .issues
            .iter()
            .map(|i| (field_name(&i.path), i.message.clone()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "[1]".to_owned(),
                    "[1] must match exactly one of 3 shapes; it matches 2".to_owned()
                ),
                (
                    "[2]".to_owned(),
                    "[2] must match exactly one of 3 shapes; it matches 0".to_owned()
                ),
                (
                    "[5]".to_owned(),
                    "[5] must match exactly one of 3 shapes; it matches 0".to_owned()
                ),
            ]
        );
    }

    /// A length rule is settled from the raw length when it can be (one to twelve bytes a
    /// character) and counted otherwise: escapes and multi-byte characters count once.
    #[test]
    fn lengths_count_characters_not_bytes() {
        let nodes = [Node {
            types: ty::STR,
            min_length: 2,
            max_length: 3,
            ..Node::ANY
        }];
        for (text, ok) in [
            (r#""ab""#, true),
            (r#""a""#, false),
            (r#""""#, false),
            (r#""\u00e9""#, false),
            (r#""\u00e9\u00e9""#, true),
            (r#""ééé""#, true),
            (r#""éééé""#, false),
            (r#""\ud83d\ude00x""#, true),
            (r#""\ud83d\ude00""#, false),
        ] {
            let value = parse(text).unwrap();
            let mut walker = Walker::new(&nodes);
            walker.check(0, &value);
            assert_eq!(walker.issues.is_empty(), ok, "{text}: {:?}", walker.issues);
        }
    }
}
