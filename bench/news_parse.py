"""Throughput of news parsing over the shared corpus, against a read-and-decode baseline.

    .venv/bin/python bench/news_parse.py [--data ../shared/data/news] [--extract]

For each folder of `data/news` (nasa, wikinews, wikipedia-current-events) it prints the files
read, the documents parsed (a digest page gives one per news item), the errors, and files per
second for (a) the baseline: reading and decoding the same files into sources, and (b) the full
parse (detection + format parser, `--extract` adds the extractors). The ratio parse/baseline is
what to compare between runs: the machine is shared, absolute speeds are not.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from legation.parse import parse_paths  # noqa: E402
from legation.parse.readers import Failure, read_paths  # noqa: E402

FOLDERS = ("nasa", "wikinews", "wikipedia-current-events")


def default_data() -> Path | None:
    for candidate in (ROOT.parent / "shared" / "data" / "news",):
        if candidate.is_dir():
            return candidate
    return None


def baseline(folder: Path) -> tuple[int, float]:
    start = time.perf_counter()
    files = sum(1 for item in read_paths([folder]) if not isinstance(item, Failure))
    return files, time.perf_counter() - start


def parse(folder: Path, extract: bool) -> tuple[Counter, float]:
    counts: Counter = Counter()
    start = time.perf_counter()
    for record in parse_paths([folder], extract=extract):
        if isinstance(record, Failure):
            counts["errors"] += 1
        else:
            counts["documents"] += 1
            counts[f"kind:{record.kind}"] += 1
    return counts, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data(), help="the data/news folder")
    parser.add_argument("--extract", action="store_true", help="run the extractors too")
    args = parser.parse_args(argv)
    if args.data is None or not args.data.is_dir():
        print("data/news not found: pass --data", file=sys.stderr)
        return 2
    header = f"{'folder':<26}{'files':>7}{'docs':>8}{'errors':>7}{'base f/s':>10}{'parse f/s':>11}{'ratio':>7}"
    print(header)
    totals = Counter()
    total_base = total_parse = 0.0
    for name in FOLDERS:
        folder = args.data / name
        if not folder.is_dir():
            continue
        files, base_s = baseline(folder)
        counts, parse_s = parse(folder, args.extract)
        totals.update(counts)
        totals["files"] += files
        total_base += base_s
        total_parse += parse_s
        print(f"{name:<26}{files:>7}{counts['documents']:>8}{counts['errors']:>7}"
              f"{files / base_s:>10.0f}{files / parse_s:>11.0f}{parse_s / base_s:>7.1f}")
    print(f"{'total':<26}{totals['files']:>7}{totals['documents']:>8}{totals['errors']:>7}"
          f"{totals['files'] / total_base:>10.0f}{totals['files'] / total_parse:>11.0f}"
          f"{total_parse / total_base:>7.1f}")
    kinds = ", ".join(f"{k[5:]} {v}" for k, v in sorted(totals.items()) if k.startswith("kind:"))
    print(f"kinds: {kinds}")
    return 1 if totals["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
