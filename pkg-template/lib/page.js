// @ts-check
// Page: one page of a list operation, with the means to fetch the following ones.

/**
 * One page of results: `data` (this page's items), `next` (checkpoint cursor), `total`, `start`,
 * `limit` (offset paging with totals). `for await (const item of page)` walks this page and every
 * following one; `onProgress(itemsSoFar)` (from the request options) is called after each page.
 */
export class Page {
  #fetcher;
  #nextParams;
  #onProgress;
  #seen;

  /** Used by the clients: `fetcher(params)` resolves to the core's `{ status, data, page }`. */
  constructor(result, fetcher, onProgress, seen = 0) {
    const page = result.page ?? {};
    this.data = page.items ?? [];
    this.response = result.data;
    this.next = page.next;
    this.total = page.total;
    this.start = page.start;
    this.limit = page.limit;
    this.#fetcher = fetcher;
    this.#nextParams = page.nextParams;
    this.#onProgress = onProgress;
    this.#seen = seen + this.data.length;
    if (typeof onProgress === 'function') onProgress(this.#seen);
  }

  /** Whether another page follows. */
  hasNextPage() {
    return this.#nextParams !== undefined;
  }

  /** Fetches the following page; rejects when there is none. */
  async getNextPage() {
    if (this.#nextParams === undefined) throw new RangeError('this is the last page');
    const result = await this.#fetcher(this.#nextParams);
    return new Page(result, this.#fetcher, this.#onProgress, this.#seen);
  }

  /** Every item of this page and all following pages. */
  async *[Symbol.asyncIterator]() {
    /** @type {Page} */
    let page = this;
    for (;;) {
      yield* page.data;
      if (!page.hasNextPage()) return;
      page = await page.getNextPage();
    }
  }
}
