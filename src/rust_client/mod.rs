//! The Rust async API (cargo feature `rust-client`), for Rust apps compiled to wasm: Leptos, Yew
//! or Dioxus pages, workers-rs Workers. The same client as the npm package's, with the same
//! rules, validation, retries and errors (all in this crate), driven from Rust: fetch through
//! gloo-net, timers through gloo-timers, results decoded into the typed models of
//! [`crate::auth0::models`] and [`crate::okta::models`].
//!
//! ```no_run
//! # async fn demo() -> Result<(), idp_connections::rust_client::ManagementError> {
//! use idp_connections::rust_client::{ClientOptions, ListConnectionsParams, ManagementClient};
//!
//! let client = ManagementClient::new(ClientOptions::with_token("acme.eu.auth0.com", "TOKEN"))?;
//! let page = client
//!     .connections()
//!     .list(ListConnectionsParams { take: Some(50), ..Default::default() })
//!     .await?;
//! for connection in &page.items {
//!     println!("{:?} {:?}", connection.name, connection.strategy);
//! }
//! let mut every = client.connections().list_all(ListConnectionsParams::default());
//! while let Some(connection) = every.next().await {
//!     let _connection = connection?;
//! }
//! # Ok(())
//! # }
//! ```
//!
//! Only this module and `crate::js` reference JavaScript; the npm package's wasm is built without
//! the feature and holds none of it.

mod call;
mod connections;
mod driver;
mod error;
mod fetch;
mod okta;
mod options;
mod page;
mod params;

pub use crate::http::error::ErrorKind;
pub use crate::http::policy::SendPolicy;
pub use connections::{
    ClientsApi, ConnectionsApi, DirectoryProvisioningApi, KeysApi, ManagementClient,
    ScimConfigurationApi, ScimTokensApi, SynchronizationsApi, UsersApi,
};
pub use error::{ManagementError, OktaError};
pub use okta::{AppConnectionUserProvisionJWKResponse, OktaClient, ProvisioningConnectionRequest};
pub use options::{ClientOptions, Credentials, RequestOptions};
pub use page::{Page, Pager};
pub use params::{
    CheckpointParams, GetConnectionParams, ListConnectionsParams, ListParams,
    ListSynchronizedGroupsParams,
};
