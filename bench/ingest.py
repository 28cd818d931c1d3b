"""Ingest benchmark: documents/s and peak RSS per profile and worker count, re-ingest of unchanged
files, and a scale-up mode that replicates the corpus under new ids to show how the store's cost
per document grows with its size.

    .venv/bin/python bench/ingest.py                                  # ../shared/data/cables, fast, 2 workers
    .venv/bin/python bench/ingest.py --profiles fast,full --workers 1,2
    .venv/bin/python bench/ingest.py --no-extract                      # structure only
    .venv/bin/python bench/ingest.py --repeat 5                       # five runs and their median
    .venv/bin/python bench/ingest.py --scale 250000 --step 5000 --keep /tmp/scale.db

Figures are printed as a table and, with --json, as one JSON object. The machine is shared, so
compare ratios measured in the same run rather than absolute figures across runs; the CPU time per
document (all processes of the ingest together) moves less with the load than documents/s does.
With --repeat N each setting is run N times in a row and summed up as the median, lowest and highest
documents/s, with the median CPU time per document beside them (it tells how loaded the machine was).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# This checkout's code, not what the venv installed (an A/B from a `git worktree` measures the worktree).
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "cables"
# RSS is sampled this often (seconds) over the process tree (the writer and its workers).
RSS_INTERVAL = 0.1
# Replicas get serial numbers shifted by this much, so their ids never meet a real cable's.
SERIAL_SHIFT = 10_000_000
SERIAL = re.compile(r"(\d+)$")


class TreeRss:
    """Peak of the summed resident set size of this process and all its descendants (Linux /proc)."""

    def __init__(self):
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(os.getpid()))
            self._stop.wait(RSS_INTERVAL)


def tree_rss(pid: int) -> int:
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as handle:
                    stack += [int(c) for c in handle.read().split()]
        except (OSError, ValueError):
            continue
    return total


def run_ingest(corpus: Path, db: Path, profile: str, workers: int, extract: bool) -> dict:
    import legation

    before = cpu_seconds()
    with TreeRss() as rss, legation.open(db) as store:
        first = store.ingest([corpus], profile=profile, workers=workers, extract=extract)
    cpu = cpu_seconds() - before
    with legation.open(db) as store:
        again = store.ingest([corpus], profile=profile, workers=workers, extract=extract)
    return {"profile": profile if extract else "none", "workers": workers, "documents": first.documents,
            "errors": first.errors, "seconds": round(first.seconds, 2), "docs_per_s": round(first.rate, 1),
            "cpu_ms_per_doc": round(1000 * cpu / max(1, first.documents + first.errors), 3),
            "peak_rss_mb": round(rss.peak / 2**20, 1), "reingest_seconds": round(again.seconds, 3),
            "reingest_docs_per_s": round(again.rate, 1), "db_mb": round(_size(db) / 2**20, 1)}


def summarize(runs: list[dict]) -> dict:
    """The median, lowest and highest documents/s of repeated runs of one setting."""
    rates = [r["docs_per_s"] for r in runs]
    return {"profile": runs[0]["profile"], "workers": runs[0]["workers"], "runs": len(runs),
            "docs_per_s_median": round(statistics.median(rates), 1), "docs_per_s_min": min(rates),
            "docs_per_s_max": max(rates),
            "cpu_ms_per_doc_median": round(statistics.median(r["cpu_ms_per_doc"] for r in runs), 3),
            "peak_rss_mb_max": max(r["peak_rss_mb"] for r in runs),
            "reingest_docs_per_s_min": min(r["reingest_docs_per_s"] for r in runs)}


def cpu_seconds() -> float:
    """User + system CPU of this process and its finished children (the ingest workers)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def _size(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def shifted(cable_id: str | None, copy: int) -> str | None:
    if not cable_id or copy == 0:
        return cable_id
    return SERIAL.sub(lambda m: str(int(m.group(1)) + copy * SERIAL_SHIFT), cable_id)


def replica(rows, copy: int):
    """The rows of a document as a new document: new source, key, id and references."""
    if copy == 0:
        return rows
    refs = [(i, letter, shifted(ref_id, copy), text) for i, letter, ref_id, text in rows.refs]
    key = shifted(rows.cable_id, copy) if rows.cable_id else f"{rows.key}-{copy}"
    return replace(rows, source=f"{rows.source}#{copy}", key=key, cable_id=shifted(rows.cable_id, copy),
                   refs=refs, body=f"{rows.body}\n\nreplica{copy}")


def run_scale(corpus: Path, db: Path, profile: str, extract: bool, total: int, step: int, batch: int,
              workers: int, base_limit: int = 0) -> dict:
    """Parse the corpus once, then write replicas in slices of `step` documents, timing each slice."""
    from legation.ingest import process_files, walk_inputs
    from legation.store import open_store
    from legation.store.base import FileResult

    started, cpu_started = time.perf_counter(), cpu_seconds()
    base = []
    tasks = [(path, 0, 0) for path in walk_inputs([corpus])]
    if base_limit:
        tasks = tasks[:base_limit]
    for result in process_files(tasks, workers, "auto", profile, extract):
        base += [r for r in result.rows if r.status == "ok"]
    parse_seconds = time.perf_counter() - started
    # Cost per document of reading, parsing, extracting and flattening (all workers together).
    parse_cost_ms = 1000 * parse_seconds * workers / max(1, len(base))
    parse_cpu_ms = 1000 * (cpu_seconds() - cpu_started) / max(1, len(base))
    store = open_store(db)
    slices = []
    written = 0
    copy = 0
    with TreeRss() as rss:
        while written < total:
            t0, c0 = time.perf_counter(), time.process_time()
            in_slice = 0
            pending: list[FileResult] = []
            while in_slice < step and written < total:
                rows = base[(written) % len(base)]
                copy = written // len(base)
                rows = replica(rows, copy)
                pending.append(FileResult(rows.source, 0, 0, "", [rows]))
                in_slice += 1
                written += 1
                if len(pending) >= batch:
                    store.write_files(pending)
                    pending = []
            if pending:
                store.write_files(pending)
            seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
            slices.append({"documents": written, "ms_per_doc": round(1000 * seconds / in_slice, 3),
                           "cpu_ms_per_doc": round(1000 * cpu / in_slice, 3)})
            print(f"  {written:>8,} documents: {slices[-1]['ms_per_doc']:.3f} ms/doc written "
                  f"({slices[-1]['cpu_ms_per_doc']:.3f} CPU-ms/doc)", file=sys.stderr)
    store.optimize()
    store.close()
    first, last = slices[0]["ms_per_doc"], slices[-1]["ms_per_doc"]
    # Mean of the last few slices: one slice can carry an FTS segment merge.
    tail = slices[-4:] if len(slices) >= 4 else slices[-1:]
    last_mean = sum(s["ms_per_doc"] for s in tail) / len(tail)
    # The same in CPU time, which a shared machine disturbs far less than wall time.
    cpu_first = slices[0]["cpu_ms_per_doc"]
    cpu_last_mean = sum(s["cpu_ms_per_doc"] for s in tail) / len(tail)
    return {"base_documents": len(base), "parse_ms_per_doc": round(parse_cost_ms, 3),
            "parse_cpu_ms_per_doc": round(parse_cpu_ms, 3),
            "write_ms_per_doc_first": first, "write_ms_per_doc_last": last,
            "write_ms_per_doc_last_mean": round(last_mean, 3),
            "write_ratio": round(last_mean / first, 2),
            "total_ratio": round((parse_cost_ms + last_mean) / (parse_cost_ms + first), 3),
            "write_cpu_ms_per_doc_first": cpu_first, "write_cpu_ms_per_doc_last_mean": round(cpu_last_mean, 3),
            "write_cpu_ratio": round(cpu_last_mean / cpu_first, 2),
            "total_cpu_ratio": round((parse_cpu_ms + cpu_last_mean) / (parse_cpu_ms + cpu_first), 3),
            "peak_rss_mb": round(rss.peak / 2**20, 1), "db_mb": round(_size(db) / 2**20, 1), "slices": slices}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--profiles", default="fast")
    parser.add_argument("--workers", default="2")
    parser.add_argument("--no-extract", action="store_true", help="structure only (no entities, times)")
    parser.add_argument("--scale", type=int, default=0, help="replicate to this many documents")
    parser.add_argument("--step", type=int, default=5000, help="documents per timed slice (scale mode)")
    parser.add_argument("--batch", type=int, default=256, help="documents per transaction (scale mode)")
    parser.add_argument("--base", type=int, default=0,
                        help="scale mode: parse only the first N files and replicate those")
    parser.add_argument("--keep", type=Path, help="keep the store here (scale mode; for bench/search.py)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each setting (summed up by their median)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    out: dict = {"corpus": str(args.corpus), "runs": []}
    tmp = Path(tempfile.mkdtemp(prefix="legation-bench-"))
    try:
        if args.scale:
            db = args.keep or tmp / "scale.db"
            if db.exists():
                print(f"{db} exists; remove it first", file=sys.stderr)
                return 2
            profile = args.profiles.split(",")[0]
            workers = int(args.workers.split(",")[0])
            out["scale"] = run_scale(args.corpus, db, profile, not args.no_extract, args.scale, args.step,
                                     args.batch, workers, args.base)
            s = out["scale"]
            print(f"scale to {args.scale:,}: parse {s['parse_ms_per_doc']} ms/doc; write "
                  f"{s['write_ms_per_doc_first']} ms/doc at {args.step:,} → {s['write_ms_per_doc_last_mean']} "
                  f"ms/doc at {args.scale:,} (×{s['write_ratio']}); total cost per document ×{s['total_ratio']}; "
                  f"in CPU time: write {s['write_cpu_ms_per_doc_first']} → {s['write_cpu_ms_per_doc_last_mean']} "
                  f"(×{s['write_cpu_ratio']}), total ×{s['total_cpu_ratio']}; "
                  f"peak RSS {s['peak_rss_mb']} MB; store {s['db_mb']} MB")
        else:
            out["summaries"] = []
            for profile in args.profiles.split(","):
                for workers in (int(w) for w in args.workers.split(",")):
                    runs = []
                    for n in range(args.repeat):
                        db = tmp / f"{profile}-{workers}-{n}.db"
                        run = run_ingest(args.corpus, db, profile, workers, not args.no_extract)
                        for done in tmp.glob(db.name + "*"):  # the store and its -wal, -shm
                            done.unlink()
                        runs.append(run)
                        print(f"profile {run['profile']:<5} workers {workers}: {run['documents']:,} docs in "
                              f"{run['seconds']} s = {run['docs_per_s']} docs/s ({run['cpu_ms_per_doc']} CPU-ms/doc), "
                              f"peak RSS {run['peak_rss_mb']} MB; "
                              f"re-ingest {run['reingest_docs_per_s']:,} docs/s; store {run['db_mb']} MB", flush=True)
                    out["runs"] += runs
                    if args.repeat > 1:
                        summary = summarize(runs)
                        out["summaries"].append(summary)
                        print(f"profile {summary['profile']:<5} workers {workers}: median of {len(runs)} runs "
                              f"{summary['docs_per_s_median']} docs/s (lowest {summary['docs_per_s_min']}, highest "
                              f"{summary['docs_per_s_max']}), {summary['cpu_ms_per_doc_median']} CPU-ms/doc; "
                              f"peak RSS at most {summary['peak_rss_mb_max']} MB; re-ingest at least "
                              f"{summary['reingest_docs_per_s_min']:,} docs/s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
