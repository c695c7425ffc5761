// Timers and abort signals for the wasm transport: a sleep that an AbortSignal cancels (clearing
// its timer), and a per-attempt signal combining a timeout with the caller's signal. Only plain
// web APIs (setTimeout, AbortController), so it runs in browsers, Node 20+ and workerd.

/** Resolves after `ms`, or rejects with the signal's reason as soon as `signal` aborts. */
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A signal for one attempt: aborts after `ms` (then `timedOut` is true) or when `parent` aborts.
 * Call `clear()` when the attempt is over so no timer or listener outlives it.
 */
export function attemptSignal(ms, parent) {
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
