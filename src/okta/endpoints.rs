//! Okta's application default provisioning connection operations, named after Okta's
//! operationIds, as [`Operation`] table rows, plus the `appName` rule of the OAuth callback.

use crate::bodies::RequestBody;
use crate::http::error::ApiError;
use crate::http::operation::{build, find, OpArgs, Operation, Seg};
use crate::http::policy::SendPolicy;
use crate::http::query::{ParamKind, QueryParam};
use crate::http::request::{Endpoint, Method};
use crate::validation::{Issue, IssueCode};

use Seg::{Id, Lit, SubId};

/// Names of the path parameters in issues.
pub const PATH_NAMES: (&str, &str) = ("appId", "appName");

/// The apps whose OAuth provisioning consent can be verified.
pub const VERIFY_APP_NAMES: [&str; 4] = ["google", "office365", "slack", "zoomus"];

/// The name of the verify operation, whose `appName` is restricted.
const VERIFY: &str = "verifyProvisioningConnectionForApplication";

/// `/api/v1/apps/{appId}/connections/default` followed by `rest`.
macro_rules! default_connection {
    ($rest:literal) => {
        &[
            Lit("/api/v1/apps/"),
            Id,
            Lit(concat!("/connections/default", $rest)),
        ]
    };
}

/// Every Okta operation.
pub const OPERATIONS: &[Operation] = &[
    Operation {
        name: "getDefaultProvisioningConnectionForApplication",
        method: Method::Get,
        path: default_connection!(""),
        query: &[],
        body: None,
        paged: None,
    },
    Operation {
        name: "updateDefaultProvisioningConnectionForApplication",
        method: Method::Post,
        path: default_connection!(""),
        query: &[QueryParam::optional("activate", ParamKind::Bool)],
        body: Some(RequestBody::OktaProvisioningConnection),
        paged: None,
    },
    Operation {
        name: "activateDefaultProvisioningConnectionForApplication",
        method: Method::Post,
        path: default_connection!("/lifecycle/activate"),
        query: &[],
        body: None,
        paged: None,
    },
    Operation {
        name: "deactivateDefaultProvisioningConnectionForApplication",
        method: Method::Post,
        path: default_connection!("/lifecycle/deactivate"),
        query: &[],
        body: None,
        paged: None,
    },
    Operation {
        name: VERIFY,
        method: Method::Post,
        path: &[
            Lit("/api/v1/apps/"),
            SubId,
            Lit("/"),
            Id,
            Lit("/oauth2/callback"),
        ],
        query: &[
            QueryParam::optional("code", ParamKind::Str),
            QueryParam::optional("state", ParamKind::Str),
        ],
        body: None,
        paged: None,
    },
    Operation {
        name: "getUserProvisioningConnectionJWKS",
        method: Method::Get,
        path: default_connection!("/jwks"),
        query: &[],
        body: None,
        paged: None,
    },
];

/// Builds the request of the Okta operation `name` under the org origin.
pub fn build_okta(origin: &str, name: &str, args: &OpArgs) -> Result<Endpoint, ApiError> {
    let Some(op) = find(OPERATIONS, name) else {
        return Err(ApiError::validation(
            "the operation",
            vec![Issue::new(
                Vec::new(),
                IssueCode::Enum,
                crate::text!(name, " is not an Okta operation"),
            )],
        ));
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
