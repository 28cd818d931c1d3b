"""Snapshot every record legation makes of a corpus, and compare a later tree's records against it:
the check that a speed-up or a clean-up changed no output.

    .venv/bin/python tools/record_snapshot.py write /tmp/before.jsonl               # this tree
    .venv/bin/python tools/record_snapshot.py write /tmp/before.jsonl --src /tmp/old/src
    .venv/bin/python tools/record_snapshot.py check /tmp/before.jsonl               # exit 1 on a difference

The corpus is the dev data beside the checkout (cables, damaged cables, FOIA scans, news) plus
tests/fixtures and examples/; --no-extract compares structure only; --rows also compares the rows
each document becomes in the store (mentions with their sentences, time statements, FTS body). `--src` runs another checkout's
`src/` (for example a `git worktree` of an older commit), so that both sides come from one command.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CORPORA = ("cables", "cables-noisy-examples", "foia-1986", "news")
# Differences printed in full before the rest are only counted.
SHOWN = 8


def corpus() -> list[Path]:
    files: list[Path] = []
    for sub in CORPORA:
        files += sorted(p for p in (DATA / sub).rglob("*") if p.is_file())
    for folder in (ROOT / "tests" / "fixtures", ROOT / "examples"):
        files += sorted(p for p in folder.rglob("*") if p.is_file())
    return list(dict.fromkeys(files))


def records(path: Path, extract: bool, rows: bool = False) -> tuple[str, list[str]]:
    """Every record (or failure) of one file, as sorted-key JSON lines; with `rows`, each record's
    store rows (all but the packed record, which is the record itself) follow it as one more line."""
    from dataclasses import asdict

    from legation.parse import Failure, parse_paths
    from legation.store.rows import document_rows

    out = []
    for ord, item in enumerate(parse_paths([path], extract=extract)):
        value = {"failure": item.error} if isinstance(item, Failure) else item.to_dict()
        out.append(json.dumps(value, sort_keys=True, ensure_ascii=False))
        if rows and not isinstance(item, Failure):
            flat = asdict(document_rows(item, ord))
            del flat["record"]
            out.append(json.dumps(flat, sort_keys=True, ensure_ascii=False))
    return str(path), out


def _records(args: tuple[Path, bool, bool]) -> tuple[str, list[str]]:
    return records(*args)


def differences(before: dict[str, list[str]], after: dict[str, list[str]]) -> list[str]:
    """One line per differing field of each file whose records changed (files in both only)."""
    lines = []
    for name, old in before.items():
        new = after.get(name)
        if new is None or new == old:
            continue
        if len(new) != len(old):
            lines.append(f"{name}: {len(old)} records, now {len(new)}")
            continue
        for a, b in zip(old, new, strict=True):
            if a != b:
                da, db = json.loads(a), json.loads(b)
                changed = sorted(k for k in set(da) | set(db) if da.get(k) != db.get(k))
                lines.append(f"{name}: {', '.join(changed)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("write", "check"))
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("--src", type=Path, help="the src/ folder of the legation to run (default: this tree)")
    parser.add_argument("--no-extract", action="store_true")
    parser.add_argument("--rows", action="store_true", help="compare the store rows of each record too")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"no corpus at {DATA}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(args.src or ROOT / "src"))
    files = corpus()
    with multiprocessing.get_context("fork").Pool(args.workers) as pool:
        now = dict(pool.imap(_records, [(f, not args.no_extract, args.rows) for f in files], chunksize=16))
    if args.mode == "write":
        with open(args.snapshot, "w", encoding="utf-8") as handle:
            for name, lines in now.items():
                handle.write(json.dumps([name, lines], ensure_ascii=False) + "\n")
        print(f"{len(now)} files, {sum(map(len, now.values()))} records → {args.snapshot}")
        return 0
    with open(args.snapshot, encoding="utf-8") as handle:
        before = dict(json.loads(line) for line in handle)
    lines = differences(before, now)
    for line in lines[:SHOWN]:
        print(line)
    changed = len({line.split(": ")[0] for line in lines})
    print(f"checked {len(now)} files against {len(before)}; {changed} differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
