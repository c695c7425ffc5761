//! Models read what servers send, including what a newer server adds, and write it back
//! unchanged after an edit: read → edit one field → write loses nothing.

use idp_connections::auth0::models::{
    CreateConnectionRequestContent, GetConnectionResponseContent,
    ListConnectionsOffsetPaginatedResponseContent,
};
use idp_connections::okta::models::ProvisioningConnectionResponse;
use serde_json::{json, Value};

#[test]
fn unknown_fields_option_keys_and_enum_values_survive_an_edit() {
    let sent = json!({
        "id": "con_1",
        "name": "acme",
        "display_name": "Acme",
        "strategy": "brand-new-strategy",
        "options": {"signInEndpoint": "https://x", "future_option": {"deep": [1, 2]}},
        "metadata": {"team": "id", "gone": null},
        "realms": ["acme"],
        "a_field_from_2030": true,
    });
    let mut connection: GetConnectionResponseContent =
        serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(connection.strategy.as_deref(), Some("brand-new-strategy"));
    connection.display_name = Some("Acme Corp".into());
    let written = serde_json::to_value(&connection).unwrap();
    let mut expected = sent;
    expected["display_name"] = Value::from("Acme Corp");
    assert_eq!(written, expected);
}

#[test]
fn explicit_null_stays_apart_from_absent() {
    let body = json!({"name": "x", "strategy": "auth0", "options": {"non_persistent_attrs": null}});
    let parsed: CreateConnectionRequestContent = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap(), body);
}

#[test]
fn offset_pages_parse() {
    let page: ListConnectionsOffsetPaginatedResponseContent = serde_json::from_value(json!({
        "total": 3, "start": 0, "limit": 2, "connections": [{"id": "a", "name": "a", "strategy": "auth0"}]
    }))
    .unwrap();
    assert_eq!(page.connections.as_ref().map(Vec::len), Some(1));
}

#[test]
fn okta_answers_outside_the_spec_parse() {
    for answer in [
        json!({"authScheme": "TOKEN", "status": "DISABLED", "_links": {"activate": {"href": "/x"}}}),
        json!({"status": "UNKNOWN", "profile": {"authScheme": "UNKNOWN"}}),
        json!({"status": "ENABLED", "profile": {"authScheme": "OAUTH2", "signing": {"rotationMode": "AUTO"}}, "x_new": 1}),
    ] {
        let parsed: ProvisioningConnectionResponse =
            serde_json::from_value(answer.clone()).unwrap();
        assert_eq!(serde_json::to_value(&parsed).unwrap(), answer);
    }
}
