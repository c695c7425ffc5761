// The connections table: strategy filter, name search, checkpoint paging with "Load more" and
// "Load all" (with the count loaded so far), per-row actions, and a checkbox per row (with a
// select-all for the rows shown) feeding the bulk edit; failed items stay selected for a retry.
import { STRATEGIES } from 'idp-connections';
import { h, notify, describeError } from './ui.js';
import { session } from './session.js';
import { openConnectionForm } from './form.js';
import { openDetails, confirmDelete } from './details.js';
import { openBulkEdit } from './bulk.js';

const PAGE = 25;

/** Renders the connections panel into `root`. */
export function mountConnections(root) {
  let page;
  let rows = [];
  let loading = false;
  /** The ids of the selected connections. */
  const selected = new Set();

  const strategy = h('select', { id: 'filter-strategy', 'aria-label': 'Strategy filter' },
    h('option', { value: '' }, 'All strategies'), ...STRATEGIES.map((s) => h('option', { value: s }, s)));
  const search = h('input', { type: 'search', id: 'filter-name', placeholder: 'Exact connection name', 'aria-label': 'Search by name' });
  const bulk = h('button', { id: 'bulk-open', class: 'secondary', onclick: () => openBulk() }, 'Bulk edit');
  const selectAll = h('input', { type: 'checkbox', id: 'select-all', 'aria-label': 'Select all shown connections', onchange: () => toggleAll(selectAll.checked) });
  const create = h('button', { id: 'create-open', onclick: () => openConnectionForm({ onSaved: reload }) }, 'Create connection');
  const body = h('tbody');
  const status = h('div', { class: 'status-line', 'aria-live': 'polite' });
  const more = h('button', { class: 'secondary', onclick: () => loadMore() }, 'Load more');
  const all = h('button', { class: 'secondary', onclick: () => loadAll() }, 'Load all');

  root.replaceChildren(
    h('div', { class: 'toolbar' },
      h('div', {}, h('label', { for: 'filter-strategy' }, 'Strategy'), strategy),
      h('div', { class: 'grow' }, h('label', { for: 'filter-name' }, 'Name'), search),
      bulk, create),
    h('table', { 'aria-label': 'Connections' },
      h('thead', {}, h('tr', {}, h('th', { class: 'select' }, selectAll), h('th', {}, 'Name'), h('th', {}, 'Display name'), h('th', {}, 'Strategy'), h('th', {}, 'Realms'), h('th', {}, h('span', { class: 'muted' }, 'Actions')))),
      body),
    h('div', { class: 'status-line' }, more, all, status),
  );

  strategy.addEventListener('change', reload);
  let timer;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(reload, 250);
  });

  function render() {
    body.replaceChildren(...rows.map((c) => h('tr', { 'data-id': c.id, class: selected.has(c.id) ? 'selected' : undefined },
      h('td', { class: 'select', 'data-label': 'Select' }, h('input', { type: 'checkbox', checked: selected.has(c.id), 'aria-label': `Select ${c.name}`, onchange: (event) => toggle(c.id, event.target.checked) })),
      h('td', { 'data-label': 'Name' }, h('strong', {}, c.name)),
      h('td', { 'data-label': 'Display name' }, c.display_name ?? ''),
      h('td', { 'data-label': 'Strategy' }, h('span', { class: 'badge' }, c.strategy)),
      h('td', { 'data-label': 'Realms' }, (c.realms ?? []).join(', ')),
      h('td', { class: 'actions', 'data-label': 'Actions' },
        h('button', { class: 'link', onclick: () => openDetails(c, { onChanged: reload }), 'aria-label': `Details of ${c.name}` }, 'Details'),
        h('button', { class: 'link', onclick: () => openConnectionForm({ connection: c, onSaved: reload }), 'aria-label': `Edit ${c.name}` }, 'Edit'),
        h('button', { class: 'link', onclick: () => confirmDelete(c, reload), 'aria-label': `Delete ${c.name}` }, 'Delete')))));
    if (!rows.length && !loading) body.append(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No connections match.')));
    more.disabled = loading || !page?.hasNextPage();
    all.disabled = more.disabled;
    renderSelection();
  }

  /** The selected rows, in table order. */
  const selection = () => rows.filter((c) => selected.has(c.id));

  function renderSelection() {
    const count = selection().length;
    bulk.textContent = count ? `Bulk edit (${count} selected)` : 'Bulk edit';
    bulk.disabled = loading || !count;
    selectAll.checked = rows.length > 0 && count === rows.length;
    selectAll.indeterminate = count > 0 && count < rows.length;
  }

  function toggle(id, on) {
    if (on) selected.add(id);
    else selected.delete(id);
    body.querySelector(`tr[data-id="${CSS.escape(id)}"]`)?.classList.toggle('selected', on);
    renderSelection();
  }

  function toggleAll(on) {
    for (const c of rows) {
      if (on) selected.add(c.id);
      else selected.delete(c.id);
    }
    render();
  }

  /** The bulk edit on the selection; updated rows take the server's answer, succeeded ones are deselected. */
  function openBulk() {
    openBulkEdit({
      connections: selection,
      onResults: (results, updated) => {
        rows = rows.map((c) => updated.get(c.id) ?? c);
        for (const r of results) if (r.ok) selected.delete(r.id);
        render();
      },
    });
  }

  function setStatus(text, busy = false) {
    status.replaceChildren(...(busy ? [h('span', { class: 'spinner', 'aria-hidden': 'true' })] : []), text);
  }

  async function run(work) {
    loading = true;
    render();
    try {
      await work();
    } catch (error) {
      notify(describeError(error), 'error', 8000);
    } finally {
      loading = false;
      render();
    }
  }

  async function reload() {
    const client = session()?.management;
    if (!client) return;
    rows = [];
    selected.clear();
    await run(async () => {
      setStatus('Loading connections…', true);
      const params = { take: PAGE };
      if (strategy.value) params.strategy = [strategy.value];
      if (search.value.trim()) params.name = search.value.trim();
      page = await client.connections.list(params);
      rows = [...page.data];
      setStatus(`${rows.length} loaded${page.hasNextPage() ? ', more available' : ''}`);
    });
  }

  async function loadMore() {
    if (!page?.hasNextPage()) return;
    await run(async () => {
      setStatus('Loading more…', true);
      page = await page.getNextPage();
      rows.push(...page.data);
      setStatus(`${rows.length} loaded${page.hasNextPage() ? ', more available' : ''}`);
    });
  }

  async function loadAll() {
    if (!page?.hasNextPage()) return;
    await run(async () => {
      const start = rows.length;
      setStatus(`Loading all… ${rows.length} loaded`, true);
      while (page.hasNextPage()) {
        page = await page.getNextPage();
        rows.push(...page.data);
        setStatus(`Loading all… ${rows.length} loaded`, true);
      }
      setStatus(`${rows.length} loaded (all; ${rows.length - start} just now)`);
    });
  }

  return { reload };
}
