//! A client's configuration and a call's options, as plain data (a driver reads them from its
//! own world: JS options objects, a Rust builder).

use crate::http::policy::SendPolicy;
use crate::http::retry::Dialect;
use crate::http::url::Origin;

/// Where the access token comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    /// A fixed token, sent with `scheme` (`Bearer`, or Okta's `SSWS`).
    Static {
        /// `Bearer` or `SSWS`.
        scheme: &'static str,
        /// The token.
        token: String,
    },
    /// A token the driver gets from the caller (a token function), sent as `Bearer`: the core
    /// asks with [`crate::client::Action::Token`] before every attempt.
    Provider,
    /// Auth0 client credentials, exchanged at `/oauth/token` (see [`crate::client::Exchange`]),
    /// the token cached until shortly before it expires and refreshed once for every call after
    /// a 401.
    ClientCredentials {
        /// The application's client id.
        client_id: String,
        /// The application's client secret (never in an error).
        client_secret: String,
        /// The API audience, e.g. `https://acme.auth0.com/api/v2/`.
        audience: String,
    },
}

/// A client's configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientConfig {
    /// Auth0 or Okta conventions (base URL, retry headers, error bodies).
    pub dialect: Dialect,
    /// The tenant's or org's origin.
    pub origin: Origin,
    /// How calls authenticate.
    pub auth: Auth,
    /// Each attempt's timeout, and the bound of every wait of a call, in milliseconds.
    pub timeout_ms: f64,
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// Headers sent with every call (after the request's own).
    pub headers: Vec<(String, String)>,
    /// Which issues found before sending block a request.
    pub policy: SendPolicy,
}

/// The default timeout: 60 s.
pub const DEFAULT_TIMEOUT_MS: f64 = 60_000.0;

/// The default number of retries.
pub const DEFAULT_MAX_RETRIES: u32 = 2;

impl ClientConfig {
    /// A configuration with the defaults: 60 s timeout, 2 retries, no extra headers, the
    /// `drift` policy.
    pub fn new(dialect: Dialect, origin: Origin, auth: Auth) -> Self {
        ClientConfig {
            dialect,
            origin,
            auth,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            max_retries: DEFAULT_MAX_RETRIES,
            headers: Vec::new(),
            policy: SendPolicy::Drift,
        }
    }

    /// The API base URL: Auth0's `https://host/api/v2`, Okta's org origin.
    pub fn base_url(&self) -> String {
        match self.dialect {
            Dialect::Auth0 => self.origin.management_api(),
            Dialect::Okta => self.origin.origin.clone(),
        }
    }
}

/// One call's options (`requestOptions`); `None` takes the client's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CallOptions {
    /// The call's timeout in milliseconds.
    pub timeout_ms: Option<f64>,
    /// The call's retries.
    pub max_retries: Option<u32>,
    /// Headers for this call (after the client's).
    pub headers: Vec<(String, String)>,
    /// The call's send policy.
    pub policy: Option<SendPolicy>,
}
