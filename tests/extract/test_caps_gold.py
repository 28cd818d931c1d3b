"""Quality floors on the hand-annotated all-caps cable excerpts (tests/fixtures/cablegate-caps.gold.jsonl).

The benchmark (bench/ner_quality.py) reports the full table; these floors only keep `fast` from
sliding back. Raise them when the rules improve.
"""

from __future__ import annotations

import json

from legation.extract import extract_many
from legation.extract.scoring import Score, score
from legation.record import Document

# Measured 0.67 overlap F1 and 0.63 exact F1 for `fast` (bench/ner_quality.py, 2026-11-23).
FAST_OVERLAP_F1_FLOOR = 0.64
FAST_EXACT_F1_FLOOR = 0.58


def load(fixture_path):
    with open(fixture_path("cablegate-caps.gold.jsonl"), encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_caps_gold_is_consistent(fixture_path):
    records = load(fixture_path)
    assert len(records) == 20
    for record in records:
        for e in record["entities"]:
            assert record["text"][e["start"]:e["end"]] == e["text"]
            assert e["text"].upper() == e["text"]


def test_caps_gold_fast_floor(fixture_path):
    records = load(fixture_path)
    docs = [Document(r["doc"], "", "cable", r["text"]) for r in records]
    exact, overlap = Score(), Score()
    for record, doc in zip(records, extract_many(docs, "fast"), strict=True):
        for m in doc.entities:
            assert doc.text[m.start:m.end] == m.text
        exact.add(score(record["entities"], doc.entities, overlap=False))
        overlap.add(score(record["entities"], doc.entities, overlap=True))
    assert overlap.prf()[2] >= FAST_OVERLAP_F1_FLOOR
    assert exact.prf()[2] >= FAST_EXACT_F1_FLOOR
