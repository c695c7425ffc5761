#!/usr/bin/env python3
"""The Auth0 spec as the generators read it: the official copy (spec/auth0/connections-oas.json)
with the reviewed overlay (spec/auth0/overlay.json) applied on top.

The overlay is a list of RFC 6902 JSON Patch operations (`add`, `remove`, `replace`), each with
its `source` (and a `reason` where it is not a plain copy of the newer spec). Both generators load
the spec through `load_auth0_spec()`; tenant/spec.mjs applies the same file for the local tenant
and the suites (tests/node/overlay.test.mjs checks the two agree through `--dump`).

  python3 tools/spec_overlay.py --check   fails, listing them, when the official copy already
                                          holds overlay entries (so the overlay shrinks when the
                                          copy is refreshed) or an entry no longer applies
  python3 tools/spec_overlay.py --dump    prints the overlaid spec as JSON
  --official PATH                         reads the official copy from PATH (a refreshed copy)
Standard library only.
"""
import copy
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec/auth0/connections-oas.json"
OVERLAY = ROOT / "spec/auth0/overlay.json"
# Where the official schemas are stricter than real tenants: patches applied after the overlay,
# and rules applied by tools/per_strategy.py when it merges the per-strategy schemas.
RELAXATIONS = ROOT / "spec/auth0/relaxations.json"


class OverlayError(Exception):
    """An overlay entry that does not apply to the spec."""


def pointer(path):
    """The reference tokens of a JSON pointer (`/a/b~1c` -> ['a', 'b/c'])."""
    if not path.startswith("/"):
        raise OverlayError(f"not a JSON pointer: {path}")
    return [token.replace("~1", "/").replace("~0", "~") for token in path[1:].split("/")]


def parent_of(document, path):
    """The container holding the target of `path`, and the target's key or index."""
    *parents, last = pointer(path)
    node = document
    for token in parents:
        if isinstance(node, list):
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            raise OverlayError(f"{path}: no {token!r} on the way")
    return node, last


def lookup(document, path):
    """(found, value) at `path`."""
    try:
        node, last = parent_of(document, path)
    except (OverlayError, IndexError, ValueError):
        return False, None
    if isinstance(node, list):
        if last == "-":
            return False, None
        index = int(last)
        return (True, node[index]) if 0 <= index < len(node) else (False, None)
    if isinstance(node, dict) and last in node:
        return True, node[last]
    return False, None


def apply_entry(document, entry):
    """Applies one patch operation in place."""
    op, path = entry["op"], entry["path"]
    node, last = parent_of(document, path)
    if isinstance(node, list):
        if op == "add":
            node.insert(len(node) if last == "-" else int(last), copy.deepcopy(entry["value"]))
        elif op == "remove":
            node.pop(int(last))
        elif op == "replace":
            node[int(last)] = copy.deepcopy(entry["value"])
        else:
            raise OverlayError(f"{path}: unsupported op {op}")
        return
    if op == "add":
        node[last] = copy.deepcopy(entry["value"])
    elif op in ("remove", "replace"):
        if last not in node:
            raise OverlayError(f"{path}: nothing to {op}")
        if op == "remove":
            del node[last]
        else:
            node[last] = copy.deepcopy(entry["value"])
    else:
        raise OverlayError(f"{path}: unsupported op {op}")


def redundant(official, entry):
    """Why the official copy makes `entry` unneeded, or None when the entry still adds something."""
    op, path = entry["op"], entry["path"]
    if op == "remove":
        found, _ = lookup(official, path)
        return None if found else "the official copy no longer has it"
    if path.endswith("/-"):
        node, _ = parent_of(official, path)
        return "the official copy already lists it" if entry["value"] in node else None
    found, value = lookup(official, path)
    if found and value == entry["value"]:
        return "the official copy already has it"
    if found and op == "add":
        return "the official copy now defines it differently: review, then drop or change the entry"
    return None


def load_overlay(relaxed=True):
    """The overlay file's entries, then (unless not `relaxed`) the relaxations' patches."""
    entries = json.loads(OVERLAY.read_text())["patches"]
    if relaxed:
        entries = entries + json.loads(RELAXATIONS.read_text())["patches"]
    return entries


def official_path():
    """The official copy: spec/auth0/connections-oas.json, or `--official PATH`."""
    if "--official" in sys.argv:
        index = sys.argv.index("--official") + 1
        if index < len(sys.argv):
            return Path(sys.argv[index])
    return SPEC


def load_auth0_spec(relaxed=True):
    """The official Auth0 spec copy with the overlay (and, unless not `relaxed`, the relaxations)
    applied."""
    spec = json.loads(official_path().read_text())
    for entry in load_overlay(relaxed):
        try:
            apply_entry(spec, entry)
        except (IndexError, ValueError, KeyError) as error:
            raise OverlayError(f"{entry['path']}: {error}") from error
    return spec


def check():
    """Exit status 1, with a list, when entries are redundant or do not apply."""
    official = json.loads(official_path().read_text())
    relaxations = json.loads(RELAXATIONS.read_text())["patches"]
    problems = []
    for entry in load_overlay():
        if not entry.get("source"):
            problems.append(f"{entry['op']} {entry['path']}: no source")
        if entry in relaxations and not entry.get("reason"):
            problems.append(f"{entry['op']} {entry['path']}: a relaxation without its reason")
        why = redundant(official, entry)
        if why:
            problems.append(f"{entry['op']} {entry['path']}: {why}")
    try:
        load_auth0_spec()
    except OverlayError as error:
        problems.append(f"does not apply: {error}")
    if problems:
        print("spec/auth0/overlay.json needs review:", *problems, sep="\n  ")
        sys.exit(1)
    print(f"spec overlay: {len(load_overlay())} entries, none redundant with the official copy")


def main():
    if "--dump" in sys.argv:
        json.dump(load_auth0_spec(), sys.stdout)
    else:
        check()


if __name__ == "__main__":
    main()
