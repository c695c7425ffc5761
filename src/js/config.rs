//! Reading a client's constructor options, a call's `requestOptions` and its arguments from JS
//! into the core's plain data ([`crate::client`]).

use std::rc::Rc;

use js_sys::Function;
use wasm_bindgen::prelude::*;

use crate::client::{Auth, CallOptions, ClientConfig};
use crate::http::error::ApiError;
use crate::http::operation::OpArgs;
use crate::http::params::Params;
use crate::http::policy::SendPolicy;
use crate::http::retry::Dialect;
use crate::http::url::parse_origin;
use crate::js::fetch::timer_ms;
use crate::js::keys::get;
use crate::js::limiter::{LimiterCore, Shared};
use crate::js::options::{
    check, collect, opt_headers, opt_policy, opt_string, read_limits, to_body_text, to_params,
    type_issue,
};
use crate::js::text::rust_text;
use crate::validation::{Issue, IssueCode};

/// A client's configuration read from JS, with what only the JS side holds.
pub struct Config {
    /// The core's configuration.
    pub config: ClientConfig,
    /// The token function, for [`Auth::Provider`].
    pub token_fn: Option<Function>,
    /// The rate limiter every call asks before an attempt (`None`: `limiter: false`).
    pub limiter: Option<Rc<Shared>>,
}

/// Reads the token option: a string, or a function (sync or async).
fn token_option(
    source: &JsValue,
    field: &'static str,
    scheme: &'static str,
) -> Result<Option<(Auth, Option<Function>)>, Issue> {
    let value = get(source, field);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(token) = rust_text(&value) {
        if token.is_empty() {
            return Err(Issue::at(
                field,
                IssueCode::TooShort,
                crate::text!(field, " must not be empty"),
            ));
        }
        return Ok(Some((Auth::Static { scheme, token }, None)));
    }
    match value.dyn_into::<Function>() {
        Ok(function) => Ok(Some((Auth::Provider, Some(function)))),
        Err(_) => Err(type_issue(field, "a string or a function returning one")),
    }
}

/// The issue message for an Okta client given both kinds of token.
const OKTA_BOTH_TOKENS: &str =
    "pass either token (SSWS API token) or accessToken (OAuth 2.0), not both";

/// The issue message for an Okta client given no token.
const OKTA_NO_TOKEN: &str =
    "pass token (an SSWS API token) or accessToken (an OAuth 2.0 access token)";

/// The issue message for a client option of its own limiter given beside the `limiter` option.
const LIMITER_GIVEN: &str = "maxConcurrency and onRateLimit set the client's own limiter: with the limiter option, set them on the RateLimiter or drop limiter";

/// Reads the constructor options of `dialect`; `limiter` is the handle `lib/rate-limiter.js`
/// found for the `limiter` option.
pub fn read_config(
    dialect: Dialect,
    options: &JsValue,
    limiter: Option<LimiterCore>,
) -> Result<Config, Vec<Issue>> {
    let mut issues = Vec::new();
    let given = get(options, "limiter");
    if limiter.is_none() && given.as_bool() != Some(false) {
        issues.push(type_issue("limiter", "a RateLimiter or false"));
    }
    // These set the client's own limiter; beside `limiter` (shared, or false) they would be ignored.
    let own = given.is_undefined() || given.is_null();
    for field in ["maxConcurrency", "onRateLimit"] {
        let value = get(options, field);
        if !own && !value.is_undefined() && !value.is_null() {
            issues.push(Issue::at(field, IssueCode::Conflict, LIMITER_GIVEN));
        }
    }
    let mut take = |result: Result<Option<String>, Issue>| match result {
        Ok(value) => value,
        Err(issue) => {
            issues.push(issue);
            None
        }
    };
    let origin_field = match dialect {
        Dialect::Auth0 => "domain",
        Dialect::Okta => "orgUrl",
    };
    let origin_text = take(opt_string(options, origin_field));
    let client_id = take(opt_string(options, "clientId"));
    let client_secret = take(opt_string(options, "clientSecret"));
    let audience = take(opt_string(options, "audience"));
    let origin = match origin_text
        .as_deref()
        .map(|text| parse_origin(origin_field, text))
    {
        Some(Ok(origin)) => Some(origin),
        Some(Err(message)) => {
            issues.push(Issue::at(origin_field, IssueCode::Pattern, message));
            None
        }
        None => {
            issues.push(Issue::at(
                origin_field,
                IssueCode::Required,
                crate::text!(origin_field, " is required"),
            ));
            None
        }
    };
    let auth = match dialect {
        Dialect::Auth0 => match token_option(options, "token", "Bearer") {
            Ok(Some(auth)) => Some(auth),
            Ok(None) => match (client_id, client_secret, &origin) {
                (Some(client_id), Some(client_secret), Some(origin)) => Some((
                    Auth::ClientCredentials {
                        client_id,
                        client_secret,
                        audience: audience.unwrap_or_else(|| origin.default_audience()),
                    },
                    None,
                )),
                _ => {
                    issues.push(Issue::at(
                        "token",
                        IssueCode::Required,
                        "pass token (a string or a function), or clientId and clientSecret",
                    ));
                    None
                }
            },
            Err(issue) => {
                issues.push(issue);
                None
            }
        },
        Dialect::Okta => {
            match (
                token_option(options, "token", "SSWS"),
                token_option(options, "accessToken", "Bearer"),
            ) {
                (Ok(Some(auth)), Ok(None)) | (Ok(None), Ok(Some(auth))) => Some(auth),
                (Ok(Some(_)), Ok(Some(_))) => {
                    issues.push(Issue::at("accessToken", IssueCode::OneOf, OKTA_BOTH_TOKENS));
                    None
                }
                (Ok(None), Ok(None)) => {
                    issues.push(Issue::at("token", IssueCode::Required, OKTA_NO_TOKEN));
                    None
                }
                (Err(issue), _) | (_, Err(issue)) => {
                    issues.push(issue);
                    None
                }
            }
        }
    };
    let (timeout, retries) = read_limits(options, &mut issues);
    let headers = opt_headers(options, "headers").unwrap_or_else(|issue| {
        issues.push(issue);
        Vec::new()
    });
    let policy = collect(opt_policy(options, "validation"), &mut issues);
    match (origin, auth) {
        (Some(origin), Some((auth, token_fn))) if issues.is_empty() => Ok(Config {
            config: ClientConfig {
                timeout_ms: timer_ms(timeout.unwrap_or(60.0)),
                max_retries: retries.unwrap_or(2),
                headers,
                policy: policy.unwrap_or_default(),
                ..ClientConfig::new(dialect, origin, auth)
            },
            token_fn,
            limiter: limiter.map(|handle| handle.shared()),
        }),
        _ => Err(issues),
    }
}

/// Reads `requestOptions`: the core's call options and the caller's `abortSignal`.
pub fn call_options(options: &JsValue) -> Result<(CallOptions, JsValue), ApiError> {
    let mut issues = Vec::new();
    let (timeout, retries) = read_limits(options, &mut issues);
    let headers = collect(opt_headers(options, "headers"), &mut issues);
    let policy = collect(opt_policy(options, "validation"), &mut issues);
    let signal = get(options, "abortSignal");
    if !signal.is_undefined() && !signal.is_null() && get(&signal, "aborted").as_bool().is_none() {
        issues.push(type_issue("abortSignal", "an AbortSignal"));
    }
    check("the request options", issues)?;
    let options = CallOptions {
        timeout_ms: timeout.map(timer_ms),
        max_retries: retries,
        headers,
        policy,
    };
    Ok((options, signal))
}

/// Reads `{ id?, subId?, params?, body?, strategy? }`.
pub fn op_args(args: &JsValue) -> Result<OpArgs, ApiError> {
    let mut issues = Vec::new();
    let mut string = |field: &'static str| match opt_string(args, field) {
        Ok(value) => value,
        Err(issue) => {
            issues.push(issue);
            None
        }
    };
    let id = string("id");
    let sub_id = string("subId");
    let strategy = string("strategy");
    let params = to_params(&get(args, "params")).unwrap_or_else(|issue| {
        issues.push(issue);
        Params::new()
    });
    let body = to_body_text(&get(args, "body"), "body").unwrap_or_else(|issue| {
        issues.push(issue);
        None
    });
    check("the request", issues)?;
    Ok(OpArgs {
        id,
        sub_id,
        params,
        body,
        policy: SendPolicy::default(),
        strategy,
    })
}
