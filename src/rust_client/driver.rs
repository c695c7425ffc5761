//! The driver: runs one call of the client core to its end, performing what the core asks (get
//! a token, send a request, wait) with gloo-net's fetch and gloo-timers, and hands the answer's
//! body text to the caller for typed decoding.

use std::cell::RefCell;
use std::rc::Rc;

use super::error::ManagementError;
use super::fetch::{now_ms, random, send, sleep, NoReply, Outgoing, Reply};
use super::options::{ClientOptions, Credentials};
use crate::auth0::endpoints as auth0;
use crate::http::error::{ApiError, ErrorBody, ErrorKind};
use crate::http::operation::{build, find, OpArgs};
use crate::http::paging::{cursor_text, read_page, PageBody, PageState};
use crate::http::policy::SendPolicy;
use crate::http::rate_limit::{seconds_text, ResponseHeaders};
use crate::http::request::{Endpoint, Method};
use crate::http::retry::{
    is_network_retryable, is_retryable, pause_within, Dialect, WaitInput, DEFAULT_MAX_WAIT_MS,
};
use crate::http::url::{parse_origin, path_of, Origin};
use crate::okta::endpoints::build_okta;
use crate::validation::{Issue, IssueCode};

/// A cached client-credentials token is refreshed this long before it expires.
const EXPIRY_MARGIN_MS: f64 = 10_000.0;

/// How many of the latest tokens sent are kept for redaction.
const KEEP_TOKENS: usize = 4;

/// Where the access token comes from.
enum Auth {
    /// A fixed token and its scheme (`Bearer`, `SSWS`).
    Static { scheme: &'static str, token: String },
    /// Auth0 client credentials.
    ClientCredentials {
        client_id: String,
        client_secret: String,
        audience: String,
    },
}

/// A client's configuration and the state its calls share.
struct Inner {
    dialect: Dialect,
    origin: Origin,
    base: String,
    auth: Auth,
    timeout_ms: f64,
    max_retries: u32,
    headers: Vec<(String, String)>,
    policy: SendPolicy,
    /// The client-credentials token and its expiry in epoch milliseconds.
    cached: RefCell<Option<(String, f64)>>,
    /// The latest tokens sent, kept only so errors can redact them.
    sent: RefCell<Vec<String>>,
}

/// A successful call: its status, its body's text and, for a list operation, its page.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    /// The 2xx status.
    pub status: u16,
    /// The body's text (empty for a 204).
    pub body: String,
    /// For a list operation: the response's items key and what it says about paging.
    pub page: Option<(&'static str, PageState)>,
}

/// The shared handle of a client: cheap to clone, one per client.
#[derive(Clone)]
pub struct Driver {
    inner: Rc<Inner>,
}

impl std::fmt::Debug for Driver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Driver")
            .field("base", &self.inner.base)
            .finish_non_exhaustive()
    }
}

/// The refusal of bad options, naming each.
fn config_error(issues: Vec<Issue>) -> ManagementError {
    ManagementError::from_redacted(ApiError::validation("the client options", issues))
}

impl Driver {
    /// A client of `dialect` from `options`; a `validation` error names every bad option.
    pub fn new(dialect: Dialect, options: ClientOptions) -> Result<Self, ManagementError> {
        let field = match dialect {
            Dialect::Auth0 => "domain",
            Dialect::Okta => "orgUrl",
        };
        let origin = parse_origin(field, &options.domain)
            .map_err(|message| config_error(vec![Issue::at(field, IssueCode::Pattern, message)]))?;
        let auth = match (dialect, options.credentials) {
            (_, Credentials::Token(token)) => Auth::Static {
                scheme: "Bearer",
                token,
            },
            (Dialect::Okta, Credentials::ApiToken(token)) => Auth::Static {
                scheme: "SSWS",
                token,
            },
            (
                Dialect::Auth0,
                Credentials::ClientCredentials {
                    client_id,
                    client_secret,
                    audience,
                },
            ) => Auth::ClientCredentials {
                client_id,
                client_secret,
                audience: audience.unwrap_or_else(|| origin.default_audience()),
            },
            (Dialect::Auth0, Credentials::ApiToken(_)) => {
                return Err(config_error(vec![Issue::at(
                    "token",
                    IssueCode::OneOf,
                    "an SSWS API token is Okta's: pass Credentials::Token or client credentials",
                )]))
            }
            (Dialect::Okta, Credentials::ClientCredentials { .. }) => {
                return Err(config_error(vec![Issue::at(
                    "token",
                    IssueCode::OneOf,
                    "pass an SSWS API token (Credentials::ApiToken) or an OAuth 2.0 access token",
                )]))
            }
        };
        let token_empty = match &auth {
            Auth::Static { token, .. } => token.is_empty(),
            Auth::ClientCredentials {
                client_id,
                client_secret,
                ..
            } => client_id.is_empty() || client_secret.is_empty(),
        };
        if token_empty {
            return Err(config_error(vec![Issue::at(
                "token",
                IssueCode::TooShort,
                "the credentials must not be empty",
            )]));
        }
        Ok(Driver {
            inner: Rc::new(Inner {
                dialect,
                base: match dialect {
                    Dialect::Auth0 => origin.management_api(),
                    Dialect::Okta => origin.origin.clone(),
                },
                origin,
                auth,
                timeout_ms: options.timeout.as_secs_f64() * 1000.0,
                max_retries: options.max_retries,
                headers: options.headers,
                policy: options.validation,
                cached: RefCell::new(None),
                sent: RefCell::new(Vec::new()),
            }),
        })
    }

    /// `error` for the caller, every secret this client holds redacted.
    pub fn fail(&self, error: ApiError) -> ManagementError {
        self.inner.fail(error)
    }

    /// The API base URL (e.g. `https://acme.auth0.com/api/v2`).
    pub fn base_url(&self) -> &str {
        &self.inner.base
    }

    /// Runs operation `op` with `args` to its end: validated and built before anything is sent,
    /// retried and re-authenticated as the policy says, every error scrubbed of the secrets.
    pub async fn run(&self, op: &str, mut args: OpArgs) -> Result<Done, ManagementError> {
        let inner = &self.inner;
        args.policy = inner.policy;
        let built = endpoint(inner, op, &args).map_err(|error| inner.fail(error))?;
        let request = &built.request;
        let method = request.method;
        let (mut attempt, mut refreshed) = (0_u32, false);
        let mut retry_for: Option<String> = None;
        loop {
            let token = self.token().await?;
            inner.remember(&token);
            let headers = inner.attempt_headers(&built, &token, attempt, retry_for.as_ref());
            let outcome = send(Outgoing {
                method,
                url: &request.url,
                headers: &headers,
                body: request.body.as_deref(),
                timeout_ms: inner.timeout_ms,
            })
            .await;
            let reply = match outcome {
                Ok(reply) => reply,
                Err(NoReply::Timeout) => return Err(inner.fail(inner.timed_out(&built))),
                Err(NoReply::Network(description)) => {
                    if is_network_retryable(method) && attempt < inner.max_retries {
                        sleep(inner.pause(None, attempt).unwrap_or(0.0)).await;
                        attempt += 1;
                        continue;
                    }
                    let message = crate::text!(
                        "network error on ",
                        method.as_str(),
                        " ",
                        path_of(&request.url),
                        ": ",
                        description
                    );
                    return Err(inner.fail(ApiError::new(ErrorKind::Network, message)));
                }
            };
            if reply.status == 0 || (300..400).contains(&reply.status) {
                let what = crate::text!(method.as_str(), " ", path_of(&request.url));
                return Err(inner.fail(redirected(inner.dialect, &reply, &what)));
            }
            if (200..300).contains(&reply.status) {
                return inner.success(reply, &built, &args);
            }
            if reply.status == 401
                && !refreshed
                && matches!(inner.auth, Auth::ClientCredentials { .. })
            {
                refreshed = true;
                inner.cached.replace(None);
                continue;
            }
            let error = answer_error(inner.dialect, &reply);
            if is_retryable(method, reply.status) && attempt < inner.max_retries {
                retry_for.clone_from(&error.request_id);
                let Some(ms) = inner.pause(Some(&reply.headers), attempt) else {
                    return Err(inner.fail(outwaits(error, inner.timeout_ms)));
                };
                sleep(ms).await;
                attempt += 1;
                continue;
            }
            return Err(inner.fail(error));
        }
    }

    /// The token for the next attempt: the static one, or the cached or freshly exchanged
    /// client-credentials token.
    async fn token(&self) -> Result<String, ManagementError> {
        let inner = &self.inner;
        match &inner.auth {
            Auth::Static { token, .. } => Ok(token.clone()),
            Auth::ClientCredentials {
                client_id,
                client_secret,
                audience,
            } => {
                if let Some((token, expires)) = inner.cached.borrow().as_ref() {
                    if now_ms() < expires - EXPIRY_MARGIN_MS {
                        return Ok(token.clone());
                    }
                }
                let body = serde_json::json!({
                    "grant_type": "client_credentials",
                    "client_id": client_id,
                    "client_secret": client_secret,
                    "audience": audience,
                })
                .to_string();
                let headers = [
                    ("content-type".to_owned(), "application/json".to_owned()),
                    ("accept".to_owned(), "application/json".to_owned()),
                ];
                let url = inner.origin.token_endpoint();
                let reply = send(Outgoing {
                    method: Method::Post,
                    url: &url,
                    headers: &headers,
                    body: Some(&body),
                    timeout_ms: inner.timeout_ms,
                })
                .await
                .map_err(|failure| {
                    let (kind, message) = match failure {
                        NoReply::Timeout => (
                            ErrorKind::Timeout,
                            "no answer from /oauth/token within the timeout",
                        ),
                        NoReply::Network(_) => {
                            (ErrorKind::Network, "network error on POST /oauth/token")
                        }
                    };
                    inner.fail(ApiError::new(kind, message))
                })?;
                if reply.status == 0 || (300..400).contains(&reply.status) {
                    return Err(inner.fail(redirected(inner.dialect, &reply, "POST /oauth/token")));
                }
                if !(200..300).contains(&reply.status) {
                    let mut error = answer_error(inner.dialect, &reply);
                    error.message = crate::text!(
                        "client credentials were refused by /oauth/token: ",
                        error.message
                    );
                    return Err(inner.fail(error));
                }
                let json: serde_json::Value = serde_json::from_str(&reply.body).unwrap_or_default();
                let Some(token) = json
                    .get("access_token")
                    .and_then(serde_json::Value::as_str)
                    .filter(|token| !token.is_empty())
                else {
                    let mut error = ApiError::new(
                        ErrorKind::Api,
                        "/oauth/token answered without an access_token",
                    );
                    error.status = Some(reply.status);
                    return Err(inner.fail(error));
                };
                let lifetime = json
                    .get("expires_in")
                    .and_then(serde_json::Value::as_f64)
                    .filter(|seconds| seconds.is_finite() && *seconds > 0.0)
                    .unwrap_or(86_400.0);
                inner
                    .cached
                    .replace(Some((token.to_owned(), now_ms() + lifetime * 1000.0)));
                Ok(token.to_owned())
            }
        }
    }
}

impl Inner {
    /// Every secret this client holds, for redaction.
    fn secrets(&self) -> Vec<String> {
        let mut secrets = self.sent.borrow().clone();
        match &self.auth {
            Auth::Static { token, .. } => secrets.push(token.clone()),
            Auth::ClientCredentials { client_secret, .. } => secrets.push(client_secret.clone()),
        }
        if let Some((token, _)) = self.cached.borrow().as_ref() {
            secrets.push(token.clone());
        }
        secrets
    }

    /// Remembers a token sent, for redaction.
    fn remember(&self, token: &str) {
        let mut sent = self.sent.borrow_mut();
        if !sent.iter().any(|known| known == token) {
            if sent.len() >= KEEP_TOKENS {
                sent.remove(0);
            }
            sent.push(token.to_owned());
        }
    }

    /// `error` for the caller, every secret redacted.
    fn fail(&self, error: ApiError) -> ManagementError {
        let secrets = self.secrets();
        let refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
        ManagementError::from_redacted(error.redact(&refs))
    }

    /// The headers of one attempt: the request's, the client's, then authorization and (Okta, on
    /// a retry) the retry headers.
    fn attempt_headers(
        &self,
        built: &Endpoint,
        token: &str,
        attempt: u32,
        retry_for: Option<&String>,
    ) -> Vec<(String, String)> {
        let mut headers = built.request.headers.clone();
        headers.extend(self.headers.iter().cloned());
        let scheme = match &self.auth {
            Auth::Static { scheme, .. } => *scheme,
            Auth::ClientCredentials { .. } => "Bearer",
        };
        headers.push(("authorization".to_owned(), crate::text!(scheme, " ", token)));
        if self.dialect == Dialect::Okta && attempt > 0 {
            if let Some(id) = retry_for {
                headers.push(("x-okta-retry-for".to_owned(), id.clone()));
            }
            headers.push(("x-okta-retry-count".to_owned(), crate::text!(attempt)));
        }
        headers
    }

    /// The pause before the next attempt; `None` when the server asks for longer than the
    /// timeout.
    fn pause(&self, headers: Option<&ResponseHeaders>, attempt: u32) -> Option<f64> {
        let input = WaitInput {
            headers,
            attempt,
            now_ms: now_ms(),
            random: random(),
            max_wait_ms: DEFAULT_MAX_WAIT_MS,
        };
        pause_within(self.dialect, input, self.timeout_ms)
    }

    /// The `timeout` error of an attempt.
    fn timed_out(&self, built: &Endpoint) -> ApiError {
        let request = &built.request;
        let message = crate::text!(
            "no response within the timeout of ",
            seconds_text(self.timeout_ms / 1000.0),
            " s (",
            request.method.as_str(),
            " ",
            path_of(&request.url),
            ")"
        );
        ApiError::new(ErrorKind::Timeout, message)
    }

    /// A 2xx answer: for a list operation, its page (a repeated cursor is an error).
    fn success(
        &self,
        reply: Reply,
        built: &Endpoint,
        args: &OpArgs,
    ) -> Result<Done, ManagementError> {
        let Some(paged) = built.paged else {
            return Ok(Done {
                status: reply.status,
                body: reply.body,
                page: None,
            });
        };
        let json: serde_json::Value = serde_json::from_str(&reply.body)
            .map_err(|_| self.fail(not_json(self.dialect, &reply)))?;
        let state = read_page(
            &args.params,
            paged,
            &PageBody::from_json(&json, paged.items_key),
        );
        if let Some(cursor) = &state.repeated {
            let mut error =
                ApiError::from_response(self.dialect, reply.status, &reply.headers, "", None);
            error.message = crate::text!(
                "paging stopped: the server repeated the cursor \"",
                cursor_text(cursor),
                "\" as the next one (it would loop forever)"
            );
            return Err(self.fail(error));
        }
        Ok(Done {
            status: reply.status,
            body: reply.body,
            page: Some((paged.items_key, state)),
        })
    }
}

/// Builds the endpoint of `op` (validating its path, query and body per the policy).
fn endpoint(inner: &Inner, op: &str, args: &OpArgs) -> Result<Endpoint, ApiError> {
    match inner.dialect {
        Dialect::Okta => build_okta(&inner.base, op, args),
        Dialect::Auth0 => match find(auth0::OPERATIONS, op) {
            Some(operation) => build(&inner.base, operation, args, auth0::PATH_NAMES),
            None => Err(ApiError::validation(
                "the operation",
                vec![Issue::new(
                    Vec::new(),
                    IssueCode::Enum,
                    crate::text!(op, " is not an Auth0 operation"),
                )],
            )),
        },
    }
}

/// The `api` error of a non-2xx answer.
fn answer_error(dialect: Dialect, reply: &Reply) -> ApiError {
    let fields = serde_json::from_str::<serde_json::Value>(&reply.body)
        .ok()
        .map(|json| ErrorBody::from_json(&json).unwrap_or_default());
    ApiError::from_response(dialect, reply.status, &reply.headers, &reply.body, fields)
}

/// The `api` error of a 2xx answer whose body is not JSON.
pub fn not_json(dialect: Dialect, reply: &Reply) -> ApiError {
    ApiError::from_response(dialect, reply.status, &reply.headers, &reply.body, None)
}

/// The error of a redirect (never followed).
fn redirected(dialect: Dialect, reply: &Reply, what: &str) -> ApiError {
    ApiError::redirect(
        dialect,
        reply.status,
        &reply.headers,
        what,
        reply.location.as_deref().and_then(origin_of),
    )
}

/// The origin (`scheme://host[:port]`) of an absolute URL; never its path or query.
fn origin_of(url: &str) -> Option<&str> {
    let (scheme, rest) = crate::http::substring::split_once(url, "://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    url.get(..scheme.len() + 3 + authority.len())
}

/// The error of an answer whose retry wait outlasts the timeout.
fn outwaits(mut error: ApiError, limit_ms: f64) -> ApiError {
    error.message.push_str(&crate::text!(
        " (not retried: the wait asked for exceeds the timeout of ",
        seconds_text(limit_ms / 1000.0),
        " s)"
    ));
    error
}
