/** One page of a list operation; `for await` walks every item of this and following pages. */
export declare class Page<T> implements AsyncIterable<T> {
  private constructor();
  readonly data: T[];
  /** The raw response body of this page. */
  readonly response: unknown;
  readonly next?: string;
  readonly total?: number;
  readonly start?: number;
  readonly limit?: number;
  hasNextPage(): boolean;
  getNextPage(): Promise<Page<T>>;
  [Symbol.asyncIterator](): AsyncIterator<T>;
}
