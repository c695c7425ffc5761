// Per-connection details: status check, SCIM configuration and tokens (a new token is shown once,
// with a copy button), directory provisioning with its synchronized groups (search, select, remove);
// and the delete confirmation naming the connection.
import { validateSynchronizedGroupsAdd } from 'idp-connections';
import { h, openDialog, closeDialog, notify, describeError } from './ui.js';
import { session } from './session.js';

/** Asks before deleting; the dialog names the connection. */
export function confirmDelete(connection, onDeleted) {
  const confirm = h('button', { class: 'danger', id: 'delete-confirm', onclick: async () => {
    confirm.disabled = true;
    try {
      await session().management.connections.delete(connection.id);
      notify(`Deleted ${connection.name}`);
      closeDialog('deleted');
      onDeleted?.();
    } catch (error) {
      notify(describeError(error), 'error', 8000);
      confirm.disabled = false;
    }
  } }, `Delete ${connection.name}`);
  return openDialog(h('div', { class: 'body' },
    h('h2', {}, `Delete the connection "${connection.name}"?`),
    h('p', {}, 'Users of this connection can no longer log in with it. This cannot be undone.'),
    h('div', { class: 'dialog-actions' }, h('button', { class: 'secondary', onclick: () => closeDialog('cancel') }, 'Cancel'), confirm)), `Delete ${connection.name}`);
}

/** The synchronized groups of a directory-provisioning connection: a prefix search (Auth0's `q`),
 * each group with a Remove button, and a form selecting one more group, checked as the user types. */
function groupsSection(client, connectionId) {
  const dp = client.connections.directoryProvisioning;
  const list = h('ul', { id: 'groups-list' });
  const search = h('input', { type: 'search', id: 'groups-search', placeholder: 'name:eng* or email:eng*', 'aria-label': 'Search groups' });
  const inputs = {
    id: h('input', { type: 'text', id: 'group-id', 'aria-label': 'Group id', placeholder: 'Group id' }),
    name: h('input', { type: 'text', id: 'group-name', 'aria-label': 'Group name', placeholder: 'Name (optional)' }),
    email: h('input', { type: 'email', id: 'group-email', 'aria-label': 'Group email', placeholder: 'Email (optional)' }),
  };
  const error = h('div', { class: 'field-error', id: 'group-error', 'aria-live': 'polite' });
  const add = h('button', { class: 'secondary', id: 'group-add', disabled: true }, 'Select group');
  const body = () => {
    const group = { id: inputs.id.value.trim() };
    if (inputs.name.value.trim()) group.name = inputs.name.value.trim();
    if (inputs.email.value.trim()) group.email = inputs.email.value.trim();
    return { groups: [group] };
  };
  const check = () => {
    const empty = Object.values(inputs).every((input) => !input.value.trim());
    const result = validateSynchronizedGroupsAdd(body());
    error.textContent = result.ok || empty ? '' : result.issues.map((i) => i.message).join('; ');
    add.disabled = !result.ok;
  };
  async function render() {
    const q = search.value.trim();
    try {
      const page = await dp.listSynchronizedGroups(connectionId, q ? { q } : {});
      list.replaceChildren(...page.data.map((g) => h('li', {}, h('span', { class: 'badge' }, g.id), ' ', g.name ?? '', g.email ? ` <${g.email}>` : '',
        g.direct_members_count === undefined ? '' : ` · ${g.direct_members_count} members`, ' ',
        h('button', { class: 'link', 'aria-label': `Remove group ${g.id}`, onclick: async () => {
          try { await dp.deleteSynchronizedGroupSelections(connectionId, { groups: [{ id: g.id }] }); notify(`Removed group ${g.id}`); } catch (e) { notify(describeError(e), 'error'); }
          render();
        } }, 'Remove'))));
      if (!page.data.length) list.replaceChildren(h('li', { class: 'muted' }, q ? 'No group matches.' : 'No groups selected.'));
    } catch (e) {
      list.replaceChildren(h('li', {}, describeError(e)));
    }
  }
  for (const input of Object.values(inputs)) input.addEventListener('input', check);
  search.addEventListener('keydown', (event) => { if (event.key === 'Enter') render(); });
  add.addEventListener('click', async () => {
    add.disabled = true;
    try {
      await dp.addSynchronizedGroupSelections(connectionId, body());
      notify(`Selected group ${inputs.id.value.trim()}`);
      for (const input of Object.values(inputs)) input.value = '';
    } catch (e) {
      notify(describeError(e), 'error', 8000);
    }
    check();
    render();
  });
  render();
  return h('div', { id: 'groups-section' }, h('h4', {}, 'Synchronized groups'), search, list,
    h('div', { class: 'group-form' }, inputs.id, inputs.name, inputs.email, add), error);
}

/** The details dialog of one connection. */
export function openDetails(connection, { onChanged } = {}) {
  const client = session().management;
  const status = h('span', { class: 'muted', id: 'status-result' }, 'not checked');
  const scim = h('div', { id: 'scim-section' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }));
  const directory = h('div', { id: 'directory-section' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }));

  async function checkStatus() {
    status.textContent = 'checking…';
    try {
      await client.connections.checkStatus(connection.id);
      status.textContent = 'online';
      status.className = 'badge';
    } catch (error) {
      status.textContent = describeError(error);
    }
  }

  async function renderScim() {
    let config;
    try {
      config = await client.connections.scimConfiguration.get(connection.id);
    } catch (error) {
      if (error.statusCode !== 404) return scim.replaceChildren(describeError(error));
    }
    if (!config) {
      return scim.replaceChildren(h('p', { class: 'muted' }, 'No SCIM configuration.'),
        h('button', { class: 'secondary', id: 'scim-enable', onclick: async () => {
          try { await client.connections.scimConfiguration.create(connection.id, {}); renderScim(); } catch (error) { notify(describeError(error), 'error'); }
        } }, 'Enable SCIM'));
    }
    const tokens = await client.connections.scimConfiguration.tokens.get(connection.id).catch(() => []);
    const fresh = h('div', { id: 'scim-new-token' });
    const list = h('ul', {}, ...tokens.map((t) => h('li', {}, h('span', { class: 'badge' }, t.token_id), ' ', (t.scopes ?? []).join(' '), ' ',
      h('button', { class: 'link', 'aria-label': `Revoke ${t.token_id}`, onclick: async () => {
        await client.connections.scimConfiguration.tokens.delete(connection.id, t.token_id).catch((e) => notify(describeError(e), 'error'));
        renderScim();
      } }, 'Revoke'))));
    scim.replaceChildren(
      h('dl', { class: 'kv' }, h('dt', {}, 'User id attribute'), h('dd', {}, config.user_id_attribute), h('dt', {}, 'Mappings'), h('dd', {}, String(config.mapping?.length ?? 0))),
      h('h4', {}, `Tokens (${tokens.length})`), list,
      h('button', { class: 'secondary', id: 'scim-token-create', onclick: async () => {
        try {
          const created = await client.connections.scimConfiguration.tokens.create(connection.id, { scopes: ['get:users', 'post:users', 'put:users', 'delete:users'], token_lifetime: 86400 * 30 });
          const copy = h('button', { class: 'secondary', onclick: async () => { await navigator.clipboard?.writeText(created.token).catch(() => {}); notify('Token copied'); } }, 'Copy token');
          await renderScim();
          document.getElementById('scim-new-token')?.replaceChildren(
            h('p', { class: 'warning' }, 'This token is shown once. Copy it now: it cannot be read again.'),
            h('div', { class: 'secret', id: 'scim-token-value' }, created.token), copy);
        } catch (error) {
          notify(describeError(error), 'error');
        }
      } }, 'New token'), fresh);
    return undefined;
  }

  async function renderDirectory() {
    try {
      const config = await client.connections.directoryProvisioning.get(connection.id);
      directory.replaceChildren(h('dl', { class: 'kv' },
        h('dt', {}, 'Automatic sync'), h('dd', {}, config.synchronize_automatically ? 'on' : 'off'),
        h('dt', {}, 'Groups'), h('dd', {}, config.synchronize_groups ?? 'off'),
        h('dt', {}, 'Mappings'), h('dd', {}, String(config.mapping?.length ?? 0))),
      h('button', { class: 'secondary', onclick: async () => {
        try { const sync = await client.connections.directoryProvisioning.synchronizations.create(connection.id); notify(`Synchronization ${sync.synchronization_id}: ${sync.status}`); } catch (error) { notify(describeError(error), 'error'); }
      } }, 'Synchronize now'),
      groupsSection(client, connection.id));
    } catch (error) {
      directory.replaceChildren(error.statusCode === 404 ? h('p', { class: 'muted' }, 'No directory provisioning.') : describeError(error));
    }
  }

  const body = h('div', { class: 'body' },
    h('h2', {}, connection.display_name || connection.name),
    h('dl', { class: 'kv' }, h('dt', {}, 'Id'), h('dd', {}, h('code', {}, connection.id)), h('dt', {}, 'Strategy'), h('dd', {}, connection.strategy),
      h('dt', {}, 'Status'), h('dd', {}, status, ' ', h('button', { class: 'link', id: 'status-check', onclick: checkStatus }, 'Check status'))),
    h('h3', {}, 'SCIM'), scim,
    h('h3', {}, 'Directory provisioning'), directory,
    h('div', { class: 'dialog-actions' }, h('button', { class: 'secondary', onclick: () => { closeDialog('close'); onChanged?.(); } }, 'Close')));
  renderScim();
  renderDirectory();
  return openDialog(body, `Details of ${connection.name}`);
}
