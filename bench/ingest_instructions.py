"""Instructions per ingested document, counted by valgrind's callgrind: a figure the load of a shared
machine does not move, for comparing two versions of the code when timings drift by a fifth.

    .venv/bin/python bench/ingest_instructions.py                       # 256 of ../shared/data/cables
    .venv/bin/python bench/ingest_instructions.py --src /tmp/old/src    # another checkout's code
    .venv/bin/python bench/ingest_instructions.py --docs DIR --limit 512 --profile full

One process does what an ingest worker does (its garbage-collection settings, `process_file`, and
`write_files` in batches of BATCH_DOCUMENTS) over the first file, then over the first 1 + N files;
the difference of the two counts over N is the cost of a document without start-up. Each count runs
the process under callgrind (about 50 times slower than native: a minute or two for 256 cables).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "cables"
COLLECTED = re.compile(r"Collected : (\d+)")


def worker(docs: Path, count: int, profile: str) -> None:
    """Ingest the first `count` files of `docs` into a new store, as a worker does."""
    from legation import ingest
    from legation.ingest import BATCH_DOCUMENTS, process_file
    from legation.store.sqlite import SQLiteStore

    if hasattr(ingest, "tune_worker_gc"):  # (older checkouts have no such setting)
        ingest.tune_worker_gc()
    files = sorted(p for p in docs.iterdir() if p.is_file())[:count]
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "instructions.db")
        for i in range(0, len(files), BATCH_DOCUMENTS):
            batch = files[i:i + BATCH_DOCUMENTS]
            store.write_files([process_file((p, p.stat().st_size, p.stat().st_mtime_ns), profile=profile)
                               for p in batch])
        store.close()


def instructions(src: Path, docs: Path, count: int, profile: str) -> int:
    """Instructions callgrind counts for a worker over the first `count` files."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
               "--worker", str(count), "--docs", str(docs), "--profile", profile]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    found = COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"callgrind run failed (exit {done.returncode}): {done.stderr.strip()[-500:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=256, help="documents counted (after the first)")
    parser.add_argument("--profile", choices=("fast", "full"), default="fast")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the code to count (a checkout's src)")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        worker(args.docs, args.worker, args.profile)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    if not args.docs.is_dir():
        print(f"no corpus at {args.docs}", file=sys.stderr)
        return 2
    base = instructions(args.src, args.docs, 1, args.profile)
    total = instructions(args.src, args.docs, 1 + args.limit, args.profile)
    per_doc = (total - base) / args.limit
    print(f"{args.limit:,} documents ({args.profile}, {args.src}): {per_doc / 1e6:.2f} M instructions per "
          f"document (start-up and first document {base / 1e6:,.0f} M)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
