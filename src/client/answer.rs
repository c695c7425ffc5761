//! Reading an answer: a body's text into a [`Body`] (with the crate's own JSON parser), and the
//! outcome of a 2xx answer (empty, JSON with its page, or not JSON).

use super::events::{Body, Success, ERROR_BODY_LIMIT};
use crate::http::error::{ApiError, ErrorBody};
use crate::http::operation::OpArgs;
use crate::http::paging::{cursor_text, read_page, PageBody};
use crate::http::rate_limit::ResponseHeaders;
use crate::http::request::Paged;
use crate::http::retry::Dialect;
use crate::validation::json::{parse, prefix_chars, Json};

impl Body {
    /// Reads a body's text for an answer with `status` to a request paged as `paged`: a 2xx
    /// body is parsed (its page read for a list operation), an error body is kept (its first
    /// [`ERROR_BODY_LIMIT`] characters) with its fields when it is JSON. The crate's parser
    /// refuses duplicate keys and nesting past 128, where `JSON.parse` would not.
    pub fn read(text: &str, status: u16, paged: Option<Paged>) -> Body {
        if !(200..300).contains(&status) {
            let text = prefix_chars(text, ERROR_BODY_LIMIT);
            let fields = parse(text).ok().map(|json| error_body(&json));
            return Body::Error(text.to_owned(), fields);
        }
        match parse(text) {
            Ok(json) => Body::Json(
                paged
                    .map(|paged| page_body(&json, paged))
                    .unwrap_or_default(),
            ),
            Err(_) if text.trim_ascii().is_empty() => Body::Blank,
            Err(_) => Body::NotJson(prefix_chars(text, ERROR_BODY_LIMIT).to_owned()),
        }
    }
}

/// A decoded string member.
fn text_of(value: Option<&Json<'_>>) -> Option<String> {
    match value {
        Some(Json::String(text)) => Some(text.decode()),
        _ => None,
    }
}

/// A count member (a whole number at or above zero).
fn count_of(value: Option<&Json<'_>>) -> Option<u64> {
    match value {
        Some(Json::Number(number)) => number.count(),
        _ => None,
    }
}

/// The fields of an error body (empty unless it is an object).
pub fn error_body(json: &Json<'_>) -> ErrorBody {
    let causes = match json.get("errorCauses") {
        Some(Json::Array(causes)) => causes
            .iter()
            .filter_map(|cause| match cause {
                Json::String(text) => Some(text.decode()),
                other => text_of(other.get("errorSummary")),
            })
            .collect(),
        _ => Vec::new(),
    };
    ErrorBody::read(|key| text_of(json.get(key)), causes)
}

/// What a list response says about paging.
pub fn page_body(json: &Json<'_>, paged: Paged) -> PageBody {
    let items = match json {
        Json::Array(items) => items.len(),
        other => match other.get(paged.items_key) {
            Some(Json::Array(items)) => items.len(),
            _ => 0,
        },
    };
    PageBody {
        items,
        next: text_of(json.get("next")).filter(|cursor| !cursor.is_empty()),
        total: count_of(json.get("total")),
        start: count_of(json.get("start")),
        limit: count_of(json.get("limit")),
    }
}

/// The end of a call answered 2xx: the success, or an `api` error for a body that is not JSON or
/// a list page whose `next` cursor is the one it was fetched with (following it would loop
/// forever).
pub fn success(
    dialect: Dialect,
    status: u16,
    headers: &ResponseHeaders,
    body: &Body,
    paged: Option<Paged>,
    args: &OpArgs,
) -> Result<Success, ApiError> {
    let page = match body {
        Body::Blank => {
            return Ok(Success {
                status,
                json: false,
                page: None,
            })
        }
        Body::NotJson(text) | Body::Error(text, _) => {
            return Err(ApiError::from_response(
                dialect, status, headers, text, None,
            ))
        }
        Body::Json(page) => page,
    };
    let Some(paged) = paged else {
        return Ok(Success {
            status,
            json: true,
            page: None,
        });
    };
    let state = read_page(&args.params, paged, page);
    if let Some(cursor) = &state.repeated {
        let mut error = ApiError::from_response(dialect, status, headers, "", None);
        error.message = crate::text!(
            "paging stopped: the server repeated the cursor \"",
            cursor_text(cursor),
            "\" as the next one (it would loop forever)"
        );
        return Err(error);
    }
    Ok(Success {
        status,
        json: true,
        page: Some(state),
    })
}
