//! [`ClientOptions`]: what a Rust client is built from (the domain or org URL, the credentials,
//! the timeout, retries, extra headers, the validation policy and the rate limiter), checked when
//! the client is built.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::time::Duration;

use super::limiter::{Pacing, RateLimiter};
use crate::http::policy::SendPolicy;

/// A token a [`TokenProvider`] is getting.
pub type TokenFuture = Pin<Box<dyn Future<Output = Result<String, String>>>>;

/// A function the client asks for a token before every attempt (a user's access token the app
/// holds, refreshed by its own auth code), sent as `Bearer`: the npm client's token function. An
/// `Err` (its text is not kept: it might quote a secret) or an empty token ends the call with a
/// `network` error; one that takes longer than the call's timeout, with a `timeout`.
#[derive(Clone)]
pub struct TokenProvider(Rc<dyn Fn() -> TokenFuture>);

impl TokenProvider {
    /// A provider calling `get` for each token.
    pub fn new<F, T>(get: F) -> Self
    where
        F: Fn() -> T + 'static,
        T: Future<Output = Result<String, String>> + 'static,
    {
        TokenProvider(Rc::new(move || Box::pin(get())))
    }

    /// The next token.
    pub(crate) fn token(&self) -> TokenFuture {
        (self.0)()
    }
}

/// Two providers are equal when they are the same function.
impl PartialEq for TokenProvider {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for TokenProvider {}

impl std::fmt::Debug for TokenProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenProvider")
    }
}

/// How a client authenticates.
#[derive(Clone, PartialEq, Eq)]
pub enum Credentials {
    /// A Management API token (Auth0) or an OAuth 2.0 access token (Okta), sent as `Bearer`.
    Token(String),
    /// An Okta API token, sent as `SSWS` (Okta only).
    ApiToken(String),
    /// A token asked for before every attempt, sent as `Bearer`.
    Provider(TokenProvider),
    /// Auth0 client credentials, exchanged at `/oauth/token`; the token is cached until shortly
    /// before it expires and fetched again once after a 401. `audience` defaults to
    /// `https://{domain}/api/v2/`.
    ClientCredentials {
        /// The application's client id.
        client_id: String,
        /// The application's client secret.
        client_secret: String,
        /// The API audience; `None` for the tenant's Management API.
        audience: Option<String>,
    },
}

/// Never prints a secret: only which kind of credentials.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Credentials::Token(_) => f.write_str("Token([redacted])"),
            Credentials::ApiToken(_) => f.write_str("ApiToken([redacted])"),
            Credentials::Provider(_) => f.write_str("Provider"),
            Credentials::ClientCredentials {
                client_id,
                audience,
                ..
            } => f
                .debug_struct("ClientCredentials")
                .field("client_id", client_id)
                .field("client_secret", &"[redacted]")
                .field("audience", audience)
                .finish(),
        }
    }
}

/// The options of a [`crate::rust_client::ManagementClient`] or
/// [`crate::rust_client::OktaClient`]: the same as the npm package's (`domain`/`orgUrl`, `token`
/// or `clientId`/`clientSecret`, `timeout`, `maxRetries`, `headers`, `validation`, `limiter`).
/// Their `Debug` shows no secret: neither the credentials nor the headers' values.
#[derive(Clone, PartialEq)]
pub struct ClientOptions {
    /// A tenant domain (`acme.eu.auth0.com`), an Okta org (`acme.okta.com`) or an origin
    /// (`https://acme.eu.auth0.com`; plain `http` only for loopback hosts such as the local
    /// tenant).
    pub domain: String,
    /// How calls authenticate.
    pub credentials: Credentials,
    /// Each attempt's timeout, and the bound of every wait of a call (default 60 s).
    pub timeout: Duration,
    /// Retries after the first attempt (default 2): 429 always, 5xx and network failures only
    /// for GET, PUT and DELETE.
    pub max_retries: u32,
    /// Headers sent with every call.
    pub headers: Vec<(String, String)>,
    /// Which issues found before sending block a request (default `Drift`: unknown properties
    /// and enum values go to the server).
    pub validation: SendPolicy,
    /// How calls are paced to the tenant's rate limit (default: a limiter of the client's own;
    /// [`ClientOptions::limiter`] shares one, [`ClientOptions::without_limiter`] turns it off).
    pub pacing: Pacing,
}

/// The header names only: a header may carry a credential (a proxy's, an API gateway's).
impl std::fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("ClientOptions")
            .field("domain", &self.domain)
            .field("credentials", &self.credentials)
            .field("timeout", &self.timeout)
            .field("max_retries", &self.max_retries)
            .field("headers", &names)
            .field("validation", &self.validation)
            .field("pacing", &self.pacing)
            .finish()
    }
}

impl ClientOptions {
    /// Options for `domain` with `credentials` and the defaults.
    pub fn new(domain: impl Into<String>, credentials: Credentials) -> Self {
        ClientOptions {
            domain: domain.into(),
            credentials,
            timeout: Duration::from_secs(60),
            max_retries: 2,
            headers: Vec::new(),
            validation: SendPolicy::Drift,
            pacing: Pacing::Own,
        }
    }

    /// Options for `domain` with a bearer `token`.
    pub fn with_token(domain: impl Into<String>, token: impl Into<String>) -> Self {
        Self::new(domain, Credentials::Token(token.into()))
    }

    /// Options for an Auth0 `domain` with client credentials (audience: its Management API).
    pub fn with_client_credentials(
        domain: impl Into<String>,
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
    ) -> Self {
        Self::new(
            domain,
            Credentials::ClientCredentials {
                client_id: client_id.into(),
                client_secret: client_secret.into(),
                audience: None,
            },
        )
    }

    /// Sets the timeout.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Sets the number of retries.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// Adds a header sent with every call.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Sets the validation policy.
    pub fn validation(mut self, policy: SendPolicy) -> Self {
        self.validation = policy;
        self
    }

    /// Paces calls with `limiter`, shared with every other client given it (npm `limiter`): give
    /// the clients of one tenant the same limiter and they spend its budget together.
    pub fn limiter(mut self, limiter: RateLimiter) -> Self {
        self.pacing = Pacing::Shared(limiter);
        self
    }

    /// Turns pacing off (npm `limiter: false`): every attempt goes at once and only the retries
    /// react to 429s.
    pub fn without_limiter(mut self) -> Self {
        self.pacing = Pacing::Off;
        self
    }
}

/// One call's options, over the client's (the npm package's `requestOptions`): set them with
/// [`crate::rust_client::ManagementClient::with_request_options`] (or `OktaClient`'s), which
/// gives a handle sharing the client's token cache whose calls use them.
#[derive(Clone, Default, PartialEq)]
pub struct RequestOptions {
    /// The call's timeout (each attempt's, and the bound of every wait), instead of the client's.
    pub timeout: Option<Duration>,
    /// The call's retries, instead of the client's.
    pub max_retries: Option<u32>,
    /// Headers for the call, sent after the client's.
    pub headers: Vec<(String, String)>,
    /// The call's validation policy, instead of the client's.
    pub validation: Option<SendPolicy>,
}

/// The header names only, as [`ClientOptions`]'s.
impl std::fmt::Debug for RequestOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("RequestOptions")
            .field("timeout", &self.timeout)
            .field("max_retries", &self.max_retries)
            .field("headers", &names)
            .field("validation", &self.validation)
            .finish()
    }
}

impl RequestOptions {
    /// The core's form of these options.
    pub(crate) fn to_call(&self) -> crate::client::CallOptions {
        crate::client::CallOptions {
            timeout_ms: self
                .timeout
                .map(|timeout| (timeout.as_secs_f64() * 1000.0).max(1.0)),
            max_retries: self.max_retries,
            headers: self.headers.clone(),
            policy: self.validation,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_no_secret() {
        let options =
            ClientOptions::with_client_credentials("acme.auth0.com", "app", "s3cret-value")
                .header("x-gateway-key", "k3y-value");
        let shown = format!("{options:?}");
        assert!(
            shown.contains("x-gateway-key") && shown.contains("app"),
            "{shown}"
        );
        assert!(
            !shown.contains("s3cret-value") && !shown.contains("k3y-value"),
            "{shown}"
        );
        let token = format!(
            "{:?}",
            ClientOptions::with_token("acme.auth0.com", "t0ken-value")
        );
        assert!(!token.contains("t0ken-value"), "{token}");
    }
}
