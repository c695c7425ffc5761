// The console's connection to a tenant: clients built from what the user typed (or the demo's
// embedded tenant). Credentials live only in this module's memory: never in storage or URLs.
import { ManagementClient, OktaClient } from 'idp-connections';

let current;
const listeners = new Set();
const waitListeners = new Set();
/** The clients' rate limiters report each call that starts to wait. */
const onRateLimit = (wait) => {
  for (const listener of waitListeners) listener(wait);
};

/** Connects: `{ domain, token }` or `{ domain, clientId, clientSecret }`, plus an optional Okta org. */
export function connect({ domain, token, clientId, clientSecret, oktaOrgUrl, oktaToken, label }) {
  const auth = token ? { token } : { clientId, clientSecret };
  const management = new ManagementClient({ domain, ...auth, maxRetries: 3, onRateLimit });
  const okta = oktaOrgUrl && oktaToken ? new OktaClient({ orgUrl: oktaOrgUrl, token: oktaToken, maxRetries: 3, onRateLimit }) : undefined;
  current = { management, okta, label: label ?? domain };
  for (const listener of listeners) listener(current);
  return current;
}

/** The connected clients, or undefined. */
export const session = () => current;

/** Calls `listener(session)` on every (re)connection. */
export function onConnect(listener) {
  listeners.add(listener);
}

/** Calls `listener({ ms, reason, queued, inFlight })` whenever a call waits for the rate limit. */
export function onRateLimitWait(listener) {
  waitListeners.add(listener);
}
