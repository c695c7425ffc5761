/* tslint:disable */
/* eslint-disable */
/**
 * One problem found by a validator: where (`path`), what kind (`code`) and a sentence a person
 * can act on (`message`), which names the rule and the figure, e.g.
 * "metadata may have at most 10 keys; it has 11".
 */
export interface Issue {
    /**
     * Keys and indexes from the validated value down to the offending part; empty for the value
     * itself.
     */
    path: PathSegment[];
    /**
     * A stable machine-readable code.
     */
    code: IssueCode;
    /**
     * A plain-language explanation naming the rule and the figures involved.
     */
    message: string;
}

/**
 * One step of the path from the validated value to the offending part: an object key or an
 * array index.
 */
export type PathSegment = string | number;

/**
 * The stable, documented set of issue codes. Their string forms never change between versions.
 */
export type IssueCode = "required" | "type" | "too_long" | "too_short" | "pattern" | "enum" | "too_many" | "too_few" | "too_small" | "too_large" | "unknown_field" | "empty_update" | "one_of" | "duplicate" | "too_deep" | "syntax";


/**
 * Checks a connection name as a form would while the user types: 1 to 128 characters matching
 * `^[a-zA-Z0-9](-[a-zA-Z0-9]|[a-zA-Z0-9])*$`. Returns the issues found, empty when valid.
 */
export function validateConnectionName(name: unknown): Issue[];

/**
 * The crate's version, which is also the npm package's version.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly validateConnectionName: (a: any) => any;
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
