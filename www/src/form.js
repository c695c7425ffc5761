// The create / edit form. Every field validates as the user types with the package's validators;
// messages appear under the field; submit stays disabled while anything is invalid, and nothing
// is sent. Options have typed fields for the strategy's common ones (option-fields.js) beside the
// raw JSON editor, which shows the other options' issues with their JSON paths. Editing warns that
// PATCH replaces options wholesale, and offers a merge mode (connections.updateOptions).
import { STRATEGIES, validateConnectionCreate, validateConnectionUpdate, validateConnectionName, validateDisplayName, validateMetadata } from 'idp-connections';
import { h, field, openDialog, closeDialog, notify, describeError } from './ui.js';
import { session } from './session.js';
import { optionFields } from './option-fields.js';

const MAX_KEYS = 10;
const MAX_VALUE = 255;

/** Opens the form; `connection` for editing, none for creating. `onSaved` runs after a save. */
export function openConnectionForm({ connection, onSaved } = {}) {
  const editing = Boolean(connection);
  const name = field('f-name', 'Name', h('input', { type: 'text', value: connection?.name ?? '', disabled: editing, autocomplete: 'off' }));
  const display = field('f-display', 'Display name', h('input', { type: 'text', value: connection?.display_name ?? '' }));
  const strategy = field('f-strategy', 'Strategy', h('select', { disabled: editing },
    ...STRATEGIES.map((s) => h('option', { value: s, selected: s === (connection?.strategy ?? 'auth0') }, s))));
  const realms = field('f-realms', 'Realms (comma separated)', h('input', { type: 'text', value: (connection?.realms ?? []).join(', ') }));
  const keyCounter = h('span', { class: 'counter' });
  const metaRows = h('div', { id: 'f-metadata-rows' });
  const metaError = h('div', { class: 'field-error', id: 'f-metadata-error', 'aria-live': 'polite' });
  const addRow = h('button', { type: 'button', class: 'secondary', id: 'f-metadata-add', onclick: () => { metaRows.append(metadataRow('', '')); update(); } }, 'Add metadata');
  const showButton = h('input', { type: 'checkbox', id: 'f-show-button', checked: Boolean(connection?.show_as_button) });
  const domain = h('input', { type: 'checkbox', id: 'f-domain', checked: Boolean(connection?.is_domain_connection) });
  const authn = h('input', { type: 'checkbox', id: 'f-authentication', checked: connection?.authentication?.active ?? false });
  const accounts = h('input', { type: 'checkbox', id: 'f-connected-accounts', checked: connection?.connected_accounts?.active ?? false });
  const options = field('f-options', 'Options (JSON)', h('textarea', { spellcheck: false }), { full: true });
  options.control.value = JSON.stringify(connection?.options ?? {}, null, 2);
  const typedBox = h('div', { class: 'full grid', id: 'f-typed-options' });
  const typed = optionFields(typedBox, (edit) => {
    const current = parsedOptions().value;
    const next = current !== null && typeof current === 'object' && !Array.isArray(current) ? current : {};
    edit(next);
    options.control.value = JSON.stringify(next, null, 2);
  });
  const showTyped = () => {
    typed.render(editing ? connection.strategy : strategy.control.value);
    typed.fill(parsedOptions().value ?? {});
  };
  strategy.control.addEventListener('change', showTyped);
  options.control.addEventListener('input', () => {
    const { value } = parsedOptions();
    if (value !== undefined) typed.fill(value);
  });
  const merge = h('input', { type: 'checkbox', id: 'f-merge', checked: true });
  const submit = h('button', { type: 'submit', id: 'f-submit' }, editing ? 'Save changes' : 'Create connection');
  const formError = h('div', { class: 'field-error', role: 'alert' });

  function metadataRow(key, value) {
    const n = metaRows.children.length;
    const keyInput = h('input', { type: 'text', value: key, 'aria-label': `Metadata key ${n + 1}`, class: 'meta-key' });
    const valueInput = h('input', { type: 'text', value, 'aria-label': `Metadata value ${n + 1}`, class: 'meta-value' });
    const length = h('span', { class: 'counter' });
    const row = h('div', { class: 'row' }, h('div', {}, keyInput), h('div', {}, valueInput, length),
      h('button', { type: 'button', class: 'link', 'aria-label': `Remove metadata row ${n + 1}`, onclick: () => { row.remove(); update(); } }, 'Remove'));
    row.sync = () => {
      length.textContent = `${[...valueInput.value].length} / ${MAX_VALUE}`;
      length.classList.toggle('over', [...valueInput.value].length > MAX_VALUE);
    };
    keyInput.addEventListener('input', update);
    valueInput.addEventListener('input', update);
    return row;
  }
  for (const [k, v] of Object.entries(connection?.metadata ?? {})) metaRows.append(metadataRow(k, v ?? ''));

  /** The metadata rows as an object. Keys are data: defined, not assigned, so `__proto__` stays a key. */
  function metadata() {
    const out = {};
    for (const row of metaRows.children) {
      const key = row.querySelector('.meta-key').value;
      const value = row.querySelector('.meta-value').value;
      if (key !== '' || value !== '') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  function parsedOptions() {
    try {
      return { value: JSON.parse(options.control.value || '{}') };
    } catch (error) {
      return { error: `Options are not valid JSON: ${error.message}` };
    }
  }

  function body() {
    const out = {};
    if (!editing) {
      out.name = name.control.value;
      out.strategy = strategy.control.value;
    }
    if (display.control.value !== '' || editing) out.display_name = display.control.value;
    const realmList = realms.control.value.split(',').map((r) => r.trim()).filter(Boolean);
    if (realmList.length) out.realms = realmList;
    const meta = metadata();
    if (Object.keys(meta).length || editing) out.metadata = meta;
    out.show_as_button = showButton.checked;
    out.is_domain_connection = domain.checked;
    out.authentication = { active: authn.checked };
    out.connected_accounts = { active: accounts.checked };
    const opts = parsedOptions();
    if (opts.value && (Object.keys(opts.value).length || editing)) out.options = opts.value;
    return out;
  }

  /** Validates everything, shows each message under its field, and enables submit only when valid. */
  function update() {
    const show = (target, issues) => {
      target.error.textContent = issues.map((i) => i.message).join(' ');
      target.control.setAttribute('aria-invalid', issues.length ? 'true' : 'false');
    };
    if (!editing) show(name, validateConnectionName(name.control.value));
    show(display, display.control.value === '' ? [] : validateDisplayName(display.control.value));
    const meta = metadata();
    const metaIssues = validateMetadata(meta);
    metaError.textContent = metaIssues.map((i) => i.message).join(' ');
    keyCounter.textContent = `${Object.keys(meta).length} / ${MAX_KEYS} keys`;
    keyCounter.classList.toggle('over', Object.keys(meta).length > MAX_KEYS);
    for (const row of metaRows.children) row.sync();
    const opts = parsedOptions();
    options.error.textContent = opts.error ?? '';
    options.control.setAttribute('aria-invalid', opts.error ? 'true' : 'false');
    const result = editing ? validateConnectionUpdate(body()) : validateConnectionCreate(body());
    const rest = result.ok ? [] : result.issues.filter((i) => !['name', 'display_name', 'metadata'].includes(String(i.path[0])));
    show(realms, rest.filter((i) => i.path[0] === 'realms'));
    // Option issues: beside their typed field, else under the JSON editor with their JSON path.
    const unshown = typed.showIssues(rest.filter((i) => i.path[0] === 'options'));
    if (!opts.error) {
      options.error.textContent = unshown.map((i) => `${i.path.join('.')}: ${i.message}`).join(' ');
      options.control.setAttribute('aria-invalid', unshown.length ? 'true' : 'false');
    }
    formError.textContent = rest.filter((i) => i.path[0] !== 'realms' && i.path[0] !== 'options').map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join(' ');
    submit.disabled = !result.ok || Boolean(opts.error);
    return result;
  }

  const form = h('form', { method: 'dialog', novalidate: true },
    h('h2', {}, editing ? `Edit ${connection.name}` : 'Create connection'),
    h('div', { class: 'grid' },
      name.node, display.node, strategy.node, realms.node,
      h('div', { class: 'full' }, h('label', {}, 'Metadata', keyCounter), metaRows, addRow, metaError),
      h('div', { class: 'full checks' },
        h('label', { for: 'f-show-button' }, showButton, 'Show as button'),
        h('label', { for: 'f-domain' }, domain, 'Domain connection'),
        h('label', { for: 'f-authentication' }, authn, 'Use for authentication'),
        h('label', { for: 'f-connected-accounts' }, accounts, 'Use for connected accounts')),
      ...(editing ? [
        h('div', { class: 'full warning' }, 'PATCH replaces options wholesale: any option you leave out is removed. ',
          'With "Merge with current options" the console reads the current options, merges your edit and sends the whole object ',
          '(a change made elsewhere between the read and the write is overwritten).'),
      ] : []),
      typedBox,
      options.node,
      ...(editing ? [
        h('div', { class: 'full checks' }, h('label', { for: 'f-merge' }, merge, 'Merge with current options (updateOptions)')),
      ] : [])),
    formError,
    h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => closeDialog('cancel') }, 'Cancel'), submit));

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = update();
    if (!result.ok) return;
    const client = session()?.management;
    submit.disabled = true;
    try {
      if (!editing) {
        const created = await client.connections.create(result.value);
        notify(`Created ${created.name}`);
      } else {
        const { options: newOptions, ...rest } = result.value;
        if (merge.checked && newOptions) {
          await client.connections.updateOptions(connection.id, newOptions);
          if (Object.keys(rest).length) await client.connections.update(connection.id, rest);
        } else {
          await client.connections.update(connection.id, result.value);
        }
        notify(`Saved ${connection.name}`);
      }
      closeDialog('saved');
      onSaved?.();
    } catch (error) {
      formError.textContent = describeError(error);
      submit.disabled = false;
    }
  });
  showTyped();
  update();
  return openDialog(form, editing ? `Edit ${connection.name}` : 'Create connection');
}
