//! [`ApiError`]: every failure of a client call, built from a response (Auth0 or Okta error body,
//! parsed leniently), a timeout, a network failure or validation issues. Never holds a token.

use super::rate_limit::{parse_rate_limit, RateLimit, ResponseHeaders};
use super::retry::Dialect;
use crate::validation::Issue;

/// What kind of failure an [`ApiError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The API answered with an error status.
    Api,
    /// An attempt took longer than the timeout.
    Timeout,
    /// No answer: connection refused or dropped, DNS, CORS, or the caller aborted.
    Network,
    /// The request was refused before sending; `issues` say why.
    Validation,
}

impl ErrorKind {
    /// The kind as exposed to JavaScript, e.g. `"api"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Api => "api",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Network => "network",
            ErrorKind::Validation => "validation",
        }
    }
}

/// One failed call. Boxed, so results carrying it stay small; fields are reached through
/// [`ErrorDetails`] by deref.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError(Box<ErrorDetails>);

impl std::ops::Deref for ApiError {
    type Target = ErrorDetails;
    fn deref(&self) -> &ErrorDetails {
        &self.0
    }
}

impl std::ops::DerefMut for ApiError {
    fn deref_mut(&mut self) -> &mut ErrorDetails {
        &mut self.0
    }
}

/// The fields of an [`ApiError`].
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorDetails {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// The HTTP status, for `api` errors.
    pub status: Option<u16>,
    /// Auth0 `errorCode` (e.g. `inexistent_connection`) or Okta `errorCode` (e.g. `E0000007`).
    pub error_code: Option<String>,
    /// Auth0's `error` (the status text, e.g. `Not Found`).
    pub error: Option<String>,
    /// A sentence describing the failure.
    pub message: String,
    /// The request id from `x-request-id`, `x-auth0-requestid` or `x-okta-request-id`.
    pub request_id: Option<String>,
    /// Rate-limit headers of the response, when present.
    pub rate_limit: Option<RateLimit>,
    /// Validation issues, for `validation` errors.
    pub issues: Vec<Issue>,
    /// Okta `errorSummary`.
    pub error_summary: Option<String>,
    /// Okta `errorCauses[].errorSummary`.
    pub error_causes: Vec<String>,
    /// Okta `errorId`.
    pub error_id: Option<String>,
    /// The error body's text when it was JSON, for callers who need more than the fields above.
    pub body: Option<String>,
}

/// The fields of an Auth0 or Okta error body, read from the parsed JSON at the boundary (or by
/// [`ErrorBody::from_json`]). Every field is optional: servers answer outside the spec.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ErrorBody {
    /// Auth0 `message`.
    pub message: Option<String>,
    /// Auth0 `error` (the status text).
    pub error: Option<String>,
    /// Auth0 and Okta `errorCode`.
    pub error_code: Option<String>,
    /// OAuth `error_description` (from `/oauth/token`).
    pub error_description: Option<String>,
    /// Okta `errorSummary`.
    pub error_summary: Option<String>,
    /// Okta `errorId`.
    pub error_id: Option<String>,
    /// Okta `errorCauses`: each cause's `errorSummary` (or the cause itself when a string).
    pub error_causes: Vec<String>,
}

impl ErrorBody {
    /// Reads the fields through `text(key)` (a string member of the body) and `causes` (Okta's
    /// `errorCauses`, already reduced to their summaries): one mapping for every body source.
    pub fn read(text: impl Fn(&'static str) -> Option<String>, error_causes: Vec<String>) -> Self {
        ErrorBody {
            message: text("message"),
            error: text("error"),
            error_code: text("errorCode"),
            error_description: text("error_description"),
            error_summary: text("errorSummary"),
            error_id: text("errorId"),
            error_causes,
        }
    }

    /// Reads the fields from JSON data (tests, native callers); `None` unless it is an object.
    pub fn from_json(value: &serde_json::Value) -> Option<Self> {
        use serde_json::Value;
        let map = value.as_object()?;
        let causes = map
            .get("errorCauses")
            .and_then(Value::as_array)
            .map(|causes| {
                causes
                    .iter()
                    .filter_map(|cause| match cause {
                        Value::String(text) => Some(text.clone()),
                        other => other
                            .get("errorSummary")
                            .and_then(Value::as_str)
                            .map(str::to_owned),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(Self::read(
            |key| map.get(key).and_then(Value::as_str).map(str::to_owned),
            causes,
        ))
    }
}

/// Whether a secret is worth redacting: 4 bytes or more (a shorter one would scrub ordinary words).
pub fn redactable(secret: &str) -> bool {
    secret.len() >= 4
}

/// `text` with every occurrence of each [`redactable`] secret replaced by `[redacted]`.
pub fn scrub(text: &str, secrets: &[&str]) -> String {
    secrets.iter().fold(text.to_owned(), |acc, secret| {
        if redactable(secret) {
            crate::http::substring::replace(&acc, secret, "[redacted]")
        } else {
            acc
        }
    })
}

impl ApiError {
    /// An error of `kind` with only a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ApiError::with_text(kind, message.into())
    }

    /// [`ApiError::new`] once the message is a `String`: one copy in the wasm for every message
    /// type.
    fn with_text(kind: ErrorKind, message: String) -> Self {
        ApiError(Box::new(ErrorDetails {
            kind,
            status: None,
            error_code: None,
            error: None,
            message,
            request_id: None,
            rate_limit: None,
            issues: Vec::new(),
            error_summary: None,
            error_causes: Vec::new(),
            error_id: None,
            body: None,
        }))
    }

    /// A validation error listing `issues`; its message counts them and quotes the first.
    pub fn validation(what: &str, issues: Vec<Issue>) -> Self {
        let first = issues
            .first()
            .map(|issue| issue.message.clone())
            .unwrap_or_default();
        let message = match issues.len() {
            1 => crate::text!(what, " is invalid: ", first),
            count => crate::text!(what, " has ", count, " issues; the first: ", first),
        };
        let mut error = ApiError::new(ErrorKind::Validation, message);
        error.issues = issues;
        error
    }

    /// An `api` error from a response's status, headers, body text (possibly empty or not JSON)
    /// and, when the body was a JSON object, its fields.
    pub fn from_response(
        dialect: Dialect,
        status: u16,
        headers: &ResponseHeaders,
        body: &str,
        fields: Option<ErrorBody>,
    ) -> Self {
        let mut error = ApiError::new(ErrorKind::Api, String::new());
        error.status = Some(status);
        error.rate_limit = parse_rate_limit(headers);
        let names = match dialect {
            Dialect::Auth0 => ["x-auth0-requestid", "x-request-id", "x-okta-request-id"],
            Dialect::Okta => ["x-okta-request-id", "x-request-id", "x-auth0-requestid"],
        };
        error.request_id = names
            .iter()
            .find_map(|name| headers.get(name))
            .map(str::to_owned);
        let is_json = fields.is_some();
        if let Some(fields) = fields {
            error.message = fields
                .message
                .or_else(|| fields.error_summary.clone())
                .or(fields.error_description)
                .or_else(|| fields.error.clone())
                .unwrap_or_default();
            error.error_code = fields.error_code;
            error.error = fields.error;
            error.error_summary = fields.error_summary;
            error.error_id = fields.error_id;
            error.error_causes = fields.error_causes;
            error.body = Some(body.to_owned());
        }
        if error.message.is_empty() {
            let api = match dialect {
                Dialect::Auth0 => "Auth0",
                Dialect::Okta => "Okta",
            };
            let shape = if body.trim_ascii().is_empty() {
                "an empty body"
            } else if is_json {
                "a body without a message"
            } else {
                "a body that is not JSON"
            };
            error.message = crate::text!(api, " answered HTTP ", status, " with ", shape);
        }
        error
    }

    /// The `api` error for a redirect (`status` 3xx, or 0 for a browser's opaque redirect) to a
    /// `method` request for `url`: redirects are never followed, and the message names the status
    /// and the origin the `Location` header points to (`to`; never its path or query).
    pub fn redirect(
        dialect: Dialect,
        status: u16,
        headers: &ResponseHeaders,
        request: &str,
        to: Option<&str>,
    ) -> Self {
        let mut error = ApiError::from_response(dialect, status, headers, "", None);
        error.status = (status != 0).then_some(status);
        error.message = crate::text!(
            request,
            ": HTTP ",
            status,
            " redirect to ",
            to.unwrap_or("an unknown location"),
            " not followed (it would re-send credentials and body)"
        );
        error
    }

    /// Replaces every occurrence of each secret (4 characters or more) in every text field with
    /// `[redacted]`, so a server echoing a credential (in its body or headers) cannot leak it
    /// through an error.
    pub fn redact(mut self, secrets: &[&str]) -> Self {
        self.redact_in_place(secrets);
        self
    }

    /// [`ApiError::redact`] in place.
    pub fn redact_in_place(&mut self, secrets: &[&str]) {
        if !secrets.iter().any(|secret| redactable(secret)) {
            return;
        }
        let details = &mut *self.0;
        // One loop over every text field (a scrub call per field would be a copy each in the wasm).
        let optional = [
            &mut details.error,
            &mut details.error_code,
            &mut details.request_id,
            &mut details.error_id,
            &mut details.error_summary,
            &mut details.body,
        ];
        let texts = optional
            .into_iter()
            .flatten()
            .chain(std::iter::once(&mut details.message))
            .chain(details.error_causes.iter_mut());
        for text in texts {
            *text = scrub(text, secrets);
        }
    }
}

/// One line for people and logs: `<kind> error[: HTTP <status>][ <error code>]: <message>[ (request
/// id <id>)]`, e.g. `api error: HTTP 404 inexistent_connection: The connection does not exist
/// (request id r-1)`. Written from the fields only, never the body; an error never holds the token
/// or the client secret (a server echoing one is scrubbed when the error is built, see
/// [`ApiError::redact`]). Plain `write_str`s: the npm wasm links none of this unless it is used.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.kind.as_str())?;
        f.write_str(" error")?;
        if let Some(status) = self.status {
            f.write_str(&crate::text!(": HTTP ", status))?;
        }
        if let Some(code) = &self.error_code {
            f.write_str(if self.status.is_some() { " " } else { ": " })?;
            f.write_str(code)?;
        }
        f.write_str(": ")?;
        f.write_str(&self.message)?;
        if let Some(id) = &self.request_id {
            f.write_str(" (request id ")?;
            f.write_str(id)?;
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// A failed call is a standard error, so Rust callers can `?` it into `Box<dyn Error>`,
/// `anyhow::Error` and the like.
impl std::error::Error for ApiError {}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::validation::IssueCode;

    /// The boundary's job in tests: any JSON body gives fields (empty unless an object).
    fn from_response(
        dialect: Dialect,
        status: u16,
        headers: &ResponseHeaders,
        body: &str,
    ) -> ApiError {
        let fields = serde_json::from_str::<serde_json::Value>(body)
            .ok()
            .map(|json| ErrorBody::from_json(&json).unwrap_or_default());
        ApiError::from_response(dialect, status, headers, body, fields)
    }

    fn headers(pairs: &[(&str, &str)]) -> ResponseHeaders {
        ResponseHeaders::new(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    #[test]
    fn auth0_body() {
        let error = from_response(
            Dialect::Auth0,
            404,
            &headers(&[
                ("x-auth0-requestid", "req-1"),
                ("x-ratelimit-remaining", "9"),
            ]),
            r#"{"statusCode":404,"error":"Not Found","message":"The connection does not exist","errorCode":"inexistent_connection"}"#,
        );
        assert_eq!(error.kind, ErrorKind::Api);
        assert_eq!(error.status, Some(404));
        assert_eq!(error.error_code.as_deref(), Some("inexistent_connection"));
        assert_eq!(error.error.as_deref(), Some("Not Found"));
        assert_eq!(error.message, "The connection does not exist");
        assert_eq!(error.request_id.as_deref(), Some("req-1"));
        assert_eq!(error.rate_limit.unwrap().remaining, Some(9.0));
    }

    #[test]
    fn okta_body() {
        let error = from_response(
            Dialect::Okta,
            400,
            &headers(&[("x-request-id", "proxy"), ("X-Okta-Request-Id", "okta-req")]),
            r#"{"errorCode":"E0000001","errorSummary":"Api validation failed: profile","errorLink":"E0000001","errorId":"oae123","errorCauses":[{"errorSummary":"profile: required"}]}"#,
        );
        assert_eq!(error.error_code.as_deref(), Some("E0000001"));
        assert_eq!(error.message, "Api validation failed: profile");
        assert_eq!(
            error.error_summary.as_deref(),
            Some("Api validation failed: profile")
        );
        assert_eq!(error.error_causes, ["profile: required"]);
        assert_eq!(error.error_id.as_deref(), Some("oae123"));
        assert_eq!(error.request_id.as_deref(), Some("okta-req"));
    }

    #[test]
    fn empty_and_non_json_bodies_keep_the_status() {
        let empty = from_response(Dialect::Auth0, 502, &ResponseHeaders::default(), "");
        assert_eq!(empty.status, Some(502));
        assert_eq!(empty.message, "Auth0 answered HTTP 502 with an empty body");
        let html = from_response(
            Dialect::Okta,
            503,
            &ResponseHeaders::default(),
            "<html>busy</html>",
        );
        assert_eq!(
            html.message,
            "Okta answered HTTP 503 with a body that is not JSON"
        );
        let odd = from_response(Dialect::Auth0, 500, &ResponseHeaders::default(), "[1,2]");
        assert_eq!(
            odd.message,
            "Auth0 answered HTTP 500 with a body without a message"
        );
        let wrong_types = from_response(
            Dialect::Auth0,
            400,
            &ResponseHeaders::default(),
            r#"{"message":5,"errorCode":{}}"#,
        );
        assert_eq!(wrong_types.error_code, None);
        assert_eq!(wrong_types.status, Some(400));
    }

    #[test]
    fn redaction_scrubs_echoed_secrets() {
        let error = from_response(
            Dialect::Auth0,
            401,
            &ResponseHeaders::default(),
            r#"{"message":"bad token s3cret-token","echo":{"auth":"Bearer s3cret-token"}}"#,
        )
        .redact(&["s3cret-token", ""]);
        assert_eq!(error.message, "bad token [redacted]");
        let echoed = from_response(
            Dialect::Okta,
            401,
            &headers(&[("x-okta-request-id", "id-s3cret-token")]),
            r#"{"error":"bad s3cret-token","errorCode":"x:s3cret-token","errorId":"s3cret-token","errorSummary":"s3cret-token","errorCauses":["s3cret-token"]}"#,
        )
        .redact(&["s3cret-token"]);
        let fields = [
            echoed.error.as_deref(),
            echoed.error_code.as_deref(),
            echoed.error_id.as_deref(),
            echoed.request_id.as_deref(),
            echoed.error_summary.as_deref(),
            echoed.error_causes.first().map(String::as_str),
            echoed.body.as_deref(),
            Some(echoed.message.as_str()),
        ];
        for field in fields {
            assert!(!field.unwrap().contains("s3cret"), "{field:?}");
        }
        assert!(!error.body.as_ref().unwrap().contains("s3cret"));
    }

    #[test]
    fn redirects_name_status_and_origin() {
        let error = ApiError::redirect(
            Dialect::Auth0,
            307,
            &headers(&[("x-auth0-requestid", "r1")]),
            "POST /oauth/token",
            Some("https://evil.example"),
        );
        assert_eq!(
            (error.status, error.request_id.as_deref()),
            (Some(307), Some("r1"))
        );
        assert_eq!(
            error.message,
            "POST /oauth/token: HTTP 307 redirect to https://evil.example not followed \
             (it would re-send credentials and body)"
        );
        let opaque = ApiError::redirect(Dialect::Okta, 0, &headers(&[]), "GET /x", None);
        assert_eq!(opaque.status, None);
        assert_eq!(
            opaque.message,
            "GET /x: HTTP 0 redirect to an unknown location not followed \
             (it would re-send credentials and body)"
        );
    }

    #[test]
    fn validation_message_counts_issues() {
        let one = ApiError::validation(
            "body",
            vec![Issue::new(vec![], IssueCode::Required, "name is required")],
        );
        assert_eq!(one.message, "body is invalid: name is required");
        let two = ApiError::validation(
            "params",
            vec![
                Issue::new(vec![], IssueCode::Type, "a"),
                Issue::new(vec![], IssueCode::Type, "b"),
            ],
        );
        assert_eq!(two.message, "params has 2 issues; the first: a");
        assert_eq!(two.kind, ErrorKind::Validation);
    }

    #[test]
    fn display_is_one_line_of_the_fields_without_secrets() {
        let error = from_response(
            Dialect::Auth0,
            404,
            &headers(&[("x-auth0-requestid", "r-1")]),
            r#"{"message":"The connection does not exist","errorCode":"inexistent_connection","echo":"s3cret-token"}"#,
        )
        .redact(&["s3cret-token"]);
        assert_eq!(
            error.to_string(),
            "api error: HTTP 404 inexistent_connection: The connection does not exist (request id r-1)"
        );
        let echoed = from_response(
            Dialect::Okta,
            401,
            &headers(&[("x-okta-request-id", "id-s3cret-token")]),
            r#"{"errorCode":"E0000011","errorSummary":"Invalid token provided: s3cret-token"}"#,
        )
        .redact(&["s3cret-token"]);
        let line = echoed.to_string();
        assert_eq!(
            line,
            "api error: HTTP 401 E0000011: Invalid token provided: [redacted] (request id id-[redacted])"
        );
        let timeout = ApiError::new(ErrorKind::Timeout, "GET /connections timed out after 10 s");
        assert_eq!(
            timeout.to_string(),
            "timeout error: GET /connections timed out after 10 s"
        );
        let mut coded = ApiError::new(ErrorKind::Network, "refused");
        coded.error_code = Some("ECONNREFUSED".to_owned());
        assert_eq!(coded.to_string(), "network error: ECONNREFUSED: refused");
    }

    #[test]
    fn an_api_error_is_a_std_error() {
        fn fails() -> Result<(), Box<dyn std::error::Error>> {
            Err(ApiError::validation(
                "body",
                vec![Issue::new(vec![], IssueCode::Required, "name is required")],
            ))?;
            Ok(())
        }
        let error = fails().unwrap_err();
        assert_eq!(
            error.to_string(),
            "validation error: body is invalid: name is required"
        );
        assert!(error.source().is_none());
        assert_eq!(
            error.downcast_ref::<ApiError>().map(|e| e.kind),
            Some(ErrorKind::Validation)
        );
    }
}
