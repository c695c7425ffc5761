//! Query strings: checking a params object against an operation's declared parameters and
//! rendering it, with arrays sent as repeated names (`strategy=a&strategy=b`).

use super::params::{ParamValue, Params};
use super::url::encode_query_component;
use crate::validation::{Issue, IssueCode, PathSegment};

/// The type of one declared query parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

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

/// Renders one scalar as query text, or explains why it cannot be.
fn scalar(param: &QueryParam, value: &ParamValue) -> Result<String, Issue> {
    let name = param.name;
    match (param.kind, value) {
        (ParamKind::Str, ParamValue::Text(text)) => Ok(text.clone()),
        (ParamKind::Bool, ParamValue::Bool(flag)) => Ok(crate::text!(*flag)),
        (ParamKind::Int { min, max }, ParamValue::Number(_)) => match value.as_whole() {
            Some(n) if n < min => Err(issue(
                name,
                IssueCode::TooSmall,
                crate::text!(name, " must be at least ", min, "; it is ", n),
            )),
            Some(n) if n > max => Err(issue(
                name,
                IssueCode::TooLarge,
                crate::text!(name, " may be at most ", max, "; it is ", n),
            )),
            Some(n) => Ok(crate::text!(n)),
            None => Err(issue(
                name,
                IssueCode::Type,
                crate::text!(name, " must be a whole number"),
            )),
        },
        (kind, _) => Err(issue(
            name,
            IssueCode::Type,
            crate::text!(name, " must be ", kind_name(kind)),
        )),
    }
}

/// The type named in messages.
fn kind_name(kind: ParamKind) -> &'static str {
    match kind {
        ParamKind::Str => "a string",
        ParamKind::Int { .. } => "an integer",
        ParamKind::Bool => "a boolean",
        ParamKind::StrArray => "an array of strings",
    }
}

/// The text of a parameter the operation does not declare: any string, whole number or boolean,
/// or a list of strings (sent repeated); `None` for what has no query form.
fn unknown_value(value: &ParamValue) -> Option<Vec<String>> {
    match value {
        ParamValue::Text(text) => Some(vec![text.clone()]),
        ParamValue::Bool(flag) => Some(vec![crate::text!(*flag)]),
        ParamValue::Number(_) => value.as_whole().map(|n| vec![crate::text!(n)]),
        ParamValue::List(items) => items
            .iter()
            .map(|item| match item {
                ParamValue::Text(text) => Some(text.clone()),
                _ => None,
            })
            .collect(),
        ParamValue::Null | ParamValue::Other(_) => None,
    }
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
        match unknown_value(value) {
            Some(texts) => extra.extend(texts.into_iter().map(|text| (key.clone(), text))),
            None => issues.push(issue(
                key,
                IssueCode::Type,
                crate::text!(
                    key,
                    " must be a string, a whole number, a boolean or an array of strings"
                ),
            )),
        }
    }
    let mut pairs = Vec::new();
    for param in declared {
        let value = match params.get(param.name) {
            None | Some(ParamValue::Null) => {
                if param.required {
                    issues.push(issue(
                        param.name,
                        IssueCode::Required,
                        crate::text!(param.name, " is required"),
                    ));
                }
                continue;
            }
            Some(value) => value,
        };
        match (param.kind, value) {
            (ParamKind::StrArray, ParamValue::List(items)) => {
                for (index, item) in items.iter().enumerate() {
                    match item {
                        ParamValue::Text(text) => pairs.push((param.name.to_owned(), text.clone())),
                        _ => issues.push(Issue::new(
                            vec![
                                PathSegment::from(param.name),
                                PathSegment::Index(u32::try_from(index).unwrap_or(u32::MAX)),
                            ],
                            IssueCode::Type,
                            crate::text!(param.name, " items must be strings"),
                        )),
                    }
                }
            }
            (ParamKind::StrArray, ParamValue::Text(text)) => {
                pairs.push((param.name.to_owned(), text.clone()))
            }
            _ => match scalar(param, value) {
                Ok(text) => pairs.push((param.name.to_owned(), text)),
                Err(problem) => {
                    // An out-of-range whole number can still be sent (for the `off` policy).
                    if problem.code != IssueCode::Type {
                        if let Some(n) = value.as_whole() {
                            pairs.push((param.name.to_owned(), crate::text!(n)));
                        }
                    }
                    issues.push(problem);
                }
            },
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
}
