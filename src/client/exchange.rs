//! [`Exchange`]: the Auth0 client-credentials exchange at `/oauth/token`, as plain data in and
//! out: the request to send, then the token (cached in the client) from its answer. Calls
//! needing a token meanwhile share it ([`crate::client::TokenCache::need`]).

use super::answer::error_body;
use super::call::is_redirect;
use super::config::Auth;
use super::events::{Failure, Request, ERROR_BODY_LIMIT};
use super::shared::Client;
use super::token::DEFAULT_LIFETIME_S;
use crate::http::error::{ApiError, ErrorKind};
use crate::http::rate_limit::{parse_decimal, ResponseHeaders};
use crate::http::request::Method;
use crate::validation::json::{parse, prefix_chars, Json};

/// The answer of `/oauth/token`, its body as text (small: a token and its lifetime, or an error).
#[derive(Debug, Clone, PartialEq)]
pub struct TokenAnswer {
    /// The status (0 for a browser's opaque redirect).
    pub status: u16,
    /// The response headers.
    pub headers: ResponseHeaders,
    /// The origin the `Location` header points to, when there is one.
    pub to: Option<String>,
    /// The body's text.
    pub text: String,
}

/// One client-credentials exchange.
#[derive(Debug, Clone, PartialEq)]
pub struct Exchange {
    request: Request,
}

impl Exchange {
    /// The exchange of `client`'s credentials; `None` unless it authenticates with client
    /// credentials. Its request is [`Exchange::request`]; its end [`Exchange::finish`].
    pub fn new(client: &Client) -> Option<Exchange> {
        let config = client.config();
        let Auth::ClientCredentials {
            client_id,
            client_secret,
            audience,
        } = &config.auth
        else {
            return None;
        };
        let mut body = String::from("{\"grant_type\":\"client_credentials\",\"client_id\":");
        crate::text::push_json_string(&mut body, client_id);
        body.push_str(",\"client_secret\":");
        crate::text::push_json_string(&mut body, client_secret);
        body.push_str(",\"audience\":");
        crate::text::push_json_string(&mut body, audience);
        body.push('}');
        Some(Exchange {
            request: Request {
                method: Method::Post,
                url: config.origin.token_endpoint(),
                headers: vec![
                    ("content-type".to_owned(), "application/json".to_owned()),
                    ("accept".to_owned(), "application/json".to_owned()),
                ],
                body: Some(body),
                timeout_ms: config.timeout_ms,
            },
        })
    }

    /// The request to send (no caller signal: calls sharing it give up on their own).
    pub fn request(&self) -> &Request {
        &self.request
    }

    /// Ends the exchange with its answer (or why none came) at `now_ms`: the token, cached in
    /// `client` until it expires; or the error (secrets redacted) every waiting call ends with.
    /// Either way the exchange is no longer in flight.
    pub fn finish(
        &self,
        client: &mut Client,
        answer: Result<TokenAnswer, Failure>,
        now_ms: f64,
    ) -> Result<String, ApiError> {
        let result = read(client, &answer);
        let cached = result
            .as_ref()
            .ok()
            .map(|(token, life)| (token.as_str(), *life));
        client.tokens.exchanged(cached, now_ms);
        result
            .map(|(token, _)| token)
            .map_err(|error| client.redact(error))
    }
}

/// The token and its lifetime in seconds from the answer.
fn read(client: &Client, answer: &Result<TokenAnswer, Failure>) -> Result<(String, f64), ApiError> {
    let dialect = client.config().dialect;
    let answer = match answer {
        Ok(answer) => answer,
        Err(Failure::Timeout) => {
            return Err(ApiError::new(
                ErrorKind::Timeout,
                "no answer from /oauth/token within the timeout",
            ))
        }
        Err(Failure::Aborted | Failure::Network(_)) => {
            return Err(ApiError::new(
                ErrorKind::Network,
                "network error on POST /oauth/token",
            ))
        }
    };
    let status = answer.status;
    if is_redirect(status) {
        let to = answer.to.as_deref();
        let request = "POST /oauth/token";
        return Err(ApiError::redirect(
            dialect,
            status,
            &answer.headers,
            request,
            to,
        ));
    }
    if !(200..300).contains(&status) {
        let text = prefix_chars(&answer.text, ERROR_BODY_LIMIT);
        let fields = parse(text).ok().map(|json| error_body(&json));
        let mut error = ApiError::from_response(dialect, status, &answer.headers, text, fields);
        error.message = crate::text!(
            "client credentials were refused by /oauth/token: ",
            error.message
        );
        return Err(error);
    }
    let json = parse(&answer.text).unwrap_or(Json::Null);
    let token = match json.get("access_token") {
        Some(Json::String(token)) => token.decode(),
        _ => String::new(),
    };
    if token.is_empty() {
        let mut error = ApiError::new(
            ErrorKind::Api,
            "/oauth/token answered without an access_token",
        );
        error.status = Some(status);
        return Err(error);
    }
    let lifetime = match json.get("expires_in") {
        Some(Json::Number(seconds)) => parse_decimal(seconds.raw()),
        _ => None,
    }
    .filter(|seconds| seconds.is_finite() && *seconds > 0.0)
    .unwrap_or(DEFAULT_LIFETIME_S);
    Ok((token, lifetime))
}
