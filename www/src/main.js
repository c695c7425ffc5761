// The console's entry: tabs, the "Connect to a tenant" form, the demo's embedded tenant, a notice
// while calls wait for the tenant's rate limit (the clients pace themselves), and one whenever the
// API rate-limits a request anyway (the client waits and retries by itself).
import { h, field, openDialog, closeDialog, notify } from './ui.js';
import { connect, onConnect, onRateLimitWait } from './session.js';
import { mountConnections } from './connections.js';
import { mountOkta } from './okta.js';

const realFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (...args) => {
  const response = await realFetch(...args);
  if (response.status === 429) notify('Rate limited by the API: waiting, then retrying…', 'warn', 4000);
  return response;
};

// One notice at a time, however many calls wait.
let waitingNotice;
onRateLimitWait(() => {
  if (waitingNotice?.isConnected) return;
  waitingNotice = notify('Waiting for the rate limit…', 'warn', 2000);
});

const connections = mountConnections(document.getElementById('panel-connections'));
const okta = mountOkta(document.getElementById('panel-okta'));

for (const tab of document.querySelectorAll('[role="tab"]')) {
  tab.addEventListener('click', () => {
    for (const other of document.querySelectorAll('[role="tab"]')) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
    }
  });
}

onConnect((session) => {
  document.getElementById('tenant-label').textContent = `Connected: ${session.label}`;
  connections.reload();
});

/** The "Connect to a tenant" form: domain + token, or client id + secret; kept in memory only. */
function openConnect() {
  const domain = field('c-domain', 'Domain (e.g. acme.eu.auth0.com)', h('input', { type: 'text', autocomplete: 'off' }), { full: true });
  const token = field('c-token', 'Management API token', h('input', { type: 'password', autocomplete: 'off' }), { full: true });
  const clientId = field('c-client-id', 'Or client id', h('input', { type: 'text', autocomplete: 'off' }));
  const clientSecret = field('c-client-secret', 'and client secret', h('input', { type: 'password', autocomplete: 'off' }));
  const oktaOrg = field('c-okta-org', 'Okta org URL (optional)', h('input', { type: 'text', autocomplete: 'off' }));
  const oktaToken = field('c-okta-token', 'Okta API token', h('input', { type: 'password', autocomplete: 'off' }));
  const error = h('div', { class: 'field-error', role: 'alert' });
  const form = h('form', { method: 'dialog' },
    h('h2', {}, 'Connect to a tenant'),
    h('p', { class: 'muted' }, 'Credentials stay in this page\'s memory: never stored, never put in a URL.'),
    h('div', { class: 'grid' }, domain.node, token.node, clientId.node, clientSecret.node, oktaOrg.node, oktaToken.node),
    error,
    h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => closeDialog('cancel') }, 'Cancel'), h('button', { type: 'submit' }, 'Connect')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    try {
      connect({
        domain: domain.control.value.trim(),
        token: token.control.value || undefined,
        clientId: clientId.control.value || undefined,
        clientSecret: clientSecret.control.value || undefined,
        oktaOrgUrl: oktaOrg.control.value.trim() || undefined,
        oktaToken: oktaToken.control.value || undefined,
      });
      closeDialog('connected');
    } catch (e) {
      error.textContent = e.message;
    }
  });
  openDialog(form, 'Connect to a tenant');
}
document.getElementById('connect-open').addEventListener('click', openConnect);

// The demo serves the console from its embedded local tenant, which publishes its sample
// credentials at /demo.json; a console served elsewhere starts unconnected.
realFetch(new URL('demo.json', window.location.href)).then(async (response) => {
  if (!response.ok) return;
  const demo = await response.json();
  connect({ domain: window.location.origin, token: demo.token, oktaOrgUrl: window.location.origin, oktaToken: demo.oktaToken, label: 'embedded local tenant' });
  okta.show();
}).catch(() => {});
