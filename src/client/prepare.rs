//! The prepare step of a call: validate per policy, then build the request. No I/O.

use crate::auth0::endpoints as auth0;
use crate::http::error::ApiError;
use crate::http::operation::{build, find, unknown_operation, OpArgs};
use crate::http::request::Endpoint;
use crate::http::retry::Dialect;
use crate::okta::endpoints::build_okta;
use crate::rules::validate_json_text_for;

/// The request of operation `op` (a client method name, e.g. `connections.get`) of `dialect`
/// under `base`, with `args`: path and query problems (`args.policy` decides which block) are one
/// `validation` error ("the request"), then the body's issues the policy blocks on are another
/// ("the request body"); nothing is sent then.
pub fn prepare(
    dialect: Dialect,
    base: &str,
    op: &str,
    args: &OpArgs,
) -> Result<Endpoint, ApiError> {
    let built = match dialect {
        Dialect::Okta => build_okta(base, op, args)?,
        Dialect::Auth0 => match find(auth0::OPERATIONS, op) {
            Some(operation) => build(base, operation, args, auth0::PATH_NAMES)?,
            None => return Err(unknown_operation(op, "Auth0")),
        },
    };
    if let (Some(rule), Some(text)) = (built.validator, &built.request.body) {
        if args.policy.checks_bodies() {
            let found =
                args.policy
                    .blocking(validate_json_text_for(rule, text, args.strategy.as_deref()));
            if !found.is_empty() {
                return Err(ApiError::validation("the request body", found));
            }
        }
    }
    Ok(built)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::http::policy::SendPolicy;

    const BASE: &str = "https://h/api/v2";

    fn args(body: Option<&str>, policy: SendPolicy) -> OpArgs {
        OpArgs {
            body: body.map(str::to_owned),
            policy,
            ..OpArgs::default()
        }
    }

    fn codes(error: &ApiError) -> Vec<&str> {
        error
            .issues
            .iter()
            .map(|issue| issue.code.as_str())
            .collect()
    }

    #[test]
    fn the_policy_decides_which_body_issues_block() {
        let create = "connections.create";
        let drift = r#"{"name":"x","strategy":"a-new-one","future_flag":true}"#;
        let sent = prepare(
            Dialect::Auth0,
            BASE,
            create,
            &args(Some(drift), SendPolicy::Drift),
        );
        assert_eq!(sent.unwrap().request.body.as_deref(), Some(drift));
        let strict = prepare(
            Dialect::Auth0,
            BASE,
            create,
            &args(Some(drift), SendPolicy::Strict),
        )
        .unwrap_err();
        assert!(
            strict.message.starts_with("the request body"),
            "{}",
            strict.message
        );
        assert!(
            codes(&strict).contains(&"unknown_field"),
            "{:?}",
            codes(&strict)
        );
        let broken = r#"{"name":"bad name","strategy":"auth0"}"#;
        let error = prepare(
            Dialect::Auth0,
            BASE,
            create,
            &args(Some(broken), SendPolicy::Drift),
        )
        .unwrap_err();
        assert_eq!(codes(&error), ["pattern"]);
        let off = prepare(
            Dialect::Auth0,
            BASE,
            create,
            &args(Some(broken), SendPolicy::Off),
        );
        assert_eq!(off.unwrap().request.body.as_deref(), Some(broken));
        // A missing required body is judged as `{}`.
        let missing =
            prepare(Dialect::Auth0, BASE, create, &args(None, SendPolicy::Drift)).unwrap_err();
        assert!(
            codes(&missing).contains(&"required"),
            "{:?}",
            codes(&missing)
        );
    }

    #[test]
    fn path_problems_come_before_the_body_and_unknown_operations_are_refused() {
        let both = OpArgs {
            id: Some(String::new()),
            body: Some("[]".into()),
            ..OpArgs::default()
        };
        let error = prepare(Dialect::Auth0, BASE, "connections.update", &both).unwrap_err();
        assert!(
            error.message.starts_with("the request is invalid"),
            "{}",
            error.message
        );
        let unknown = prepare(Dialect::Auth0, BASE, "nope", &OpArgs::default()).unwrap_err();
        assert_eq!(
            unknown.message,
            "the operation is invalid: nope is not an Auth0 operation"
        );
        let okta = prepare(Dialect::Okta, "https://o", "nope", &OpArgs::default()).unwrap_err();
        assert!(okta.message.ends_with("nope is not an Okta operation"));
    }
}
