"""Cable parser quality: per-field agreement with WikiLeaks' metadata.

    .venv/bin/python bench/cable_quality.py --docs ../shared/data/cables \
        --gold ../shared/data/cables-metadata.jsonl [--out misses.jsonl]

Parses every `<id>.txt` of --docs that --gold lists (structure only, no extraction), prints one
row per field (agreeing / scored / rate) and writes every disagreement to --out as JSON Lines
(`{"id", "field", "ours", "gold"}`). How each field is compared is documented in
bench/scoring.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bench.scoring import FIELDS, load_gold, parse_folder, score  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, required=True, help="folder of <id>.txt cables")
    parser.add_argument("--gold", type=Path, required=True, help="cables-metadata.jsonl")
    parser.add_argument("--out", type=Path, default=Path("cable_quality.misses.jsonl"),
                        help="where to write the disagreements (JSON Lines)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N cables")
    args = parser.parse_args(argv)

    gold = load_gold(args.gold)
    ids = sorted(gold)[: args.limit] if args.limit else sorted(gold)
    gold = {cid: gold[cid] for cid in ids}
    started = time.perf_counter()
    records = parse_folder(args.docs, ids)
    elapsed = time.perf_counter() - started
    result = score(records, gold)

    print(f"{'field':<16}{'agree':>8}{'scored':>8}{'rate':>9}")
    for name in FIELDS:
        print(f"{name:<16}{result.agree[name]:>8}{result.scored[name]:>8}{result.rate(name):>9.2%}")
    print(f"{len(records)} cables parsed in {elapsed:.1f} s")
    with args.out.open("w", encoding="utf-8") as handle:
        for miss in result.misses:
            handle.write(json.dumps(miss, ensure_ascii=False) + "\n")
    print(f"{len(result.misses)} disagreements written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
