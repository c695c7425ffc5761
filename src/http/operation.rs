//! Declarative operations: a table row per API operation (method, path template, query
//! parameters, body rule, paging) and the one function that turns a row plus caller arguments
//! into an [`Endpoint`], checking everything it can before anything is sent.

use super::error::ApiError;
use super::paging::check_paging_params;
use super::params::Params;
use super::policy::SendPolicy;
use super::query::{build_query, render_query, QueryParam};
use super::request::{Endpoint, HttpRequest, Method, Paged};
use super::url::encode_path_segment;
use crate::bodies::RequestBody;
use crate::validation::{Issue, IssueCode};

/// One piece of a path template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg {
    /// Literal text, sent as is (may contain `/`).
    Lit(&'static str),
    /// The main id (`{id}`, Okta `{appId}`), percent-encoded as one segment.
    Id,
    /// The second path parameter (`{tokenId}`, Okta `{appName}`), percent-encoded.
    SubId,
}

/// One API operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The client method name, e.g. `"connections.scimConfiguration.tokens.delete"`.
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path below the API base, e.g. `[Lit("/connections/"), Id]`.
    pub path: &'static [Seg],
    /// The declared query parameters.
    pub query: &'static [QueryParam],
    /// The body and its validator. A missing optional body ([`RequestBody::optional`]) is not
    /// sent at all; a missing required one is validated as `{}` (and refused).
    pub body: Option<RequestBody>,
    /// Paging of the response.
    pub paged: Option<Paged>,
}

/// What the caller passed to an operation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OpArgs {
    /// The main id.
    pub id: Option<String>,
    /// The second path parameter.
    pub sub_id: Option<String>,
    /// Query parameters.
    pub params: Params,
    /// The body as JSON text.
    pub body: Option<String>,
    /// Which issues found before sending block the request.
    pub policy: SendPolicy,
    /// The connection's strategy, when the caller knows it: an update's options are then checked
    /// against that strategy's options schema.
    pub strategy: Option<String>,
}

/// Checks one path parameter: present and non-empty.
fn path_param(name: &str, value: Option<&String>, issues: &mut Vec<Issue>) -> String {
    match value {
        Some(text) if text == "." || text == ".." => {
            // WHATWG URL parsers (fetch in every runtime) resolve `.`/`..` even when written as
            // `%2E`/`%2E%2E`, so such a segment cannot be sent safely at all.
            issues.push(Issue::at(
                name,
                IssueCode::Pattern,
                crate::text!(
                    name,
                    " must not be \"",
                    text,
                    "\": URL parsers resolve it to another path"
                ),
            ));
            String::new()
        }
        Some(text) if !text.is_empty() => encode_path_segment(text),
        Some(_) => {
            issues.push(Issue::at(
                name,
                IssueCode::TooShort,
                crate::text!(name, " must not be empty"),
            ));
            String::new()
        }
        None => {
            issues.push(Issue::at(
                name,
                IssueCode::Required,
                crate::text!(name, " is required"),
            ));
            String::new()
        }
    }
}

/// Builds the request for `op` under `base` (e.g. `https://acme.auth0.com/api/v2`). `id_name` and
/// `sub_id_name` name the path parameters in issues (`id`/`tokenId`, `appId`/`appName`).
/// Path problems and the query problems `args.policy` blocks on become one `validation` error;
/// the body is not checked here (a missing required body is sent as `{}`): the client's prepare
/// step ([`crate::client::prepare`]) validates it per policy.
pub fn build(
    base: &str,
    op: &Operation,
    args: &OpArgs,
    names: (&str, &str),
) -> Result<Endpoint, ApiError> {
    let mut issues = Vec::new();
    let mut url = crate::http::substring::trim_end_byte(base, b'/').to_owned();
    for seg in op.path {
        match seg {
            Seg::Lit(text) => url.push_str(text),
            Seg::Id => url.push_str(&path_param(names.0, args.id.as_ref(), &mut issues)),
            Seg::SubId => url.push_str(&path_param(names.1, args.sub_id.as_ref(), &mut issues)),
        }
    }
    let mut query = build_query(&args.params, op.query);
    url.push_str(&render_query(&query.pairs));
    if let Some(paged) = op.paged {
        query
            .issues
            .append(&mut check_paging_params(&args.params, paged));
    }
    issues.append(&mut args.policy.blocking(query.issues));
    if !issues.is_empty() {
        return Err(ApiError::validation("the request", issues));
    }
    // The body is sent as given; checking it is the client's prepare step
    // (`crate::client::prepare`), not request building.
    let body = match (op.body, &args.body) {
        (None, _) => None,
        (Some(rule), None) if rule.optional() => None,
        (Some(_), given) => Some(given.clone().unwrap_or_else(|| "{}".to_owned())),
    };
    let mut headers = vec![("accept".to_owned(), "application/json".to_owned())];
    if body.is_some() {
        headers.push(("content-type".to_owned(), "application/json".to_owned()));
    }
    Ok(Endpoint {
        request: HttpRequest {
            method: op.method,
            url,
            headers,
            body,
        },
        validator: op.body,
        paged: op.paged,
    })
}

/// The error for a client method name `api` (`"Auth0"`, `"Okta"`) has no operation for.
pub fn unknown_operation(name: &str, api: &str) -> ApiError {
    ApiError::validation(
        "the operation",
        vec![Issue::new(
            Vec::new(),
            IssueCode::Enum,
            crate::text!(name, " is not an ", api, " operation"),
        )],
    )
}

/// Finds an operation by its client method name.
pub fn find<'a>(table: &'a [Operation], name: &str) -> Option<&'a Operation> {
    table.iter().find(|op| op.name == name)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::http::query::ParamKind;
    use serde_json::json;

    const OP: Operation = Operation {
        name: "things.get",
        method: Method::Get,
        path: &[Seg::Lit("/things/"), Seg::Id, Seg::Lit("/sub/"), Seg::SubId],
        query: &[QueryParam::optional("q", ParamKind::Str)],
        body: None,
        paged: None,
    };

    #[test]
    fn builds_url_with_encoded_ids() {
        let args = OpArgs {
            id: Some("../a/b".into()),
            sub_id: Some("..x".into()),
            params: Params::from_json(&json!({"q": "x y"})),
            ..OpArgs::default()
        };
        let endpoint = build("https://h/api/v2/", &OP, &args, ("id", "tokenId")).unwrap();
        assert_eq!(
            endpoint.request.url,
            "https://h/api/v2/things/..%2Fa%2Fb/sub/..x?q=x%20y"
        );
        assert_eq!(endpoint.request.body, None);
        assert_eq!(endpoint.request.method.as_str(), "GET");
    }

    #[test]
    fn dot_segments_are_refused() {
        for id in [".", ".."] {
            let args = OpArgs {
                id: Some(id.into()),
                sub_id: Some("t".into()),
                ..OpArgs::default()
            };
            let error = build("https://h", &OP, &args, ("id", "tokenId")).unwrap_err();
            assert_eq!(error.issues[0].code, IssueCode::Pattern);
            assert!(error.issues[0]
                .message
                .contains("resolve it to another path"));
        }
    }

    #[test]
    fn missing_or_empty_ids_are_issues() {
        let args = OpArgs {
            id: Some(String::new()),
            ..OpArgs::default()
        };
        let error = build("https://h", &OP, &args, ("id", "tokenId")).unwrap_err();
        let codes: Vec<&str> = error.issues.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["too_short", "required"]);
        assert_eq!(error.issues[1].message, "tokenId is required");
    }

    #[test]
    fn missing_optional_bodies_are_not_sent() {
        const POST: Operation = Operation {
            name: "things.create",
            method: Method::Post,
            path: &[Seg::Lit("/things")],
            query: &[],
            body: Some(RequestBody::KeysCreate),
            paged: None,
        };
        let endpoint = build("https://h", &POST, &OpArgs::default(), ("id", "x")).unwrap();
        assert_eq!(endpoint.request.body, None);
        assert!(!endpoint
            .request
            .headers
            .iter()
            .any(|(name, _)| name == "content-type"));
        let given = OpArgs {
            body: Some("{}".into()),
            ..OpArgs::default()
        };
        let endpoint = build("https://h", &POST, &given, ("id", "x")).unwrap();
        assert_eq!(endpoint.request.body.as_deref(), Some("{}"));
        assert!(endpoint
            .request
            .headers
            .contains(&("content-type".into(), "application/json".into())));
        assert!(find(&[POST, OP], "things.get").is_some());
        assert!(find(&[POST], "nope").is_none());
    }

    #[test]
    fn the_policy_decides_which_query_issues_block_and_bodies_pass_unchecked() {
        const CREATE: Operation = Operation {
            name: "things.create",
            method: Method::Post,
            path: &[Seg::Lit("/things")],
            query: &[QueryParam::optional("q", ParamKind::Str)],
            body: Some(RequestBody::ConnectionCreate),
            paged: None,
        };
        let args = |body: Option<&str>, policy| OpArgs {
            body: body.map(str::to_owned),
            params: Params::from_json(&json!({"future": "x"})),
            policy,
            ..OpArgs::default()
        };
        let broken = r#"{"name":"bad name","strategy":"auth0"}"#;
        let sent = build(
            "https://h",
            &CREATE,
            &args(Some(broken), SendPolicy::Drift),
            ("id", "x"),
        )
        .unwrap();
        // Building does not judge the body: the client's prepare step does.
        assert_eq!(sent.request.body.as_deref(), Some(broken));
        assert_eq!(sent.request.url, "https://h/things?future=x");
        assert_eq!(sent.validator, Some(RequestBody::ConnectionCreate));
        let refused = build(
            "https://h",
            &CREATE,
            &args(Some(broken), SendPolicy::Strict),
            ("id", "x"),
        )
        .unwrap_err();
        let codes: Vec<&str> = refused.issues.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["unknown_field"]);
        let missing = build(
            "https://h",
            &CREATE,
            &args(None, SendPolicy::Drift),
            ("id", "x"),
        );
        assert_eq!(missing.unwrap().request.body.as_deref(), Some("{}"));
    }
}
