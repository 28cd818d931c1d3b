"""Load benchmark of the web workbench: N concurrent clients on loopback for a bounded time.

    .venv/bin/python bench/serve_load.py                      # a store of tests/fixtures, 8 clients, 30 s
    .venv/bin/python bench/serve_load.py --db corpus.db --clients 4 --seconds 10

It starts `legation serve` itself on a free 127.0.0.1 port and stops it. Each client keeps one
HTTP/1.1 connection and cycles through the search, document and dossier pages; the baseline in the
same run is a static file from the same server (/static/app.css): the pages' cost is printed as a
ratio to it, so figures compare across machines. Prints requests/s, p50/p95 and errors per kind.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# This checkout's code, not what the venv installed (an A/B from a `git worktree` measures the worktree).
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "web"))

DEFAULT_CLIENTS = 8
DEFAULT_SECONDS = 30.0
# Requests one client may make at most (bounds the loop even when the server is very fast).
MAX_REQUESTS_PER_CLIENT = 200_000
# Seconds a single request may take before it counts as an error.
REQUEST_TIMEOUT = 10.0
# Seconds of the baseline phase (static file) before the page phase.
BASELINE_SHARE = 0.2
SEARCHES = ["Baikonur", "launch", "agreement kind:cable", "Kazakhstan date:2007..2014", "space OR satellite",
            "MTCR", "\"Sea Launch\"", "minister"]
DOCUMENTS = ["07MOSCOW3736", "09ASTANA95", "05PARIS1699", "04MADRID960"]
ENTITIES = ["BTSA", "Baikonur", "Kazakhstan", "Russia", "Astana", "Moscow"]


def page_paths() -> list[tuple[str, str]]:
    from legation.web import urls

    paths = [("search", urls.url("search", q=q)) for q in SEARCHES]
    paths += [("document", urls.url("doc", d)) for d in DOCUMENTS]
    paths += [("dossier", urls.url("entity", e)) for e in ENTITIES]
    return paths


class Client(threading.Thread):
    def __init__(self, host: str, port: int, paths: list[tuple[str, str]], until: float, offset: int):
        super().__init__(daemon=True)
        self.host, self.port, self.paths, self.until, self.offset = host, port, paths, until, offset
        self.timings: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}
        self.statuses: dict[str, int] = {}  # what the errors were: HTTP status or exception name

    def run(self) -> None:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT)
        for i in range(MAX_REQUESTS_PER_CLIENT):
            if time.monotonic() >= self.until:
                break
            kind, path = self.paths[(i + self.offset) % len(self.paths)]
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
                why = str(response.status)
            except (OSError, http.client.HTTPException) as exc:
                ok, why = False, type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT)
            elapsed = time.perf_counter() - started
            if ok:
                self.timings.setdefault(kind, []).append(elapsed)
            else:
                self.errors[kind] = self.errors.get(kind, 0) + 1
                self.statuses[why] = self.statuses.get(why, 0) + 1
        conn.close()


def run_phase(port: int, paths, clients: int, seconds: float) -> tuple[dict, dict, float, dict]:
    until = time.monotonic() + seconds
    workers = [Client("127.0.0.1", port, paths, until, i) for i in range(clients)]
    started = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join(seconds + REQUEST_TIMEOUT + 5)
    wall = time.perf_counter() - started
    timings: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    statuses: dict[str, int] = {}
    for w in workers:
        for why, count in w.statuses.items():
            statuses[why] = statuses.get(why, 0) + count
        for kind, values in w.timings.items():
            timings.setdefault(kind, []).extend(values)
        for kind, count in w.errors.items():
            errors[kind] = errors.get(kind, 0) + count
    return timings, errors, wall, statuses


def percentile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def report(label: str, timings: list[float], errors: int, wall: float) -> dict:
    row = {"kind": label, "requests": len(timings), "errors": errors, "rps": len(timings) / wall if wall else 0,
           "p50_ms": percentile(timings, 50) * 1000, "p95_ms": percentile(timings, 95) * 1000}
    print(f"{label:<10} {row['requests']:>8,} {row['rps']:>9.1f} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f}"
          f" {errors:>7}")
    return row


def build_store(folder: Path) -> Path:
    from legation.corpus import open_corpus

    path = folder / "load.db"
    with open_corpus(path) as corpus:
        corpus.ingest([ROOT / "tests" / "fixtures"], workers=1)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a store (default: one built from tests/fixtures)")
    parser.add_argument("--clients", type=int, default=DEFAULT_CLIENTS)
    parser.add_argument("--seconds", type=float, default=DEFAULT_SECONDS)
    args = parser.parse_args(argv)
    if args.clients < 1 or not 0 < args.seconds <= 3600:
        parser.error("--clients must be >= 1 and --seconds in (0, 3600]")
    from server import running_server

    with tempfile.TemporaryDirectory(prefix="legation-load-") as tmp:
        db = Path(args.db) if args.db else build_store(Path(tmp))
        with running_server(db, log_level="error") as base:
            port = int(base.rsplit(":", 1)[1])
            baseline_seconds = args.seconds * BASELINE_SHARE
            static = [("static", "/static/app.css")]
            run_phase(port, page_paths(), args.clients, min(2.0, baseline_seconds))  # warm caches
            base_t, base_e, base_wall, _ = run_phase(port, static, args.clients, baseline_seconds)
            timings, errors, wall, statuses = run_phase(port, page_paths(), args.clients, args.seconds - baseline_seconds)
    print(f"{args.clients} clients on 127.0.0.1, {args.seconds:.0f} s, store {db.name}")
    print(f"{'kind':<10} {'requests':>8} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    base_row = report("static", base_t.get("static", []), base_e.get("static", 0), base_wall)
    all_pages = [t for values in timings.values() for t in values]
    for kind in ("search", "document", "dossier"):
        report(kind, timings.get(kind, []), errors.get(kind, 0), wall)
    pages = report("all pages", all_pages, sum(errors.values()), wall)
    if base_row["p50_ms"] and pages["requests"]:
        print(f"pages vs static baseline: p50 ×{pages['p50_ms'] / base_row['p50_ms']:.1f}, "
              f"throughput ×{pages['rps'] / base_row['rps']:.2f}")
    if statuses:
        print("errors: " + ", ".join(f"{why} ×{count}" for why, count in sorted(statuses.items())))
    return 1 if sum(errors.values()) or sum(base_e.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
