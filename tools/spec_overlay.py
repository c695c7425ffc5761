#!/usr/bin/env python3
"""Checks the reviewed overlay (spec/auth0/overlay.json) against the official Auth0 copy
(spec/auth0/connections-oas.json).

The overlay is a list of RFC 6902 JSON Patch operations (`add`, `remove`, `replace`), each with
its `source` (and a `reason` where it is not a plain copy of the newer spec). The generators load
the spec with it applied through tools/spec_loader.py; tenant/spec.mjs applies the same file for the local tenant
and the suites (tests/node/overlay.test.mjs checks the two agree through `--dump`).

  python3 tools/spec_overlay.py --check   fails, listing them, when the official copy already
                                          holds overlay entries (so the overlay shrinks when the
                                          copy is refreshed) or an entry no longer applies
  python3 tools/spec_overlay.py --dump    prints the overlaid spec as JSON
  --official PATH                         reads the official copy from PATH (a refreshed copy)
Standard library only.
"""
import json
import sys

from spec_loader import RELAXATIONS, OverlayError, load_auth0_spec, load_overlay, official_path, parent_of


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
