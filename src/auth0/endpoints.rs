//! Every operation of the Auth0 `/connections*` endpoints, named as in the official SDK's resource
//! tree (`connections.scimConfiguration.tokens.delete`), as
//! [`Operation`](crate::http::operation::Operation) table rows generated from the spec's paths
//! (src/auth0/operations.rs, `tools/gen_operations.py`).

pub use super::operations::{OPERATIONS, PATH_NAMES};

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::http::operation::{
        build, find, OpArgs, Operation,
        Seg::{Id, Lit, SubId},
    };
    use crate::http::params::Params;
    use crate::http::request::Method;
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
