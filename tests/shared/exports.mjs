// The package's documented exports, read from the marked lists in its README (pkg-template/README.md,
// section "Exports"): the README is the source, every entry is checked against it.

/** The backticked names of the list marked `<!-- exports:<label> -->` … `<!-- /exports -->`. */
function markedList(readme, label) {
  const start = readme.indexOf(`<!-- exports:${label} -->`);
  const end = readme.indexOf('<!-- /exports -->', start);
  if (start < 0 || end < 0) throw new Error(`README: no exports list marked ${label}`);
  const names = [...readme.slice(start, end).matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1]);
  if (names.length === 0) throw new Error(`README: the ${label} list is empty`);
  return names;
}

/** `{ main, validate }`: the sorted names each entry must export, per the README. */
export function documentedExports(readme) {
  const clients = markedList(readme, 'clients');
  const validators = markedList(readme, 'validators');
  return { main: [...clients, ...validators].sort(), validate: [...validators].sort() };
}

/** The sorted names a module namespace (or CommonJS exports object) exports. */
export const exportedNames = (module) => Object.keys(module).filter((name) => name !== '__esModule').sort();
