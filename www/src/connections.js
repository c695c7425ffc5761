// The connections table: strategy filter, name search, checkpoint paging with "Load more" and
// "Load all" (with the count loaded so far), and per-row actions.
import { STRATEGIES } from 'idp-connections';
import { h, notify, describeError } from './ui.js';
import { session } from './session.js';
import { openConnectionForm } from './form.js';
import { openDetails, confirmDelete } from './details.js';

const PAGE = 25;

/** Renders the connections panel into `root`. */
export function mountConnections(root) {
  let page;
  let rows = [];
  let loading = false;

  const strategy = h('select', { id: 'filter-strategy', 'aria-label': 'Strategy filter' },
    h('option', { value: '' }, 'All strategies'), ...STRATEGIES.map((s) => h('option', { value: s }, s)));
  const search = h('input', { type: 'search', id: 'filter-name', placeholder: 'Exact connection name', 'aria-label': 'Search by name' });
  const create = h('button', { id: 'create-open', onclick: () => openConnectionForm({ onSaved: reload }) }, 'Create connection');
  const body = h('tbody');
  const status = h('div', { class: 'status-line', 'aria-live': 'polite' });
  const more = h('button', { class: 'secondary', onclick: () => loadMore() }, 'Load more');
  const all = h('button', { class: 'secondary', onclick: () => loadAll() }, 'Load all');

  root.replaceChildren(
    h('div', { class: 'toolbar' },
      h('div', {}, h('label', { for: 'filter-strategy' }, 'Strategy'), strategy),
      h('div', { class: 'grow' }, h('label', { for: 'filter-name' }, 'Name'), search),
      create),
    h('table', { 'aria-label': 'Connections' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Display name'), h('th', {}, 'Strategy'), h('th', {}, 'Realms'), h('th', {}, h('span', { class: 'muted' }, 'Actions')))),
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
    body.replaceChildren(...rows.map((c) => h('tr', { 'data-id': c.id },
      h('td', { 'data-label': 'Name' }, h('strong', {}, c.name)),
      h('td', { 'data-label': 'Display name' }, c.display_name ?? ''),
      h('td', { 'data-label': 'Strategy' }, h('span', { class: 'badge' }, c.strategy)),
      h('td', { 'data-label': 'Realms' }, (c.realms ?? []).join(', ')),
      h('td', { class: 'actions', 'data-label': 'Actions' },
        h('button', { class: 'link', onclick: () => openDetails(c, { onChanged: reload }), 'aria-label': `Details of ${c.name}` }, 'Details'),
        h('button', { class: 'link', onclick: () => openConnectionForm({ connection: c, onSaved: reload }), 'aria-label': `Edit ${c.name}` }, 'Edit'),
        h('button', { class: 'link', onclick: () => confirmDelete(c, reload), 'aria-label': `Delete ${c.name}` }, 'Delete')))));
    if (!rows.length && !loading) body.append(h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'No connections match.')));
    more.disabled = loading || !page?.hasNextPage();
    all.disabled = more.disabled;
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
