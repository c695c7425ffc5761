//! Query strings: checking a params object against an operation's declared parameters and
//! rendering it, with arrays sent as repeated names (`strategy=a&strategy=b`).

use super::params::{ParamValue, Params};
use super::url::encode_query_component;
use crate::validation::{Issue, IssueCode, PathSegment};

/// The type of one declared query parameter.
#[derive(Debug, Clone, Copy)]
pub enum ParamKind {
    /// Any string.
    Str,
    /// An integer in `min..=max`.
    Int {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
    },
    /// `true` or `false`.
    Bool,
    /// An array of strings, sent as the name repeated once per item.
    StrArray,
    /// An array of strings of a known set (the function returns it), sent as `StrArray`. A value
    /// outside the set is an `enum` issue but is still sent: the send policy decides whether it
    /// blocks (a newer server may know it). The set comes from a function rather than a predicate
    /// on a value: a `fn(&str) -> bool` called through a pointer shares its wasm signature with
    /// `core::fmt`'s formatters, which then kept all of `core::fmt` in the module (~1.8 KB).
    KnownStrArray(fn() -> &'static [&'static str]),
}

impl PartialEq for ParamKind {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (ParamKind::Int { min, max }, ParamKind::Int { min: m, max: n }) => {
                min == m && max == n
            }
            (ParamKind::KnownStrArray(a), ParamKind::KnownStrArray(b)) => {
                core::ptr::fn_addr_eq(*a, *b)
            }
            _ => core::mem::discriminant(self) == core::mem::discriminant(other),
        }
    }
}

impl Eq for ParamKind {}

/// One declared query parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryParam {
    /// The wire name, e.g. `"per_page"`.
    pub name: &'static str,
    /// Its type.
    pub kind: ParamKind,
    /// Whether the operation needs it.
    pub required: bool,
}

impl QueryParam {
    /// An optional parameter.
    pub const fn optional(name: &'static str, kind: ParamKind) -> Self {
        QueryParam {
            name,
            kind,
            required: false,
        }
    }

    /// A required parameter.
    pub const fn required(name: &'static str, kind: ParamKind) -> Self {
        QueryParam {
            name,
            kind,
            required: true,
        }
    }
}

/// An issue at `params.<name>`.
fn issue(name: &str, code: IssueCode, message: String) -> Issue {
    Issue::at(name, code, message)
}

/// Renders one present value of a parameter of `kind` into `pairs` (arrays as the name repeated),
/// or records in `issues` why it cannot be. A whole number out of range is an issue but is still
/// rendered: the send policy decides whether it blocks.
fn render(
    name: &str,
    kind: ParamKind,
    value: &ParamValue,
    pairs: &mut Vec<(String, String)>,
    issues: &mut Vec<Issue>,
) {
    let text = match (kind, value) {
        (ParamKind::Str | ParamKind::StrArray, ParamValue::Text(text)) => text.clone(),
        (ParamKind::Bool, ParamValue::Bool(flag)) => crate::text!(*flag),
        (ParamKind::KnownStrArray(known), ParamValue::Text(text)) => {
            if !known().contains(&text.as_str()) {
                issues.push(unknown_value(name, None, text));
            }
            text.clone()
        }
        (ParamKind::StrArray | ParamKind::KnownStrArray(_), ParamValue::List(items)) => {
            for (index, item) in items.iter().enumerate() {
                match item {
                    ParamValue::Text(text) => {
                        if let ParamKind::KnownStrArray(known) = kind {
                            if !known().contains(&text.as_str()) {
                                issues.push(unknown_value(name, Some(index), text));
                            }
                        }
                        pairs.push((name.to_owned(), text.clone()))
                    }
                    _ => issues.push(Issue::new(
                        vec![
                            PathSegment::from(name),
                            PathSegment::Index(u32::try_from(index).unwrap_or(u32::MAX)),
                        ],
                        IssueCode::Type,
                        crate::text!(name, " items must be strings"),
                    )),
                }
            }
            return;
        }
        (ParamKind::Int { min, max }, ParamValue::Number(_)) => match value.as_whole() {
            Some(n) => {
                if n < min {
                    issues.push(issue(
                        name,
                        IssueCode::TooSmall,
                        crate::text!(name, " must be at least ", min, "; it is ", n),
                    ));
                } else if n > max {
                    issues.push(issue(
                        name,
                        IssueCode::TooLarge,
                        crate::text!(name, " may be at most ", max, "; it is ", n),
                    ));
                }
                crate::text!(n)
            }
            None => {
                issues.push(issue(
                    name,
                    IssueCode::Type,
                    crate::text!(name, " must be a whole number"),
                ));
                return;
            }
        },
        (kind, _) => {
            issues.push(issue(
                name,
                IssueCode::Type,
                crate::text!(name, " must be ", kind_name(kind)),
            ));
            return;
        }
    };
    pairs.push((name.to_owned(), text));
}

/// The kind of a parameter the operation does not declare, read from its value: any string,
/// boolean or whole number, or an array of strings, is sent as such.
fn kind_of(value: &ParamValue) -> ParamKind {
    match value {
        ParamValue::Bool(_) => ParamKind::Bool,
        ParamValue::Number(_) => ParamKind::Int {
            min: i64::MIN,
            max: i64::MAX,
        },
        ParamValue::List(_) => ParamKind::StrArray,
        _ => ParamKind::Str,
    }
}

/// The type named in messages.
fn kind_name(kind: ParamKind) -> &'static str {
    match kind {
        ParamKind::Str => "a string",
        ParamKind::Int { .. } => "an integer",
        ParamKind::Bool => "a boolean",
        ParamKind::StrArray | ParamKind::KnownStrArray(_) => "an array of strings",
    }
}

/// An `enum` issue for a value outside a parameter's known set, at `params.<name>[<index>]`.
fn unknown_value(name: &str, index: Option<usize>, value: &str) -> Issue {
    let mut path = vec![PathSegment::from(name)];
    if let Some(index) = index {
        path.push(PathSegment::Index(u32::try_from(index).unwrap_or(u32::MAX)));
    }
    Issue::new(
        path,
        IssueCode::Enum,
        crate::text!(name, " \"", value, "\" is not a value this package knows"),
    )
}

/// The query of one call: the name/value pairs that can be sent, and every issue found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// Declared parameters in declaration order, then the undeclared ones in the caller's order.
    pub pairs: Vec<(String, String)>,
    /// Unknown names (`unknown_field`, still in `pairs`), out-of-range numbers (still in
    /// `pairs`), missing required ones, and values of the wrong type (`type`, not in `pairs`).
    pub issues: Vec<Issue>,
}

/// Checks `params` against `declared` and renders them. `null` and absent values are skipped.
/// A name the operation does not declare is an `unknown_field` issue but is rendered too (a newer
/// server may take it), when it has a query form; a wrongly typed value is a `type` issue.
pub fn build_query(params: &Params, declared: &[QueryParam]) -> Query {
    let mut issues = Vec::new();
    let mut extra = Vec::new();
    for (key, value) in params.iter() {
        if declared.iter().any(|param| param.name == key) || *value == ParamValue::Null {
            continue;
        }
        let known = if declared.is_empty() {
            "none".to_owned()
        } else {
            crate::text::list(declared.iter().map(|param| param.name), ", ", "")
        };
        issues.push(issue(
            key,
            IssueCode::UnknownField,
            crate::text!(
                key,
                " is not a parameter of this operation; accepted: ",
                known
            ),
        ));
        render(key, kind_of(value), value, &mut extra, &mut issues);
    }
    let mut pairs = Vec::new();
    for param in declared {
        match params.get(param.name) {
            None | Some(ParamValue::Null) => {
                if param.required {
                    issues.push(issue(
                        param.name,
                        IssueCode::Required,
                        crate::text!(param.name, " is required"),
                    ));
                }
            }
            Some(value) => render(param.name, param.kind, value, &mut pairs, &mut issues),
        }
    }
    pairs.append(&mut extra);
    Query { pairs, issues }
}

/// Renders pairs as `?a=1&b=2`, or an empty string when there are none.
pub fn render_query(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let mut query = String::new();
    for (name, value) in pairs {
        query.push(if query.is_empty() { '?' } else { '&' });
        query.push_str(&encode_query_component(name));
        query.push('=');
        query.push_str(&encode_query_component(value));
    }
    query
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const DECLARED: [QueryParam; 4] = [
        QueryParam::optional("take", ParamKind::Int { min: 1, max: 100 }),
        QueryParam::optional("strategy", ParamKind::StrArray),
        QueryParam::optional("include_totals", ParamKind::Bool),
        QueryParam::optional("name", ParamKind::Str),
    ];

    fn params(value: Value) -> Params {
        Params::from_json(&value)
    }

    #[test]
    fn arrays_repeat_the_name_and_values_are_encoded() {
        let query = build_query(
            &params(
                json!({"strategy": ["auth0", "samlp"], "take": 5, "name": "a b&c", "include_totals": true}),
            ),
            &DECLARED,
        );
        assert!(query.issues.is_empty());
        assert_eq!(
            render_query(&query.pairs),
            "?take=5&strategy=auth0&strategy=samlp&include_totals=true&name=a%20b%26c"
        );
        assert_eq!(render_query(&[]), "");
    }

    #[test]
    fn bad_params_are_issues() {
        let query = build_query(
            &params(json!({"take": 500, "strategy": [1], "nope": 1, "include_totals": "yes"})),
            &DECLARED,
        );
        let issues = query.issues;
        let codes: Vec<&str> = issues.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["unknown_field", "too_large", "type", "type"]);
        assert_eq!(issues[1].message, "take may be at most 100; it is 500");
        // What has a query form is still rendered; the caller's policy decides whether to send.
        assert_eq!(render_query(&query.pairs), "?take=500&nope=1");
    }

    #[test]
    fn unknown_names_are_rendered_when_they_have_a_query_form() {
        let query = build_query(
            &params(json!({"q": "name:eng*", "tags": ["a", "b"], "odd": {"x": 1}, "gone": null})),
            &DECLARED,
        );
        assert_eq!(render_query(&query.pairs), "?q=name%3Aeng%2A&tags=a&tags=b");
        let codes: Vec<&str> = query.issues.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(
            codes,
            ["unknown_field", "unknown_field", "unknown_field", "type"]
        );
    }

    #[test]
    fn required_and_null() {
        let declared = [QueryParam::required("email", ParamKind::Str)];
        let issues = build_query(&params(json!({"email": null})), &declared).issues;
        assert_eq!(issues[0].code.as_str(), "required");
        let query = build_query(&params(json!({"email": "a@b.c"})), &declared);
        assert!(query.issues.is_empty());
        assert_eq!(render_query(&query.pairs), "?email=a%40b.c");
    }

    #[test]
    fn a_known_set_reports_unknown_values_and_still_sends_them() {
        const KNOWN: [QueryParam; 1] = [QueryParam::optional(
            "strategy",
            ParamKind::KnownStrArray(|| &["samlp"]),
        )];
        let query = build_query(&params(json!({"strategy": ["samlp", "future"]})), &KNOWN);
        assert_eq!(
            render_query(&query.pairs),
            "?strategy=samlp&strategy=future"
        );
        let found: Vec<_> = query
            .issues
            .iter()
            .map(|i| (i.path.clone(), i.code))
            .collect();
        assert_eq!(
            found,
            [(
                vec![PathSegment::from("strategy"), PathSegment::Index(1)],
                IssueCode::Enum
            )]
        );
        let single = build_query(&params(json!({"strategy": "future"})), &KNOWN);
        assert_eq!(single.issues.len(), 1);
        assert!(build_query(&params(json!({"strategy": "samlp"})), &KNOWN)
            .issues
            .is_empty());
    }
}
