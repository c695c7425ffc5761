//! [`HttpRequest`]: everything needed to send one request, as plain data.

use crate::bodies::RequestBody;

/// An HTTP method the clients use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method as sent on the wire, e.g. `"PATCH"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// One request, ready for a transport: method, absolute URL, headers and an optional JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// The absolute URL, path segments already percent-encoded.
    pub url: String,
    /// Header names and values, in sending order (authorization is added by the transport).
    pub headers: Vec<(String, String)>,
    /// JSON text of the body, when there is one.
    pub body: Option<String>,
}

/// How an operation's list response is paged, if it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paged {
    /// The property of the response object holding the items, e.g. `"connections"`.
    pub items_key: &'static str,
    /// Whether the operation also accepts offset paging (`page`, `per_page`, `include_totals`).
    pub offset: bool,
}

/// An operation turned into a request: the request itself, the body rule that applies to it, and
/// how its response is paged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The request to send.
    pub request: HttpRequest,
    /// The validator that checks the body before sending, when there is a body.
    pub validator: Option<RequestBody>,
    /// Paging of the response, for list operations.
    pub paged: Option<Paged>,
}
