//! Typed query parameters of the operations that take some, turned into the crate's
//! [`Params`] (the same checks as the npm package's: ranges, the 1000-record offset cap).

use crate::http::params::{ParamValue, Params};

/// Parameters of a list operation: what is sent, and the parameters of the page after.
pub trait ListParams: Clone {
    /// The parameters as sent.
    fn to_params(&self) -> Params;
    /// Sets the checkpoint cursor (`from`).
    fn set_from(&mut self, cursor: String);
    /// Sets the offset page (`page`); checkpoint-only lists ignore it.
    fn set_page(&mut self, _page: u64) {}
    /// The parameters of the page after, from the ones the paging rules computed.
    fn following(&self, next: &Params) -> Self {
        let mut following = self.clone();
        if let Some(ParamValue::Text(cursor)) = next.get("from") {
            following.set_from(cursor.clone());
        }
        if let Some(page) = next.count("page") {
            following.set_page(page);
        }
        following
    }
}

/// Appends `name` when `value` is given.
fn push(params: &mut Params, name: &str, value: Option<ParamValue>) {
    if let Some(value) = value {
        params.set(name, value);
    }
}

/// A count as a parameter value.
fn number(value: Option<u64>) -> Option<ParamValue> {
    // Counts stay far below 2^53: exact as a double.
    value.map(|n| ParamValue::Number(n as f64))
}

/// A text as a parameter value.
fn text(value: Option<&String>) -> Option<ParamValue> {
    value.map(|text| ParamValue::Text(text.clone()))
}

/// A flag as a parameter value.
fn flag(value: Option<bool>) -> Option<ParamValue> {
    value.map(ParamValue::Bool)
}

/// `connections.list`: checkpoint (`from`, `take`) or offset (`page`, `per_page`,
/// `include_totals`) paging, and filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListConnectionsParams {
    /// Offset paging: entries per page (1 to 100).
    pub per_page: Option<u64>,
    /// Offset paging: the page, from 0 (at most 1000 records are reachable).
    pub page: Option<u64>,
    /// Offset paging: answer with `total`, `start` and `limit`.
    pub include_totals: Option<bool>,
    /// Checkpoint paging: the cursor (the previous page's `next`).
    pub from: Option<String>,
    /// Checkpoint paging: entries per page (1 to 100).
    pub take: Option<u64>,
    /// Only connections of these strategies.
    pub strategy: Vec<String>,
    /// Only the connection of this name.
    pub name: Option<String>,
    /// Fields to include or exclude (comma-separated).
    pub fields: Option<String>,
    /// Whether `fields` are included (true) or excluded.
    pub include_fields: Option<bool>,
}

impl ListParams for ListConnectionsParams {
    fn to_params(&self) -> Params {
        let mut params = Params::new();
        push(&mut params, "per_page", number(self.per_page));
        push(&mut params, "page", number(self.page));
        push(&mut params, "include_totals", flag(self.include_totals));
        push(&mut params, "from", text(self.from.as_ref()));
        push(&mut params, "take", number(self.take));
        if !self.strategy.is_empty() {
            let list = self.strategy.iter().cloned().map(ParamValue::Text);
            params.set("strategy", ParamValue::List(list.collect()));
        }
        push(&mut params, "name", text(self.name.as_ref()));
        push(&mut params, "fields", text(self.fields.as_ref()));
        push(&mut params, "include_fields", flag(self.include_fields));
        params
    }

    fn set_from(&mut self, cursor: String) {
        self.from = Some(cursor);
    }

    fn set_page(&mut self, page: u64) {
        self.page = Some(page);
    }
}

/// Checkpoint paging (`from`, `take`): the SCIM configurations, the directory provisionings and
/// a connection's enabled clients.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckpointParams {
    /// The cursor (the previous page's `next`).
    pub from: Option<String>,
    /// Entries per page.
    pub take: Option<u64>,
}

impl ListParams for CheckpointParams {
    fn to_params(&self) -> Params {
        let mut params = Params::new();
        push(&mut params, "from", text(self.from.as_ref()));
        push(&mut params, "take", number(self.take));
        params
    }

    fn set_from(&mut self, cursor: String) {
        self.from = Some(cursor);
    }
}

/// `connections.directoryProvisioning.listSynchronizedGroups`: checkpoint paging and a search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListSynchronizedGroupsParams {
    /// The cursor (the previous page's `next`).
    pub from: Option<String>,
    /// Entries per page (1 to 100).
    pub take: Option<u64>,
    /// Lucene prefix search on name or email (`name:engineering*`).
    pub q: Option<String>,
}

impl ListParams for ListSynchronizedGroupsParams {
    fn to_params(&self) -> Params {
        let mut params = Params::new();
        push(&mut params, "from", text(self.from.as_ref()));
        push(&mut params, "take", number(self.take));
        push(&mut params, "q", text(self.q.as_ref()));
        params
    }

    fn set_from(&mut self, cursor: String) {
        self.from = Some(cursor);
    }
}

/// `connections.get`: which fields to include or exclude.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GetConnectionParams {
    /// Fields to include or exclude (comma-separated).
    pub fields: Option<String>,
    /// Whether `fields` are included (true) or excluded.
    pub include_fields: Option<bool>,
}

impl GetConnectionParams {
    /// The parameters as sent.
    pub fn to_params(&self) -> Params {
        let mut params = Params::new();
        push(&mut params, "fields", text(self.fields.as_ref()));
        push(&mut params, "include_fields", flag(self.include_fields));
        params
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_sent_as_given_in_order() {
        let params = ListConnectionsParams {
            take: Some(10),
            strategy: vec!["auth0".into(), "samlp".into()],
            include_fields: Some(false),
            ..Default::default()
        }
        .to_params();
        let names: Vec<&str> = params.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["take", "strategy", "include_fields"]);
        assert_eq!(params.count("take"), Some(10));
        assert_eq!(
            params.get("strategy"),
            Some(&ParamValue::List(vec![
                ParamValue::Text("auth0".into()),
                ParamValue::Text("samlp".into())
            ]))
        );
        assert!(CheckpointParams::default()
            .to_params()
            .iter()
            .next()
            .is_none());
    }

    #[test]
    fn the_next_page_keeps_the_other_parameters() {
        let first = ListConnectionsParams {
            per_page: Some(5),
            include_totals: Some(true),
            name: Some("x".into()),
            ..Default::default()
        };
        let mut next = first.to_params();
        next.set("page", ParamValue::Number(3.0));
        let following = first.following(&next);
        assert_eq!(following.page, Some(3));
        assert_eq!(
            (following.per_page, following.name.as_deref()),
            (Some(5), Some("x"))
        );
        let groups = ListSynchronizedGroupsParams {
            q: Some("name:eng*".into()),
            ..Default::default()
        };
        let mut cursor = groups.to_params();
        cursor.set("from", ParamValue::Text("c2".into()));
        cursor.set("page", ParamValue::Number(1.0));
        let following = groups.following(&cursor);
        assert_eq!(following.from.as_deref(), Some("c2"));
        assert_eq!(following.q.as_deref(), Some("name:eng*"));
    }
}
