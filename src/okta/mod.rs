//! Okta application default provisioning connection: models, validation rules and endpoints.

pub mod endpoints;
pub mod models;
mod operations;
pub mod rules;
pub mod schema;
