//! Every JS function the wasm imports, in one place (as workers-rs keeps `worker-sys` beside
//! `worker`): the rest of `src/js` calls these and holds no `extern "C"` block of its own.

use js_sys::Array;
#[cfg(feature = "client")]
use js_sys::Promise;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(raw_module = "./lib/boundary.js")]
extern "C" {
    /// Encodes `text` as UTF-8 into `capacity` bytes of `memory` at `at`; returns the bytes
    /// written, minus the capacity needed when it does not fit (a multiple of 3), or -1 for a
    /// value that is not a string. One call answers the type check too.
    #[wasm_bindgen(js_name = encodeInto)]
    pub fn encode_into(text: &JsValue, memory: &JsValue, at: u32, capacity: u32) -> i32;
    /// `{ ok: true, value }`
    #[wasm_bindgen(js_name = okResult)]
    pub fn ok_result(value: &JsValue) -> JsValue;
    /// `{ ok: true, value }` whose value is `text` parsed on first read.
    #[wasm_bindgen(js_name = textResult)]
    pub fn text_result(text: &JsValue) -> JsValue;
    /// `{ ok: false, issues }`
    #[wasm_bindgen(js_name = failResult)]
    pub fn fail_result(issues: &Array) -> JsValue;
    /// `{ path, code, message }`, made by one JS call.
    #[wasm_bindgen(js_name = issue)]
    pub fn issue_object(path: &Array, code: &JsValue, message: &str) -> JsValue;
}

#[wasm_bindgen]
extern "C" {
    /// `Object.entries`, with a throwing Proxy or getter caught instead of propagated.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = entries)]
    pub fn object_entries(value: &JsValue) -> Result<Array, JsValue>;
    /// `JSON.parse` of text that is already a JS string (a response body, a `JSON.stringify`
    /// result): no trip through wasm memory.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    pub fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;
}

#[cfg(feature = "client")]
#[wasm_bindgen(raw_module = "./lib/errors.js")]
extern "C" {
    /// `createError(info)`: a ManagementError, or an OktaError for `info.dialect === 'okta'`.
    #[wasm_bindgen(js_name = createError)]
    pub fn create_error(info: &JsValue) -> JsValue;
}

#[cfg(feature = "client")]
#[wasm_bindgen(raw_module = "./lib/runtime.js")]
extern "C" {
    /// Resolves after `ms`; rejects with the signal's reason when it aborts.
    pub fn sleep(ms: f64, signal: &JsValue) -> Promise;
    /// One fetch with a timeout, redirects not followed and a non-2xx body read up to about `cap`
    /// characters; resolves to `{ status, headers, body }` or `{ failure, … }`, never rejects.
    #[wasm_bindgen(js_name = attempt)]
    pub fn fetch_attempt(
        method: &str,
        url: &str,
        headers: &JsValue,
        body: &JsValue,
        ms: f64,
        signal: &JsValue,
        cap: f64,
    ) -> Promise;
    /// Waits for `promise` at most `ms` and until `signal` aborts; never rejects: resolves to
    /// `{ value }`, `{ failure: 'rejected', reason }`, `{ failure: 'timeout' }` or
    /// `{ failure: 'aborted' }`. The promise itself (a shared token exchange) runs on.
    #[wasm_bindgen(js_name = within)]
    pub fn js_within(promise: &Promise, ms: f64, signal: &JsValue) -> Promise;
    /// Steps `task` (a `Task`) to its end; resolves to its result or rejects with its error.
    pub fn drive(task: JsValue) -> Promise;
    /// `{ status, data }`, with `page` for a list operation: one call, an object literal.
    #[wasm_bindgen(js_name = callResult)]
    pub fn call_result(status: u16, data: &JsValue, page: &JsValue) -> JsValue;
    /// `{ items, next, total, start, limit, nextParams }`: one call, an object literal.
    #[wasm_bindgen(js_name = pageOf)]
    pub fn page_of(
        items: &Array,
        next: Option<&str>,
        total: Option<f64>,
        start: Option<f64>,
        limit: Option<f64>,
        next_params: &JsValue,
    ) -> JsValue;
}
