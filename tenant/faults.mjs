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

/** Parses a fault sent as JSON over the control endpoint (`path` may be `{ regexp: "..." }`). */
export function faultFromJson(body) {
  const fault = { ...body };
  if (fault.path && typeof fault.path === 'object' && fault.path.regexp) fault.path = new RegExp(fault.path.regexp);
  if (fault.times === null || fault.times === 'Infinity') fault.times = Infinity;
  return fault;
}
