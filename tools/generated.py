"""Writing or checking generated files: shared by the generators in tools/."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_or_check(files, what, command):
    """Writes `files` ({relative path: text}); with --check, fails when any differs instead."""
    check = "--check" in sys.argv
    stale = []
    for rel, text in files.items():
        path = ROOT / rel
        if check:
            if not path.exists() or path.read_text() != text:
                stale.append(rel)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if stale:
        print(f"generated {what} are stale; run `{command}`:", *stale, sep="\n  ")
        sys.exit(1)
    if check:
        print(f"generated {what} are up to date")
