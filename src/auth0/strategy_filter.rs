//! The values the `strategy` query parameter of `GET /connections` knows: the spec's
//! `ConnectionStrategyEnum`, which is the create body's strategies (the tables' `strategy` enum)
//! plus the strategies a connection can have but a create cannot name.

use std::sync::OnceLock;

/// Strategies the list filter takes that no create body may name: `auth0-adldap` (AD/LDAP
/// connections are created as `ad`; the spec's `ConnectionStrategyEnum` lists both).
const FILTER_ONLY: [&str; 1] = ["auth0-adldap"];

/// The create body's strategies (the spec with its overlay), from the schema tables.
fn create_strategies() -> &'static [&'static str] {
    super::schema::NODES
        .get(usize::from(super::schema::STRATEGY))
        .map_or(&[], |node| node.lists.enumeration)
}

/// Every value of the `strategy` filter the package knows (a value outside it is reported but
/// still sent under the `'drift'` policy).
pub fn known() -> &'static [&'static str] {
    static KNOWN: OnceLock<Vec<&'static str>> = OnceLock::new();
    KNOWN.get_or_init(|| {
        let mut known = create_strategies().to_vec();
        known.extend(FILTER_ONLY);
        known
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// The official `ConnectionStrategyEnum` plus the values the overlay appends to it.
    fn spec_strategies() -> Vec<String> {
        let root = env!("CARGO_MANIFEST_DIR");
        let read = |path: &str| -> serde_json::Value {
            let text = std::fs::read_to_string(format!("{root}/{path}")).unwrap();
            serde_json::from_str(&text).unwrap()
        };
        let spec = read("spec/auth0/connections-oas.json");
        let mut values: Vec<String> = spec["schemas"]["ConnectionStrategyEnum"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        let overlay = read("spec/auth0/overlay.json");
        for op in overlay["patches"].as_array().unwrap() {
            if op["path"] == "/schemas/ConnectionStrategyEnum/enum/-" && op["op"] == "add" {
                values.push(op["value"].as_str().unwrap().to_owned());
            }
        }
        values
    }

    #[test]
    fn the_filter_knows_every_strategy_of_the_spec() {
        let spec = spec_strategies();
        assert!(spec.len() > 60, "{}", spec.len());
        let known = known();
        let missing: Vec<&String> = spec
            .iter()
            .filter(|s| !known.contains(&s.as_str()))
            .collect();
        assert!(missing.is_empty(), "unknown to the filter: {missing:?}");
        assert!(known.contains(&"auth0-adldap"));
        assert_eq!(
            known.len(),
            spec.len(),
            "the filter knows values the spec does not"
        );
    }
}
