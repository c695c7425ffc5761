//! The client core (`idp_connections::client`) driven natively with a scripted clock and scripted
//! random draws: every decision of a call (retries and their waits, the token cache and its
//! shared refresh, Okta's retry headers, timeouts and aborts in each phase, paging cursors,
//! redaction, redirects, body validation before sending) without a network or a JS engine.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use idp_connections::client::exchange::TokenAnswer;
use idp_connections::client::{
    Action, Answer, Auth, Body, Call, CallOptions, Client, ClientConfig, Event, Exchange, Failure,
    Request, TokenFailure, TokenNeed,
};
use idp_connections::http::error::{ApiError, ErrorKind};
use idp_connections::http::operation::OpArgs;
use idp_connections::http::paging::PageBody;
use idp_connections::http::params::{ParamValue, Params};
use idp_connections::http::rate_limit::ResponseHeaders;
use idp_connections::http::request::Method;
use idp_connections::http::retry::Dialect;
use idp_connections::http::url::parse_origin;

/// 2023-11-14T22:13:20Z: the scripted clock's start.
const T0: f64 = 1_700_000_000_000.0;

const TOKEN: &str = "static-token-1234";
const SECRET: &str = "the-client-secret";

fn client(dialect: Dialect, auth: Auth) -> Client {
    let origin = match dialect {
        Dialect::Auth0 => parse_origin("domain", "acme.auth0.com").unwrap(),
        Dialect::Okta => parse_origin("orgUrl", "https://acme.okta.com").unwrap(),
    };
    Client::new(ClientConfig::new(dialect, origin, auth))
}

fn bearer() -> Auth {
    Auth::Static {
        scheme: "Bearer",
        token: TOKEN.into(),
    }
}

fn credentials() -> Auth {
    Auth::ClientCredentials {
        client_id: "cid".into(),
        client_secret: SECRET.into(),
        audience: "https://acme.auth0.com/api/v2/".into(),
    }
}

fn id(value: &str) -> OpArgs {
    OpArgs {
        id: Some(value.into()),
        ..OpArgs::default()
    }
}

fn headers(pairs: &[(&str, &str)]) -> ResponseHeaders {
    ResponseHeaders::new(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

fn answer(status: u16, pairs: &[(&str, &str)], body: Body) -> Event {
    Event::Answer(Box::new(Answer {
        status,
        headers: headers(pairs),
        to: None,
        body,
    }))
}

fn error_answer(status: u16, pairs: &[(&str, &str)], text: &str) -> Event {
    answer(status, pairs, Body::read(text, status, None))
}

fn ok_json() -> Event {
    answer(200, &[], Body::Json(PageBody::default()))
}

/// A call and the client it runs on, stepped by hand at scripted times.
struct Run {
    client: Client,
    call: Call,
    now: f64,
    random: f64,
}

impl Run {
    fn new(client: Client, op: &str, args: OpArgs) -> Self {
        Self::with(client, op, args, &CallOptions::default())
    }

    fn with(client: Client, op: &str, args: OpArgs, options: &CallOptions) -> Self {
        let call = Call::new(&client, op, args, options).unwrap();
        Run {
            client,
            call,
            now: T0,
            random: 0.5,
        }
    }

    /// Feeds `event`; the action that follows.
    fn feed(&mut self, event: Event) -> Action {
        self.call
            .handle(&mut self.client, event, self.now, self.random);
        self.call
            .poll()
            .expect("an action follows every awaited event")
    }

    /// After a wait: the timer fires, the turn comes, the request goes.
    fn retry(&mut self) -> Request {
        assert_eq!(self.feed(Event::TimerFired), Action::Turn);
        sent(self.feed(Event::Go))
    }

    /// Starts the call and lets it through its turn: the first action after `Go`.
    fn start(&mut self) -> Action {
        assert_eq!(self.feed(Event::Start), Action::Turn);
        self.feed(Event::Go)
    }
}

/// Operation `op` with `args` on an Auth0 client with a static token.
fn auth0(op: &str, args: OpArgs) -> Run {
    Run::new(client(Dialect::Auth0, bearer()), op, args)
}

/// `connections.get` of `c` on an Auth0 client with a static token, under `options`.
fn get_c(options: CallOptions) -> Run {
    Run::with(
        client(Dialect::Auth0, bearer()),
        "connections.get",
        id("c"),
        &options,
    )
}

fn sent(action: Action) -> Request {
    match action {
        Action::Send(request) => request,
        other => panic!("expected a request, got {other:?}"),
    }
}

fn waited(action: Action) -> f64 {
    match action {
        Action::Wait(ms) => ms,
        other => panic!("expected a wait, got {other:?}"),
    }
}

fn failed(action: Action) -> ApiError {
    match action {
        Action::Done(Err(error)) => error,
        other => panic!("expected an error, got {other:?}"),
    }
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers
        .iter()
        .rev()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

#[test]
fn a_get_is_sent_with_its_headers_and_succeeds() {
    let mut run = auth0("connections.get", id("con 1"));
    let request = sent(run.start());
    assert_eq!(request.method, Method::Get);
    assert_eq!(
        request.url,
        "https://acme.auth0.com/api/v2/connections/con%201"
    );
    assert_eq!(
        header(&request, "authorization"),
        Some("Bearer static-token-1234")
    );
    assert_eq!(header(&request, "accept"), Some("application/json"));
    assert_eq!(request.body, None);
    assert_eq!(request.timeout_ms, 60_000.0);
    match run.feed(ok_json()) {
        Action::Done(Ok(success)) => {
            assert_eq!(
                (success.status, success.json, success.page),
                (200, true, None)
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(run.call.is_over());
    // Nothing follows the end.
    run.call.handle(&mut run.client, Event::TimerFired, T0, 0.5);
    assert_eq!(run.call.poll(), None);
}

#[test]
fn a_429_is_retried_after_retry_after_then_ratelimit_reset_then_the_backoff() {
    let mut run = get_c(CallOptions {
        max_retries: Some(3),
        ..CallOptions::default()
    });
    sent(run.start());
    let limited = |pairs: &[(&str, &str)]| error_answer(429, pairs, r#"{"message":"slow down"}"#);
    assert_eq!(waited(run.feed(limited(&[("retry-after", "3")]))), 3000.0);
    run.retry();
    // X-RateLimit-Reset: epoch seconds, against the scripted clock.
    run.now = T0 + 500.0;
    let reset = limited(&[("x-ratelimit-reset", "1700000002")]);
    assert_eq!(waited(run.feed(reset)), 1500.0);
    run.retry();
    // No header: 1 s × 2^attempt with jitter; attempt 2, random 0 → 4000 × 0.8.
    run.random = 0.0;
    assert_eq!(waited(run.feed(limited(&[]))), 3200.0);
    run.retry();
    // Retries used up: the 429's error.
    let error = failed(run.feed(limited(&[("retry-after", "1")])));
    assert_eq!(error.status, Some(429));
    assert_eq!(error.message, "slow down");
}

#[test]
fn a_wait_asked_for_beyond_the_timeout_ends_the_call_with_the_answer() {
    let mut run = get_c(CallOptions {
        timeout_ms: Some(5_000.0),
        ..CallOptions::default()
    });
    sent(run.start());
    let error = failed(run.feed(error_answer(429, &[("retry-after", "30")], "")));
    assert_eq!(error.status, Some(429));
    assert!(
        error
            .message
            .ends_with("(not retried: the wait asked for exceeds the timeout of 5 s)"),
        "{}",
        error.message
    );
    // The client's own backoff is only shortened to the timeout.
    let mut run = get_c(CallOptions {
        timeout_ms: Some(300.0),
        ..CallOptions::default()
    });
    sent(run.start());
    assert_eq!(waited(run.feed(error_answer(503, &[], ""))), 300.0);
}

#[test]
fn post_and_patch_are_not_retried_after_a_network_error_or_a_5xx_but_get_is() {
    let create = OpArgs {
        body: Some(r#"{"name":"c1","strategy":"auth0"}"#.into()),
        ..OpArgs::default()
    };
    let mut run = auth0("connections.create", create.clone());
    let request = sent(run.start());
    assert_eq!(request.method, Method::Post);
    assert_eq!(request.body.as_deref(), create.body.as_deref());
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    let error = failed(run.feed(Event::Failed(Failure::Network("ECONNRESET".into()))));
    assert_eq!(error.kind, ErrorKind::Network);
    assert_eq!(
        error.message,
        "network error on POST /api/v2/connections: ECONNRESET"
    );

    let mut run = auth0("connections.create", create);
    sent(run.start());
    let error = failed(run.feed(error_answer(503, &[], "")));
    assert_eq!((error.kind, error.status), (ErrorKind::Api, Some(503)));

    let update = OpArgs {
        id: Some("c".into()),
        body: Some(r#"{"display_name":"x"}"#.into()),
        ..OpArgs::default()
    };
    let mut run = auth0("connections.update", update);
    assert_eq!(sent(run.start()).method, Method::Patch);
    assert_eq!(
        failed(run.feed(error_answer(500, &[], ""))).status,
        Some(500)
    );

    // A GET is retried after both; and a POST after a 429.
    let mut run = auth0("connections.get", id("c"));
    sent(run.start());
    assert_eq!(
        waited(run.feed(Event::Failed(Failure::Network("reset".into())))),
        1000.0
    );
    run.retry();
    assert_eq!(waited(run.feed(error_answer(502, &[], ""))), 2000.0);
    let create = OpArgs {
        body: Some(r#"{"name":"c1","strategy":"auth0"}"#.into()),
        ..OpArgs::default()
    };
    let mut run = auth0("connections.create", create);
    sent(run.start());
    assert_eq!(
        waited(run.feed(error_answer(429, &[("retry-after", "1")], ""))),
        1000.0
    );
}

#[test]
fn okta_retries_carry_x_okta_retry_for_and_count() {
    let auth = Auth::Static {
        scheme: "SSWS",
        token: "ssws-token-1".into(),
    };
    let args = id("0oa1");
    let op = "getDefaultProvisioningConnectionForApplication";
    let mut run = Run::new(client(Dialect::Okta, auth), op, args);
    let first = sent(run.start());
    assert_eq!(header(&first, "authorization"), Some("SSWS ssws-token-1"));
    assert_eq!(header(&first, "x-okta-retry-count"), None);
    // Okta's wait: X-Rate-Limit-Reset against the answer's Date, plus 1 s.
    let limited = error_answer(
        429,
        &[
            ("x-okta-request-id", "req-1"),
            ("x-rate-limit-reset", "1700000010"),
            ("date", "Tue, 14 Nov 2023 22:13:25 GMT"),
        ],
        r#"{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit"}"#,
    );
    assert_eq!(waited(run.feed(limited)), 6000.0);
    let retry = run.retry();
    assert_eq!(header(&retry, "x-okta-retry-for"), Some("req-1"));
    assert_eq!(header(&retry, "x-okta-retry-count"), Some("1"));
    // Auth0 sends no such headers.
    let mut run = auth0("connections.get", id("c"));
    sent(run.start());
    run.feed(error_answer(429, &[("x-request-id", "r")], ""));
    let retry = run.retry();
    assert_eq!(header(&retry, "x-okta-retry-count"), None);
}

/// Runs the exchange the client needs at `now` with `expires_in`, returning its token.
fn exchange(client: &mut Client, token: &str, expires_in: &str, now: f64) -> String {
    let exchange = Exchange::new(client).expect("a client-credentials client");
    let request = exchange.request().clone();
    assert_eq!(request.url, "https://acme.auth0.com/oauth/token");
    assert_eq!(
        request.body.as_deref(),
        Some(concat!(
            r#"{"grant_type":"client_credentials","client_id":"cid","#,
            r#""client_secret":"the-client-secret","audience":"https://acme.auth0.com/api/v2/"}"#
        ))
    );
    let text = format!(r#"{{"access_token":"{token}","expires_in":{expires_in}}}"#);
    let answer = TokenAnswer {
        status: 200,
        headers: ResponseHeaders::default(),
        to: None,
        text,
    };
    exchange.finish(client, Ok(answer), now).unwrap()
}

#[test]
fn one_exchange_is_shared_and_one_refresh_after_a_401_is_shared_by_concurrent_calls() {
    let mut shared = client(Dialect::Auth0, credentials());
    let mut a = Call::new(&shared, "connections.get", id("a"), &CallOptions::default()).unwrap();
    let mut b = Call::new(&shared, "connections.get", id("b"), &CallOptions::default()).unwrap();
    let step = |call: &mut Call, client: &mut Client, event| {
        call.handle(client, event, T0, 0.5);
        call.poll().unwrap()
    };
    for call in [&mut a, &mut b] {
        assert_eq!(step(call, &mut shared, Event::Start), Action::Turn);
    }
    // The first call starts the exchange; the second joins it.
    assert_eq!(
        step(&mut a, &mut shared, Event::Go),
        Action::Exchange { start: true }
    );
    assert_eq!(
        step(&mut b, &mut shared, Event::Go),
        Action::Exchange { start: false }
    );
    let token = exchange(&mut shared, "tok-one", "86400", T0);
    for call in [&mut a, &mut b] {
        let request = sent(step(call, &mut shared, Event::Token(token.clone())));
        assert_eq!(header(&request, "authorization"), Some("Bearer tok-one"));
    }
    // Both get a 401: one refresh for both.
    let unauthorized = || error_answer(401, &[], r#"{"message":"expired"}"#);
    assert_eq!(
        step(&mut a, &mut shared, unauthorized()),
        Action::Exchange { start: true }
    );
    assert_eq!(
        step(&mut b, &mut shared, unauthorized()),
        Action::Exchange { start: false }
    );
    let fresh = exchange(&mut shared, "tok-two", "86400", T0);
    for call in [&mut a, &mut b] {
        assert_eq!(
            step(call, &mut shared, Event::Token(fresh.clone())),
            Action::Turn
        );
        // The token now comes from the cache: no further exchange.
        let request = sent(step(call, &mut shared, Event::Go));
        assert_eq!(header(&request, "authorization"), Some("Bearer tok-two"));
    }
    // A second 401 is the call's error: one refresh per call.
    let error = failed(step(&mut a, &mut shared, unauthorized()));
    assert_eq!(
        (error.status, error.message.as_str()),
        (Some(401), "expired")
    );
}

#[test]
fn the_cached_token_is_refreshed_ten_seconds_before_it_expires() {
    let mut shared = client(Dialect::Auth0, credentials());
    assert_eq!(shared.tokens.need(T0), TokenNeed::Start);
    exchange(&mut shared, "tok-60s", "60", T0);
    assert_eq!(
        shared.tokens.need(T0 + 49_999.0),
        TokenNeed::Ready("tok-60s".into())
    );
    assert_eq!(shared.tokens.need(T0 + 50_000.0), TokenNeed::Start);
    assert_eq!(shared.tokens.need(T0 + 50_001.0), TokenNeed::Join);
    // Without expires_in, a day.
    exchange(&mut shared, "tok-day", "\"soon\"", T0);
    assert_eq!(
        shared.tokens.need(T0 + 86_389_999.0),
        TokenNeed::Ready("tok-day".into())
    );
    assert_eq!(shared.tokens.need(T0 + 86_390_000.0), TokenNeed::Start);
}

#[test]
fn a_refused_exchange_fails_every_waiting_call_without_the_secret() {
    let mut shared = client(Dialect::Auth0, credentials());
    assert_eq!(shared.tokens.need(T0), TokenNeed::Start);
    let exchange = Exchange::new(&shared).unwrap();
    let answer = TokenAnswer {
        status: 401,
        headers: ResponseHeaders::default(),
        to: None,
        text: format!(r#"{{"error":"access_denied","error_description":"bad secret {SECRET}"}}"#),
    };
    let error = exchange.finish(&mut shared, Ok(answer), T0).unwrap_err();
    assert_eq!(
        error.message,
        "client credentials were refused by /oauth/token: bad secret [redacted]"
    );
    assert!(
        !shared.tokens.exchanging(),
        "a failed exchange is no longer in flight"
    );
    let mut run = Run::new(shared, "connections.get", id("c"));
    assert_eq!(run.start(), Action::Exchange { start: true });
    let failure = TokenFailure::Rejected(Some(error.clone()));
    assert_eq!(failed(run.feed(Event::TokenFailed(failure))), error);
    // A token function: its failure, and an empty token.
    let mut run = Run::new(
        client(Dialect::Auth0, Auth::Provider),
        "connections.get",
        id("c"),
    );
    assert_eq!(run.start(), Action::Token);
    let error = failed(run.feed(Event::Token(String::new())));
    assert!(
        error.message.starts_with("the token function threw"),
        "{}",
        error.message
    );
    // Exchange answers without a token, redirected or timed out.
    let mut shared = client(Dialect::Auth0, credentials());
    let cases = [
        (Ok((200, "{}")), "/oauth/token answered without an access_token"),
        (Ok((302, "")), "POST /oauth/token: HTTP 302 redirect to an unknown location not followed (it would re-send credentials and body)"),
        (Err(Failure::Timeout), "no answer from /oauth/token within the timeout"),
        (Err(Failure::Network("reset".into())), "network error on POST /oauth/token"),
    ];
    for (answer, message) in cases {
        let answer = answer.map(|(status, text): (u16, &str)| TokenAnswer {
            status,
            headers: ResponseHeaders::default(),
            to: None,
            text: text.into(),
        });
        let error = Exchange::new(&shared)
            .unwrap()
            .finish(&mut shared, answer, T0)
            .unwrap_err();
        assert_eq!(error.message, message);
    }
}

#[test]
fn timeouts_and_aborts_end_the_call_in_every_phase() {
    let options = CallOptions {
        timeout_ms: Some(2_500.0),
        ..CallOptions::default()
    };
    let get = || {
        Run::with(
            client(Dialect::Auth0, Auth::Provider),
            "connections.get",
            id("c"),
            &options,
        )
    };
    // Before the first attempt: an abort, or the rate limiter's turn coming too late.
    let mut run = get();
    assert_eq!(run.feed(Event::Start), Action::Turn);
    let error = failed(run.feed(Event::Failed(Failure::Aborted)));
    assert_eq!(
        error.message,
        "the request was aborted by the caller's abortSignal"
    );
    let mut run = get();
    run.feed(Event::Start);
    let error = failed(run.feed(Event::Late));
    assert_eq!(error.kind, ErrorKind::Timeout);
    assert_eq!(
        error.message,
        "no turn from the rate limiter within the timeout of 2.5 s (GET /api/v2/connections/c)"
    );
    // Waiting for the token.
    let mut run = get();
    assert_eq!(run.start(), Action::Token);
    let error = failed(run.feed(Event::TokenFailed(TokenFailure::Timeout)));
    assert_eq!(
        error.message,
        "no access token within the timeout of 2.5 s (GET /api/v2/connections/c)"
    );
    let mut run = get();
    run.start();
    let error = failed(run.feed(Event::TokenFailed(TokenFailure::Aborted)));
    assert_eq!(error.kind, ErrorKind::Network);
    // Waiting for the answer.
    let mut run = get();
    run.start();
    assert_eq!(
        sent(run.feed(Event::Token("fn-token".into()))).timeout_ms,
        2_500.0
    );
    let error = failed(run.feed(Event::Failed(Failure::Timeout)));
    assert_eq!(
        error.message,
        "no response within the timeout of 2.5 s (GET /api/v2/connections/c)"
    );
    let mut run = get();
    run.start();
    run.feed(Event::Token("fn-token".into()));
    assert_eq!(
        failed(run.feed(Event::Failed(Failure::Aborted))).message,
        "the request was aborted by the caller's abortSignal"
    );
    // During the pause before a retry.
    let mut run = get();
    run.start();
    run.feed(Event::Token("fn-token".into()));
    waited(run.feed(error_answer(503, &[], "")));
    assert_eq!(
        failed(run.feed(Event::Failed(Failure::Aborted))).kind,
        ErrorKind::Network
    );
    // During the refresh after a 401 (a token function is asked again, after a turn).
    let mut run = get();
    run.start();
    run.feed(Event::Token("fn-token".into()));
    assert_eq!(run.feed(error_answer(401, &[], "")), Action::Turn);
    assert_eq!(run.feed(Event::Go), Action::Token);
    let error = failed(run.feed(Event::TokenFailed(TokenFailure::Timeout)));
    assert_eq!(error.kind, ErrorKind::Timeout);
}

#[test]
fn paging_follows_the_cursor_and_refuses_a_repeated_one() {
    let list = |from: Option<&str>| OpArgs {
        params: [("take".to_owned(), ParamValue::Number(2.0))]
            .into_iter()
            .chain(from.map(|cursor| ("from".to_owned(), ParamValue::Text(cursor.into()))))
            .collect::<Params>(),
        ..OpArgs::default()
    };
    let mut run = auth0("connections.list", list(None));
    let request = sent(run.start());
    assert_eq!(
        request.url,
        "https://acme.auth0.com/api/v2/connections?take=2"
    );
    let paged = run.call.paged();
    let body = Body::read(
        r#"{"connections":[{"id":"1"},{"id":"2"}],"next":"c2"}"#,
        200,
        paged,
    );
    match run.feed(answer(200, &[], body)) {
        Action::Done(Ok(success)) => {
            let page = success.page.expect("a list has a page");
            assert_eq!((page.items, page.next.as_deref()), (2, Some("c2")));
            let next = page.next_params.expect("a next page");
            assert_eq!(next.get("from"), Some(&ParamValue::Text("c2".into())));
        }
        other => panic!("{other:?}"),
    }
    // The server answers the cursor it was given as the next one: following it would loop.
    let mut run = auth0("connections.list", list(Some("c2")));
    sent(run.start());
    let body = Body::read(
        r#"{"connections":[{"id":"3"}],"next":"c2"}"#,
        200,
        run.call.paged(),
    );
    let error = failed(run.feed(answer(200, &[], body)));
    assert_eq!(
        error.message,
        "paging stopped: the server repeated the cursor \"c2\" as the next one (it would loop forever)"
    );
    // A 2xx body that is not JSON is an api error; an empty one a success without data.
    let mut run = auth0("connections.get", id("c"));
    sent(run.start());
    let error = failed(run.feed(answer(200, &[], Body::read("<html>", 200, None))));
    assert_eq!(
        error.message,
        "Auth0 answered HTTP 200 with a body that is not JSON"
    );
    let mut run = auth0("connections.delete", id("c"));
    sent(run.start());
    match run.feed(answer(204, &[], Body::read("", 204, None))) {
        Action::Done(Ok(success)) => assert_eq!((success.status, success.json), (204, false)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn redirects_are_refused_and_errors_never_hold_a_secret() {
    let mut run = auth0("connections.get", id("c"));
    sent(run.start());
    let redirect = Event::Answer(Box::new(Answer {
        status: 307,
        headers: headers(&[("x-request-id", "r-1")]),
        to: Some("https://elsewhere.example".into()),
        body: Body::read("", 307, None),
    }));
    let error = failed(run.feed(redirect));
    assert_eq!(
        error.message,
        "GET /api/v2/connections/c: HTTP 307 redirect to https://elsewhere.example not followed (it would re-send credentials and body)"
    );
    // A server echoing the token: redacted in every field.
    let mut run = auth0("connections.get", id("c"));
    sent(run.start());
    let echo = format!(r#"{{"message":"bad token {TOKEN}","errorCode":"{TOKEN}"}}"#);
    let error = failed(run.feed(error_answer(400, &[("x-request-id", TOKEN)], &echo)));
    let text = format!("{error:?}");
    assert!(!text.contains(TOKEN), "{text}");
    assert_eq!(error.message, "bad token [redacted]");
    // A token function's token too, once sent.
    let mut run = Run::new(
        client(Dialect::Auth0, Auth::Provider),
        "connections.get",
        id("c"),
    );
    run.start();
    sent(run.feed(Event::Token("fn-secret-token".into())));
    let error = failed(run.feed(error_answer(403, &[], r#"{"message":"fn-secret-token?"}"#)));
    assert_eq!(error.message, "[redacted]?");
}

#[test]
fn bodies_are_validated_before_anything_is_sent() {
    let shared = client(Dialect::Auth0, bearer());
    let broken = OpArgs {
        body: Some(r#"{"name":"bad name","strategy":"auth0"}"#.into()),
        ..OpArgs::default()
    };
    let error = Call::new(
        &shared,
        "connections.create",
        broken.clone(),
        &CallOptions::default(),
    )
    .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Validation);
    assert_eq!(error.issues[0].code.as_str(), "pattern");
    // The `off` policy sends it unchecked.
    let off = CallOptions {
        policy: Some(idp_connections::http::policy::SendPolicy::Off),
        ..CallOptions::default()
    };
    let call = Call::new(&shared, "connections.create", broken, &off).unwrap();
    assert_eq!(
        call.request().body.as_deref(),
        Some(r#"{"name":"bad name","strategy":"auth0"}"#)
    );
    // Path problems are refused too.
    let error = Call::new(
        &shared,
        "connections.get",
        id(".."),
        &CallOptions::default(),
    )
    .unwrap_err();
    assert_eq!(error.issues[0].code.as_str(), "pattern");
}

#[test]
fn error_bodies_are_read_capped_and_explained() {
    let long = format!(r#"{{"message":"{}"}}"#, "x".repeat(70_000));
    match Body::read(&long, 500, None) {
        Body::Error(text, fields) => {
            assert_eq!(text.chars().count(), 65_536);
            assert_eq!(fields, None, "a cut body is not JSON");
        }
        other => panic!("{other:?}"),
    }
    let okta = r#"{"errorCode":"E0000001","errorSummary":"Api validation failed","errorCauses":[{"errorSummary":"a"},"b",{"x":1}]}"#;
    match Body::read(okta, 400, None) {
        Body::Error(_, Some(fields)) => {
            assert_eq!(fields.error_code.as_deref(), Some("E0000001"));
            assert_eq!(fields.error_causes, ["a", "b"]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(Body::read("  \n", 200, None), Body::Blank);
}
