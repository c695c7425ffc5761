//! Property tests of the client's sans-I/O call core (`idp_connections::client`), driven by a
//! scripted, adversarial driver: every answer a server or a runtime could give, in any order the
//! core asks for (statuses from 0 to 599, retry headers of any shape, bodies that echo the token,
//! token functions that fail, exchanges that answer anything, aborts and timeouts at any wait).
//! Whatever comes, the call never panics, ends within a bounded number of steps, waits only
//! finite times within its timeout, sends no more attempts than its retries allow, never re-sends
//! a POST or PATCH that may have reached the server, and ends with an error that holds no secret.
//! `make test` runs the default case count; `make fuzz` runs hundreds of thousands.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use idp_connections::client::exchange::TokenAnswer;
use idp_connections::client::{
    Action, Answer, Auth, Body, Call, CallOptions, Client, ClientConfig, Event, Exchange, Failure,
    TokenFailure,
};
use idp_connections::http::operation::OpArgs;
use idp_connections::http::paging::PageBody;
use idp_connections::http::params::{ParamValue, Params};
use idp_connections::http::rate_limit::ResponseHeaders;
use idp_connections::http::request::Method;
use idp_connections::http::retry::Dialect;
use idp_connections::http::url::parse_origin;
use proptest::prelude::*;

mod common;
use common::{response_headers, READ_HEADERS};

/// The static token, and the client secret: neither may appear in any error.
const STATIC_TOKEN: &str = "static-tok-Qx7Lm2Rp9Vw4";
const SECRET: &str = "client-secret-Zr8Kd3Nf6Hj1";

/// The most events one call may take: retries (2 by default, 5 at most here) times the events
/// of one attempt (turn, token, send, wait), plus a refresh.
const MAX_EVENTS: usize = 64;

/// One operation to call and its arguments.
#[derive(Debug, Clone)]
struct Op {
    dialect: Dialect,
    name: &'static str,
    args: OpArgs,
}

fn ops() -> impl Strategy<Value = Op> {
    let id = || OpArgs {
        id: Some("con_1".into()),
        ..OpArgs::default()
    };
    let body = |text: &str| OpArgs {
        body: Some(text.into()),
        ..id()
    };
    let list = || {
        let mut params = Params::default();
        params.set("take", ParamValue::Number(2.0));
        OpArgs {
            params,
            ..OpArgs::default()
        }
    };
    let paged = || {
        let mut params = Params::default();
        params.set("per_page", ParamValue::Number(2.0));
        params.set("include_totals", ParamValue::Bool(true));
        OpArgs {
            params,
            ..OpArgs::default()
        }
    };
    let create = OpArgs {
        body: Some(r#"{"name":"c-1","strategy":"auth0"}"#.into()),
        ..OpArgs::default()
    };
    prop_oneof![
        Just(Op {
            dialect: Dialect::Auth0,
            name: "connections.get",
            args: id()
        }),
        Just(Op {
            dialect: Dialect::Auth0,
            name: "connections.list",
            args: list()
        }),
        Just(Op {
            dialect: Dialect::Auth0,
            name: "connections.list",
            args: paged()
        }),
        Just(Op {
            dialect: Dialect::Auth0,
            name: "connections.create",
            args: create
        }),
        Just(Op {
            dialect: Dialect::Auth0,
            name: "connections.update",
            args: body(r#"{"display_name":"X"}"#)
        }),
        Just(Op {
            dialect: Dialect::Auth0,
            name: "connections.delete",
            args: id()
        }),
        Just(Op {
            dialect: Dialect::Okta,
            name: "getDefaultProvisioningConnectionForApplication",
            args: OpArgs {
                id: Some("0oa1".into()),
                ..OpArgs::default()
            }
        }),
    ]
}

/// How the client authenticates: 0 a static token, 1 a token function, 2 client credentials.
fn auth(kind: u8, dialect: Dialect) -> Auth {
    match (kind % 3, dialect) {
        (0, Dialect::Okta) => Auth::Static {
            scheme: "SSWS",
            token: STATIC_TOKEN.into(),
        },
        (0, Dialect::Auth0) => Auth::Static {
            scheme: "Bearer",
            token: STATIC_TOKEN.into(),
        },
        (1, _) | (_, Dialect::Okta) => Auth::Provider,
        _ => Auth::ClientCredentials {
            client_id: "cid".into(),
            client_secret: SECRET.into(),
            audience: "https://acme.auth0.com/api/v2/".into(),
        },
    }
}

/// What the scripted driver answers the next time the core asks for something: one draw per
/// step, read according to the action it answers.
#[derive(Debug, Clone)]
struct Reply {
    /// Which kind of event (read modulo the choices the action has).
    pick: u8,
    status: u16,
    headers: ResponseHeaders,
    /// A body text; `echo` puts the last token in it (a hostile or careless server).
    text: String,
    echo: bool,
    page: (usize, Option<String>, Option<u64>),
    /// A fresh token's suffix.
    token: String,
}

fn replies() -> impl Strategy<Value = Vec<Reply>> {
    let status = prop_oneof![
        3 => prop::sample::select(vec![200u16, 201, 202, 204, 401, 404, 409, 429, 500, 502, 503, 504]),
        1 => 0u16..600,
    ];
    let text = prop_oneof![
        Just(String::new()),
        Just(r#"{"statusCode":429,"error":"Too Many Requests","message":"Global limit has been reached","errorCode":"too_many_requests"}"#.to_owned()),
        Just(r#"{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit","errorCauses":[]}"#.to_owned()),
        Just("<html><body>502 Bad Gateway</body></html>".to_owned()),
        "\\PC{0,40}",
    ];
    let reply = (
        any::<u8>(),
        status,
        response_headers(READ_HEADERS, 4),
        text,
        any::<bool>(),
        (
            0usize..5,
            prop::option::of("[a-z0-9]{0,6}"),
            prop::option::of(0u64..20),
        ),
        "[A-Za-z0-9]{10,16}",
    )
        .prop_map(|(pick, status, headers, text, echo, page, token)| Reply {
            pick,
            status,
            headers,
            text,
            echo,
            page,
            token,
        });
    prop::collection::vec(reply, MAX_EVENTS)
}

/// What happened during one call, for the properties.
#[derive(Default)]
struct Log {
    sends: u32,
    /// Sends after an answer or failure that forbids re-sending a POST or PATCH.
    resent_after_unsafe: bool,
    /// Every token handed to the core, and the secret: none may be in an error.
    secrets: Vec<String>,
    ended: bool,
}

/// Drives one call with the scripted `replies`; checks the per-step properties as it goes.
fn drive(op: &Op, auth_kind: u8, options: &CallOptions, replies: &[Reply], now0: f64) -> Log {
    let origin = match op.dialect {
        Dialect::Auth0 => parse_origin("domain", "acme.auth0.com").unwrap(),
        Dialect::Okta => parse_origin("orgUrl", "https://acme.okta.com").unwrap(),
    };
    let mut client = Client::new(ClientConfig::new(
        op.dialect,
        origin,
        auth(auth_kind, op.dialect),
    ));
    let max_retries = options.max_retries.unwrap_or(client.config().max_retries);
    let timeout = options.timeout_ms.unwrap_or(client.config().timeout_ms);
    let mut call = Call::new(&client, op.name, op.args.clone(), options)
        .expect("every scripted operation builds");
    let method = call.request().method;
    let unsafe_method = matches!(method, Method::Post | Method::Patch);
    let mut log = Log {
        secrets: vec![STATIC_TOKEN.to_owned(), SECRET.to_owned()],
        ..Log::default()
    };
    let mut no_resend = false;
    let mut last_token = STATIC_TOKEN.to_owned();
    let mut now = now0;
    let mut event = Event::Start;
    for (step, reply) in replies.iter().enumerate() {
        call.handle(&mut client, event, now, f64::from(reply.pick) / 256.0);
        let action = call.poll().expect("an action follows every awaited event");
        assert!(call.poll().is_none(), "one action per event");
        now += 1.0 + f64::from(reply.pick);
        event = match action {
            Action::Done(result) => {
                if let Err(error) = result {
                    let shown = format!("{error:?}");
                    for secret in &log.secrets {
                        assert!(!shown.contains(secret.as_str()), "{secret} in {shown}");
                    }
                }
                assert!(call.is_over());
                // Nothing more: any further event is ignored.
                call.handle(&mut client, Event::TimerFired, now, 0.5);
                assert!(call.poll().is_none());
                log.ended = true;
                return log;
            }
            Action::Turn => match reply.pick % 8 {
                0 => Event::Failed(Failure::Aborted),
                1 => Event::Late,
                _ => Event::Go,
            },
            Action::Token => match reply.pick % 8 {
                0 => Event::TokenFailed(TokenFailure::Timeout),
                1 => Event::TokenFailed(TokenFailure::Rejected(None)),
                2 => Event::TokenFailed(TokenFailure::Aborted),
                3 => Event::Token(String::new()),
                _ => {
                    last_token = format!("fn-token-{}", reply.token);
                    log.secrets.push(last_token.clone());
                    Event::Token(last_token.clone())
                }
            },
            Action::Exchange { start } => {
                if start {
                    // Run the exchange itself against an answer of any shape.
                    let exchange = Exchange::new(&client).expect("a client-credentials client");
                    assert!(exchange
                        .request()
                        .body
                        .as_deref()
                        .is_some_and(|body| body.contains(SECRET)));
                    let fresh = format!("ex-token-{}", reply.token);
                    log.secrets.push(fresh.clone());
                    let text = match reply.pick % 4 {
                        0 => format!(r#"{{"access_token":"{fresh}","expires_in":86400}}"#),
                        1 => format!(
                            r#"{{"access_token":"{fresh}","expires_in":{}}}"#,
                            reply.status
                        ),
                        2 => format!(
                            r#"{{"error":"access_denied","error_description":"bad {SECRET}"}}"#
                        ),
                        _ => reply.text.clone(),
                    };
                    let answer = if reply.pick % 16 == 15 {
                        Err(Failure::Network("refused".into()))
                    } else {
                        Ok(TokenAnswer {
                            status: if reply.pick % 4 < 2 {
                                200
                            } else {
                                reply.status
                            },
                            headers: reply.headers.clone(),
                            to: None,
                            text,
                        })
                    };
                    match exchange.finish(&mut client, answer, now) {
                        Ok(token) => {
                            last_token = token.clone();
                            Event::Token(token)
                        }
                        Err(error) => {
                            let shown = format!("{error:?}");
                            assert!(!shown.contains(SECRET), "{shown}");
                            Event::TokenFailed(TokenFailure::Rejected(Some(error)))
                        }
                    }
                } else {
                    Event::TokenFailed(TokenFailure::Timeout)
                }
            }
            Action::Send(request) => {
                log.sends += 1;
                if unsafe_method && no_resend {
                    log.resent_after_unsafe = true;
                }
                assert!(request.timeout_ms.is_finite() && request.timeout_ms > 0.0);
                assert!(request
                    .headers
                    .iter()
                    .any(|(name, value)| name == "authorization" && value.ends_with(&last_token)));
                match reply.pick % 10 {
                    0 => {
                        no_resend = true;
                        Event::Failed(Failure::Network("connection reset".into()))
                    }
                    1 => Event::Failed(Failure::Timeout),
                    _ => {
                        if reply.status >= 500 {
                            no_resend = true;
                        }
                        let text = if reply.echo {
                            format!(r#"{{"message":"invalid token {last_token}"}}"#)
                        } else {
                            reply.text.clone()
                        };
                        let body = if (200..300).contains(&reply.status) {
                            match reply.pick % 3 {
                                0 => Body::Blank,
                                1 => Body::NotJson(text),
                                _ => Body::Json(PageBody {
                                    items: reply.page.0,
                                    next: reply.page.1.clone().filter(|next| !next.is_empty()),
                                    total: reply.page.2,
                                    start: reply.page.2.map(|_| 0),
                                    limit: reply.page.2.map(|_| 2),
                                }),
                            }
                        } else {
                            Body::read(&text, reply.status, None)
                        };
                        Event::Answer(Box::new(Answer {
                            status: reply.status,
                            headers: reply.headers.clone(),
                            to: (reply.pick % 5 == 0).then(|| "https://elsewhere.example".into()),
                            body,
                        }))
                    }
                }
            }
            Action::Wait(ms) => {
                assert!(ms.is_finite() && ms >= 0.0, "wait {ms}");
                assert!(ms <= timeout, "wait {ms} beyond the timeout {timeout}");
                now += ms;
                if reply.pick % 13 == 0 {
                    Event::Failed(Failure::Aborted)
                } else {
                    Event::TimerFired
                }
            }
        };
        // Sends are bounded: the retries, plus one re-send after a refreshed token.
        assert!(
            log.sends <= max_retries + 2,
            "{} sends with {max_retries} retries at step {step}",
            log.sends
        );
    }
    log
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_call_ends_without_a_panic_a_leak_or_an_unsafe_resend(
        op in ops(),
        auth_kind in 0u8..3,
        timeout in prop::option::of(prop_oneof![1.0f64..5_000.0, Just(60_000.0)]),
        retries in prop::option::of(0u32..5),
        replies in replies(),
        now in prop_oneof![Just(1_700_000_000_000.0f64), 0.0f64..4e12],
    ) {
        let options = CallOptions {
            timeout_ms: timeout,
            max_retries: retries,
            ..CallOptions::default()
        };
        let log = drive(&op, auth_kind, &options, &replies, now);
        prop_assert!(log.ended, "the call did not end within {} events", MAX_EVENTS);
        prop_assert!(!log.resent_after_unsafe, "a {} was sent again after it may have reached the server", op.name);
    }
}
