// @ts-check
// OktaClient: Okta's application default provisioning connection, over the same wasm core.
// Methods are named after Okta's operationIds and take one object.
import { ClientCore } from '../idp_connections.js';
import { limiterFor } from './rate-limiter.js';

/** Okta `/api/v1/apps/{appId}/connections/default` client. */
export class OktaClient {
  #core;

  constructor(options) {
    this.#core = new ClientCore('okta', options, limiterFor(options));
  }

  #call(op, args, options) {
    return this.#core.call(op, args, options).then((result) => result.data);
  }

  /** @param {{ appId?: string }} [args] @param {object} [options] */
  getDefaultProvisioningConnectionForApplication({ appId } = {}, options) {
    return this.#call('getDefaultProvisioningConnectionForApplication', { id: appId }, options);
  }

  /** @param {{ appId?: string, body?: unknown, activate?: boolean }} [args] @param {object} [options] */
  updateDefaultProvisioningConnectionForApplication({ appId, body, activate } = {}, options) {
    return this.#call('updateDefaultProvisioningConnectionForApplication', { id: appId, body, params: { activate } }, options);
  }

  /** @param {{ appId?: string }} [args] @param {object} [options] */
  activateDefaultProvisioningConnectionForApplication({ appId } = {}, options) {
    return this.#call('activateDefaultProvisioningConnectionForApplication', { id: appId }, options);
  }

  /** @param {{ appId?: string }} [args] @param {object} [options] */
  deactivateDefaultProvisioningConnectionForApplication({ appId } = {}, options) {
    return this.#call('deactivateDefaultProvisioningConnectionForApplication', { id: appId }, options);
  }

  /** @param {{ appName?: string, appId?: string, code?: string, state?: string }} [args] @param {object} [options] */
  verifyProvisioningConnectionForApplication({ appName, appId, code, state } = {}, options) {
    return this.#call('verifyProvisioningConnectionForApplication', { id: appId, subId: appName, params: { code, state } }, options);
  }

  /** @param {{ appId?: string }} [args] @param {object} [options] */
  getUserProvisioningConnectionJWKS({ appId } = {}, options) {
    return this.#call('getUserProvisioningConnectionJWKS', { id: appId }, options);
  }

  /** The org origin, e.g. `https://acme.okta.com`. */
  get orgUrl() {
    return this.#core.baseUrl;
  }

  toString() {
    return `OktaClient(${this.#core.baseUrl})`;
  }

  toJSON() {
    return { orgUrl: this.#core.baseUrl };
  }
}
