//! The shape shared by every operation method: arguments in, one driven call, the body decoded.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::driver::Driver;
use super::error::ManagementError;
use super::page::decode;
use crate::http::error::ApiError;
use crate::http::operation::OpArgs;
use crate::validation::{Issue, IssueCode};

/// Arguments with the main path id (`{id}`, Okta's `{appId}`).
pub fn id(id: &str) -> OpArgs {
    OpArgs {
        id: Some(id.to_owned()),
        ..OpArgs::default()
    }
}

/// `args` with `body` as its JSON text; a body serde cannot write (a map with non-string keys)
/// is a `validation` error, with nothing sent.
pub fn with_body(
    driver: &Driver,
    mut args: OpArgs,
    body: &(impl Serialize + ?Sized),
) -> Result<OpArgs, ManagementError> {
    let text = serde_json::to_string(body).map_err(|error| {
        driver.fail(ApiError::validation(
            "the request body",
            vec![Issue::new(
                Vec::new(),
                IssueCode::Type,
                crate::text!("the body cannot be written as JSON: ", error.to_string()),
            )],
        ))
    })?;
    args.body = Some(text);
    Ok(args)
}

/// Runs `op` and decodes its answer into `T`.
pub async fn json<T: DeserializeOwned>(
    driver: &Driver,
    op: &'static str,
    args: OpArgs,
) -> Result<T, ManagementError> {
    let done = driver.run(op, args).await?;
    decode(driver, op, &done)
}

/// Runs `op`, whose answer has no body worth reading (204, 202).
pub async fn empty(driver: &Driver, op: &'static str, args: OpArgs) -> Result<(), ManagementError> {
    driver.run(op, args).await.map(|_| ())
}
