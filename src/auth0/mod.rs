//! Auth0 Management API v2 `/connections*`: models, validation rules and endpoint descriptions.

pub mod cross_field;
pub mod endpoints;
pub mod models;
mod operations;
pub mod rules;
pub mod schema;
