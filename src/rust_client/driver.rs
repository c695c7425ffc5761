//! The driver: runs one call of the client core ([`crate::client`]) to its end. The core decides
//! everything (validation before sending, the token, retries and their waits, the refresh after
//! a 401, paging, the errors and their redaction); the driver performs what it asks with
//! gloo-net's fetch and gloo-timers and feeds back what came of it, with the clock and a random
//! draw. The answer's body text is kept for typed decoding.

use std::cell::RefCell;
use std::rc::Rc;

use futures_channel::oneshot;

use super::error::ManagementError;
use super::fetch::{now_ms, random, send, sleep, within, NoReply, Reply};
use super::options::{ClientOptions, Credentials, TokenProvider};
use super::pacing::{Pacer, Pass};
use crate::client::exchange::TokenAnswer;
use crate::client::{
    Action, Answer, Auth, Body, Call, CallOptions, Client, ClientConfig, Event, Exchange, Failure,
    TokenFailure,
};
use crate::http::error::ApiError;
use crate::http::limiter::Answer as Paced;
use crate::http::operation::OpArgs;
use crate::http::paging::PageState;
use crate::http::retry::Dialect;
use crate::http::url::parse_origin;
use crate::validation::{Issue, IssueCode};

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

/// How a shared client-credentials exchange ended, for the calls that joined it.
type Exchanged = Result<String, ApiError>;

/// A client: the core's client state, its token provider, its rate limiter (its own or shared;
/// none when pacing is off), and the calls waiting for an exchange in flight.
struct Inner {
    client: RefCell<Client>,
    provider: Option<TokenProvider>,
    dialect: Dialect,
    pacer: Option<Rc<Pacer>>,
    joined: RefCell<Vec<oneshot::Sender<Exchanged>>>,
}

/// The shared handle of a client, with the options of its calls: cheap to clone.
#[derive(Clone)]
pub struct Driver {
    inner: Rc<Inner>,
    call: CallOptions,
}

impl std::fmt::Debug for Driver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Driver")
            .field("base", &self.inner.client.borrow().base_url())
            .finish_non_exhaustive()
    }
}

/// The refusal of bad options, naming each.
fn config_error(issue: Issue) -> ManagementError {
    ManagementError::from_redacted(ApiError::validation("the client options", vec![issue]))
}

/// The core's configuration from `options` (and the token provider, when the credentials are
/// one), or the first bad option.
fn config(
    dialect: Dialect,
    options: ClientOptions,
) -> Result<(ClientConfig, Option<TokenProvider>), Issue> {
    let field = match dialect {
        Dialect::Auth0 => "domain",
        Dialect::Okta => "orgUrl",
    };
    let origin = parse_origin(field, &options.domain)
        .map_err(|message| Issue::at(field, IssueCode::Pattern, message))?;
    let wrong = |message: &str| Err(Issue::at("credentials", IssueCode::OneOf, message));
    let mut provider = None;
    let auth = match (dialect, options.credentials) {
        (_, Credentials::Provider(given)) => {
            provider = Some(given);
            Auth::Provider
        }
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
            audience: audience.unwrap_or_else(|| origin.default_audience()),
            client_id,
            client_secret,
        },
        (Dialect::Auth0, Credentials::ApiToken(_)) => {
            return wrong("an SSWS API token is Okta's: pass a token or client credentials")
        }
        (Dialect::Okta, Credentials::ClientCredentials { .. }) => {
            return wrong("pass an SSWS API token (Credentials::ApiToken) or an access token")
        }
    };
    let empty = match &auth {
        Auth::Static { token, .. } => token.is_empty(),
        Auth::ClientCredentials {
            client_id,
            client_secret,
            ..
        } => client_id.is_empty() || client_secret.is_empty(),
        Auth::Provider => false,
    };
    if empty {
        let message = "the credentials must not be empty";
        return Err(Issue::at("credentials", IssueCode::TooShort, message));
    }
    let mut config = ClientConfig::new(dialect, origin, auth);
    config.timeout_ms = (options.timeout.as_secs_f64() * 1000.0).max(1.0);
    config.max_retries = options.max_retries;
    config.headers = options.headers;
    config.policy = options.validation;
    Ok((config, provider))
}

/// The core's answer from a fetch reply: the body read as the core reads bodies.
fn answer(reply: Reply, call: &Call) -> Answer {
    Answer {
        status: reply.status,
        to: redirect_to(&reply, &call.request().url),
        body: Body::read(&reply.body, reply.status, call.paged()),
        headers: reply.headers,
    }
}

/// The core's failure from a fetch that got no reply.
fn failure(no_reply: NoReply) -> Failure {
    match no_reply {
        NoReply::Timeout => Failure::Timeout,
        NoReply::Network(description) => Failure::Network(description),
    }
}

/// The origin a reply's `Location` header points to, for a redirect's message; `url` is the
/// request's.
fn redirect_to(reply: &Reply, url: &str) -> Option<String> {
    location_origin(reply.location.as_deref()?, url)
}

/// The origin (`scheme://host[:port]`) a `Location` value points to, resolved against `base`, the
/// URL of the request it answers, as a URL parser resolves it: a path, query or fragment points
/// to the request's own origin, `//host/…` (or `\\host`, which browsers read the same) to that
/// host with the request's scheme. Never a path, query or `user:password@`, which may hold
/// secrets.
fn location_origin(location: &str, base: &str) -> Option<String> {
    let location = location.trim();
    if scheme_of(location).is_some() {
        return absolute_origin(location);
    }
    let base = absolute_origin(base)?;
    let mut leading = location.bytes().take_while(|b| matches!(b, b'/' | b'\\'));
    if leading.next().is_some() && leading.next().is_some() {
        let rest = location.trim_start_matches(['/', '\\']);
        let scheme = scheme_of(&base).unwrap_or("https");
        return Some(crate::text!(scheme, "://", authority(rest)?));
    }
    Some(base)
}

/// The scheme of an absolute URL: letters, digits, `+`, `-` and `.` before its first `:`,
/// starting with a letter.
fn scheme_of(url: &str) -> Option<&str> {
    let (scheme, _) = crate::http::substring::split_once(url, ":")?;
    let is_scheme = scheme
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    is_scheme.then_some(scheme)
}

/// The origin of an absolute URL (`scheme://authority…`); `None` for any other (`mailto:x`,
/// `https:host`, an empty host).
fn absolute_origin(url: &str) -> Option<String> {
    let scheme = scheme_of(url)?;
    let rest = url.get(scheme.len() + 1..)?.strip_prefix("//")?;
    Some(crate::text!(scheme, "://", authority(rest)?))
}

/// The host and port at the start of `rest` (what follows `//`), without any `user:password@`.
fn authority(rest: &str) -> Option<&str> {
    let end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..end)?;
    let host = authority.rsplit('@').next().unwrap_or(authority);
    (!host.is_empty()).then_some(host)
}

impl Driver {
    /// A client of `dialect` from `options`; a `validation` error names the bad option.
    pub fn new(dialect: Dialect, mut options: ClientOptions) -> Result<Self, ManagementError> {
        let pacer = std::mem::take(&mut options.pacing).pacer();
        let (config, provider) = config(dialect, options).map_err(config_error)?;
        Ok(Driver {
            inner: Rc::new(Inner {
                client: RefCell::new(Client::new(config)),
                provider,
                dialect,
                pacer,
                joined: RefCell::new(Vec::new()),
            }),
            call: CallOptions::default(),
        })
    }

    /// A handle to the same client (its token cache included) whose calls use `call`.
    pub fn with_call(&self, call: CallOptions) -> Driver {
        Driver {
            inner: Rc::clone(&self.inner),
            call,
        }
    }

    /// `error` for the caller, every secret this client holds redacted.
    pub fn fail(&self, error: ApiError) -> ManagementError {
        ManagementError::from_redacted(self.inner.client.borrow().redact(error))
    }

    /// The API base URL (e.g. `https://acme.auth0.com/api/v2`).
    pub fn base_url(&self) -> String {
        self.inner.client.borrow().base_url().to_owned()
    }

    /// Feeds `event` to `call` now and returns the action it asks for next.
    fn step(&self, call: &mut Call, event: Event) -> Option<Action> {
        let mut client = self.inner.client.borrow_mut();
        call.handle(&mut client, event, now_ms(), random());
        call.poll()
    }

    /// Runs operation `op` with `args` to its end.
    pub async fn run(&self, op: &str, args: OpArgs) -> Result<Done, ManagementError> {
        let mut call = {
            let client = self.inner.client.borrow();
            Call::new(&client, op, args, &self.call).map_err(ManagementError::from_redacted)?
        };
        let mut text = String::new();
        let mut event = Event::Start;
        // The call's place with the client's rate limiter, given back when it ends or is dropped.
        let mut pass = Pass::new(self.inner.pacer.as_deref());
        let mut paused = false;
        loop {
            let Some(action) = self.step(&mut call, event) else {
                // The core always answers the event it waits for; reaching here is a bug.
                return Err(self.fail(ApiError::new(
                    crate::http::error::ErrorKind::Network,
                    "the call stopped without an answer",
                )));
            };
            event = match action {
                // No caller signal in the Rust driver (dropping the future ends the call).
                Action::Turn => pass.turn(call.timeout_ms()).await,
                Action::Token => self.provided(call.timeout_ms()).await,
                Action::Exchange { start } => self.exchange(start, call.timeout_ms()).await,
                Action::Send(request) => {
                    let reply = send(&request).await;
                    paused = pass.settle(reply.as_ref().ok().map(|reply| {
                        Paced::read(reply.status, &reply.headers, now_ms(), self.inner.dialect)
                    }));
                    match reply {
                        Ok(reply) => {
                            text.clone_from(&reply.body);
                            Event::Answer(Box::new(answer(reply, &call)))
                        }
                        Err(no_reply) => Event::Failed(failure(no_reply)),
                    }
                }
                Action::Wait(ms) => {
                    // After a 429 that paused the limiter, the retry waits there, in line.
                    sleep(if std::mem::take(&mut paused) { 0.0 } else { ms }).await;
                    Event::TimerFired
                }
                Action::Done(result) => {
                    let success = result.map_err(ManagementError::from_redacted)?;
                    let items_key = call.paged().map_or("", |paged| paged.items_key);
                    return Ok(Done {
                        status: success.status,
                        body: text,
                        page: success.page.map(|page| (items_key, page)),
                    });
                }
            };
        }
    }

    /// The token provider's token, waiting at most `limit_ms`.
    async fn provided(&self, limit_ms: f64) -> Event {
        let Some(provider) = &self.inner.provider else {
            return Event::TokenFailed(TokenFailure::Rejected(None));
        };
        match within(provider.token(), limit_ms).await {
            None => Event::TokenFailed(TokenFailure::Timeout),
            // The core refuses an empty token as a failed token function.
            Some(Ok(token)) => Event::Token(token),
            Some(Err(_)) => Event::TokenFailed(TokenFailure::Rejected(None)),
        }
    }

    /// The client-credentials token, waiting at most `limit_ms`: this call starts the exchange
    /// (`start`) or joins the one in flight. The exchange runs on its own task, so a call that is
    /// dropped while waiting (an unmounted component's) never leaves it unfinished for the others.
    async fn exchange(&self, start: bool, limit_ms: f64) -> Event {
        let (sender, receiver) = oneshot::channel();
        self.inner.joined.borrow_mut().push(sender);
        if start {
            let driver = self.clone();
            wasm_bindgen_futures::spawn_local(async move { driver.run_exchange().await });
        }
        match within(receiver, limit_ms).await {
            None => Event::TokenFailed(TokenFailure::Timeout),
            Some(Ok(Ok(token))) => Event::Token(token),
            Some(Ok(Err(error))) => Event::TokenFailed(TokenFailure::Rejected(Some(error))),
            Some(Err(_)) => Event::TokenFailed(TokenFailure::Rejected(None)),
        }
    }

    /// Runs the client-credentials exchange to its end and hands the token (cached by the core)
    /// or its error to every call that joined it.
    async fn run_exchange(&self) {
        let exchange = Exchange::new(&self.inner.client.borrow());
        let result = match exchange {
            Some(exchange) => {
                let reply = send(exchange.request()).await;
                let answer = reply
                    .map(|reply| TokenAnswer {
                        status: reply.status,
                        to: redirect_to(&reply, &exchange.request().url),
                        headers: reply.headers,
                        text: reply.body,
                    })
                    .map_err(failure);
                let mut client = self.inner.client.borrow_mut();
                exchange.finish(&mut client, answer, now_ms())
            }
            None => {
                // Not reached: the core asks for an exchange only with client credentials.
                self.inner
                    .client
                    .borrow_mut()
                    .tokens
                    .exchanged(None, now_ms());
                Err(ApiError::new(
                    crate::http::error::ErrorKind::Network,
                    "no client credentials to exchange",
                ))
            }
        };
        for waiter in self.inner.joined.take() {
            // A joined call that gave up has dropped its receiver: nothing to tell it.
            let _ = waiter.send(result.clone());
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn refused(dialect: Dialect, options: ClientOptions) -> Issue {
        config(dialect, options).expect_err("refused")
    }

    #[test]
    fn options_become_the_core_configuration() {
        let options = ClientOptions::with_client_credentials("acme.eu.auth0.com", "id", "secret")
            .timeout(std::time::Duration::from_millis(1500))
            .max_retries(4)
            .header("x-trace", "1");
        let (config, provider) = config(Dialect::Auth0, options).unwrap();
        assert!(provider.is_none());
        assert_eq!(config.base_url(), "https://acme.eu.auth0.com/api/v2");
        assert_eq!((config.timeout_ms, config.max_retries), (1500.0, 4));
        assert_eq!(config.headers, [("x-trace".to_owned(), "1".to_owned())]);
        assert!(matches!(
            config.auth,
            Auth::ClientCredentials { ref audience, .. } if audience == "https://acme.eu.auth0.com/api/v2/"
        ));
        let okta = ClientOptions::new("https://acme.okta.com", Credentials::ApiToken("t".into()));
        let okta = config_for_okta(okta);
        assert_eq!(okta.base_url(), "https://acme.okta.com");
        assert!(matches!(okta.auth, Auth::Static { scheme: "SSWS", .. }));
    }

    fn config_for_okta(options: ClientOptions) -> ClientConfig {
        config(Dialect::Okta, options).unwrap().0
    }

    #[test]
    fn bad_options_are_named() {
        let remote = refused(
            Dialect::Auth0,
            ClientOptions::with_token("http://acme.auth0.com", "t"),
        );
        assert_eq!(remote.code, IssueCode::Pattern);
        assert!(remote.message.contains("loopback"), "{}", remote.message);
        let ssws = ClientOptions::new("acme.auth0.com", Credentials::ApiToken("t".into()));
        assert_eq!(refused(Dialect::Auth0, ssws).code, IssueCode::OneOf);
        let okta = ClientOptions::with_client_credentials("acme.okta.com", "a", "b");
        assert_eq!(refused(Dialect::Okta, okta).code, IssueCode::OneOf);
        let empty = ClientOptions::with_token("acme.auth0.com", "");
        assert_eq!(refused(Dialect::Auth0, empty).code, IssueCode::TooShort);
    }

    #[test]
    fn a_redirect_names_only_the_origin() {
        let base = "https://acme.auth0.com/api/v2/connections?take=2";
        let origin = |location| location_origin(location, base);
        for (location, expected) in [
            (
                "https://evil.example:8443/steal?token=x",
                Some("https://evil.example:8443"),
            ),
            ("http://h?q", Some("http://h")),
            (
                "https://user:secret@evil.example/x",
                Some("https://evil.example"),
            ),
            // Relative: the request's own origin, never the path or query.
            ("/relative", Some("https://acme.auth0.com")),
            (
                "/login?next=https://evil.example/",
                Some("https://acme.auth0.com"),
            ),
            ("?page=2", Some("https://acme.auth0.com")),
            ("next", Some("https://acme.auth0.com")),
            // Scheme-relative, with slashes or the backslashes browsers read as slashes.
            ("//evil.example/x", Some("https://evil.example")),
            ("/\\evil.example/x", Some("https://evil.example")),
            (
                "  //evil.example:9000?x  ",
                Some("https://evil.example:9000"),
            ),
            ("//", None),
            ("https://", None),
            ("mailto:x@example.com", None),
            ("https:evil.example", None),
        ] {
            assert_eq!(origin(location).as_deref(), expected, "{location}");
        }
        assert_eq!(location_origin("/x", "not a url"), None);
    }
}
