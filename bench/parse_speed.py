"""Cable parsing speed on one core, as a ratio to a baseline measured in the same run.

    .venv/bin/python bench/parse_speed.py --docs ../shared/data/cables [--repeat 3]

The baseline is reading and decoding the same files (bytes → str); the parser is timed on the
decoded texts with `parse_cable` (structure only, no extraction). Both are best-of-N CPU times
of this process (`time.process_time`), so other work on a shared machine counts as little as
possible; the ratio to the baseline measured in the same run is the figure to compare across
machines. Prints cables/s for each and the ratio.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from legation.parse.cable import parse_cable  # noqa: E402
from legation.parse.source import Source  # noqa: E402


def _best(func, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        func()
        best = min(best, time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, required=True, help="folder of cable .txt files")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best counts")
    parser.add_argument("--limit", type=int, default=None, help="time only the first N files")
    args = parser.parse_args(argv)

    paths = sorted(p for p in args.docs.glob("*.txt") if p.name != "SOURCE.txt")[: args.limit]
    raws = [p.read_bytes() for p in paths]
    sources = [Source(name=p.name, text=raw.decode("utf-8", errors="replace"),
                      sha256=hashlib.sha256(raw).hexdigest()) for p, raw in zip(paths, raws, strict=True)]

    def baseline() -> None:
        for path in paths:
            path.read_bytes().decode("utf-8", errors="replace")

    def parse() -> None:
        for source in sources:
            parse_cable(source)

    parse()  # warm the table caches and compiled patterns
    base = _best(baseline, args.repeat)
    took = _best(parse, args.repeat)
    n = len(sources)
    print(f"baseline (read+decode): {n / base:10.0f} cables/s")
    print(f"parse_cable:            {n / took:10.0f} cables/s")
    print(f"ratio parse/baseline:   {base / took:10.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
