//! The client's sans-I/O core: every decision of a call (prepare, authenticate, send, read the
//! answer, retry, refresh the token, page) as plain Rust over plain data, with no clock, no
//! randomness and no I/O of its own. A driver feeds it [`Event`]s with the current time and a
//! random draw and performs the [`Action`]s it asks for (the shape of quinn-proto under quinn):
//! the npm package's driver is `src/js/client.rs` with `lib/runtime.js`; native tests drive it
//! with a scripted clock (`tests/call_core.rs`).
//!
//! ```text
//! let mut client = Client::new(config);
//! let mut call = Call::new(&client, "connections.get", args, &CallOptions::default())?;
//! call.handle(&mut client, Event::Start, now_ms, random);
//! while let Some(action) = call.poll() { /* perform it, then handle what came of it */ }
//! ```

pub mod answer;
pub mod call;
pub mod config;
pub mod events;
pub mod exchange;
pub mod prepare;
pub mod shared;
pub mod token;

pub use call::Call;
pub use config::{Auth, CallOptions, ClientConfig};
pub use events::{Action, Answer, Body, Event, Failure, Request, Success, TokenFailure};
pub use exchange::Exchange;
pub use prepare::prepare;
pub use shared::Client;
pub use token::{TokenCache, TokenNeed};
