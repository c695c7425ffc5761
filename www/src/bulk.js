// The bulk edit: one metadata change (set or remove a key) applied to every selected connection
// with `connections.updateMany`. Each connection's body merges the change into its own metadata,
// keeping every other key (`__proto__` included: keys are defined, never assigned). The dialog
// validates the change as the user types, shows progress while the client's rate limiter paces
// the calls, then one result per connection; the caller keeps the failed ones selected.
import { validateMetadata } from 'idp-connections';
import { h, field, openDialog, closeDialog, describeError } from './ui.js';
import { session } from './session.js';

/** Defines `key` on `target` as data (so `__proto__` is a key like any other). */
function defineKey(target, key, value) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `metadata` with `key` set to `value`, or removed when `value` is undefined; every other key kept. */
export function mergedMetadata(metadata, key, value) {
  const out = {};
  for (const [k, v] of Object.entries(metadata ?? {})) if (k !== key) defineKey(out, k, v);
  if (value !== undefined) defineKey(out, key, value);
  return out;
}

/**
 * Opens the bulk edit for `connections()` (the current selection, read again for each run).
 * `onResults(results, updated)` runs after each run with updateMany's results and the updated
 * connections by id.
 */
export function openBulkEdit({ connections, onResults }) {
  const action = field('b-action', 'Change', h('select', {},
    h('option', { value: 'set' }, 'Set a metadata key'),
    h('option', { value: 'remove' }, 'Remove a metadata key')));
  const key = field('b-key', 'Metadata key', h('input', { type: 'text', autocomplete: 'off' }));
  const value = field('b-value', 'Metadata value', h('input', { type: 'text', autocomplete: 'off' }));
  const progress = h('div', { class: 'status-line', id: 'b-progress', role: 'status', 'aria-live': 'polite' });
  const results = h('ul', { id: 'b-results', class: 'bulk-results', 'aria-label': 'Bulk edit results' });
  const submit = h('button', { type: 'submit', id: 'b-submit' });
  const close = h('button', { type: 'button', class: 'secondary', onclick: () => closeDialog('done') }, 'Close');
  let running = false;

  /** The change as a metadata fragment, built with defined keys. */
  const fragment = () => {
    const out = {};
    defineKey(out, key.control.value, action.control.value === 'set' ? value.control.value : '');
    return out;
  };

  /** Validates the change with the package's metadata validator; enables submit only when valid. */
  function update() {
    const removing = action.control.value === 'remove';
    value.node.hidden = removing;
    const keyIssues = key.control.value === '' ? [] : validateMetadata(fragment());
    key.error.textContent = keyIssues.map((i) => i.message).join(' ');
    key.control.setAttribute('aria-invalid', keyIssues.length ? 'true' : 'false');
    value.control.setAttribute('aria-invalid', keyIssues.length && !removing ? 'true' : 'false');
    const count = connections().length;
    submit.textContent = `Apply to ${count} connection${count === 1 ? '' : 's'}`;
    submit.disabled = running || !count || key.control.value === '' || keyIssues.length > 0;
  }

  async function apply() {
    const client = session()?.management;
    const targets = connections();
    if (!client || !targets.length) return;
    const name = key.control.value;
    const newValue = action.control.value === 'set' ? value.control.value : undefined;
    const byId = new Map(targets.map((c) => [c.id, c]));
    const updates = targets.map((c) => ({ id: c.id, body: { metadata: mergedMetadata(c.metadata, name, newValue) } }));
    running = true;
    update();
    results.replaceChildren();
    const total = updates.length;
    progress.replaceChildren(h('span', { class: 'spinner', 'aria-hidden': 'true' }), `0 of ${total} done, 0 failed`);
    let outcome = [];
    try {
      outcome = await client.connections.updateMany(updates, {
        onProgress: ({ done, failed }) => progress.replaceChildren(h('span', { class: 'spinner', 'aria-hidden': 'true' }), `${done} of ${total} done, ${failed} failed`),
      });
    } catch (error) {
      outcome = updates.map((u) => ({ id: u.id, ok: false, error }));
    }
    const failed = outcome.filter((r) => !r.ok);
    const updated = new Map(outcome.filter((r) => r.ok).map((r) => [r.id, r.value]));
    progress.textContent = `${updated.size} updated${failed.length ? `, ${failed.length} failed (left selected: apply again to retry)` : ''}`;
    // Failures first, so they show without scrolling; each group in selection order.
    results.replaceChildren(...[...failed, ...outcome.filter((r) => r.ok)].map((r) => {
      const label = byId.get(r.id)?.name ?? r.id;
      return r.ok
        ? h('li', { class: 'ok' }, h('strong', {}, label), ': updated')
        : h('li', { class: 'failed' }, h('strong', {}, label), `: failed: ${describeError(r.error)}`);
    }));
    running = false;
    onResults?.(outcome, updated);
    update();
  }

  const form = h('form', { method: 'dialog', novalidate: true },
    h('h2', {}, 'Bulk edit'),
    h('p', { class: 'muted' }, 'One metadata change for every selected connection; each keeps its other metadata keys. ',
      'The calls are paced by the tenant\'s rate limit.'),
    h('div', { class: 'grid' }, action.node, h('div'), key.node, value.node),
    progress,
    results,
    h('div', { class: 'dialog-actions' }, close, submit));
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!submit.disabled) apply();
  });
  update();
  return openDialog(form, 'Bulk edit');
}
