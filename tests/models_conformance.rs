//! Model conformance: every request body, response body and typed option schema's generated
//! instances (`tests/types/model-payloads.json`, from `tests/types/gen-model-payloads.mjs`; `tsc`
//! checks the same payloads against the TypeScript types) deserialize into the generated model
//! and serialize back to the same JSON.

use idp_connections::auth0::models as auth0;
use idp_connections::okta::models as okta;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

/// A checker: deserialize into a model, serialize back.
type RoundTrip = fn(&Value) -> Result<Value, String>;

/// `value` read as `T` and written back.
fn round_trip<T: DeserializeOwned + Serialize>(value: &Value) -> Result<Value, String> {
    let model: T = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
    serde_json::to_value(&model).map_err(|e| e.to_string())
}

/// JSON equality where numbers compare by value (the models read numbers as `f64`: `3` comes
/// back as `3.0`, the same JSON number).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

macro_rules! checkers {
    ($($module:ident :: $ty:ident),* $(,)?) => {
        vec![$((stringify!($ty), round_trip::<$module::$ty> as RoundTrip)),*]
    };
}

/// Every model root the payload file names, with its checker; array roots read as `Vec` of their
/// item model, and the list answer as each of its three shapes.
fn checkers() -> Vec<(&'static str, RoundTrip)> {
    let mut all = checkers![
        auth0::CreateConnectionRequestContent,
        auth0::UpdateConnectionRequestContent,
        auth0::CreateScimConfigurationRequestContent,
        auth0::UpdateScimConfigurationRequestContent,
        auth0::CreateScimTokenRequestContent,
        auth0::CreateDirectoryProvisioningRequestContent,
        auth0::UpdateDirectoryProvisioningRequestContent,
        auth0::ReplaceSynchronizedGroupsRequestContent,
        auth0::AddSynchronizedGroupsRequestContent,
        auth0::DeleteSynchronizedGroupsRequestContent,
        auth0::PostConnectionKeysRequestContent,
        auth0::RotateConnectionKeysRequestContent,
        auth0::ConnectionOptionsAuth0,
        auth0::ConnectionOptionsSAML,
        auth0::ConnectionOptionsOIDC,
        auth0::ConnectionOptionsOkta,
        auth0::ConnectionOptionsAzureAD,
        auth0::ConnectionOptionsADFS,
        auth0::ConnectionOptionsAD,
        auth0::ConnectionOptionsGoogleOAuth2,
        auth0::ConnectionOptionsGoogleApps,
        auth0::ConnectionOptionsEmail,
        auth0::ConnectionOptionsSMS,
        auth0::ConnectionForList,
        auth0::CreateConnectionResponseContent,
        auth0::CreateDirectoryProvisioningResponseContent,
        auth0::CreateDirectorySynchronizationResponseContent,
        auth0::CreateScimConfigurationResponseContent,
        auth0::CreateScimTokenResponseContent,
        auth0::GetConnectionEnabledClientsResponseContent,
        auth0::GetConnectionResponseContent,
        auth0::GetDirectoryProvisioningDefaultMappingResponseContent,
        auth0::GetDirectoryProvisioningResponseContent,
        auth0::GetScimConfigurationDefaultMappingResponseContent,
        auth0::GetScimConfigurationResponseContent,
        auth0::ListConnectionsCheckpointPaginatedResponseContent,
        auth0::ListConnectionsOffsetPaginatedResponseContent,
        auth0::ListDirectoryProvisioningsResponseContent,
        auth0::ListSCIMConfigurationsResponseContent,
        auth0::ListSynchronizedGroupsResponseContent,
        auth0::RotateConnectionsKeysResponseContent,
        auth0::UpdateConnectionResponseContent,
        auth0::UpdateDirectoryProvisioningResponseContent,
        auth0::UpdateScimConfigurationResponseContent,
        okta::ProvisioningConnectionTokenRequest,
        okta::ProvisioningConnectionOauthRequest,
        okta::ProvisioningConnectionResponse,
    ];
    all.extend([
        (
            "UpdateEnabledClientConnectionsRequestContent",
            round_trip::<Vec<auth0::UpdateEnabledClientConnectionsRequestContentItem>> as RoundTrip,
        ),
        (
            "GetScimTokensResponseContent",
            round_trip::<Vec<auth0::ScimTokenItem>>,
        ),
        (
            "PostConnectionsKeysResponseContent",
            round_trip::<Vec<auth0::PostConnectionsKeysResponseContentItem>>,
        ),
        ("ListConnectionsResponseContent", |value| {
            // The answer of `GET /connections` is one of three shapes, told apart by its type.
            if value.is_array() {
                round_trip::<Vec<auth0::ConnectionForList>>(value)
            } else if value.get("next").is_some() || value.get("total").is_none() {
                round_trip::<auth0::ListConnectionsCheckpointPaginatedResponseContent>(value)
            } else {
                round_trip::<auth0::ListConnectionsOffsetPaginatedResponseContent>(value)
            }
        }),
    ]);
    all
}

#[test]
fn generated_payloads_deserialize_and_round_trip() {
    let file: Value =
        serde_json::from_str(include_str!("types/model-payloads.json")).expect("payload file");
    let checkers = checkers();
    let mut failures = Vec::new();
    let mut checked = 0;
    for spec in ["auth0", "okta"] {
        let schemas = file[spec].as_object().expect("a spec's payloads");
        for (name, payloads) in schemas {
            let Some((_, check)) = checkers.iter().find(|(n, _)| n == name) else {
                failures.push(format!("{name}: no model checker (add it above)"));
                continue;
            };
            for payload in payloads.as_array().expect("payload list") {
                checked += 1;
                match check(payload) {
                    Ok(back) if same(&back, payload) => {}
                    Ok(back) => failures.push(format!("{name}: wrote back {back} for {payload}")),
                    Err(error) => failures.push(format!("{name}: {error} in {payload}")),
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked >= checkers.len() * 6, "{checked} payloads");
}

#[test]
fn oidc_options_take_string_credentials_and_urls() {
    // The allOf schemas of string type (client ids, issuer, JWKS URI) are strings, not objects.
    let oidc = serde_json::json!({
        "client_id": "abc",
        "issuer": "https://idp.example",
        "jwks_uri": "https://idp.example/jwks",
    });
    assert_eq!(round_trip::<auth0::ConnectionOptionsOIDC>(&oidc), Ok(oidc));
    let client_id = serde_json::json!({ "client_id": "abc" });
    let checks: [(&str, RoundTrip); 3] = [
        ("okta", round_trip::<auth0::ConnectionOptionsOkta>),
        ("waad", round_trip::<auth0::ConnectionOptionsAzureAD>),
        (
            "google-apps",
            round_trip::<auth0::ConnectionOptionsGoogleApps>,
        ),
    ];
    for (strategy, check) in checks {
        assert_eq!(check(&client_id), Ok(client_id.clone()), "{strategy}");
    }
}
