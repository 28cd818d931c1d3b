"""Where one document's ingest time goes, in one process: the cold start of a worker, reading with
parsing, extraction and row building (`process_file`), writing (`write_files`), and garbage collection;
and, apart, what reading a file costs (`read_small_file`, the files in the OS cache).

    .venv/bin/python bench/ingest_parts.py                       # 2,000 of ../shared/data/cables, fast
    .venv/bin/python bench/ingest_parts.py --docs DIR --limit 5000 --profile full --json

Times are CPU milliseconds of this process (`time.process_time`), which other work on a shared
machine moves less than wall time. The parts add up to what one ingest worker spends per document;
`bench/ingest.py` measures the whole ingest with its workers.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "cables"


class GcClock:
    """Wall time spent in garbage collection while it is installed (gc.callbacks)."""

    def __init__(self):
        self.seconds = 0.0
        self._started = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--profile", choices=("fast", "full"), default="fast")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.docs.is_dir():
        print(f"no corpus at {args.docs}", file=sys.stderr)
        return 2
    files = sorted(p for p in args.docs.iterdir() if p.is_file())[:args.limit + 1]
    tasks = [(p, p.stat().st_size, p.stat().st_mtime_ns) for p in files]

    # What a fresh worker pays before its first document is done: imports, tables, automata.
    started = time.process_time()
    from legation.ingest import BATCH_DOCUMENTS, process_file
    imported = time.process_time()
    process_file(tasks[0], profile=args.profile)
    cold = time.process_time()

    # As a worker does: parse a batch, write it, let it go (held results would slow the collector).
    from legation.ingest import tune_worker_gc
    from legation.store.sqlite import SQLiteStore

    tune_worker_gc()

    clock = GcClock()
    processed = written = 0.0
    documents = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "parts.db")
        gc.callbacks.append(clock)
        for i in range(1, len(tasks), BATCH_DOCUMENTS):
            begun = time.process_time()
            results = [process_file(task, profile=args.profile) for task in tasks[i:i + BATCH_DOCUMENTS]]
            parsed = time.process_time()
            store.write_files(results)
            written += time.process_time() - parsed
            processed += parsed - begun
            documents += sum(len(r.rows) for r in results)
        gc.callbacks.remove(clock)
        store.close()

    # Reading alone (a part of process_file above), over the same files, now in the OS cache.
    from legation.ingest import read_small_file

    begun = time.process_time()
    for path, _, _ in tasks[1:]:
        read_small_file(path)
    read = time.process_time() - begun

    figures = {
        "files": len(tasks) - 1, "documents": documents, "profile": args.profile,
        "cold_start_ms": round(1000 * (cold - started), 1), "imports_ms": round(1000 * (imported - started), 1),
        "process_file_cpu_ms_per_doc": round(1000 * processed / documents, 3),
        "gc_ms_per_doc": round(1000 * clock.seconds / documents, 3),
        "write_cpu_ms_per_doc": round(1000 * written / documents, 3),
        "read_cpu_us_per_file": round(1e6 * read / max(1, len(tasks) - 1), 1),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{documents:,} documents ({args.profile}): cold start {figures['cold_start_ms']} ms "
              f"(imports {figures['imports_ms']} ms); per document: read+parse+extract+rows "
              f"{figures['process_file_cpu_ms_per_doc']} CPU-ms (of which GC {figures['gc_ms_per_doc']}), "
              f"write {figures['write_cpu_ms_per_doc']} CPU-ms; reading a file {figures['read_cpu_us_per_file']} "
              "CPU-µs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
