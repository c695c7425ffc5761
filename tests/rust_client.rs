//! The Rust async API (`--features rust-client`) against the local tenant, in Node through
//! wasm-bindgen-test-runner: `make test-rust-client` starts the tenant on a free port and passes
//! its origin in `IDP_TENANT_URL` (read from `process.env` at run time).
#![cfg(all(target_arch = "wasm32", feature = "rust-client"))]

use gloo_net::http::Request;
use idp_connections::auth0::models::{
    AddSynchronizedGroupsRequestContent, CreateConnectionRequestContent,
    CreateScimTokenRequestContent, RotateConnectionKeysRequestContent, SynchronizedGroupPayload,
    UpdateConnectionRequestContent,
};
use idp_connections::okta::models::{
    ProvisioningConnectionTokenRequest, ProvisioningConnectionTokenRequestProfile,
};
use idp_connections::rust_client::{
    CheckpointParams, ClientOptions, Credentials, ErrorKind, ListConnectionsParams,
    ListSynchronizedGroupsParams, ManagementClient, ManagementError, OktaClient,
    ProvisioningConnectionRequest, RateLimiter, RequestOptions, WaitReason,
};
use idp_connections::rust_client::{SendPolicy, TokenProvider};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::future::{poll_fn, Future};
use std::rc::Rc;
use std::task::Poll;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// The static token the tenant accepts.
const TOKEN: &str = "local-token";

/// The local tenant's origin, from `process.env.IDP_TENANT_URL`.
fn tenant() -> String {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key));
    let env = get(&js_sys::global(), "process").and_then(|process| get(&process, "env"));
    env.and_then(|env| get(&env, "IDP_TENANT_URL"))
        .ok()
        .and_then(|url| url.as_string())
        .expect("IDP_TENANT_URL names the local tenant (make test-rust-client sets it)")
}

/// A client of the tenant with the static token.
fn client() -> ManagementClient {
    ManagementClient::new(ClientOptions::with_token(tenant(), TOKEN).max_retries(2))
        .expect("valid options")
}

/// POSTs `body` to a control endpoint.
async fn control(path: &str, body: Value) {
    let url = format!("{}/__control/{path}", tenant());
    let response = Request::post(&url)
        .header("content-type", "application/json")
        .body(body.to_string())
        .expect("a request")
        .send()
        .await
        .expect("the tenant answers");
    assert_eq!(response.status(), 204, "control {path}");
}

/// Resets the tenant to `count` generated connections (the request log emptied, no faults).
async fn reset(count: u32) {
    control("reset", json!({"seed": {"bulk": count}})).await;
    let url = format!("{}/__control/faults", tenant());
    let cleared = Request::delete(&url)
        .header("content-type", "application/json")
        .send()
        .await
        .expect("the tenant answers");
    assert_eq!(cleared.status(), 204);
}

/// The tenant's request log: `[{ method, rawPath, status, … }]`.
async fn requests() -> Vec<Value> {
    let url = format!("{}/__control/requests", tenant());
    let response = Request::get(&url).send().await.expect("the tenant answers");
    let text = response.text().await.expect("the log");
    serde_json::from_str(&text).expect("a JSON log")
}

/// The log's entries for `method` on paths starting with `path`.
async fn logged(method: &str, path: &str) -> Vec<Value> {
    let log = requests().await;
    log.into_iter()
        .filter(|entry| entry["method"] == method)
        .filter(|entry| {
            entry["rawPath"]
                .as_str()
                .is_some_and(|p| p.starts_with(path))
        })
        .collect()
}

/// The statuses the log holds for `method` on paths starting with `path`.
async fn statuses(method: &str, path: &str) -> Vec<i64> {
    let log = logged(method, path).await;
    log.iter()
        .filter_map(|entry| entry["status"].as_i64())
        .collect()
}

/// When the tenant received each GET on paths starting with `path` (epoch ms, its clock: the
/// same machine's as the tests').
async fn arrivals(path: &str) -> Vec<f64> {
    let log = logged("GET", path).await;
    log.iter()
        .filter_map(|entry| entry["time"].as_f64())
        .collect()
}

/// Both futures' outputs, polled together (two calls in flight at once).
async fn join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (Box::pin(a), Box::pin(b));
    let (mut first, mut second) = (None, None);
    poll_fn(|cx| {
        if first.is_none() {
            if let Poll::Ready(value) = a.as_mut().poll(cx) {
                first = Some(value);
            }
        }
        if second.is_none() {
            if let Poll::Ready(value) = b.as_mut().poll(cx) {
                second = Some(value);
            }
        }
        match (first.take(), second.take()) {
            (Some(one), Some(two)) => Poll::Ready((one, two)),
            (one, two) => {
                (first, second) = (one, two);
                Poll::Pending
            }
        }
    })
    .await
}

/// Polls `future` for `ms` milliseconds, then drops it (a component unmounted mid-call).
async fn abandon<F: Future>(future: F, ms: u32) {
    let mut future = Box::pin(future);
    let mut timer = gloo_timers::future::TimeoutFuture::new(ms);
    poll_fn(|cx| {
        if future.as_mut().poll(cx).is_ready() {
            panic!("the call ended before it was abandoned");
        }
        if std::pin::Pin::new(&mut timer).poll(cx).is_ready() {
            return Poll::Ready(());
        }
        Poll::Pending
    })
    .await;
}

/// The error of a call that must fail.
fn failure<T: std::fmt::Debug>(result: Result<T, ManagementError>) -> ManagementError {
    result.expect_err("the call must fail")
}

#[wasm_bindgen_test]
async fn list_pages_by_checkpoint_and_by_offset() {
    reset(7).await;
    let client = client();
    let connections = client.connections();
    let first = connections
        .list(ListConnectionsParams {
            take: Some(3),
            ..Default::default()
        })
        .await
        .expect("first page");
    assert_eq!(first.items.len(), 3);
    assert!(first.has_next_page());
    let cursor = first.next.clone().expect("a checkpoint cursor");
    let second = first.next_page().await.expect("second page").expect("one");
    assert_eq!(second.items[0].id.as_deref(), Some(cursor.as_str()));
    assert_eq!(
        second.next_params.as_ref().and_then(|p| p.take),
        Some(3),
        "the next parameters keep take"
    );

    let every = connections
        .list_all(ListConnectionsParams {
            take: Some(2),
            ..Default::default()
        })
        .collect_all()
        .await
        .expect("every connection");
    let mut ids: Vec<String> = every.iter().filter_map(|c| c.id.clone()).collect();
    assert_eq!(ids.len(), 7);
    ids.dedup();
    assert_eq!(ids.len(), 7);

    let offset = connections
        .list(ListConnectionsParams {
            per_page: Some(3),
            include_totals: Some(true),
            ..Default::default()
        })
        .await
        .expect("offset page");
    assert_eq!((offset.total, offset.start), (Some(7), Some(0)));
    assert_eq!(offset.next_params.as_ref().and_then(|p| p.page), Some(1));
    let mut pager = offset.into_pager();
    let mut names = Vec::new();
    while let Some(item) = pager.next().await {
        names.push(item.expect("an item").name.expect("a name"));
    }
    assert_eq!(names.len(), 7);
    assert_eq!(names[6], "bulk-00006");
    // A page that fails ends the pager with its error.
    let mut failing = connections.list_all(ListConnectionsParams {
        take: Some(3),
        ..Default::default()
    });
    for _ in 0..3 {
        failing
            .next()
            .await
            .expect("an item")
            .expect("the first page");
    }
    control(
        "faults",
        json!({"method": "GET", "path": "/connections", "status": 400,
               "body": {"message": "Invalid cursor", "errorCode": "invalid_paging"}}),
    )
    .await;
    let error = failing
        .next()
        .await
        .expect("an end")
        .expect_err("the second page");
    assert_eq!(error.error_code(), Some("invalid_paging"));
    assert!(failing.next().await.is_none(), "nothing after the error");
    // Two checkpoint pages of 3, a checkpoint page per 2 items, three offset pages of 3, then
    // the failing pager's two pages.
    assert_eq!(
        statuses("GET", "/api/v2/connections?").await.len(),
        2 + 4 + 3 + 2
    );
}

#[wasm_bindgen_test]
async fn create_get_update_delete_round_trip() {
    reset(2).await;
    let client = client();
    let connections = client.connections();
    let body: CreateConnectionRequestContent = serde_json::from_value(json!({
        "name": "rust-db",
        "strategy": "auth0",
        "display_name": "From Rust",
        "metadata": {"team": "rust"}
    }))
    .expect("a create body");
    let created = connections.create(&body).await.expect("created");
    let id = created.id.clone().expect("an id");
    assert_eq!(created.name.as_deref(), Some("rust-db"));
    assert_eq!(created.strategy.as_deref(), Some("auth0"));

    let got = connections.get(&id).await.expect("got");
    assert_eq!(got.display_name.as_deref(), Some("From Rust"));

    let change = UpdateConnectionRequestContent {
        display_name: Some("Renamed in Rust".to_owned()),
        ..Default::default()
    };
    let updated = connections.update(&id, &change).await.expect("updated");
    assert_eq!(updated.display_name.as_deref(), Some("Renamed in Rust"));
    assert_eq!(updated.name.as_deref(), Some("rust-db"));

    connections.delete(&id).await.expect("deleted");
    let gone = failure(connections.get(&id).await);
    assert_eq!(gone.status(), Some(404));
    assert_eq!(gone.kind(), ErrorKind::Api);
}

#[wasm_bindgen_test]
async fn an_error_answer_is_a_typed_error_without_the_token() {
    reset(2).await;
    let client = client();
    let connections = client.connections();
    let missing = failure(connections.get("con_missing").await);
    assert_eq!(missing.kind(), ErrorKind::Api);
    assert_eq!(missing.status(), Some(404));
    assert_eq!(missing.error_code(), Some("inexistent_connection"));
    assert_eq!(missing.message(), "The connection does not exist");
    let request_id = missing.request_id().expect("a request id").to_owned();
    assert!(!request_id.is_empty());
    let line = missing.to_string();
    assert!(line.contains("HTTP 404 inexistent_connection"), "{line}");
    assert!(line.contains(&request_id), "{line}");

    // A server echoing the token: the error keeps its place, never the token.
    control(
        "faults",
        json!({"method": "GET", "path": "/connections/con_echo", "status": 400,
               "body": {"message": format!("bad bearer {TOKEN}"), "errorCode": "echo"}}),
    )
    .await;
    let echoed = failure(connections.get("con_echo").await);
    assert_eq!(echoed.error_code(), Some("echo"));
    let shown = format!("{echoed} {echoed:?}");
    assert!(!shown.contains(TOKEN), "{shown}");
    assert!(echoed.message().contains("[redacted]"), "{shown}");
    let boxed: Box<dyn std::error::Error> = Box::new(echoed);
    assert!(!boxed.to_string().contains(TOKEN));
}

/// A redirect is never followed; its error names only the origin the `Location` points to,
/// resolved as a URL parser resolves it (a relative one is the tenant's own), never its path or
/// query.
#[wasm_bindgen_test]
async fn a_redirect_names_the_origin_it_points_to_and_nothing_more() {
    reset(1).await;
    let client = client();
    let connections = client.connections();
    for (id, location, origin) in [
        ("con_rel", "/login?next=x&code=leak-me", tenant()),
        (
            "con_abs",
            "https://user:pw@evil.example:8443/x?code=leak-me",
            "https://evil.example:8443".to_owned(),
        ),
        (
            "con_sch",
            "//evil.example/x?code=leak-me",
            "http://evil.example".to_owned(),
        ),
    ] {
        control(
            "faults",
            json!({"method": "GET", "path": format!("/connections/{id}"), "status": 302,
                   "headers": {"location": location}}),
        )
        .await;
        let error = failure(connections.get(id).await);
        let shown = format!("{error} {error:?}");
        let expected = format!("redirect to {origin} not followed");
        assert!(error.message().contains(&expected), "{location}: {shown}");
        assert!(
            !shown.contains("leak-me") && !shown.contains("pw@"),
            "{shown}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_bad_body_is_refused_before_any_request() {
    reset(2).await;
    let body: CreateConnectionRequestContent =
        serde_json::from_value(json!({"name": "not a valid name!", "strategy": "auth0"}))
            .expect("a body");
    let refused = failure(client().connections().create(&body).await);
    assert_eq!(refused.kind(), ErrorKind::Validation);
    assert_eq!(refused.status(), None);
    let issue = refused.issues().first().expect("an issue");
    assert_eq!(issue.code.as_str(), "pattern");
    assert!(refused.message().contains("name"), "{}", refused.message());
    // A path that cannot be sent is refused too.
    let dot = failure(client().connections().get("..").await);
    assert_eq!(dot.kind(), ErrorKind::Validation);
    assert!(
        requests().await.is_empty(),
        "nothing reached the tenant: {:?}",
        requests().await
    );
}

#[wasm_bindgen_test]
async fn a_429_is_retried_after_the_wait_it_asks_for() {
    reset(3).await;
    let path = "/api/v2/connections/con_0000000000000001";
    control(
        "faults",
        json!({"method": "GET", "path": path, "status": 429, "times": 2,
               "headers": {"retry-after": "0.05"}, "body": {"message": "slow down"}}),
    )
    .await;
    let got = client()
        .connections()
        .get("con_0000000000000001")
        .await
        .expect("the third attempt answers");
    assert_eq!(got.name.as_deref(), Some("bulk-00000"));
    assert_eq!(statuses("GET", path).await, [429, 429, 200]);

    // Out of retries: the 429 itself, typed.
    control(
        "faults",
        json!({"method": "GET", "path": path, "status": 429, "times": 3,
               "headers": {"retry-after": "0"}, "body": {"message": "slow down", "errorCode": "too_many_requests"}}),
    )
    .await;
    let limited = failure(client().connections().get("con_0000000000000001").await);
    assert_eq!(limited.status(), Some(429));
    assert_eq!(limited.error_code(), Some("too_many_requests"));
}

#[wasm_bindgen_test]
async fn client_credentials_are_exchanged_once_and_refused_without_the_secret() {
    reset(4).await;
    let options = ClientOptions::with_client_credentials(tenant(), "local-client", "local-secret");
    let client = ManagementClient::new(options).expect("valid options");
    let page = client
        .connections()
        .list(ListConnectionsParams::default())
        .await
        .expect("listed with an exchanged token");
    assert_eq!(page.items.len(), 4);
    client
        .connections()
        .get("con_0000000000000001")
        .await
        .expect("the cached token");
    assert_eq!(
        statuses("POST", "/oauth/token").await,
        [200],
        "one exchange"
    );
    let log = requests().await;
    assert!(log
        .iter()
        .filter(|entry| entry["rawPath"]
            .as_str()
            .is_some_and(|p| p.starts_with("/api/")))
        .all(|entry| entry["authScheme"] == "Bearer"));

    let secret = "wrong-secret-value";
    let refused = ManagementClient::new(ClientOptions::with_client_credentials(
        tenant(),
        "local-client",
        secret,
    ))
    .expect("valid options");
    let error = failure(
        refused
            .connections()
            .list(ListConnectionsParams::default())
            .await,
    );
    assert_eq!(error.status(), Some(401));
    assert!(error.message().contains("/oauth/token"), "{error}");
    assert!(!format!("{error} {error:?}").contains(secret));
}

#[wasm_bindgen_test]
async fn okta_get_and_update() {
    reset(1).await;
    let okta = OktaClient::new(ClientOptions::new(
        tenant(),
        Credentials::ApiToken("local-okta-token".to_owned()),
    ))
    .expect("valid options");
    let got = okta
        .get_default_provisioning_connection_for_application("0oa-org2org")
        .await
        .expect("got");
    assert_eq!(got.status, "DISABLED");
    assert_eq!(got.auth_scheme.as_deref(), Some("TOKEN"));

    let body = ProvisioningConnectionRequest::Token(ProvisioningConnectionTokenRequest {
        profile: ProvisioningConnectionTokenRequestProfile {
            auth_scheme: "TOKEN".to_owned(),
            token: Some("provisioning-token".to_owned()),
            ..Default::default()
        },
        base_url: Some("https://org2org.example".to_owned()),
        ..Default::default()
    });
    let updated = okta
        .update_default_provisioning_connection_for_application("0oa-org2org", &body, Some(true))
        .await
        .expect("updated");
    assert_eq!(updated.status, "ENABLED");
    assert_eq!(updated.base_url.as_deref(), Some("https://org2org.example"));
    let log = requests().await;
    let sent = log.last().expect("the update was logged");
    assert_eq!(sent["query"], "?activate=true");
    assert_eq!(sent["authScheme"], "SSWS");

    let missing = failure(
        okta.get_default_provisioning_connection_for_application("0oa-missing")
            .await,
    );
    assert_eq!(missing.status(), Some(404));
    assert_eq!(missing.error_code(), Some("E0000007"));
    assert!(missing
        .request_id()
        .is_some_and(|id| id.starts_with("okta-")));
    let jwks = okta
        .get_user_provisioning_connection_jwks("0oa-org2org")
        .await
        .expect("jwks");
    assert_eq!(jwks.jwks.keys.len(), 1);

    okta.deactivate_default_provisioning_connection_for_application("0oa-org2org")
        .await
        .expect("deactivated");
    let off = okta
        .get_default_provisioning_connection_for_application("0oa-org2org")
        .await
        .expect("got");
    assert_eq!(off.status, "DISABLED");
    okta.activate_default_provisioning_connection_for_application("0oa-org2org")
        .await
        .expect("activated");
    okta.verify_provisioning_connection_for_application(
        "office365",
        "0oa-office365",
        Some("c d"),
        Some("s"),
    )
    .await
    .expect("verified");
    let log = requests().await;
    let verify = log.last().expect("logged");
    assert_eq!(
        verify["rawPath"],
        "/api/v1/apps/office365/0oa-office365/oauth2/callback?code=c%20d&state=s"
    );
    let strict = okta.with_request_options(&RequestOptions {
        validation: Some(SendPolicy::Strict),
        ..Default::default()
    });
    let before = requests().await.len();
    let unknown = failure(
        strict
            .verify_provisioning_connection_for_application("salesforce", "0oa-org2org", None, None)
            .await,
    );
    assert_eq!(unknown.kind(), ErrorKind::Validation);
    assert_eq!(unknown.issues()[0].code.as_str(), "enum");
    assert_eq!(requests().await.len(), before, "nothing sent");
}

#[wasm_bindgen_test]
async fn scim_configurations_page_and_bad_options_are_refused() {
    reset(1).await;
    let page = client()
        .connections()
        .scim_configuration()
        .list(CheckpointParams::default())
        .await
        .expect("a page");
    assert!(page.items.is_empty());
    assert!(!page.has_next_page());
    let error = ManagementClient::new(ClientOptions::with_token("http://acme.auth0.com", "t"))
        .expect_err("plain http to a remote host");
    assert_eq!(error.kind(), ErrorKind::Validation);
    assert!(error.message().contains("loopback"), "{error}");
    let okta_secret = OktaClient::new(ClientOptions::with_client_credentials(tenant(), "a", "b"));
    assert!(okta_secret.is_err());
}

#[wasm_bindgen_test]
async fn concurrent_calls_share_one_exchange_and_a_401_refreshes_once() {
    reset(3).await;
    // A slow exchange, so the second call arrives while the first one's is in flight.
    control(
        "faults",
        json!({"method": "POST", "path": "/oauth/token", "delayMs": 150}),
    )
    .await;
    let options = ClientOptions::with_client_credentials(tenant(), "local-client", "local-secret");
    let client = ManagementClient::new(options).expect("valid options");
    let connections = client.connections();
    let (listed, got) = join(
        connections.list(ListConnectionsParams::default()),
        connections.get("con_0000000000000002"),
    )
    .await;
    assert_eq!(listed.expect("listed").items.len(), 3);
    assert_eq!(got.expect("got").name.as_deref(), Some("bulk-00001"));
    assert_eq!(
        statuses("POST", "/oauth/token").await,
        [200],
        "one shared exchange"
    );

    let path = "/api/v2/connections/con_0000000000000003";
    control(
        "faults",
        json!({"method": "GET", "path": path, "status": 401}),
    )
    .await;
    let refreshed = connections
        .get("con_0000000000000003")
        .await
        .expect("answered after one refresh");
    assert_eq!(refreshed.name.as_deref(), Some("bulk-00002"));
    assert_eq!(statuses("GET", path).await, [401, 200]);
    assert_eq!(statuses("POST", "/oauth/token").await, [200, 200]);
}

#[wasm_bindgen_test]
async fn timeouts_drops_and_the_validation_policy() {
    reset(2).await;
    let path = "/api/v2/connections/con_0000000000000001";
    control(
        "faults",
        json!({"method": "GET", "path": path, "delayMs": 1500}),
    )
    .await;
    let patient = client();
    let impatient = patient.with_request_options(&RequestOptions {
        timeout: Some(Duration::from_millis(300)),
        max_retries: Some(0),
        ..Default::default()
    });
    let late = failure(impatient.connections().get("con_0000000000000001").await);
    assert_eq!(late.kind(), ErrorKind::Timeout);
    assert!(
        late.message().contains("within the timeout of 0.3 s"),
        "{late}"
    );
    assert_eq!(statuses("GET", path).await.len(), 1, "not retried");
    // The client's own calls keep its timeout (60 s).
    control(
        "faults",
        json!({"method": "GET", "path": path, "delayMs": 400}),
    )
    .await;
    patient
        .connections()
        .get("con_0000000000000001")
        .await
        .expect("answered within the client's timeout");
    // The client's timeout option.
    let short = ClientOptions::with_token(tenant(), TOKEN).timeout(Duration::from_millis(300));
    let short = ManagementClient::new(short.max_retries(0)).expect("valid options");
    control(
        "faults",
        json!({"method": "GET", "path": path, "delayMs": 1500}),
    )
    .await;
    let late = failure(short.connections().get("con_0000000000000001").await);
    assert_eq!(late.kind(), ErrorKind::Timeout);

    // A dropped connection: a GET is tried again, a POST is not (it may have been applied).
    reset(2).await;
    control(
        "faults",
        json!({"method": "GET", "path": path, "drop": true}),
    )
    .await;
    client()
        .connections()
        .get("con_0000000000000001")
        .await
        .expect("the second attempt answers");
    assert_eq!(statuses("GET", path).await, [-1, 200]);
    control(
        "faults",
        json!({"method": "POST", "path": "/api/v2/connections", "drop": true}),
    )
    .await;
    let body: CreateConnectionRequestContent =
        serde_json::from_value(json!({"name": "dropped", "strategy": "auth0"})).expect("a body");
    let dropped = failure(client().connections().create(&body).await);
    assert_eq!(dropped.kind(), ErrorKind::Network);
    assert_eq!(statuses("POST", "/api/v2/connections").await.len(), 1);

    // Validation off: the broken body goes to the server, which refuses it.
    let broken: CreateConnectionRequestContent =
        serde_json::from_value(json!({"name": "not a valid name!", "strategy": "auth0"}))
            .expect("a body");
    let unchecked = ManagementClient::new(
        ClientOptions::with_token(tenant(), TOKEN).validation(SendPolicy::Off),
    )
    .expect("valid options");
    let refused = failure(unchecked.connections().create(&broken).await);
    assert_eq!(refused.kind(), ErrorKind::Api);
    assert_eq!(refused.status(), Some(400));
}

#[wasm_bindgen_test]
async fn sub_resources_answer_their_typed_models() {
    control("reset", json!({"seed": "sample"})).await;
    let client = client();
    let connections = client.connections();
    let (database, saml, workspace) = (
        "con_0000000000000001",
        "con_0000000000000003",
        "con_0000000000000009",
    );
    connections.check_status(database).await.expect("online");
    let clients = connections
        .clients()
        .get(database, CheckpointParams::default())
        .await
        .expect("enabled clients");
    assert_eq!(clients.items[0].client_id, "local-client");
    let keys = connections.keys().get(database).await.expect("keys");
    assert_eq!(keys[0].algorithm.as_deref(), Some("RS256"));
    let rotated = connections
        .keys()
        .rotate(
            database,
            &RotateConnectionKeysRequestContent {
                signing_alg: Some("RS384".into()),
                ..Default::default()
            },
        )
        .await
        .expect("rotated");
    assert_eq!(rotated.algorithm.as_deref(), Some("RS384"));
    connections
        .users()
        .delete_by_email(database, "someone@example.com")
        .await
        .expect("deleted by email");
    assert!(requests()
        .await
        .iter()
        .any(|entry| entry["query"] == "?email=someone%40example.com"));

    let scim = connections.scim_configuration();
    assert_eq!(scim.get(saml).await.expect("scim").strategy, "samlp");
    let listed = scim
        .list(CheckpointParams::default())
        .await
        .expect("listed");
    assert_eq!(listed.items[0].connection_id, saml);
    let created = scim
        .tokens()
        .create(
            saml,
            &CreateScimTokenRequestContent {
                scopes: Some(vec!["get:users".into()]),
                ..Default::default()
            },
        )
        .await
        .expect("a token");
    let token_id = created.token_id.clone().expect("a token id");
    assert_eq!(scim.tokens().get(saml).await.expect("tokens").len(), 2);
    scim.tokens()
        .delete(saml, &token_id)
        .await
        .expect("deleted");
    let left = scim.tokens().get(saml).await.expect("tokens");
    assert_eq!(left.len(), 1);
    assert_ne!(left[0].token_id.as_deref(), Some(token_id.as_str()));
    let refused = failure(
        scim.tokens()
            .create(
                saml,
                &CreateScimTokenRequestContent {
                    token_lifetime: serde_json::from_value(json!(60)).expect("a lifetime"),
                    ..Default::default()
                },
            )
            .await,
    );
    assert_eq!(refused.kind(), ErrorKind::Validation, "{refused}");

    let directory = connections.directory_provisioning();
    let config = directory.get(workspace).await.expect("directory");
    assert_eq!(config.strategy, "google-apps");
    let groups = directory
        .list_synchronized_groups(
            workspace,
            ListSynchronizedGroupsParams {
                q: Some("name:eng*".into()),
                ..Default::default()
            },
        )
        .await
        .expect("groups");
    assert_eq!(groups.items.len(), 1);
    assert_eq!(groups.items[0].name.as_deref(), Some("Engineering"));
    directory
        .add_synchronized_group_selections(
            workspace,
            &AddSynchronizedGroupsRequestContent {
                groups: vec![SynchronizedGroupPayload {
                    id: "grpOps".into(),
                    name: Some("Ops".into()),
                    ..Default::default()
                }],
                ..Default::default()
            },
        )
        .await
        .expect("added");
    let every = directory
        .list_synchronized_groups(workspace, ListSynchronizedGroupsParams::default())
        .await
        .expect("groups");
    assert_eq!(every.items.len(), 3);
    let sync = directory
        .synchronizations()
        .create(workspace)
        .await
        .expect("a synchronization");
    assert_eq!(
        (sync.connection_id.as_str(), sync.status.as_str()),
        (workspace, "pending")
    );
}

#[wasm_bindgen_test]
async fn a_call_dropped_during_the_exchange_leaves_it_to_finish_for_the_others() {
    reset(2).await;
    control(
        "faults",
        json!({"method": "POST", "path": "/oauth/token", "delayMs": 300}),
    )
    .await;
    let options = ClientOptions::with_client_credentials(tenant(), "local-client", "local-secret")
        .timeout(Duration::from_secs(2));
    let client = ManagementClient::new(options).expect("valid options");
    abandon(client.connections().get("con_0000000000000001"), 50).await;
    let got = client
        .connections()
        .get("con_0000000000000002")
        .await
        .expect("the exchange the dropped call started still serves this one");
    assert_eq!(got.name.as_deref(), Some("bulk-00001"));
    assert_eq!(
        statuses("POST", "/oauth/token").await,
        [200],
        "one exchange"
    );
}

#[wasm_bindgen_test]
async fn a_token_provider_is_asked_before_every_attempt() {
    reset(2).await;
    let asked = std::rc::Rc::new(std::cell::Cell::new(0));
    let counter = asked.clone();
    let provider = TokenProvider::new(move || {
        counter.set(counter.get() + 1);
        async { Ok(TOKEN.to_owned()) }
    });
    let client = ManagementClient::new(ClientOptions::new(
        tenant(),
        Credentials::Provider(provider),
    ))
    .expect("valid options");
    let path = "/api/v2/connections/con_0000000000000001";
    control(
        "faults",
        json!({"method": "GET", "path": path, "status": 503, "headers": {"retry-after": "0"}}),
    )
    .await;
    client
        .connections()
        .get("con_0000000000000001")
        .await
        .expect("the retry answers");
    assert_eq!(asked.get(), 2, "one token per attempt");

    let failing = TokenProvider::new(|| async { Err(format!("refresh failed for {TOKEN}")) });
    let client =
        ManagementClient::new(ClientOptions::new(tenant(), Credentials::Provider(failing)))
            .expect("valid options");
    let error = failure(client.connections().get("con_0000000000000001").await);
    assert_eq!(error.kind(), ErrorKind::Network);
    assert!(error.message().contains("token function"), "{error}");
    assert!(!format!("{error:?}").contains(TOKEN));

    let slow = TokenProvider::new(|| async {
        gloo_timers::future::TimeoutFuture::new(1_000).await;
        Ok(TOKEN.to_owned())
    });
    let options = ClientOptions::new(tenant(), Credentials::Provider(slow))
        .timeout(Duration::from_millis(200));
    let client = ManagementClient::new(options).expect("valid options");
    let late = failure(client.connections().get("con_0000000000000001").await);
    assert_eq!(late.kind(), ErrorKind::Timeout);
    assert!(late.message().contains("access token"), "{late}");
}

/// Runs `body` (JavaScript, with `args` bound to `names`) and awaits the promise it returns.
async fn run_js(names: &str, body: &str, args: &js_sys::Array) -> JsValue {
    let function = js_sys::Function::new_with_args(names, body);
    let promise = function
        .apply(&JsValue::NULL, args)
        .expect("the script runs");
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .expect("the script's promise resolves")
}

/// The bytes of this module's memory.
fn wasm_memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65_536
}

#[wasm_bindgen_test]
async fn a_huge_error_body_is_read_only_up_to_the_cap() {
    reset(2).await;
    // 3 answers of 18 MiB of a 3-byte character (built in JS, never in this module's memory).
    let inject =
        "return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, \
        body: JSON.stringify({ method: 'GET', path: '/connections/huge', status: 500, times: 3, \
        body: '\\u20ac'.repeat(6 * 1024 * 1024) }) }).then((r) => r.status)";
    let url = JsValue::from_str(&format!("{}/__control/faults", tenant()));
    let status = run_js("url", inject, &js_sys::Array::of1(&url)).await;
    assert_eq!(status.as_f64(), Some(204.0));
    let client = ManagementClient::new(ClientOptions::with_token(tenant(), TOKEN).max_retries(0))
        .expect("valid options");
    failure(client.connections().get("con_missing").await);
    let before = wasm_memory_bytes();
    for _ in 0..3 {
        let error = failure(client.connections().get("huge").await);
        assert_eq!((error.kind(), error.status()), (ErrorKind::Api, Some(500)));
        assert!(error.message().len() < 1_000, "{}", error.message().len());
    }
    let grown = wasm_memory_bytes() - before;
    assert!(grown < 4 << 20, "wasm memory grew by {grown} bytes");
    assert_eq!(statuses("GET", "/api/v2/connections/huge").await, [500; 3]);
}

#[wasm_bindgen_test]
async fn dropping_a_call_aborts_its_fetch() {
    reset(2).await;
    // Every fetch's signal, as fetch received it (gloo-net calls the global `fetch`).
    let hook = "const original = globalThis.fetch; const signals = []; \
        globalThis.fetch = (input, init) => { signals.push(input.signal ?? init?.signal); return original(input, init); }; \
        return Promise.resolve({ signals, restore: () => { globalThis.fetch = original; } })";
    control(
        "faults",
        json!({"method": "GET", "path": "/connections/slow", "delayMs": 3000}),
    )
    .await;
    let hook = run_js("", hook, &js_sys::Array::new()).await;
    let get = |target: &JsValue, key: &str| {
        js_sys::Reflect::get(target, &JsValue::from_str(key)).expect("a member")
    };
    let signals: js_sys::Array = get(&hook, "signals").unchecked_into();
    abandon(client().connections().get("slow"), 200).await;
    let seen = signals.length();
    let aborted = get(&signals.get(0), "aborted").as_bool();
    js_sys::Function::from(get(&hook, "restore"))
        .call0(&JsValue::NULL)
        .expect("restored");
    assert_eq!(seen, 1, "one fetch was made");
    assert_eq!(
        aborted,
        Some(true),
        "its signal fired when the call was dropped"
    );
}

#[wasm_bindgen_test]
async fn a_429_pauses_every_call_of_the_client() {
    reset(2).await;
    let limited = "/api/v2/connections/con_0000000000000001";
    control(
        "faults",
        json!({"method": "GET", "path": limited, "status": 429, "headers": {"retry-after": "1"}}),
    )
    .await;
    let client = client();
    let started = js_sys::Date::now();
    let timed = |id: &'static str| {
        let connections = client.connections();
        async move {
            let result = connections.get(id).await;
            (result.map(|_| ()), js_sys::Date::now() - started)
        }
    };
    let ((first, _), (second, second_ms)) =
        join(timed("con_0000000000000001"), timed("con_0000000000000002")).await;
    first.expect("the retry answers");
    second.expect("the other call answers");
    // The other call never met the 429: it waited out the pause the first call's answer set.
    assert!(
        second_ms >= 900.0,
        "the other call ended after {second_ms} ms"
    );
    assert_eq!(statuses("GET", limited).await, [429, 200]);
    let other = statuses("GET", "/api/v2/connections/con_0000000000000002").await;
    assert_eq!(other, [200]);
}

/// Gets connection `id` through `client`, its body dropped.
async fn fetched(client: &ManagementClient, id: &str) -> Result<(), ManagementError> {
    client.connections().get(id).await.map(|_| ())
}

/// A call's output and when it ended (epoch ms).
async fn ended<F: Future>(call: F) -> (F::Output, f64) {
    let output = call.await;
    (output, js_sys::Date::now())
}

/// Runs two GETs on paths starting with `path` at once (the tenant delays each by 300 ms) and
/// tells whether they were serialised: the later request reached the tenant only once the first
/// call had ended. Overlapping calls are both at the tenant while the first is still delayed.
async fn serialised<A, B>(a: A, b: B, path: &str) -> bool
where
    A: Future<Output = Result<(), ManagementError>>,
    B: Future<Output = Result<(), ManagementError>>,
{
    let before = arrivals(path).await.len();
    control(
        "faults",
        json!({"method": "GET", "path": path, "delayMs": 300, "times": 2}),
    )
    .await;
    let ((first, first_end), (second, second_end)) = join(ended(a), ended(b)).await;
    first.expect("the first call answers");
    second.expect("the second call answers");
    let times = arrivals(path).await;
    assert_eq!(times.len(), before + 2, "two requests: {times:?}");
    let last_arrival = times.iter().skip(before).fold(0.0, |a: f64, b| a.max(*b));
    last_arrival >= first_end.min(second_end)
}

/// Two management clients of the tenant (one with the static token, one with client
/// credentials), each with `pacing` applied to its options.
fn two_clients(pacing: impl Fn(ClientOptions) -> ClientOptions) -> [ManagementClient; 2] {
    let token = ClientOptions::with_token(tenant(), TOKEN);
    let exchanged =
        ClientOptions::with_client_credentials(tenant(), "local-client", "local-secret");
    [token, exchanged].map(|options| ManagementClient::new(pacing(options)).expect("valid options"))
}

/// Client A's GET of one connection meets a 429 with `Retry-After: 1` while client B gets
/// another at the same time; returns the tenant's arrival times of A's two attempts and B's.
async fn a_429_to_the_first_of(clients: [ManagementClient; 2]) -> (Vec<f64>, Vec<f64>) {
    reset(2).await;
    let (one, two) = (
        "/api/v2/connections/con_0000000000000001",
        "/api/v2/connections/con_0000000000000002",
    );
    control(
        "faults",
        json!({"method": "GET", "path": one, "status": 429, "headers": {"retry-after": "1"}}),
    )
    .await;
    let [a, b] = clients;
    let (first, second) = join(
        a.connections().get("con_0000000000000001"),
        b.connections().get("con_0000000000000002"),
    )
    .await;
    first.expect("A's retry answers");
    second.expect("B's call answers");
    assert_eq!(statuses("GET", one).await, [429, 200]);
    assert_eq!(statuses("GET", two).await, [200]);
    (arrivals(one).await, arrivals(two).await)
}

#[wasm_bindgen_test]
async fn a_429_to_one_client_pauses_the_clients_sharing_its_limiter() {
    let waits = Rc::new(RefCell::new(Vec::<WaitReason>::new()));
    let seen = Rc::clone(&waits);
    let limiter = RateLimiter::new().on_wait(move |info| seen.borrow_mut().push(info.reason));
    let shared = two_clients(|options| options.limiter(limiter.clone()));
    let (a, b) = a_429_to_the_first_of(shared).await;
    // B never met the 429: it waited out the pause A's answer set, as A's retry did.
    assert!(
        b[0] - a[0] >= 900.0,
        "B was sent {} ms after A's 429",
        b[0] - a[0]
    );
    let stats = limiter.stats();
    assert_eq!((stats.sent, stats.throttled), (3, 1), "{stats:?}");
    assert_eq!((stats.in_flight, stats.queued), (0, 0), "{stats:?}");
    // Told once per waiting attempt: B's (behind A's first attempt) and A's retry.
    assert_eq!(waits.borrow().len(), 2, "{:?}", waits.borrow());

    // Each with its own limiter (the default), B goes at once: it is at the tenant before A's
    // retry.
    let (a, b) = a_429_to_the_first_of(two_clients(|options| options)).await;
    assert!(b[0] < a[1], "B at {}, A's retry at {}", b[0], a[1]);
}

#[wasm_bindgen_test]
async fn max_concurrency_1_serialises_concurrent_calls() {
    let path = "/api/v2/connections/con_000000000000000";
    for (cap, expected) in [(Some(1), true), (None, false)] {
        reset(2).await;
        let limiter = match cap {
            Some(cap) => RateLimiter::new()
                .max_concurrency(cap)
                .expect("a valid cap"),
            None => RateLimiter::new(),
        };
        let client =
            ManagementClient::new(ClientOptions::with_token(tenant(), TOKEN).limiter(limiter))
                .expect("valid options");
        // One answer first: the limiter has learned the budget and no longer probes alone.
        fetched(&client, "con_0000000000000001")
            .await
            .expect("warm-up");
        let a = fetched(&client, "con_0000000000000001");
        let b = fetched(&client, "con_0000000000000002");
        assert_eq!(serialised(a, b, path).await, expected, "cap {cap:?}");
    }
    let refused = failure(RateLimiter::new().max_concurrency(0));
    assert_eq!(refused.kind(), ErrorKind::Validation);
    assert!(refused.message().contains("max_concurrency"), "{refused}");
}

#[wasm_bindgen_test]
async fn without_a_limiter_calls_go_at_once() {
    let path = "/api/v2/connections/con_000000000000000";
    for (off, expected) in [(true, false), (false, true)] {
        reset(2).await;
        let options = ClientOptions::with_token(tenant(), TOKEN);
        let options = if off {
            options.without_limiter()
        } else {
            options
        };
        let client = ManagementClient::new(options).expect("valid options");
        let a = fetched(&client, "con_0000000000000001");
        let b = fetched(&client, "con_0000000000000002");
        // With a limiter the first call probes alone until its answer tells the budget.
        assert_eq!(serialised(a, b, path).await, expected, "off: {off}");
    }
    // The same option for Okta.
    reset(1).await;
    let okta = OktaClient::new(
        ClientOptions::new(
            tenant(),
            Credentials::ApiToken("local-okta-token".to_owned()),
        )
        .without_limiter(),
    )
    .expect("valid options");
    let get = || async {
        okta.get_default_provisioning_connection_for_application("0oa-org2org")
            .await
            .map(|_| ())
    };
    assert!(!serialised(get(), get(), "/api/v1/apps/0oa-org2org").await);
}
