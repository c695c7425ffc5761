//! Okta's application default provisioning connection operations, named after Okta's
//! operationIds, as [`Operation`](crate::http::operation::Operation) table rows generated from the
//! spec's paths (src/okta/operations.rs, `tools/gen_operations.py`), plus the `appName` rule of
//! the OAuth callback.

pub use super::operations::{OPERATIONS, PATH_NAMES};
use crate::http::error::ApiError;
use crate::http::operation::{build, find, unknown_operation, OpArgs};
use crate::http::policy::SendPolicy;
use crate::http::request::Endpoint;
use crate::validation::{Issue, IssueCode};

/// The apps whose OAuth provisioning consent can be verified.
pub const VERIFY_APP_NAMES: [&str; 4] = ["google", "office365", "slack", "zoomus"];

/// The name of the verify operation, whose `appName` is restricted.
const VERIFY: &str = "verifyProvisioningConnectionForApplication";

/// Builds the request of the Okta operation `name` under the org origin.
pub fn build_okta(origin: &str, name: &str, args: &OpArgs) -> Result<Endpoint, ApiError> {
    let Some(op) = find(OPERATIONS, name) else {
        return Err(unknown_operation(name, "Okta"));
    };
    if op.name == VERIFY {
        if let Some(app) = &args.sub_id {
            // An app name the package does not know is sent under the drift policy.
            if !VERIFY_APP_NAMES.contains(&app.as_str()) && args.policy != SendPolicy::Drift {
                return Err(ApiError::validation(
                    "the request",
                    vec![Issue::at(
                        "appName",
                        IssueCode::Enum,
                        crate::text!(
                            "appName must be one of ",
                            crate::text::list(VERIFY_APP_NAMES.iter().copied(), ", ", ""),
                            "; it is \"",
                            app,
                            "\""
                        ),
                    )],
                ));
            }
        }
    }
    build(origin, op, args, PATH_NAMES)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::http::operation::Seg::{Id, Lit, SubId};
    use serde_json::json;

    fn args(app_id: &str, app_name: Option<&str>) -> OpArgs {
        OpArgs {
            id: Some(app_id.into()),
            sub_id: app_name.map(Into::into),
            ..OpArgs::default()
        }
    }

    #[test]
    fn paths_match_the_spec() {
        let spec = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/spec/okta/app-connections-oas.json"
        ))
        .unwrap();
        let spec: serde_json::Value = serde_json::from_str(&spec).unwrap();
        for op in OPERATIONS {
            let path: String = op
                .path
                .iter()
                .map(|seg| match seg {
                    Lit(text) => *text,
                    Id => "{appId}",
                    SubId => "{appName}",
                })
                .collect();
            let declared = &spec["paths"][&path][op.method.as_str().to_ascii_lowercase()];
            assert_eq!(declared["operationId"], op.name, "{path}");
        }
    }

    #[test]
    fn builds_each_shape() {
        let get = build_okta(
            "https://o.okta.com",
            "getDefaultProvisioningConnectionForApplication",
            &args("0oa/1", None),
        )
        .unwrap();
        assert_eq!(
            get.request.url,
            "https://o.okta.com/api/v1/apps/0oa%2F1/connections/default"
        );
        let mut update = args("0oa1", None);
        update.params = crate::http::params::Params::from_json(&json!({"activate": true}));
        update.body = Some(json!({"profile": {"authScheme": "TOKEN", "token": "t"}}).to_string());
        let update = build_okta(
            "https://o.okta.com",
            "updateDefaultProvisioningConnectionForApplication",
            &update,
        )
        .unwrap();
        assert_eq!(
            update.request.url,
            "https://o.okta.com/api/v1/apps/0oa1/connections/default?activate=true"
        );
        assert!(update.request.body.unwrap().contains("TOKEN"));
        let verify = build_okta(
            "https://o.okta.com",
            VERIFY,
            &args("0oa1", Some("office365")),
        )
        .unwrap();
        assert_eq!(
            verify.request.url,
            "https://o.okta.com/api/v1/apps/office365/0oa1/oauth2/callback"
        );
        assert_eq!(verify.request.body, None);
    }

    #[test]
    fn refuses_unknown_apps_and_operations() {
        let strict = OpArgs {
            policy: SendPolicy::Strict,
            ..args("0oa1", Some("../admin"))
        };
        let error = build_okta("https://o", VERIFY, &strict).unwrap_err();
        assert_eq!(
            error.issues[0].message,
            "appName must be one of google, office365, slack, zoomus; it is \"../admin\""
        );
        // Under the default drift policy an app name the package does not know is sent, encoded.
        let sent = build_okta("https://o", VERIFY, &args("0oa1", Some("../admin"))).unwrap();
        assert_eq!(
            sent.request.url,
            "https://o/api/v1/apps/..%2Fadmin/0oa1/oauth2/callback"
        );
        let missing = build_okta("https://o", VERIFY, &args("0oa1", None)).unwrap_err();
        assert_eq!(missing.issues[0].message, "appName is required");
        assert!(build_okta("https://o", "nope", &OpArgs::default()).is_err());
    }
}
