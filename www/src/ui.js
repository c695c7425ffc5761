// Small DOM helpers: element creation, notices, dialogs, and readable API errors.

/** Creates an element: h('button', { class: 'x', onclick }, 'text', child…). */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child !== undefined && child !== null && child !== false) el.append(child instanceof Node ? child : String(child));
  return el;
}

/** Shows a transient notice: kind 'ok' | 'error' | 'warn'. */
export function notify(message, kind = 'ok', ms = 5000) {
  const box = h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  document.getElementById('notices').append(box);
  setTimeout(() => box.remove(), ms);
  return box;
}

/** A ManagementError (or anything thrown) as one readable line: status, error code, message. */
export function describeError(error) {
  if (error?.kind === 'validation') return `Not sent: ${error.issues?.map((i) => i.message).join('; ') || error.message}`;
  if (error?.kind === 'timeout') return `No answer in time: ${error.message}`;
  if (error?.kind === 'network') return `Network error: ${error.message}`;
  const parts = [error?.statusCode && `HTTP ${error.statusCode}`, error?.errorCode].filter(Boolean).join(' · ');
  return parts ? `${parts}: ${error.message}` : String(error?.message ?? error);
}

/** Opens the shared dialog with `content` (a node); resolves when it closes. */
export function openDialog(content, label) {
  const dialog = document.getElementById('dialog');
  dialog.replaceChildren(content);
  dialog.setAttribute('aria-label', label);
  dialog.showModal();
  const first = dialog.querySelector('input, select, textarea, button');
  first?.focus();
  return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true }));
}

/** Closes the shared dialog. */
export function closeDialog(value = '') {
  document.getElementById('dialog').close(value);
}

/** A labelled field: { id, label, control, error, counter }. */
export function field(id, labelText, control, { full = false, counter } = {}) {
  control.id = id;
  const error = h('div', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  control.setAttribute('aria-describedby', `${id}-error`);
  const label = h('label', { for: id }, labelText, counter ?? '');
  return { node: h('div', { class: full ? 'full' : '' }, label, control, error), control, error };
}
