//! The client-credentials token cache and the tokens kept for redaction: decisions over a
//! `now_ms` the driver passes in.

/// A cached client-credentials token is refreshed this long before it expires.
pub const EXPIRY_MARGIN_MS: f64 = 10_000.0;

/// An exchange answer without `expires_in` is taken to last a day.
pub const DEFAULT_LIFETIME_S: f64 = 86_400.0;

/// How many of the latest tokens sent are kept for redaction (one replaced after a 401 included).
pub const KEEP_TOKENS: usize = 4;

/// What a call does for a client-credentials token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenNeed {
    /// The cached token, still fresh.
    Ready(String),
    /// No fresh token and no exchange in flight: start one (now in flight).
    Start,
    /// An exchange is in flight: wait for it.
    Join,
}

/// A client's token state, shared by its calls.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TokenCache {
    /// The client-credentials token and its expiry in epoch milliseconds.
    cached: Option<(String, f64)>,
    /// Whether an exchange is in flight.
    exchanging: bool,
    /// The latest tokens sent (a ring, with the slot written next), for redaction only.
    sent: ([String; KEEP_TOKENS], usize),
}

impl TokenCache {
    /// The token for an attempt at `now_ms`: the cached one until [`EXPIRY_MARGIN_MS`] before it
    /// expires, else an exchange (one at a time: later callers join it).
    pub fn need(&mut self, now_ms: f64) -> TokenNeed {
        if let Some((token, expires)) = &self.cached {
            if now_ms < expires - EXPIRY_MARGIN_MS {
                return TokenNeed::Ready(token.clone());
            }
        }
        if self.exchanging {
            TokenNeed::Join
        } else {
            self.exchanging = true;
            TokenNeed::Start
        }
    }

    /// Whether an exchange is in flight.
    pub fn exchanging(&self) -> bool {
        self.exchanging
    }

    /// Forgets the cached token (after a 401).
    pub fn forget(&mut self) {
        self.cached = None;
    }

    /// The exchange is over: caches its token (`Some((token, lifetime in seconds))`) from
    /// `now_ms`; `None` after a failure.
    pub fn exchanged(&mut self, token: Option<(&str, f64)>, now_ms: f64) {
        self.exchanging = false;
        if let Some((token, lifetime_s)) = token {
            self.cached = Some((token.to_owned(), now_ms + lifetime_s * 1000.0));
        }
    }

    /// Remembers a token sent, for redaction.
    pub fn remember(&mut self, token: &str) {
        let (tokens, next) = &mut self.sent;
        if tokens.iter().any(|known| known == token) {
            return;
        }
        if let Some(slot) = tokens.get_mut(*next % KEEP_TOKENS) {
            token.clone_into(slot);
        }
        *next = next.wrapping_add(1);
    }

    /// Adds the tokens to redact to `secrets`: the latest sent and the cached one.
    pub fn add_secrets<'a>(&'a self, secrets: &mut Vec<&'a str>) {
        for token in &self.sent.0 {
            secrets.push(token);
        }
        if let Some((token, _)) = &self.cached {
            secrets.push(token);
        }
    }
}
