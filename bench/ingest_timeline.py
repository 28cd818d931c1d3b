"""Where the wall time of a worker ingest goes: how soon the workers parse, how busy they stay, and
how long the end takes after the last file is parsed. Each run is a fresh process; several checkouts
given with --src are run in turn, run after run, so that a noisy machine's drift falls on all alike.

    .venv/bin/python bench/ingest_timeline.py                              # this checkout, 3 runs
    .venv/bin/python bench/ingest_timeline.py --src /tmp/old/src --src src --runs 8

Per run: documents/s, CPU ms a document (all processes), `start` (from the ingest call to the first
file a worker parses), `cold` (the longest first file: a worker's start-up), `tail` (from the last
file parsed to the end of the ingest: the last commits, waiting for each other while a core idles),
and `busy` (the share of the workers' time, from the ingest call to its end, spent parsing and
writing). Then the mean of each column
per checkout. The workers' functions are wrapped to note when each file and commit starts and ends;
the wrapping costs a few microseconds a file.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "cables"
COLUMNS = ("docs_per_s", "cpu_ms_per_doc", "start", "cold", "tail", "busy")


def child(src: str, corpus: str, workers: int, profile: str) -> dict:
    """One ingest with the workers' parse and write calls timed (runs in its own process)."""
    sys.path.insert(0, src)
    import legation
    from legation import ingest_workers
    from legation.store.sqlite import SQLiteStore

    events: list[tuple[str, float, float]] = []
    out = Path(tempfile.mkdtemp(prefix="timeline-"))

    def timed(kind, function):
        def wrapper(*args, **kwargs):
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                events.append((kind, began, time.perf_counter()))
        return wrapper

    worker = ingest_workers._worker

    def traced_worker(*args):
        try:
            worker(*args)
        finally:  # the events of this worker, for the parent (the file is written before the exit)
            (out / f"{os.getpid()}.json").write_text(json.dumps(events))

    ingest_workers.process_file = timed("parse", ingest_workers.process_file)
    SQLiteStore.write_files = timed("write", SQLiteStore.write_files)
    ingest_workers._worker = traced_worker
    with tempfile.TemporaryDirectory() as tmp, legation.open(Path(tmp) / "timeline.db") as store:
        cpu_before = _cpu()
        started = time.perf_counter()
        report = store.ingest([corpus], profile=profile, workers=workers)
        ended = time.perf_counter()
        cpu = _cpu() - cpu_before
    runs = [json.loads(p.read_text()) for p in out.glob("*.json")]
    for p in out.glob("*.json"):
        p.unlink()
    out.rmdir()
    parses = [[(b, e) for kind, b, e in run if kind == "parse"] for run in runs]
    parses = [p for p in parses if p]
    if not parses:
        raise SystemExit(f"{src}: no worker parsed a file (one worker, or nothing to do?)")
    work = sum(e - b for run in runs for _, b, e in run)
    docs = report.documents + report.errors
    return {"docs_per_s": docs / (ended - started), "cpu_ms_per_doc": 1000 * cpu / max(1, docs),
            "start": min(p[0][0] for p in parses) - started,
            "cold": max(p[0][1] - p[0][0] for p in parses),
            "tail": ended - max(e for p in parses for _, e in p),
            "busy": work / (len(runs) * (ended - started))}


def _cpu() -> float:
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", action="append", help="a checkout's src folder (repeatable; default: this one)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--profile", default="fast")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, str(args.corpus), args.workers, args.profile)))
        return
    if args.workers < 2:
        parser.error("--workers must be at least 2 (one worker parses in the ingesting process)")
    if not args.corpus.is_dir():
        parser.error(f"no corpus at {args.corpus}")
    srcs = [str(Path(s).resolve()) for s in (args.src or [ROOT / "src"])]
    results: dict[str, list[dict]] = {s: [] for s in srcs}
    print(f"{'checkout':40} " + " ".join(f"{c:>14}" for c in COLUMNS))
    for _ in range(args.runs):
        for src in srcs:
            done = subprocess.run([sys.executable, __file__, "--child", src, "--corpus", str(args.corpus),
                                   "--workers", str(args.workers), "--profile", args.profile],
                                  capture_output=True, text=True, check=True)
            row = json.loads(done.stdout.strip().splitlines()[-1])
            results[src].append(row)
            print(f"{src[-40:]:40} " + " ".join(f"{row[c]:14.3f}" for c in COLUMNS), flush=True)
    print("mean")
    for src, rows in results.items():
        print(f"{src[-40:]:40} " + " ".join(f"{sum(r[c] for r in rows) / len(rows):14.3f}" for c in COLUMNS))


if __name__ == "__main__":
    main()
