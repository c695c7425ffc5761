//! HTTP: request and response descriptions, retry and backoff, rate-limit headers, errors, paging
//! and (on wasm only) the fetch transport.
