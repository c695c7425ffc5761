//! # idp-connections
//!
//! Models, validators and a fetch client for identity-provider *connections*: the Auth0 Management
//! API v2 `/connections*` endpoints and Okta's application default provisioning connection.
//!
//! Everything except [`js`] (the only `#[wasm_bindgen]` boundary) is plain Rust over plain data and
//! builds and tests natively: validation rules, request building, retry schedules and paging are pure
//! functions.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

pub mod auth0;
pub mod bodies;
pub mod client;
pub mod http;
pub mod models;
pub mod okta;
pub mod rules;
pub mod text;
pub mod validation;

pub mod js;

/// The wasm allocator: a small free list (about 1 KB of code) in place of the default dlmalloc
/// (about 7 KB). Calls are short-lived and allocate little, so first-fit with coalescing is enough.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
