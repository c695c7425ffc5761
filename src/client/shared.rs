//! [`Client`]: a client's configuration and the state its calls share (the token cache), and
//! redaction of every secret it holds.

use super::config::{Auth, ClientConfig};
use super::token::TokenCache;
use crate::http::error::{scrub, ApiError};

/// A client: configuration plus shared state. Calls take it by `&mut` when they handle an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Client {
    config: ClientConfig,
    base: String,
    /// The token cache and the tokens kept for redaction.
    pub tokens: TokenCache,
}

impl Client {
    /// A client with `config` and an empty token cache.
    pub fn new(config: ClientConfig) -> Self {
        Client {
            base: config.base_url(),
            config,
            tokens: TokenCache::default(),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The API base URL (e.g. `https://acme.auth0.com/api/v2`).
    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// Every secret this client holds: the static token or the client secret, the latest tokens
    /// sent and the cached one.
    pub fn secrets(&self) -> Vec<&str> {
        let mut secrets = Vec::new();
        match &self.config.auth {
            Auth::Static { token, .. } => secrets.push(token.as_str()),
            Auth::ClientCredentials { client_secret, .. } => secrets.push(client_secret.as_str()),
            Auth::Provider => {}
        }
        self.tokens.add_secrets(&mut secrets);
        secrets
    }

    /// `error` with every secret this client holds replaced by `[redacted]`.
    pub fn redact(&self, error: ApiError) -> ApiError {
        error.redact(&self.secrets())
    }

    /// [`Client::redact`] in place.
    pub fn redact_in_place(&self, error: &mut ApiError) {
        error.redact_in_place(&self.secrets());
    }

    /// `text` with every secret replaced by `[redacted]` (for a driver's own error causes).
    pub fn scrub(&self, text: &str) -> String {
        scrub(text, &self.secrets())
    }
}
