//! Auth0 Management API v2 `/connections*`: models, validation rules and endpoint descriptions.

pub mod cross_field;
#[cfg(test)]
mod cross_field_tests;
pub mod endpoints;
pub mod models;
pub mod name;
mod operations;
pub mod rules;
pub mod schema;
pub mod strategy_filter;
