// Fault injection for the local tenant: the tests decide which requests fail and how. A fault
// matches by method and path (a prefix of the path or of the part after /api/v2, or a RegExp),
// fires `times` times (or on a seeded-random share of matches), and answers with a status, a
// delay, a hang or a dropped socket.
import { seededRandom } from './random.mjs';

/**
 * Whether a fault's `path` matches: a RegExp tests the full path; a string is a prefix of the full
 * path (`/api/v2/connections`, `/api/v1/apps`, `/oauth/token`) or of the part after `/api/v2`
 * (`/connections/con_1`); no path matches every request.
 */
function pathMatches(pattern, path) {
  if (pattern instanceof RegExp) return pattern.test(path);
  if (!pattern) return true;
  return path.startsWith(pattern) || (path.startsWith('/api/v2/') && path.slice('/api/v2'.length).startsWith(pattern));
}

/** A fault list with `inject`, `clear` and `take(method, path)`. */
export function createFaults(seed = 42) {
  let faults = [];
  const next = seededRandom(seed);
  return {
    /** Adds a fault: `{ method?, path?, times = 1, probability?, status?, headers?, body?, delayMs?, hang?, drop? }`. */
    inject(fault) {
      faults.push({ times: 1, ...fault });
    },
    clear() {
      faults = [];
    },
    list() {
      return faults.map(({ path, ...rest }) => ({ ...rest, path: String(path ?? '') }));
    },
    /** The fault for this request, if one fires (and counts it). */
    take(method, path) {
      for (const fault of faults) {
        if (fault.times <= 0) continue;
        if (fault.method && fault.method.toUpperCase() !== method) continue;
        if (!pathMatches(fault.path, path)) continue;
        if (fault.probability !== undefined && next() >= fault.probability) continue;
        fault.times -= 1;
        return fault;
      }
      return undefined;
    },
  };
}

/** A control request the tenant refuses (a 400 with `message`), never a crash or a broken tenant. */
export class ControlError extends Error {}

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What each member of a fault sent as JSON may hold, with the reason given otherwise. */
const FAULT_MEMBERS = {
  method: [(v) => typeof v === 'string' && /^[A-Za-z]+$/.test(v), 'an HTTP method name'],
  path: [(v) => typeof v === 'string' || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && typeof v.regexp === 'string'), 'a string or { "regexp": "..." }'],
  times: [(v) => v === null || v === 'Infinity' || (Number.isInteger(v) && v >= 0), 'a whole number, null or "Infinity"'],
  probability: [(v) => typeof v === 'number' && v >= 0 && v <= 1, 'a number from 0 to 1'],
  status: [(v) => Number.isInteger(v) && v >= 200 && v <= 599, 'an HTTP status from 200 to 599'],
  headers: [(v) => v !== null && typeof v === 'object' && !Array.isArray(v)
    && Object.entries(v).every(([name, value]) => HEADER_NAME.test(name) && typeof value === 'string' && !/[\r\n\0]/.test(value)), 'an object of header names to strings'],
  body: [() => true, 'any JSON'],
  delayMs: [(v) => Number.isFinite(v) && v >= 0 && v <= 600_000, 'milliseconds from 0 to 600000'],
  hang: [(v) => typeof v === 'boolean', 'true or false'],
  drop: [(v) => typeof v === 'boolean', 'true or false'],
};

/**
 * Parses a fault sent as JSON over the control endpoint (`path` may be `{ regexp: "..." }`,
 * `times` null or "Infinity"). Throws a ControlError naming the first member that is not a fault's
 * (an unknown key, a wrong type, a RegExp that does not compile).
 */
export function faultFromJson(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ControlError('a fault is a JSON object');
  const fault = {};
  for (const [key, value] of Object.entries(body)) {
    const member = Object.hasOwn(FAULT_MEMBERS, key) ? FAULT_MEMBERS[key] : undefined;
    if (!member) throw new ControlError(`unknown fault member ${JSON.stringify(key)}; known: ${Object.keys(FAULT_MEMBERS).join(', ')}`);
    const [check, expected] = member;
    if (!check(value)) throw new ControlError(`fault member ${key} must be ${expected}; it is ${JSON.stringify(value)}`);
    fault[key] = value;
  }
  if (typeof fault.path === 'object') {
    try {
      fault.path = new RegExp(fault.path.regexp);
    } catch (error) {
      throw new ControlError(`fault member path.regexp does not compile: ${error.message}`);
    }
  }
  if (fault.times === null || fault.times === 'Infinity') fault.times = Infinity;
  return fault;
}
