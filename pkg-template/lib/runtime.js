// @ts-check
// The wasm client's contact with the platform: one fetch attempt with its timeout (redirects not
// followed, error bodies read up to a bound), a sleep that an AbortSignal cancels (clearing its
// timer), a wait on a token bounded by a time and a signal, and the loop that waits on the
// promises a Rust task asks for. Only plain web APIs (fetch, setTimeout, AbortController), so it runs in
// browsers, Node 20+ and workerd. Everything the client decides (what to send, whether to retry,
// how long to wait, what an answer means) is in Rust.
import { textDecoder } from './utf8.js';

/**
 * Runs a Rust task (a call or a token exchange) to its end. Each `step` gets how the promise of
 * the previous one settled and returns the next promise to wait on, or, once `task.done`, the
 * result; a step that throws rejects the run with that error.
 */
export async function drive(task) {
  let ok = true;
  let value;
  try {
    for (;;) {
      const next = task.step(ok, value);
      if (task.done) return next;
      try {
        value = await next;
        ok = true;
      } catch (reason) {
        value = reason;
        ok = false;
      }
    }
  } finally {
    task.free();
  }
}

/**
 * Sends one request over the global `fetch` with a timeout of `ms` for the whole attempt (body
 * included) and the caller's `signal`; never rejects. Redirects are not followed (`manual`: a 3xx
 * comes back as it is, or in browsers as an opaque redirect, reported with status 0). Resolves to
 * `{ status, headers, body, to }`, `headers` as `name:value` lines, `to` the origin a `Location`
 * header points to (by the platform's URL parser), `body` as text (`''` for 204; for a non-2xx
 * answer about the first `cap` characters, the rest cancelled unread), or, when no response came,
 * to `{ failure }`: `'timeout'`, `'aborted'` (with the signal's `reason`) or `'network'` (with a
 * `description` that includes the error's `cause`, where Node's `fetch failed` keeps the reason).
 */
export async function attempt(method, url, headers, body, ms, signal, cap) {
  const guard = attemptSignal(ms, signal);
  try {
    const response = await fetch(url, { method, headers, body, signal: guard.signal, redirect: 'manual' });
    let lines = '';
    for (const [name, value] of response.headers) lines += `${name}:${value}\n`;
    const status = response.type === 'opaqueredirect' ? 0 : response.status;
    const text = status === 204 ? '' : response.ok ? await response.text() : await prefix(response, cap);
    const location = response.headers.get('location');
    return { status, headers: lines, body: text, to: location ? originOf(location, url) : undefined };
  } catch (error) {
    if (guard.timedOut) return { failure: 'timeout' };
    if (signal?.aborted) return { failure: 'aborted', reason: signal.reason };
    return { failure: 'network', description: describe(error) };
  } finally {
    guard.clear();
  }
}

/** The origin `location` (relative to `url`) points to; `undefined` when it does not parse. */
function originOf(location, url) {
  try {
    return new URL(location, url).origin;
  } catch {
    return undefined;
  }
}

/**
 * A response body's text up to `cap` characters or a little more (whole chunks are read); the
 * rest is cancelled unread, so what is held never exceeds `cap` plus one chunk.
 */
async function prefix(response, cap) {
  const reader = response.body?.getReader();
  const decoder = textDecoder();
  let text = '';
  try {
    while (reader && text.length < cap) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    reader?.cancel().catch(() => {});
  }
  return text;
}

/**
 * Waits for `promise` (a token) at most `ms` and until `signal` aborts; never rejects. Resolves to
 * `{ value }`, `{ failure: 'rejected', reason }`, `{ failure: 'timeout' }` or
 * `{ failure: 'aborted' }`. Giving up does not cancel the promise: a token exchange other calls
 * share runs on for them.
 */
export async function within(promise, ms, signal) {
  const guard = attemptSignal(ms, signal);
  try {
    return await new Promise((resolve) => {
      const stop = () => resolve({ failure: guard.timedOut ? 'timeout' : 'aborted' });
      if (guard.signal.aborted) stop();
      guard.signal.addEventListener('abort', stop);
      promise.then((value) => resolve({ value }), (reason) => resolve({ failure: 'rejected', reason }));
    });
  } finally {
    guard.clear();
  }
}

/** A thrown value's message, followed by its cause's. */
function describe(error) {
  const text = (value) =>
    typeof value?.message === 'string' ? value.message : typeof value === 'string' ? value : 'unknown error';
  const cause = error?.cause;
  return cause === undefined || cause === null ? text(error) : `${text(error)}: ${text(cause)}`;
}

/**
 * A call's result, `{ status, data }` plus `page` for a list operation. Results and pages (one per
 * response) are built by one call each, as literals: setting properties one by one from wasm costs
 * a boundary crossing and a shape change per property.
 */
export function callResult(status, data, page) {
  return page === undefined ? { status, data } : { status, data, page };
}

/** One page of a list operation, as `Page` reads it. */
export function pageOf(items, next, total, start, limit, nextParams) {
  return { items, next, total, start, limit, nextParams };
}

/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as `signal` aborts. The promise
 * carries `wake()`, which resolves it at once (the rate limiter wakes the head of its queue).
 */
export function sleep(ms, signal) {
  let wake = () => {};
  /** @type {Promise<void> & { wake?: () => void }} */
  const promise = new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    wake = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(undefined);
    };
    const timer = setTimeout(wake, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  promise.wake = wake;
  return promise;
}

/**
 * A signal for one attempt: aborts after `ms` (then `timedOut` is true) or when `parent` aborts.
 * Call `clear()` when the attempt is over so no timer or listener outlives it.
 */
function attemptSignal(ms, parent) {
  const controller = new AbortController();
  const state = { signal: controller.signal, timedOut: false, clear };
  const onAbort = () => controller.abort(parent.reason);
  const timer = setTimeout(() => {
    state.timedOut = true;
    controller.abort(new DOMException('the attempt timed out', 'TimeoutError'));
  }, Math.max(1, ms));
  if (parent?.aborted) onAbort();
  else parent?.addEventListener('abort', onAbort, { once: true });
  function clear() {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onAbort);
  }
  return state;
}
