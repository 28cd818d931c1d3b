"""Search benchmark: p50/p95 over 100 realistic queries, with and without filters and facets, beside
the raw FTS5 MATCH time for the same terms on the same index (ratios printed).

    .venv/bin/python bench/search.py --db /tmp/scale.db          # a store built by bench/ingest.py --keep
    .venv/bin/python bench/search.py                             # builds one from ../shared/data/cables

The raw baseline is `SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 20` with the FTS5
expression legation builds for the query's words (no join, no filter, no snippet, no count).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# This checkout's code, not what the venv installed (an A/B from a `git worktree` measures the worktree).
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "cables"
# Every query runs once to warm the page cache before it is timed this many times.
REPEATS = 3

WORDS = [
    "baikonur", "launch", "nuclear", "sanctions", "election", "visa", "pipeline", "oil", "gas", "terrorism",
    "corruption", "president", "parliament", "minister", "embassy", "refugees", "military", "missile",
    "satellite", "space", "trade", "customs", "investment", "bank", "drugs", "border", "energy", "uranium",
    "opposition", "media", "court", "police", "army", "treaty", "agreement", "negotiations", "cooperation",
    "security", "intelligence", "human", "aid", "wheat", "water", "climate", "tourism", "airport", "ports",
    "shipping", "piracy", "protest",
]
TEXT_QUERIES = [
    '"human rights"', '"prime minister"', '"foreign minister"', '"free trade"', '"press freedom"',
    "nuclear AND iran", "oil OR gas", "election NOT parliament", "missile technolog*", "sanction*",
    "(visa OR passport) AND fraud", "energy security", "border guards", "space launch", "drug trafficking",
    "MTCR", "IAEA", "NATO enlargement", "WTO accession", "corrupt* official*",
]
FILTERS = [
    "kind:cable", "tag:PREL", "tag:ECON", "origin:moscow", "class:confidential", "class:unclassified",
    "date:2008..2009", "date:2009", "caveat:NOFORN", "to:SECSTATE",
]


def queries() -> list[tuple[str, bool]]:
    """(query, has_filter): 50 without filters, 50 with."""
    plain = TEXT_QUERIES + WORDS[:30]
    filtered = [f"({q}) {FILTERS[i % len(FILTERS)]}" for i, q in enumerate(WORDS[20:] + TEXT_QUERIES)]
    return [(q, False) for q in plain[:50]] + [(q, True) for q in filtered[:50]]


def timed(fn) -> float:
    fn()
    best = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        fn()
        best.append(time.perf_counter() - t0)
    return statistics.median(best) * 1000


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    import legation
    from legation.query.querylang import parse_query
    from legation.store.compile import compile_plan

    tmp = None
    db = args.db
    if db is None:
        tmp = Path(tempfile.mkdtemp(prefix="legation-search-"))
        db = tmp / "bench.db"
        with legation.open(db) as corpus:
            corpus.ingest([args.corpus], workers=2)
    try:
        corpus = legation.open(db, readonly=True)
        conn = corpus.store.reader()
        documents = corpus.stats()["documents"]
        rows = {"plain": [], "filtered": []}
        for text, has_filter in queries():
            plan = compile_plan(parse_query(text).tree)
            raw = timed(lambda p=plan: conn.execute(
                "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 20", (p.match,)).fetchall())
            bare = timed(lambda t=text: corpus.search(t, facets=False))
            full = timed(lambda t=text: corpus.search(t, facets=True))
            total = corpus.search(text, facets=False).total
            rows["filtered" if has_filter else "plain"].append(
                {"query": text, "raw_ms": raw, "search_ms": bare, "facets_ms": full, "total": total})
        corpus.close()
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    summary = {"documents": documents}
    everything = rows["plain"] + rows["filtered"]
    for name, group in (("plain", rows["plain"]), ("filtered", rows["filtered"]), ("all", everything)):
        stats = {}
        for key in ("raw_ms", "search_ms", "facets_ms"):
            values = [r[key] for r in group]
            stats[key] = {"p50": round(pct(values, 0.5), 2), "p95": round(pct(values, 0.95), 2)}
        stats["ratio_p95_search_vs_raw"] = round(stats["search_ms"]["p95"] / stats["raw_ms"]["p95"], 2)
        stats["ratio_p95_facets_vs_raw"] = round(stats["facets_ms"]["p95"] / stats["raw_ms"]["p95"], 2)
        summary[name] = stats
        print(f"{name:<9} ({len(group)} queries, {documents:,} documents): raw FTS5 p50 {stats['raw_ms']['p50']} "
              f"p95 {stats['raw_ms']['p95']} ms | search p50 {stats['search_ms']['p50']} p95 "
              f"{stats['search_ms']['p95']} ms (×{stats['ratio_p95_search_vs_raw']}) | with facets p50 "
              f"{stats['facets_ms']['p50']} p95 {stats['facets_ms']['p95']} ms "
              f"(×{stats['ratio_p95_facets_vs_raw']})")
    if args.json:
        print(json.dumps({"summary": summary, "queries": everything}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
