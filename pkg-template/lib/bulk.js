// @ts-check
// Bulk work with per-item results: every item ends as { ok: true, value } or { ok: false, error },
// in input order, never dropped. The client's rate limiter paces the calls; this only keeps a
// bounded number going and reports progress.

/**
 * Runs `run(item, index)` for every item, at most `concurrency` at once; resolves (never rejects)
 * to one result per item in input order. `onProgress({ done, failed, total })` after each item.
 * @param {Iterable<any> | ArrayLike<any> | null | undefined} items
 * @param {(item: any, index: number) => Promise<any>} run
 * @param {{ concurrency?: number, onProgress?: (progress: { done: number, failed: number, total: number }) => void }} [options]
 */
export async function settleEach(items, run, { concurrency = 10, onProgress } = {}) {
  const list = Array.from(items ?? []);
  const results = new Array(list.length);
  let next = 0;
  let done = 0;
  let failed = 0;
  const worker = async () => {
    while (next < list.length) {
      const index = next++;
      try {
        results[index] = { ok: true, value: await run(list[index], index) };
      } catch (error) {
        failed += 1;
        results[index] = { ok: false, error };
      }
      done += 1;
      onProgress?.({ done, failed, total: list.length });
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(Number(concurrency)) || 1, list.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  return results;
}
