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

/// Checks `params` against `declared` and returns the name/value pairs to send, in declaration
/// order. `null` and absent values are skipped; unknown names, wrong types and out-of-range
/// numbers are issues.
pub fn build_query(
    params: &Params,
    declared: &[QueryParam],
) -> Result<Vec<(String, String)>, Vec<Issue>> {
    let mut issues = Vec::new();
    for (key, _) in params.iter() {
        if !declared.iter().any(|param| param.name == key) {
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
                Err(problem) => issues.push(problem),
            },
        }
    }
    if issues.is_empty() {
        Ok(pairs)
    } else {
        Err(issues)
    }
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
        let pairs = build_query(
            &params(json!({"strategy": ["auth0", "samlp"], "take": 5, "name": "a b&c", "include_totals": true})),
            &DECLARED,
        )
        .unwrap();
        assert_eq!(
            render_query(&pairs),
            "?take=5&strategy=auth0&strategy=samlp&include_totals=true&name=a%20b%26c"
        );
        assert_eq!(render_query(&[]), "");
    }

    #[test]
    fn bad_params_are_issues() {
        let issues = build_query(
            &params(json!({"take": 500, "strategy": [1], "nope": 1, "include_totals": "yes"})),
            &DECLARED,
        )
        .unwrap_err();
        let codes: Vec<&str> = issues.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["unknown_field", "too_large", "type", "type"]);
        assert_eq!(issues[1].message, "take may be at most 100; it is 500");
    }

    #[test]
    fn required_and_null() {
        let declared = [QueryParam::required("email", ParamKind::Str)];
        let issues = build_query(&params(json!({"email": null})), &declared).unwrap_err();
        assert_eq!(issues[0].code.as_str(), "required");
        let pairs = build_query(&params(json!({"email": "a@b.c"})), &declared).unwrap();
        assert_eq!(render_query(&pairs), "?email=a%40b.c");
    }
}
