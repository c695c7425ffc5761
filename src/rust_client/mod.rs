//! The Rust async API (cargo feature `rust-client`), for Rust apps compiled to wasm: Leptos, Yew
//! or Dioxus pages, workers-rs Workers. The same client as the npm package's, with the same
//! rules, validation, retries and errors (all in this crate), driven from Rust: fetch through
//! gloo-net, timers through gloo-timers, results decoded into the typed models of
//! [`crate::auth0::models`] and [`crate::okta::models`].
//!
//! ```no_run
//! use idp_connections::auth0::models::CreateConnectionRequestContent;
//! use idp_connections::rust_client::{ClientOptions, ListConnectionsParams, ManagementClient, ManagementError};
//!
//! async fn demo() -> Result<(), ManagementError> {
//!     let options = ClientOptions::with_client_credentials("acme.eu.auth0.com", "CLIENT_ID", "CLIENT_SECRET")
//!         .max_retries(3);
//!     let client = ManagementClient::new(options)?;
//!     // One page (checkpoint paging; `per_page`/`page`/`include_totals` for offset paging).
//!     let page = client.connections().list(ListConnectionsParams { take: Some(50), ..Default::default() }).await?;
//!     if let Some(next) = page.next_page().await? { /* page.next_params, next.items … */ }
//!     // Every connection, page by page.
//!     let mut every = client.connections().list_all(ListConnectionsParams::default());
//!     while let Some(connection) = every.next().await {
//!         println!("{:?}", connection?.name);
//!     }
//!     // Bodies are the typed models; they are validated before sending (policy: `.validation(..)`).
//!     let body = CreateConnectionRequestContent { name: "acme-db".into(), strategy: "auth0".into(), ..Default::default() };
//!     let created = client.connections().create(&body).await?;
//!     client.connections().delete(created.id.as_deref().unwrap_or_default()).await?;
//!     Ok(())
//! }
//! ```
//!
//! (The README's example: `make test-rust-client` compiles it.)
//!
//! Only this module and `crate::js` reference JavaScript; the npm package's wasm is built without
//! the feature and holds none of it.

mod call;
mod connections;
mod driver;
mod error;
mod fetch;
mod limiter;
mod okta;
mod options;
mod pacing;
mod page;
mod params;

pub use crate::http::error::ErrorKind;
pub use crate::http::limiter::WaitReason;
pub use crate::http::policy::SendPolicy;
pub use connections::{
    ClientsApi, ConnectionsApi, DirectoryProvisioningApi, KeysApi, ManagementClient,
    ScimConfigurationApi, ScimTokensApi, SynchronizationsApi, UsersApi,
};
pub use error::{ManagementError, OktaError};
pub use limiter::{Pacing, RateLimiter, RateLimiterStats};
pub use okta::{AppConnectionUserProvisionJWKResponse, OktaClient, ProvisioningConnectionRequest};
pub use options::{ClientOptions, Credentials, RequestOptions, TokenFuture, TokenProvider};
pub use pacing::WaitInfo;
pub use page::{Page, Pager};
pub use params::{
    CheckpointParams, GetConnectionParams, ListConnectionsParams, ListParams,
    ListSynchronizedGroupsParams,
};
