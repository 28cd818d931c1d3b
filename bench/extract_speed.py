"""Extraction speed: words per second per profile on one core, with spaCy's NER alone as the baseline
of the same run. Rates are words per CPU second of this process (pinned to one core), with wall-clock
rates beside them: on a shared machine wall time also counts other processes' turns.

    .venv/bin/python bench/extract_speed.py [--docs N] [--repeat R]

Corpus: the first N dev cables and N NASA articles of ../shared/data (mixed case and all-caps text).
Systems:
  fast        legation.extract.extract_many(docs, "fast")
  full        legation.extract.extract_many(docs, "full")
  spacy-ner   spacy's model with every component but tok2vec and ner disabled, nlp.pipe over the texts
Targets: fast >= 200,000 words/s; full >= 85% of spacy-ner.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from legation.extract import extract, extract_many
from legation.extract.ner import BATCH_SIZE, load_model
from legation.record import Document

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
FAST_TARGET = 200_000
FULL_RATIO_TARGET = 0.85


def corpus(n: int) -> list[Document]:
    docs = []
    cables = sorted((DATA / "cables").glob("*.txt"))[:n]
    articles = sorted((DATA / "news" / "nasa").glob("nasa_article_*.md"))[:n]
    for path in cables:
        docs.append(Document(path.name, "", "cable", path.read_text(encoding="utf-8"), date="2008-01-01"))
    for path in articles:
        docs.append(Document(path.name, "", "article", path.read_text(encoding="utf-8"), date="2024-01-01"))
    return docs


def fresh(docs: list[Document]) -> list[Document]:
    return [Document(d.source, d.sha256, d.kind, d.text, date=d.date) for d in docs]


def measure(runs: dict, repeat: int) -> dict[str, tuple[float, float]]:
    """Best (CPU seconds, wall seconds) of `repeat` interleaved runs of each system.

    CPU time of this process is the primary figure: on a shared machine wall time also counts the
    time other processes held the core. Interleaving spreads any load change over all systems.
    """
    best = {name: (float("inf"), float("inf")) for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            cpu, wall = time.process_time(), time.perf_counter()
            run()
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            best[name] = (min(best[name][0], cpu), min(best[name][1], wall))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200, help="cables and articles each (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="best of R runs (default 3)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    try:
        import torch  # noqa: F401  (spaCy may use it; keep it to one thread)

        torch.set_num_threads(1)
    except ImportError:
        pass
    docs = corpus(args.docs)
    words = sum(len(d.text.split()) for d in docs)
    print(f"corpus: {len(docs)} documents, {words:,} words, {sum(len(d.text) for d in docs):,} characters")
    nlp = load_model()
    print(f"spaCy pipeline in use: {nlp.pipe_names}")
    extract(fresh(docs[:1])[0], "fast")
    list(extract_many(fresh(docs[:2]), "full"))  # warm caches and model
    texts = [d.text for d in docs]
    results = measure({
        "spacy-ner": lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE)),
        "fast": lambda: list(extract_many(fresh(docs), "fast")),
        "full": lambda: list(extract_many(fresh(docs), "full")),
    }, args.repeat)
    rate = {name: words / cpu for name, (cpu, _wall) in results.items()}
    print(f"{'system':<10} {'cpu s':>8} {'wall s':>8} {'words/cpu-s':>12} {'words/wall-s':>13}")
    for name, (cpu, wall) in results.items():
        print(f"{name:<10} {cpu:8.2f} {wall:8.2f} {rate[name]:>12,.0f} {words / wall:>13,.0f}")
    ratio = rate["full"] / rate["spacy-ner"]
    print(f"fast: {rate['fast']:,.0f} words/cpu-s (target >= {FAST_TARGET:,}): "
          f"{'ok' if rate['fast'] >= FAST_TARGET else 'BELOW'}")
    print(f"full / spacy-ner: {ratio:.1%} (target >= {FULL_RATIO_TARGET:.0%}): "
          f"{'ok' if ratio >= FULL_RATIO_TARGET else 'BELOW'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
