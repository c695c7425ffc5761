//! [`ManagementError`]: every failure of a call through the Rust API, with the status, error
//! code, message and request id of the answer (or the issues that stopped it before sending).
//! Built only from errors the client has already scrubbed of its secrets: it never holds the
//! token or the client secret.

use crate::http::error::{ApiError, ErrorDetails, ErrorKind};
use crate::validation::Issue;

/// A failed call of [`crate::rust_client::ManagementClient`] or
/// [`crate::rust_client::OktaClient`]. Its fields (`status`, `error_code`, `message`,
/// `request_id`, `issues`, Okta's `error_summary`/`error_causes`…) are those of
/// [`ErrorDetails`], reached by deref; [`std::fmt::Display`] writes one line for logs:
/// `api error: HTTP 404 inexistent_connection: The connection does not exist (request id r-1)`.
#[derive(Debug, Clone, PartialEq)]
pub struct ManagementError(ApiError);

/// Okta calls fail with the same error type (Okta's `errorSummary`, `errorCauses` and `errorId`
/// are in its fields).
pub type OktaError = ManagementError;

impl ManagementError {
    /// Wraps an error the client has already redacted.
    pub(crate) fn from_redacted(error: ApiError) -> Self {
        ManagementError(error)
    }

    /// What kind of failure: an API answer, a timeout, a network failure or a refusal before
    /// sending (validation).
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The HTTP status, for an API answer.
    pub fn status(&self) -> Option<u16> {
        self.0.status
    }

    /// Auth0's `errorCode` (e.g. `inexistent_connection`) or Okta's (e.g. `E0000007`).
    pub fn error_code(&self) -> Option<&str> {
        self.0.error_code.as_deref()
    }

    /// The sentence describing the failure.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The request id the server gave the answer (`x-auth0-requestid`, `x-okta-request-id`).
    pub fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }

    /// For a refusal before sending: why, one issue per problem (`{path, code, message}`).
    pub fn issues(&self) -> &[Issue] {
        &self.0.issues
    }

    /// The underlying error of the crate's HTTP layer.
    pub fn into_inner(self) -> ApiError {
        self.0
    }
}

impl std::ops::Deref for ManagementError {
    type Target = ErrorDetails;
    fn deref(&self) -> &ErrorDetails {
        &self.0
    }
}

impl std::fmt::Display for ManagementError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for ManagementError {}
