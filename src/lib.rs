//! # idp-connections
//!
//! Models, validators and a fetch client for identity-provider *connections*: the Auth0 Management
//! API v2 `/connections*` endpoints and Okta's application default provisioning connection.
//!
//! Everything except `js` (the npm package's `#[wasm_bindgen]` boundary) and `rust_client` (the
//! Rust async API's driver, feature `rust-client`) is plain Rust over plain data and builds and
//! tests natively: validation rules, request building, retry schedules and paging are pure
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

/// Left out of Rust apps (feature `rust-client`): its exports import the npm package's own JS
/// files (`lib/runtime.js`, `lib/boundary.js`), which only the package ships.
#[cfg(not(feature = "rust-client"))]
pub mod js;

#[cfg(feature = "rust-client")]
pub mod rust_client;

/// The wasm allocator: a small free list (about 1 KB of code) in place of the default dlmalloc
/// (about 7 KB). Calls are short-lived and allocate little, so first-fit with coalescing is enough.
/// The npm package's choice: a Rust app (feature `rust-client`) keeps its own allocator.
#[cfg(all(target_arch = "wasm32", not(feature = "rust-client")))]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
