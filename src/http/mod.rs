//! HTTP: request and response descriptions, retry and backoff, rate-limit headers and pacing, errors, paging
//! and (on wasm only) the fetch transport.

pub mod error;
pub mod limiter;
pub mod operation;
pub mod paging;
pub mod params;
pub mod policy;
pub mod query;
pub mod rate_limit;
pub mod request;
pub mod retry;
pub mod substring;
pub mod url;
