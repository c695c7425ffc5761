// @ts-check
// The error classes every client call rejects with. Built by the wasm core from plain data; they
// never hold a token (the core redacts credentials echoed by a server).

/**
 * The brand on the error classes' prototypes: a key from the global symbol registry, so every
 * copy of the package in a process (ESM and CommonJS load two in Node) shares it.
 */
const BRAND = Symbol.for('idp-connections.error');

/**
 * `value instanceof Class` for the package's error classes: the ordinary prototype check, or a
 * prototype of `value` branded with the same class name by another copy of the package. A
 * subclass of the user's own (with no brand of its own) keeps the ordinary check.
 */
function isInstance(Class, value) {
  if (Function.prototype[Symbol.hasInstance].call(Class, value)) return true;
  const brand = brandOf(Class.prototype);
  let proto = brand && value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : null;
  for (; proto; proto = Object.getPrototypeOf(proto)) if (brandOf(proto) === brand) return true;
  return false;
}

/** The brand `proto` itself holds (not one it inherits), if any. */
function brandOf(proto) {
  return Object.prototype.hasOwnProperty.call(proto, BRAND) ? proto[BRAND] : undefined;
}

/** Every failure of a ManagementClient or OktaClient call. */
export class ManagementError extends Error {
  /** `instanceof` that also holds across copies of the package (see `isInstance`). */
  static [Symbol.hasInstance](value) {
    return isInstance(this, value);
  }

  /** The class's brand (a literal: a minifier may rename the class). */
  get [BRAND]() {
    return 'ManagementError';
  }

  constructor(info = {}) {
    super(info.message ?? 'request failed');
    this.name = 'ManagementError';
    /** 'api' | 'timeout' | 'network' | 'validation' */
    this.kind = info.kind ?? 'api';
    this.statusCode = info.statusCode;
    this.errorCode = info.errorCode;
    this.error = info.error;
    this.requestId = info.requestId;
    this.rateLimit = info.rateLimit;
    this.issues = info.issues ?? [];
    this.body = info.body;
    if (info.cause !== undefined) this.cause = info.cause;
  }
}

/** A failure of an OktaClient call, with Okta's error fields. */
export class OktaError extends ManagementError {
  /** The class's brand. */
  get [BRAND]() {
    return 'OktaError';
  }

  constructor(info = {}) {
    super(info);
    this.name = 'OktaError';
    this.errorSummary = info.errorSummary;
    this.errorCauses = info.errorCauses ?? [];
    this.errorId = info.errorId;
  }
}

/** Used by the wasm core: the error class for `info.dialect`. */
export function createError(info) {
  return info.dialect === 'okta' ? new OktaError(info) : new ManagementError(info);
}
