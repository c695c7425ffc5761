// Typed fields for the common options of a strategy (samlp, oidc, okta, waad, google-apps) and the
// database connection's attributes. They edit the same options object as the raw JSON editor:
// a field writes its value at its path (an empty text or a cleared box removes it), and editing
// the JSON refills the fields. Nothing here judges a value: the package's validators do, and
// `showIssues` puts each issue beside the field at its path, or under the JSON editor with its
// JSON path when no field shows that option.
import { h } from './ui.js';

const text = (path, label, extra = {}) => ({ path, label, kind: 'text', ...extra });
const check = (path, label) => ({ path, label, kind: 'check' });
const secret = (path, label) => text(path, label, { secret: true });

/** The database attributes: per identifier, "use as identifier" and its signup status. */
const attributes = ['email', 'phone_number', 'username'].flatMap((name) => [
  check(['attributes', name, 'identifier', 'active'], `Use ${name} as identifier`),
  text(['attributes', name, 'signup', 'status'], `${name} on signup (required, optional, inactive)`),
]);
const oauth = [text(['client_id'], 'Client ID'), secret(['client_secret'], 'Client secret')];

/** The typed fields per strategy; the others have the JSON editor only. */
const FIELDS = {
  auth0: [...attributes, check(['requires_username'], 'Requires username (legacy; not with attributes)')],
  samlp: [
    text(['signInEndpoint'], 'Sign-in URL'),
    text(['signingCert'], 'Signing certificate (PEM or base64)', { long: true }),
    text(['signatureAlgorithm'], 'Signature algorithm (e.g. rsa-sha256)'),
    text(['digestAlgorithm'], 'Digest algorithm (e.g. sha256)'),
  ],
  oidc: [text(['issuer'], 'Issuer URL'), text(['discovery_url'], 'Discovery URL'), ...oauth, text(['type'], 'Type (front_channel or back_channel)')],
  okta: [text(['domain'], 'Okta domain'), text(['issuer'], 'Issuer URL'), ...oauth],
  waad: [text(['tenant_domain'], 'Microsoft tenant domain'), ...oauth],
  'google-apps': [text(['domain'], 'Google Workspace domain'), ...oauth],
};

/** The value at `path` in `object`, or undefined. */
function read(object, path) {
  let value = object;
  for (const key of path) value = value !== null && typeof value === 'object' ? value[key] : undefined;
  return value;
}

/** Sets `path` in `object` to `value`; `undefined` removes it and the objects it leaves empty. */
function write(object, path, value) {
  const parents = [object];
  for (const key of path.slice(0, -1)) {
    const parent = parents[parents.length - 1];
    if (parent[key] === null || typeof parent[key] !== 'object') {
      if (value === undefined) return;
      parent[key] = {};
    }
    parents.push(parent[key]);
  }
  const last = path[path.length - 1];
  if (value !== undefined) {
    parents[parents.length - 1][last] = value;
    return;
  }
  delete parents[parents.length - 1][last];
  for (let i = parents.length - 1; i > 0 && Object.keys(parents[i]).length === 0; i -= 1) delete parents[i - 1][path[i - 1]];
}

/**
 * The typed option fields of a form: `render(strategy)` rebuilds them in `container`; `fill(options)`
 * shows an options object; `showIssues(issues)` returns the option issues no field showed.
 * `onEdit(edit)` runs when the user changes a field, with a function that applies the change to
 * an options object.
 */
export function optionFields(container, onEdit) {
  let fields = [];

  function render(strategy) {
    fields = (FIELDS[strategy] ?? []).map((spec) => {
      const id = `o-${spec.path.join('-')}`;
      const control = spec.kind === 'check'
        ? h('input', { type: 'checkbox', id })
        : h(spec.long ? 'textarea' : 'input', { type: spec.secret ? 'password' : 'text', id, autocomplete: 'off', spellcheck: false, class: spec.long ? 'short' : undefined });
      const error = h('div', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
      control.setAttribute('aria-describedby', `${id}-error`);
      const label = spec.kind === 'check'
        ? h('label', { for: id, class: 'inline' }, control, spec.label)
        : h('label', { for: id }, spec.label);
      const node = h('div', { class: spec.long ? 'full' : '' }, label, spec.kind === 'check' ? '' : control, error);
      const value = () => (spec.kind === 'check' ? (control.checked ? true : undefined) : control.value === '' ? undefined : control.value);
      control.addEventListener(spec.kind === 'check' ? 'change' : 'input', () => onEdit((options) => write(options, spec.path, value())));
      return { spec, control, error, node };
    });
    container.replaceChildren(...fields.map((f) => f.node));
    container.hidden = fields.length === 0;
  }

  function fill(options) {
    for (const { spec, control } of fields) {
      const value = read(options, spec.path);
      if (spec.kind === 'check') control.checked = value === true;
      else if (document.activeElement !== control) control.value = typeof value === 'string' ? value : '';
    }
  }

  function showIssues(issues) {
    const shown = new Map(fields.map((f) => [f, []]));
    const rest = [];
    for (const issue of issues) {
      const path = issue.path.slice(1).map(String);
      const starts = (a, b) => b.every((key, i) => a[i] === key);
      // The field at the issue's path or below it, else the first field under the issue's object.
      const target = fields.find((f) => starts(path, f.spec.path)) ?? fields.find((f) => path.length > 0 && starts(f.spec.path, path));
      if (target) shown.get(target).push(issue);
      else rest.push(issue);
    }
    for (const [f, list] of shown) {
      f.error.textContent = list.map((i) => i.message).join(' ');
      f.control.setAttribute('aria-invalid', list.length ? 'true' : 'false');
    }
    return rest;
  }

  return { render, fill, showIssues };
}
