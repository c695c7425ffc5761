// The Okta tab: an app's default provisioning connection; update (with activate), activate,
// deactivate, and the authorize link when the app needs OAuth consent.
import { validateProvisioningConnectionRequest } from 'idp-connections';
import { h, notify, describeError } from './ui.js';
import { session } from './session.js';

/** Renders the Okta panel into `root`. */
export function mountOkta(root) {
  const appId = h('input', { type: 'text', id: 'okta-app', value: '0oa-org2org', autocomplete: 'off' });
  const load = h('button', { id: 'okta-load' }, 'Load');
  const view = h('div', { id: 'okta-view', class: 'card' }, h('p', { class: 'muted' }, 'Enter an app id and load its default provisioning connection.'));
  root.replaceChildren(
    h('div', { class: 'toolbar' }, h('div', { class: 'grow' }, h('label', { for: 'okta-app' }, 'Okta app id'), appId), load),
    view);

  const okta = () => session()?.okta;

  async function show() {
    if (!okta()) return view.replaceChildren(h('p', {}, 'Connect to an Okta org first (Connect to a tenant).'));
    const id = appId.value.trim();
    try {
      const conn = await okta().getDefaultProvisioningConnectionForApplication({ appId: id });
      const scheme = h('select', { id: 'okta-scheme' }, h('option', { value: 'TOKEN' }, 'TOKEN'), h('option', { value: 'OAUTH2' }, 'OAUTH2'));
      scheme.value = conn.profile?.authScheme === 'OAUTH2' || conn.authScheme === 'OAUTH2' ? 'OAUTH2' : 'TOKEN';
      const token = h('input', { type: 'password', id: 'okta-token', autocomplete: 'off' });
      const activate = h('input', { type: 'checkbox', id: 'okta-activate' });
      const error = h('div', { class: 'field-error', id: 'okta-error', 'aria-live': 'polite' });
      const body = () => (scheme.value === 'TOKEN' ? { profile: { authScheme: 'TOKEN', ...(token.value ? { token: token.value } : {}) } } : { profile: { authScheme: 'OAUTH2' } });
      const authorize = conn._links?.authorize?.href;
      view.replaceChildren(
        h('dl', { class: 'kv' },
          h('dt', {}, 'Status'), h('dd', {}, h('span', { class: 'badge', id: 'okta-status' }, conn.status)),
          h('dt', {}, 'Auth scheme'), h('dd', {}, conn.profile?.authScheme ?? conn.authScheme ?? 'not reported'),
          ...(authorize ? [h('dt', {}, 'Consent'), h('dd', {}, h('a', { href: authorize, target: '_blank', rel: 'noopener', id: 'okta-authorize' }, 'Authorize the app (OAuth consent)'))] : [])),
        h('h3', {}, 'Update'),
        h('div', { class: 'grid' },
          h('div', {}, h('label', { for: 'okta-scheme' }, 'Auth scheme'), scheme),
          h('div', {}, h('label', { for: 'okta-token' }, 'API token (TOKEN scheme)'), token),
          h('div', { class: 'full checks' }, h('label', { for: 'okta-activate' }, activate, 'Activate after saving'))),
        error,
        h('div', { class: 'dialog-actions' },
          h('button', { class: 'secondary', id: 'okta-deactivate', onclick: () => lifecycle('deactivate') }, 'Deactivate'),
          h('button', { class: 'secondary', id: 'okta-activate-now', onclick: () => lifecycle('activate') }, 'Activate'),
          h('button', { id: 'okta-save', onclick: async () => {
            const checked = validateProvisioningConnectionRequest(body());
            if (!checked.ok) { error.textContent = checked.issues.map((i) => i.message).join(' '); return; }
            try {
              await okta().updateDefaultProvisioningConnectionForApplication({ appId: id, body: checked.value, activate: activate.checked });
              notify('Provisioning connection saved');
              show();
            } catch (e) {
              error.textContent = describeError(e);
            }
          } }, 'Save')));
    } catch (error) {
      view.replaceChildren(h('p', { role: 'alert' }, describeError(error)));
    }
    return undefined;
  }

  async function lifecycle(action) {
    try {
      const id = appId.value.trim();
      if (action === 'activate') await okta().activateDefaultProvisioningConnectionForApplication({ appId: id });
      else await okta().deactivateDefaultProvisioningConnectionForApplication({ appId: id });
      notify(action === 'activate' ? 'Provisioning activated' : 'Provisioning deactivated');
      show();
    } catch (error) {
      notify(describeError(error), 'error', 8000);
    }
  }

  load.addEventListener('click', show);
  appId.addEventListener('keydown', (event) => event.key === 'Enter' && show());
  return { show };
}
