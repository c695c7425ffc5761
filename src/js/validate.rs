//! Validator exports. Every one takes any JS value and returns a result; none throws. The body
//! validators here are the wasm halves: `lib/validators.js` answers first for the values its
//! accept path (`lib/accept.js`, over [`schema_tables`]) proves valid, and sends every other value
//! here, where it crosses once, as the text of one `JSON.stringify`, and is validated and explained.

use wasm_bindgen::prelude::*;

use super::tables::{limits_json, tables_json};
use crate::auth0::name::validate_connection_name;
use crate::auth0::rules::validate_create_field;
use crate::bodies::RequestBody;
use crate::js::issues::issues_to_js;
use crate::js::keys::get;
use crate::js::sys::{fail_result, ok_result, text_result};
use crate::js::text::{rust_text, with_text};
use crate::rules::validate_json_text_for;
use crate::validation::json::{parse, parse_issue};
use crate::validation::{Issue, IssueCode};

#[wasm_bindgen(typescript_custom_section)]
const RESULT_TYPES: &str = r#"
/** A validator's answer: the value when valid, else every issue found. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
"#;

/// The issue reported when a field that must be a string holds something else.
fn not_a_string(field: &str, value: &JsValue) -> Issue {
    Issue::new(
        Vec::new(),
        IssueCode::Type,
        crate::text!(field, " must be a string; it is ", js_type_name(value)),
    )
}

/// A JS value's type as messages say it.
fn js_type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_owned()
    } else if js_sys::Array::is_array(value) {
        "an array".to_owned()
    } else {
        match rust_text(&value.js_typeof()).as_deref() {
            Some("object") => "an object".to_owned(),
            Some("undefined") => "undefined".to_owned(),
            Some(other) => crate::text!("a ", other),
            None => "unknown".to_owned(),
        }
    }
}

/// The issue for a value `JSON.stringify` refused (a `RangeError` means it nests too deeply).
fn unsendable(error: &JsValue) -> Issue {
    let name = rust_text(&get(error, "name")).unwrap_or_default();
    let message = rust_text(&get(error, "message")).unwrap_or_default();
    if name == "RangeError" {
        Issue::new(
            Vec::new(),
            IssueCode::TooDeep,
            "the value nests too deeply to be sent as JSON",
        )
    } else {
        let reason = crate::validation::json::prefix_chars(&message, 200);
        Issue::new(
            Vec::new(),
            IssueCode::Type,
            crate::text!("the value cannot be sent as JSON: ", reason),
        )
    }
}

/// Runs `read` over the JSON text of any JS value, or returns the issue explaining why it has
/// none (undefined, functions, symbols, BigInt, cycles, throwing getters or Proxies, nesting
/// deep enough to exhaust the stack).
pub fn with_json_text<R>(value: &JsValue, read: impl FnOnce(&str) -> R) -> Result<R, Issue> {
    let text = js_sys::JSON::stringify(value).map_err(|error| unsendable(&error))?;
    with_text(&text, read).ok_or_else(|| {
        Issue::new(
            Vec::new(),
            IssueCode::Type,
            crate::text!("the value must be JSON data; it is ", js_type_name(value)),
        )
    })
}

/// `{ ok: true, value }` or `{ ok: false, issues }`, built in one call.
fn result(issues: &[Issue], value: &JsValue) -> JsValue {
    if issues.is_empty() {
        ok_result(value)
    } else {
        fail_result(&issues_to_js(issues))
    }
}

/// The `strategy` of a validator's `{ strategy }` option, when it is a string (anything else
/// names no strategy: the body is checked against the generic schema).
fn strategy_option(options: &JsValue) -> Option<String> {
    if options.is_object() {
        rust_text(&get(options, "strategy"))
    } else {
        None
    }
}

/// Validates any JS value as `body`: one `JSON.stringify`, then the rules over the text (an
/// update's options against the schema of the `strategy` in `options`, when it names one).
fn validate_value(body: RequestBody, value: &JsValue, options: &JsValue) -> JsValue {
    let strategy = strategy_option(options);
    match with_json_text(value, |text| {
        validate_json_text_for(body, text, strategy.as_deref())
    }) {
        Ok(issues) => result(&issues, value),
        Err(issue) => result(&[issue], value),
    }
}

/// Validates JSON text as `body`; the value of a valid result is the parsed text.
fn validate_text(body: RequestBody, text: &JsValue, options: &JsValue) -> JsValue {
    let strategy = strategy_option(options);
    match with_text(text, |json| {
        validate_json_text_for(body, json, strategy.as_deref())
    }) {
        None => result(&[not_a_string("the JSON text", text)], text),
        Some(issues) if issues.is_empty() => text_result(text),
        Some(issues) => result(&issues, &JsValue::UNDEFINED),
    }
}

/// Declares one body validator per request body: the wasm half, exported under its Rust name
/// for `lib/validators.js`, which publishes the JS name with its accept path in front; the
/// TypeScript declaration of that JS name; and the list of both names for the accept path.
macro_rules! body_validators {
    ($($doc:literal $rust:ident => $js:literal, $body:ident, $ty:literal $(, $params:literal)?;)*) => {
        $(
            #[doc = $doc]
            #[doc = ""]
            #[doc = concat!("The wasm half of `", $js, "`: every value the accept path in ")]
            #[doc = "`lib/accept.js` does not prove valid is decided, and explained, here."]
            #[wasm_bindgen(skip_typescript)]
            pub fn $rust(value: JsValue, options: JsValue) -> JsValue {
                validate_value(RequestBody::$body, &value, &options)
            }

            #[wasm_bindgen(typescript_custom_section)]
            const _: &str = concat!(
                "/**\n * ", $doc, "\n */\nexport function ", $js, "(value: unknown", $($params,)? "): ", $ty, ";"
            );
        )*

        /// Each body validator's JS name and its body, for the accept path's tables.
        const BODY_VALIDATORS: &[(&str, RequestBody)] = &[$(($js, RequestBody::$body)),*];
    };
}

/// The schema tables and each body validator's roots as JSON text, read once by
/// `lib/accept.js` (see [`tables_json`]).
#[wasm_bindgen(skip_typescript)]
pub fn schema_tables() -> String {
    tables_json(BODY_VALIDATORS)
}

/// The limits the JS layer applies itself (see [`limits_json`]), read once by
/// `lib/limits.js`.
#[wasm_bindgen(skip_typescript)]
pub fn limits() -> String {
    limits_json()
}

body_validators! {
    "`POST /connections` body."
    validate_connection_create => "validateConnectionCreate", ConnectionCreate, "ValidationResult<CreateConnectionRequestContent>";
    "`PATCH /connections/{id}` body. With `{ strategy }` (the connection's), its options are checked against that strategy's options schema, and Cross App Access is refused on strategies other than oidc and okta."
    validate_connection_update => "validateConnectionUpdate", ConnectionUpdate, "ValidationResult<UpdateConnectionRequestContent>", ", options?: { strategy?: string }";
    "`PATCH /connections/{id}/clients` body (at most 50 entries)."
    validate_enabled_clients_update => "validateEnabledClientsUpdate", EnabledClientsUpdate, "ValidationResult<UpdateEnabledClientConnectionsRequestContent>";
    "`POST /connections/{id}/scim-configuration` body."
    validate_scim_configuration_create => "validateScimConfigurationCreate", ScimConfigurationCreate, "ValidationResult<CreateScimConfigurationRequestContent>";
    "`PATCH /connections/{id}/scim-configuration` body."
    validate_scim_configuration_update => "validateScimConfigurationUpdate", ScimConfigurationUpdate, "ValidationResult<UpdateScimConfigurationRequestContent>";
    "`POST /connections/{id}/scim-configuration/tokens` body."
    validate_scim_token_create => "validateScimTokenCreate", ScimTokenCreate, "ValidationResult<CreateScimTokenRequestContent>";
    "`POST /connections/{id}/directory-provisioning` body."
    validate_directory_provisioning_create => "validateDirectoryProvisioningCreate", DirectoryProvisioningCreate, "ValidationResult<CreateDirectoryProvisioningRequestContent>";
    "`PATCH /connections/{id}/directory-provisioning` body."
    validate_directory_provisioning_update => "validateDirectoryProvisioningUpdate", DirectoryProvisioningUpdate, "ValidationResult<UpdateDirectoryProvisioningRequestContent>";
    "`PUT /connections/{id}/directory-provisioning/synchronized-groups` body."
    validate_synchronized_groups_replace => "validateSynchronizedGroupsReplace", SynchronizedGroupsReplace, "ValidationResult<ReplaceSynchronizedGroupsRequestContent>";
    "`POST /connections/{id}/directory-provisioning/synchronized-groups` body (groups to add)."
    validate_synchronized_groups_add => "validateSynchronizedGroupsAdd", SynchronizedGroupsAdd, "ValidationResult<AddSynchronizedGroupsRequestContent>";
    "`DELETE /connections/{id}/directory-provisioning/synchronized-groups` body (groups to remove)."
    validate_synchronized_groups_delete => "validateSynchronizedGroupsDelete", SynchronizedGroupsDelete, "ValidationResult<DeleteSynchronizedGroupsRequestContent>";
    "`POST /connections/{id}/keys` body."
    validate_connection_keys_create => "validateConnectionKeysCreate", KeysCreate, "ValidationResult<PostConnectionKeysRequestContent>";
    "`POST /connections/{id}/keys/rotate` body."
    validate_connection_keys_rotate => "validateConnectionKeysRotate", KeysRotate, "ValidationResult<RotateConnectionKeysRequestContent>";
    "Okta `POST /api/v1/apps/{appId}/connections/default` body."
    validate_provisioning_connection_request => "validateProvisioningConnectionRequest", OktaProvisioningConnection, "ValidationResult<ProvisioningConnectionRequest>";
}

/// `POST /connections` body given as JSON text (a Worker's request body): validated without
/// building a JS object first. A valid result's `value` is the text parsed on first read (once);
/// it is a getter, so read it rather than spreading the result.
#[wasm_bindgen(
    js_name = validateConnectionCreateJson,
    unchecked_return_type = "ValidationResult<CreateConnectionRequestContent>"
)]
pub fn validate_connection_create_json(
    #[wasm_bindgen(unchecked_param_type = "unknown")] text: JsValue,
) -> JsValue {
    validate_text(RequestBody::ConnectionCreate, &text, &JsValue::UNDEFINED)
}

/// `PATCH /connections/{id}` body given as JSON text; `value` as for
/// `validateConnectionCreateJson`, `options` as for `validateConnectionUpdate`. (Its TypeScript
/// declaration is written below: the options are optional.)
#[wasm_bindgen(js_name = validateConnectionUpdateJson, skip_typescript)]
pub fn validate_connection_update_json(text: JsValue, options: JsValue) -> JsValue {
    validate_text(RequestBody::ConnectionUpdate, &text, &options)
}

#[wasm_bindgen(typescript_custom_section)]
const UPDATE_JSON_TYPE: &str = r#"
/**
 * `PATCH /connections/{id}` body given as JSON text; `value` as for
 * `validateConnectionCreateJson`, `options` as for `validateConnectionUpdate`.
 */
export function validateConnectionUpdateJson(text: unknown, options?: { strategy?: string }): ValidationResult<UpdateConnectionRequestContent>;
"#;

/// The issues of a connection name (1 to 128 characters matching
/// `^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$`). Called by `validateConnectionName` in
/// `lib/fields.js`, which answers the common valid case without crossing into wasm.
#[wasm_bindgen(js_name = connectionNameIssues, skip_typescript)]
pub fn connection_name_issues(name: JsValue) -> js_sys::Array {
    match rust_text(&name) {
        Some(name) => issues_to_js(&validate_connection_name(&name)),
        None => issues_to_js(&[not_a_string("name", &name)]),
    }
}

/// One field of the create body on its own; issue paths are relative to the field.
fn validate_field(field: &str, value: &JsValue) -> js_sys::Array {
    let issues = with_json_text(value, |text| match parse(text) {
        Ok(json) => validate_create_field(field, &json),
        Err(error) => vec![parse_issue(&error)],
    })
    .unwrap_or_else(|issue| vec![issue]);
    issues_to_js(&issues)
}

/// Checks a display name as the user types: a string of at most 128 characters.
#[wasm_bindgen(js_name = validateDisplayName, unchecked_return_type = "Issue[]")]
pub fn validate_display_name(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
) -> js_sys::Array {
    validate_field("display_name", &value)
}

/// Checks connection metadata as the user edits it: at most 10 keys, values strings (or null)
/// of at most 255 characters.
#[wasm_bindgen(js_name = validateMetadata, unchecked_return_type = "Issue[]")]
pub fn validate_metadata(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
) -> js_sys::Array {
    validate_field("metadata", &value)
}

/// Checks a strategy: one of the 55 values of `STRATEGIES`.
#[wasm_bindgen(js_name = validateStrategy, unchecked_return_type = "Issue[]")]
pub fn validate_strategy(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
) -> js_sys::Array {
    validate_field("strategy", &value)
}
