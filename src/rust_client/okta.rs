//! [`OktaClient`]: Okta's application default provisioning connection operations, named after
//! Okta's operationIds in snake_case, each returning its typed model.

use serde::{Deserialize, Serialize};

use super::call::{empty, id, json, with_body};
use super::driver::Driver;
use super::error::OktaError;
use super::options::{ClientOptions, RequestOptions};
use crate::http::operation::OpArgs;
use crate::http::params::{ParamValue, Params};
use crate::http::retry::Dialect;
use crate::okta::models::{
    AppConnectionUserProvisionJWKList, ProvisioningConnectionOauthRequest,
    ProvisioningConnectionResponse, ProvisioningConnectionTokenRequest,
};

/// The body of `updateDefaultProvisioningConnectionForApplication`: a token or an OAuth 2.0
/// provisioning connection (the spec's `ProvisioningConnectionRequest`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ProvisioningConnectionRequest {
    /// `authScheme: "TOKEN"`.
    Token(ProvisioningConnectionTokenRequest),
    /// `authScheme: "OAUTH2"`.
    Oauth(ProvisioningConnectionOauthRequest),
}

/// The answer of `getUserProvisioningConnectionJWKS` (the spec's
/// `AppConnectionUserProvisionJWKResponse`): `{ "jwks": { "keys": [...] } }`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AppConnectionUserProvisionJWKResponse {
    /// The key set.
    pub jwks: AppConnectionUserProvisionJWKList,
    /// Properties the spec does not declare, kept.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The Okta client (an org's application connections).
#[derive(Debug, Clone)]
pub struct OktaClient {
    driver: Driver,
}

impl OktaClient {
    /// A client for `options` (`domain` is the org URL, e.g. `https://acme.okta.com`; the
    /// credentials an SSWS API token or an OAuth 2.0 access token); a `validation` error names
    /// every bad option.
    pub fn new(options: ClientOptions) -> Result<Self, OktaError> {
        Driver::new(Dialect::Okta, options).map(|driver| OktaClient { driver })
    }

    /// The same client (sharing its token cache) with `options` for every call made through
    /// the handle returned: a longer timeout for one slow call, other headers, another policy.
    pub fn with_request_options(&self, options: &RequestOptions) -> Self {
        OktaClient {
            driver: self.driver.with_call(options.to_call()),
        }
    }

    /// The org's origin (e.g. `https://acme.okta.com`).
    pub fn base_url(&self) -> String {
        self.driver.base_url()
    }

    /// `GET /api/v1/apps/{appId}/connections/default`.
    pub async fn get_default_provisioning_connection_for_application(
        &self,
        app_id: &str,
    ) -> Result<ProvisioningConnectionResponse, OktaError> {
        let op = "getDefaultProvisioningConnectionForApplication";
        json(&self.driver, op, id(app_id)).await
    }

    /// `POST /api/v1/apps/{appId}/connections/default[?activate=…]`: the body is validated
    /// first.
    pub async fn update_default_provisioning_connection_for_application(
        &self,
        app_id: &str,
        body: &ProvisioningConnectionRequest,
        activate: Option<bool>,
    ) -> Result<ProvisioningConnectionResponse, OktaError> {
        let mut params = Params::new();
        if let Some(activate) = activate {
            params.set("activate", ParamValue::Bool(activate));
        }
        let args = with_body(
            &self.driver,
            OpArgs {
                params,
                ..id(app_id)
            },
            body,
        )?;
        let op = "updateDefaultProvisioningConnectionForApplication";
        json(&self.driver, op, args).await
    }

    /// `POST /api/v1/apps/{appId}/connections/default/lifecycle/activate`.
    pub async fn activate_default_provisioning_connection_for_application(
        &self,
        app_id: &str,
    ) -> Result<(), OktaError> {
        let op = "activateDefaultProvisioningConnectionForApplication";
        empty(&self.driver, op, id(app_id)).await
    }

    /// `POST /api/v1/apps/{appId}/connections/default/lifecycle/deactivate`.
    pub async fn deactivate_default_provisioning_connection_for_application(
        &self,
        app_id: &str,
    ) -> Result<(), OktaError> {
        let op = "deactivateDefaultProvisioningConnectionForApplication";
        empty(&self.driver, op, id(app_id)).await
    }

    /// `POST /api/v1/apps/{appName}/{appId}/oauth2/callback`: completes the OAuth consent of a
    /// `google`, `office365`, `slack` or `zoomus` app.
    pub async fn verify_provisioning_connection_for_application(
        &self,
        app_name: &str,
        app_id: &str,
        code: Option<&str>,
        state: Option<&str>,
    ) -> Result<(), OktaError> {
        let mut params = Params::new();
        for (name, value) in [("code", code), ("state", state)] {
            if let Some(value) = value {
                params.set(name, ParamValue::Text(value.to_owned()));
            }
        }
        let args = OpArgs {
            sub_id: Some(app_name.to_owned()),
            params,
            ..id(app_id)
        };
        empty(
            &self.driver,
            "verifyProvisioningConnectionForApplication",
            args,
        )
        .await
    }

    /// `GET /api/v1/apps/{appId}/connections/default/jwks`.
    pub async fn get_user_provisioning_connection_jwks(
        &self,
        app_id: &str,
    ) -> Result<AppConnectionUserProvisionJWKResponse, OktaError> {
        json(
            &self.driver,
            "getUserProvisioningConnectionJWKS",
            id(app_id),
        )
        .await
    }
}
