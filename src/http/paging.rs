//! Paging: checking paging parameters before a list request and reading the page state (items,
//! cursor or offset totals, and the parameters of the next page) from its response.

use super::params::{ParamValue, Params};
use super::request::Paged;
use crate::validation::{Issue, IssueCode};

/// Offset paging stops here: Auth0 serves at most 1000 records through `page`/`per_page`.
pub const OFFSET_LIMIT: u64 = 1000;

/// `per_page` when the caller does not give one (the spec's default).
pub const DEFAULT_PER_PAGE: u64 = 100;

/// Whether any of `keys` is present and not null.
fn has_any(params: &Params, keys: &[&str]) -> bool {
    keys.iter().any(|key| params.is_set(key))
}

/// The checkpoint paging parameters.
const CHECKPOINT_PARAMS: &[&str] = &["from", "take"];

/// Refuses offset pages that start at or past record 1000. Parameters of both styles in one call
/// (go-auth0 and Terraform send `include_totals=true&per_page=50&take=100`) are sent as given:
/// Auth0 then answers in checkpoint form, so no offset limit applies.
pub fn check_paging_params(params: &Params, paged: Paged) -> Vec<Issue> {
    let mut issues = Vec::new();
    if !paged.offset || has_any(params, CHECKPOINT_PARAMS) {
        return issues;
    }
    let page = params.count("page").unwrap_or(0);
    let per_page = params.count("per_page").unwrap_or(DEFAULT_PER_PAGE);
    let first = page.saturating_mul(per_page);
    if first >= OFFSET_LIMIT {
        issues.push(Issue::at(
            "page",
            IssueCode::TooLarge,
            crate::text!(
                "offset paging reaches at most ",
                OFFSET_LIMIT,
                " records; page ",
                page,
                " with per_page ",
                per_page,
                " starts at record ",
                first,
                "; use checkpoint paging (from, take) to read further"
            ),
        ));
    }
    issues
}

/// What a list response says about paging, read from its parsed body at the boundary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageBody {
    /// How many items this page holds.
    pub items: usize,
    /// `next`: the checkpoint cursor, when present and non-empty.
    pub next: Option<String>,
    /// `total`, offset paging with totals.
    pub total: Option<u64>,
    /// `start`, offset paging with totals.
    pub start: Option<u64>,
    /// `limit`, offset paging with totals.
    pub limit: Option<u64>,
}

impl PageBody {
    /// Reads a JSON body (tests, native callers): a bare array, or an object holding
    /// `items_key`, `next`, `total`, `start`, `limit`.
    pub fn from_json(body: &serde_json::Value, items_key: &str) -> Self {
        let field = |key: &str| body.get(key).and_then(serde_json::Value::as_u64);
        let items = match body {
            serde_json::Value::Array(items) => items.len(),
            other => other
                .get(items_key)
                .and_then(serde_json::Value::as_array)
                .map_or(0, Vec::len),
        };
        PageBody {
            items,
            next: body
                .get("next")
                .and_then(serde_json::Value::as_str)
                .filter(|cursor| !cursor.is_empty())
                .map(str::to_owned),
            total: field("total"),
            start: field("start"),
            limit: field("limit"),
        }
    }
}

/// One page's state: what the response said, and the parameters of the next page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageState {
    /// How many items this page holds.
    pub items: usize,
    /// The checkpoint cursor for the next page.
    pub next: Option<String>,
    /// Offset paging with totals: the total count.
    pub total: Option<u64>,
    /// Offset paging with totals: the index of this page's first item.
    pub start: Option<u64>,
    /// Offset paging with totals: the page size.
    pub limit: Option<u64>,
    /// The parameters that fetch the next page; `None` on the last page.
    pub next_params: Option<Params>,
    /// The `next` cursor when it is the very `from` this page was fetched with: following it
    /// would fetch this page again, forever.
    pub repeated: Option<String>,
}

/// A cursor for a message: at most its first 100 bytes.
pub fn cursor_text(cursor: &str) -> &str {
    crate::text::prefix(cursor, 100)
}

/// Works out the next page of a list request sent with `params`, from what its response said.
/// Checkpoint: a non-empty `next` cursor becomes `from`. Offset: the page after this one, while
/// `total` says more remain (or, without totals, while pages come back full), and never a page
/// the 1000-record cap refuses (so `hasNextPage()` and `getNextPage()` agree). A cursor equal to
/// the `from` sent is [`PageState::repeated`], with no next page.
pub fn read_page(params: &Params, paged: Paged, body: &PageBody) -> PageState {
    let (total, start) = (body.total, body.start);
    let mut state = PageState {
        items: body.items,
        next: body.next.clone(),
        total,
        start,
        limit: body.limit,
        next_params: None,
        repeated: None,
    };
    if state.items == 0 {
        return state;
    }
    if let Some(cursor) = &state.next {
        if matches!(params.get("from"), Some(ParamValue::Text(from)) if from == cursor) {
            state.repeated = Some(cursor.clone());
            return state;
        }
        let mut following = params.clone();
        following.set("from", ParamValue::Text(cursor.clone()));
        state.next_params = Some(following);
        return state;
    }
    // A checkpoint request (even with offset parameters too) is answered in checkpoint form:
    // without a cursor, this page is the last, unless the answer came in offset form (totals).
    if !paged.offset
        || (has_any(params, CHECKPOINT_PARAMS) && total.is_none())
        || !has_any(params, &["page", "per_page", "include_totals"])
    {
        return state;
    }
    let page = params.count("page").unwrap_or(0);
    let per_page = params.count("per_page").unwrap_or(DEFAULT_PER_PAGE);
    let read = u64::try_from(state.items).unwrap_or(u64::MAX);
    let more = match total {
        Some(total) => {
            start
                .unwrap_or(page.saturating_mul(per_page))
                .saturating_add(read)
                < total
        }
        None => read >= per_page,
    };
    let following_start = page.saturating_add(1).saturating_mul(per_page);
    if more && following_start < OFFSET_LIMIT {
        let mut following = params.clone();
        // Page numbers stay far below 2^53: exact as a double.
        following.set("page", ParamValue::Number(page.saturating_add(1) as f64));
        state.next_params = Some(following);
    }
    state
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const CONNECTIONS: Paged = Paged {
        items_key: "connections",
        offset: true,
    };
    const SCIM: Paged = Paged {
        items_key: "scim_configurations",
        offset: false,
    };

    fn params(value: Value) -> Params {
        Params::from_json(&value)
    }

    /// The page state of a JSON response body.
    fn read_page(params: &Params, paged: Paged, body: &Value) -> PageState {
        super::read_page(params, paged, &PageBody::from_json(body, paged.items_key))
    }

    #[test]
    fn checkpoint_pages_follow_next() {
        let state = read_page(
            &params(json!({"take": 2})),
            CONNECTIONS,
            &json!({"connections": [1, 2], "next": "cur"}),
        );
        assert_eq!(state.items, 2);
        assert_eq!(
            state.next_params,
            Some(params(json!({"take": 2, "from": "cur"})))
        );
        let last = read_page(
            &params(json!({"take": 2, "from": "cur"})),
            CONNECTIONS,
            &json!({"connections": [3]}),
        );
        assert_eq!(last.next_params, None);
        let empty = read_page(
            &params(json!({})),
            SCIM,
            &json!({"scim_configurations": [], "next": "x"}),
        );
        assert_eq!(empty.next_params, None);
    }

    #[test]
    fn offset_pages_with_totals() {
        let body = json!({"start": 0, "limit": 2, "total": 3, "connections": [1, 2]});
        let state = read_page(
            &params(json!({"per_page": 2, "include_totals": true})),
            CONNECTIONS,
            &body,
        );
        assert_eq!(
            (state.total, state.start, state.limit),
            (Some(3), Some(0), Some(2))
        );
        assert_eq!(
            state.next_params,
            Some(params(
                json!({"per_page": 2, "include_totals": true, "page": 1})
            ))
        );
        let body = json!({"start": 2, "limit": 2, "total": 3, "connections": [3]});
        let last = read_page(
            &params(json!({"per_page": 2, "page": 1, "include_totals": true})),
            CONNECTIONS,
            &body,
        );
        assert_eq!(last.next_params, None);
    }

    #[test]
    fn offset_pages_without_totals_stop_on_a_short_page() {
        let full = read_page(&params(json!({"per_page": 2})), CONNECTIONS, &json!([1, 2]));
        assert_eq!(
            full.next_params,
            Some(params(json!({"per_page": 2, "page": 1})))
        );
        let short = read_page(
            &params(json!({"per_page": 2, "page": 1})),
            CONNECTIONS,
            &json!([3]),
        );
        assert_eq!(short.next_params, None);
        let unpaged = read_page(&params(json!({})), CONNECTIONS, &json!([1, 2]));
        assert_eq!(unpaged.next_params, None);
    }

    #[test]
    fn both_styles_are_read_in_the_form_that_arrives() {
        let sent = params(json!({"include_totals": true, "per_page": 2, "take": 2}));
        // Checkpoint form with a cursor: follow it.
        let first = read_page(
            &sent,
            CONNECTIONS,
            &json!({"connections": [1, 2], "next": "c"}),
        );
        let mut following = sent.clone();
        following.set("from", ParamValue::Text("c".into()));
        assert_eq!(first.next_params, Some(following));
        // Checkpoint form without a cursor: the last page, not offset page 1.
        let last = read_page(&sent, CONNECTIONS, &json!({"connections": [3, 4]}));
        assert_eq!(last.next_params, None);
        // Offset form with totals: read as such.
        let offset = read_page(
            &sent,
            CONNECTIONS,
            &json!({"connections": [1, 2], "total": 5, "start": 0, "limit": 2}),
        );
        assert_eq!((offset.total, offset.items), (Some(5), 2));
        let mut page_1 = sent.clone();
        page_1.set("page", ParamValue::Number(1.0));
        assert_eq!(offset.next_params, Some(page_1));
    }

    #[test]
    fn a_repeated_cursor_is_reported_not_followed() {
        let state = read_page(
            &params(json!({"take": 2, "from": "same"})),
            CONNECTIONS,
            &json!({"connections": [1, 2], "next": "same"}),
        );
        assert_eq!(state.repeated.as_deref(), Some("same"));
        assert_eq!(state.next_params, None);
    }

    #[test]
    fn offset_paging_ends_before_the_cap() {
        let body = json!({"start": 900, "limit": 100, "total": 5000, "connections": vec![0; 100]});
        let at_cap = read_page(
            &params(json!({"page": 9, "per_page": 100, "include_totals": true})),
            CONNECTIONS,
            &body,
        );
        assert_eq!(at_cap.next_params, None);
        let before = read_page(
            &params(json!({"page": 8, "per_page": 100, "include_totals": true})),
            CONNECTIONS,
            &json!({"start": 800, "limit": 100, "total": 5000, "connections": vec![0; 100]}),
        );
        let following = before.next_params.unwrap();
        assert!(check_paging_params(&following, CONNECTIONS).is_empty());
    }

    #[test]
    fn offset_paging_past_1000_is_refused() {
        assert!(
            check_paging_params(&params(json!({"page": 9, "per_page": 100})), CONNECTIONS)
                .is_empty()
        );
        let issues =
            check_paging_params(&params(json!({"page": 10, "per_page": 100})), CONNECTIONS);
        assert_eq!(issues.len(), 1);
        assert!(
            issues[0]
                .message
                .contains("use checkpoint paging (from, take)"),
            "{}",
            issues[0].message
        );
        assert!(issues[0].message.contains("starts at record 1000"));
        // Both styles: sent as given (Auth0 answers in checkpoint form), no offset limit.
        assert!(
            check_paging_params(&params(json!({"page": 50, "take": 5})), CONNECTIONS).is_empty()
        );
        assert!(check_paging_params(&params(json!({"page": 50, "take": 5})), SCIM).is_empty());
    }
}
