"""Writing or checking generated files: shared by the generators in tools/."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Cargo.toml's edition: generated Rust is formatted as `cargo fmt` formats the crate.
EDITION = "2021"


def rustfmt(text, rel):
    """`text` as `rustfmt` formats it (`#[rustfmt::skip]` items stay as written)."""
    done = subprocess.run(["rustfmt", "--edition", EDITION], input=text, capture_output=True, text=True,
                          cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"rustfmt refused the generated {rel}:\n{done.stderr}")
    return done.stdout


def unmarked(rels):
    """The paths among `rels` that .gitattributes does not mark `linguist-generated` (none when git
    is not there to ask, as in an unpacked source tarball)."""
    try:
        done = subprocess.run(["git", "check-attr", "linguist-generated", "--", *rels], capture_output=True,
                              text=True, cwd=ROOT, check=True)
    except (OSError, subprocess.CalledProcessError):
        return []
    return [line.split(": ")[0] for line in done.stdout.splitlines() if not line.endswith(": true")]


def write_or_check(files, what, command):
    """Writes `files` ({relative path: text}, Rust formatted by rustfmt); with --check, fails when
    any differs instead. Each must open with a header naming `command`, and be marked
    `linguist-generated` in .gitattributes."""
    check = "--check" in sys.argv
    stale = []
    for rel, text in files.items():
        if command not in "".join(text.splitlines(keepends=True)[:2]):
            raise SystemExit(f"{rel}: no header naming `{command}` in its first lines")
        if rel.endswith(".rs"):
            text = rustfmt(text, rel)
        path = ROOT / rel
        if check:
            if not path.exists() or path.read_text() != text:
                stale.append(rel)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    missing = unmarked(list(files))
    if missing:
        print("generated files missing from .gitattributes (add `<path> linguist-generated=true`):",
              *missing, sep="\n  ")
        sys.exit(1)
    if stale:
        print(f"generated {what} are stale; run `{command}`:", *stale, sep="\n  ")
        sys.exit(1)
    if check:
        print(f"generated {what} are up to date")
