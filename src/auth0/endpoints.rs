//! Every operation of the Auth0 `/connections*` endpoints, named as in the official SDK's resource
//! tree (`connections.scimConfiguration.tokens.delete`), as [`Operation`] table rows.

use crate::bodies::RequestBody;
use crate::http::operation::{Operation, Seg};
use crate::http::query::{ParamKind, QueryParam};
use crate::http::request::{Method, Paged};

use ParamKind::{Bool, KnownStrArray, Str};
use Seg::{Id, Lit, SubId};

/// The strategies of the spec (with its overlay): the values of the `strategy` query parameter
/// the package knows.
fn strategies() -> &'static [&'static str] {
    super::schema::NODES
        .get(usize::from(super::schema::STRATEGY))
        .map_or(&[], |node| node.lists.enumeration)
}

/// `take` for the lists with at most 100 per page.
const TAKE_100: QueryParam = QueryParam::optional("take", ParamKind::Int { min: 1, max: 100 });
/// Checkpoint paging parameters.
const CHECKPOINT: &[QueryParam] = &[QueryParam::optional("from", Str), TAKE_100];
/// `fields` and `include_fields`.
const FIELDS: &[QueryParam] = &[
    QueryParam::optional("fields", Str),
    QueryParam::optional("include_fields", Bool),
];

/// Names of the path parameters in issues.
pub const PATH_NAMES: (&str, &str) = ("id", "tokenId");

/// A row: name, method, path, query, body, paging.
const fn op(
    name: &'static str,
    method: Method,
    path: &'static [Seg],
    query: &'static [QueryParam],
    body: Option<RequestBody>,
    paged: Option<Paged>,
) -> Operation {
    Operation {
        name,
        method,
        path,
        query,
        body,
        paged,
    }
}

/// Checkpoint-paged list whose items are under `key`.
const fn checkpoint(key: &'static str) -> Option<Paged> {
    Some(Paged {
        items_key: key,
        offset: false,
    })
}

/// The connection path `/connections/{id}` followed by `rest`.
macro_rules! conn {
    () => {
        &[Lit("/connections/"), Id]
    };
    ($rest:literal) => {
        &[Lit("/connections/"), Id, Lit($rest)]
    };
}

/// Every Auth0 operation.
pub const OPERATIONS: &[Operation] = &[
    op(
        "connections.list",
        Method::Get,
        &[Lit("/connections")],
        &[
            QueryParam::optional("per_page", ParamKind::Int { min: 1, max: 100 }),
            QueryParam::optional(
                "page",
                ParamKind::Int {
                    min: 0,
                    max: i64::MAX,
                },
            ),
            QueryParam::optional("include_totals", Bool),
            QueryParam::optional("from", Str),
            TAKE_100,
            QueryParam::optional("strategy", KnownStrArray(strategies)),
            QueryParam::optional("name", Str),
            QueryParam::optional("fields", Str),
            QueryParam::optional("include_fields", Bool),
        ],
        None,
        Some(Paged {
            items_key: "connections",
            offset: true,
        }),
    ),
    op(
        "connections.create",
        Method::Post,
        &[Lit("/connections")],
        &[],
        Some(RequestBody::ConnectionCreate),
        None,
    ),
    op("connections.get", Method::Get, conn!(), FIELDS, None, None),
    op(
        "connections.delete",
        Method::Delete,
        conn!(),
        &[],
        None,
        None,
    ),
    op(
        "connections.update",
        Method::Patch,
        conn!(),
        &[],
        Some(RequestBody::ConnectionUpdate),
        None,
    ),
    op(
        "connections.checkStatus",
        Method::Get,
        conn!("/status"),
        &[],
        None,
        None,
    ),
    op(
        "connections.users.deleteByEmail",
        Method::Delete,
        conn!("/users"),
        &[QueryParam::required("email", Str)],
        None,
        None,
    ),
    op(
        "connections.clients.get",
        Method::Get,
        conn!("/clients"),
        &[
            QueryParam::optional("take", ParamKind::Int { min: 1, max: 1000 }),
            QueryParam::optional("from", Str),
        ],
        None,
        checkpoint("clients"),
    ),
    op(
        "connections.clients.update",
        Method::Patch,
        conn!("/clients"),
        &[],
        Some(RequestBody::EnabledClientsUpdate),
        None,
    ),
    op(
        "connections.keys.get",
        Method::Get,
        conn!("/keys"),
        &[],
        None,
        None,
    ),
    op(
        "connections.keys.create",
        Method::Post,
        conn!("/keys"),
        &[],
        Some(RequestBody::KeysCreate),
        None,
    ),
    op(
        "connections.keys.rotate",
        Method::Post,
        conn!("/keys/rotate"),
        &[],
        Some(RequestBody::KeysRotate),
        None,
    ),
    op(
        "connections.scimConfiguration.list",
        Method::Get,
        &[Lit("/connections-scim-configurations")],
        CHECKPOINT,
        None,
        checkpoint("scim_configurations"),
    ),
    op(
        "connections.scimConfiguration.get",
        Method::Get,
        conn!("/scim-configuration"),
        &[],
        None,
        None,
    ),
    op(
        "connections.scimConfiguration.create",
        Method::Post,
        conn!("/scim-configuration"),
        &[],
        Some(RequestBody::ScimConfigurationCreate),
        None,
    ),
    op(
        "connections.scimConfiguration.update",
        Method::Patch,
        conn!("/scim-configuration"),
        &[],
        Some(RequestBody::ScimConfigurationUpdate),
        None,
    ),
    op(
        "connections.scimConfiguration.delete",
        Method::Delete,
        conn!("/scim-configuration"),
        &[],
        None,
        None,
    ),
    op(
        "connections.scimConfiguration.getDefaultMapping",
        Method::Get,
        conn!("/scim-configuration/default-mapping"),
        &[],
        None,
        None,
    ),
    op(
        "connections.scimConfiguration.tokens.get",
        Method::Get,
        conn!("/scim-configuration/tokens"),
        &[],
        None,
        None,
    ),
    op(
        "connections.scimConfiguration.tokens.create",
        Method::Post,
        conn!("/scim-configuration/tokens"),
        &[],
        Some(RequestBody::ScimTokenCreate),
        None,
    ),
    op(
        "connections.scimConfiguration.tokens.delete",
        Method::Delete,
        &[
            Lit("/connections/"),
            Id,
            Lit("/scim-configuration/tokens/"),
            SubId,
        ],
        &[],
        None,
        None,
    ),
    op(
        "connections.directoryProvisioning.list",
        Method::Get,
        &[Lit("/connections-directory-provisionings")],
        CHECKPOINT,
        None,
        checkpoint("directory_provisionings"),
    ),
    op(
        "connections.directoryProvisioning.get",
        Method::Get,
        conn!("/directory-provisioning"),
        &[],
        None,
        None,
    ),
    op(
        "connections.directoryProvisioning.create",
        Method::Post,
        conn!("/directory-provisioning"),
        &[],
        Some(RequestBody::DirectoryProvisioningCreate),
        None,
    ),
    op(
        "connections.directoryProvisioning.update",
        Method::Patch,
        conn!("/directory-provisioning"),
        &[],
        Some(RequestBody::DirectoryProvisioningUpdate),
        None,
    ),
    op(
        "connections.directoryProvisioning.delete",
        Method::Delete,
        conn!("/directory-provisioning"),
        &[],
        None,
        None,
    ),
    op(
        "connections.directoryProvisioning.getDefaultMapping",
        Method::Get,
        conn!("/directory-provisioning/default-mapping"),
        &[],
        None,
        None,
    ),
    op(
        "connections.directoryProvisioning.listSynchronizedGroups",
        Method::Get,
        conn!("/directory-provisioning/synchronized-groups"),
        &[
            QueryParam::optional("from", Str),
            TAKE_100,
            // Lucene prefix search on name or email (`name:engineering*`), spec overlay E3.
            QueryParam::optional("q", Str),
        ],
        None,
        checkpoint("groups"),
    ),
    op(
        "connections.directoryProvisioning.addSynchronizedGroupSelections",
        Method::Post,
        conn!("/directory-provisioning/synchronized-groups"),
        &[],
        Some(RequestBody::SynchronizedGroupsAdd),
        None,
    ),
    op(
        "connections.directoryProvisioning.deleteSynchronizedGroupSelections",
        Method::Delete,
        conn!("/directory-provisioning/synchronized-groups"),
        &[],
        Some(RequestBody::SynchronizedGroupsDelete),
        None,
    ),
    op(
        "connections.directoryProvisioning.set",
        Method::Put,
        conn!("/directory-provisioning/synchronized-groups"),
        &[],
        Some(RequestBody::SynchronizedGroupsReplace),
        None,
    ),
    op(
        "connections.directoryProvisioning.synchronizations.create",
        Method::Post,
        conn!("/directory-provisioning/synchronizations"),
        &[],
        None,
        None,
    ),
];

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::http::operation::{build, find, OpArgs};
    use crate::http::params::Params;
    use serde_json::json;

    /// `GET /connections/{id}/keys` style rendering of a row.
    fn render(op: &Operation) -> String {
        let path: String = op
            .path
            .iter()
            .map(|seg| match seg {
                Lit(text) => *text,
                Id => "{id}",
                SubId => "{tokenId}",
            })
            .collect();
        format!("{} {path}", op.method.as_str())
    }

    #[test]
    fn every_spec_operation_has_exactly_one_row() {
        let summary = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/spec/auth0/endpoints.txt"
        ))
        .unwrap();
        let mut spec: Vec<(String, String)> = summary
            .lines()
            .filter_map(|line| line.strip_prefix("### "))
            .map(|line| {
                let mut words = line.split_whitespace();
                let route = format!("{} {}", words.next().unwrap(), words.next().unwrap());
                let sdk = line
                    .split("sdk=")
                    .nth(1)
                    .unwrap()
                    .split(" lifecycle")
                    .next()
                    .unwrap();
                let sdk = sdk.replace(['[', ']', '\'', ' '], "").replace(',', ".");
                (route, sdk)
            })
            .collect();
        spec.sort();
        spec.dedup();
        let mut ours: Vec<(String, String)> = OPERATIONS
            .iter()
            .map(|op| (render(op), op.name.to_owned()))
            .collect();
        ours.sort();
        assert_eq!(ours, spec);
    }

    #[test]
    fn list_sends_repeated_strategy_and_refuses_deep_offsets() {
        let list = find(OPERATIONS, "connections.list").unwrap();
        let args = OpArgs {
            params: Params::from_json(&json!({"strategy": ["auth0", "samlp"], "take": 10})),
            ..OpArgs::default()
        };
        let endpoint = build("https://t/api/v2", list, &args, PATH_NAMES).unwrap();
        assert_eq!(
            endpoint.request.url,
            "https://t/api/v2/connections?take=10&strategy=auth0&strategy=samlp"
        );
        let deep = OpArgs {
            params: Params::from_json(&json!({"page": 20, "per_page": 50})),
            ..OpArgs::default()
        };
        let error = build("https://t/api/v2", list, &deep, PATH_NAMES).unwrap_err();
        assert!(
            error.message.contains("checkpoint paging"),
            "{}",
            error.message
        );
    }

    #[test]
    fn token_delete_encodes_both_ids() {
        let op = find(OPERATIONS, "connections.scimConfiguration.tokens.delete").unwrap();
        let args = OpArgs {
            id: Some("con/1".into()),
            sub_id: Some("tok?#".into()),
            ..OpArgs::default()
        };
        let endpoint = build("https://t/api/v2", op, &args, PATH_NAMES).unwrap();
        assert_eq!(
            endpoint.request.url,
            "https://t/api/v2/connections/con%2F1/scim-configuration/tokens/tok%3F%23"
        );
        assert_eq!(endpoint.request.method, Method::Delete);
    }
}
