// @ts-check
// The error classes every client call rejects with. Built by the wasm core from plain data; they
// never hold a token (the core redacts credentials echoed by a server).

/** Every failure of a ManagementClient or OktaClient call. */
export class ManagementError extends Error {
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
