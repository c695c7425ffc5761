//! Typed results: a body decoded into its model, a list page ([`Page`]: items, cursor or totals,
//! the parameters of the next page) and [`Pager`], which walks every item of every page.

use std::collections::VecDeque;
use std::future::{poll_fn, Future};
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;

use serde::de::DeserializeOwned;

use super::driver::{Done, Driver};
use super::error::ManagementError;
use super::params::ListParams;
use crate::http::error::{ApiError, ErrorKind};
use crate::http::operation::OpArgs;

/// The error for a 2xx body that does not decode into its model.
fn mismatch(driver: &Driver, op: &str, status: u16, problem: &str) -> ManagementError {
    let mut error = ApiError::new(
        ErrorKind::Api,
        crate::text!("the answer to ", op, " does not match its model: ", problem),
    );
    error.status = Some(status);
    driver.fail(error)
}

/// Decodes a call's body into `T`.
pub fn decode<T: DeserializeOwned>(
    driver: &Driver,
    op: &str,
    done: &Done,
) -> Result<T, ManagementError> {
    serde_json::from_str(&done.body)
        .map_err(|error| mismatch(driver, op, done.status, &error.to_string()))
}

/// One page of a list: its items and what the answer said about paging.
#[derive(Debug, Clone)]
pub struct Page<T, P> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The checkpoint cursor for the next page (`next`), when the answer has one.
    pub next: Option<String>,
    /// Offset paging with totals: how many items there are.
    pub total: Option<u64>,
    /// Offset paging with totals: the index of this page's first item.
    pub start: Option<u64>,
    /// Offset paging with totals: the page size.
    pub limit: Option<u64>,
    /// The parameters of the next page; `None` on the last page.
    pub next_params: Option<P>,
    /// The HTTP status.
    pub status: u16,
    lister: Lister<T, P>,
}

impl<T: DeserializeOwned, P: ListParams> Page<T, P> {
    /// Whether there is a page after this one.
    pub fn has_next_page(&self) -> bool {
        self.next_params.is_some()
    }

    /// Fetches the page after this one; `None` on the last page.
    pub async fn next_page(&self) -> Result<Option<Page<T, P>>, ManagementError> {
        match &self.next_params {
            Some(params) => self.lister.fetch(params.clone()).await.map(Some),
            None => Ok(None),
        }
    }

    /// A [`Pager`] over this page's items, then every later page's.
    pub fn into_pager(self) -> Pager<T, P> {
        Pager {
            pending: self.next_params,
            buffer: self.items.into(),
            lister: self.lister,
            fetching: None,
        }
    }
}

/// A list operation bound to its client and path: fetches pages by parameters.
#[derive(Debug)]
pub struct Lister<T, P> {
    driver: Driver,
    op: &'static str,
    id: Option<String>,
    types: PhantomData<fn() -> (T, P)>,
}

impl<T, P> Clone for Lister<T, P> {
    fn clone(&self) -> Self {
        Lister {
            driver: self.driver.clone(),
            op: self.op,
            id: self.id.clone(),
            types: PhantomData,
        }
    }
}

impl<T: DeserializeOwned, P: ListParams> Lister<T, P> {
    /// The list operation `op` of `driver`, under the connection `id` when it has one.
    pub fn new(driver: &Driver, op: &'static str, id: Option<&str>) -> Self {
        Lister {
            driver: driver.clone(),
            op,
            id: id.map(str::to_owned),
            types: PhantomData,
        }
    }

    /// Fetches the page `params` select.
    pub async fn fetch(&self, params: P) -> Result<Page<T, P>, ManagementError> {
        let args = OpArgs {
            id: self.id.clone(),
            params: params.to_params(),
            ..OpArgs::default()
        };
        let done = self.driver.run(self.op, args).await?;
        let mismatch = |problem: &str| mismatch(&self.driver, self.op, done.status, problem);
        let Some((items_key, state)) = &done.page else {
            return Err(mismatch("no page"));
        };
        let mut body: serde_json::Value =
            serde_json::from_str(&done.body).map_err(|error| mismatch(&error.to_string()))?;
        let items = match &mut body {
            serde_json::Value::Array(items) => std::mem::take(items),
            other => match other.get_mut(*items_key).map(serde_json::Value::take) {
                Some(serde_json::Value::Array(items)) => items,
                _ => Vec::new(),
            },
        };
        let items = items
            .into_iter()
            .map(serde_json::from_value)
            .collect::<Result<Vec<T>, _>>()
            .map_err(|error| mismatch(&error.to_string()))?;
        Ok(Page {
            items,
            next: state.next.clone(),
            total: state.total,
            start: state.start,
            limit: state.limit,
            next_params: state
                .next_params
                .as_ref()
                .map(|next| params.following(next)),
            status: done.status,
            lister: self.clone(),
        })
    }

    /// A [`Pager`] from the page `params` select on.
    pub fn pager(&self, params: P) -> Pager<T, P> {
        Pager {
            pending: Some(params),
            buffer: VecDeque::new(),
            lister: self.clone(),
            fetching: None,
        }
    }
}

/// A page being fetched.
type Fetching<T, P> = Pin<Box<dyn Future<Output = Result<Page<T, P>, ManagementError>>>>;

/// Every item of a list, page after page, fetched as they are needed: `while let
/// Some(item) = pager.next().await { … }`, or as a [`Stream`] (`futures::StreamExt` and the
/// like). Stops after an error.
pub struct Pager<T, P> {
    pending: Option<P>,
    buffer: VecDeque<T>,
    lister: Lister<T, P>,
    fetching: Option<Fetching<T, P>>,
}

impl<T: std::fmt::Debug, P: std::fmt::Debug> std::fmt::Debug for Pager<T, P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pager")
            .field("pending", &self.pending)
            .field("buffer", &self.buffer)
            .field("fetching", &self.fetching.is_some())
            .finish_non_exhaustive()
    }
}

/// No field is pinned in place: the page being fetched is boxed.
impl<T, P> Unpin for Pager<T, P> {}

impl<T: DeserializeOwned + 'static, P: ListParams + 'static> Stream for Pager<T, P> {
    type Item = Result<T, ManagementError>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.buffer.pop_front() {
                return Poll::Ready(Some(Ok(item)));
            }
            let fetching = match &mut this.fetching {
                Some(fetching) => fetching,
                None => {
                    let Some(params) = this.pending.take() else {
                        return Poll::Ready(None);
                    };
                    let lister = this.lister.clone();
                    this.fetching
                        .insert(Box::pin(async move { lister.fetch(params).await }))
                }
            };
            let Poll::Ready(result) = fetching.as_mut().poll(cx) else {
                return Poll::Pending;
            };
            this.fetching = None;
            match result {
                Ok(page) => {
                    this.pending = page.next_params;
                    this.buffer = page.items.into();
                }
                Err(error) => return Poll::Ready(Some(Err(error))),
            }
        }
    }
}

impl<T: DeserializeOwned + 'static, P: ListParams + 'static> Pager<T, P> {
    /// The next item, fetching the next page when this one is used up; `None` after the last.
    pub async fn next(&mut self) -> Option<Result<T, ManagementError>> {
        poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }

    /// Every remaining item, or the first error.
    pub async fn collect_all(mut self) -> Result<Vec<T>, ManagementError> {
        let mut all = Vec::new();
        while let Some(item) = self.next().await {
            all.push(item?);
        }
        Ok(all)
    }
}
