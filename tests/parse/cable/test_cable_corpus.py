"""Corpus gate: the cable parser on the 5,000 dev cables may not fall below the pinned floors.

Shares bench/scoring.py with `bench/cable_quality.py`; floors and the corpus hash are pinned in
tests/eval/baseline.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from bench.scoring import FIELDS, corpus_hash, load_gold, parse_folder, score  # noqa: E402

BASELINE = ROOT / "tests" / "eval" / "baseline.json"


@pytest.mark.corpus
def test_cable_corpus_fields_hold_their_floors(shared):
    pinned = json.loads(BASELINE.read_text(encoding="utf-8"))["cables"]
    folder = shared / pinned["corpus"]
    gold_path = shared / pinned["gold"]
    gold = load_gold(gold_path)
    digest = corpus_hash(folder, [f"{cid}.txt" for cid in gold], gold_path)
    assert digest == pinned["corpus_sha256"], (
        "the dev corpus changed: re-measure with bench/cable_quality.py and re-pin tests/eval/baseline.json")
    result = score(parse_folder(folder, gold), gold)
    assert len(gold) == pinned["cables"]
    below = {name: f"{result.rate(name):.4f} < {pinned['floors'][name]}"
             for name in FIELDS if result.rate(name) < pinned["floors"][name]}
    assert not below, f"fields below their floors: {below}"


def _foia_agrees(doc, gold: dict) -> dict[str, bool]:
    ids = {gold["id"], gold.get("id_alt")}
    return {
        "id": doc.cable.id in ids,
        "date": (doc.date or "")[:16] == gold["date"][:16],
        "origin_raw": doc.cable.origin_raw == gold["origin_raw"],
        "classification": doc.cable.classification == gold["classification"],
    }


@pytest.mark.corpus
def test_cable_corpus_foia_ocr_holds_its_floors(shared):
    from legation.parse.cable import detect_cable, parse_cable
    from legation.parse.source import Source

    pinned = json.loads(BASELINE.read_text(encoding="utf-8"))["foia-1986"]
    rows = [json.loads(line) for line in (shared / pinned["gold"]).read_text(encoding="utf-8").split("\n")
            if line.strip()]
    counts = dict.fromkeys(pinned["floors"], 0)
    for gold in rows:
        text = (shared / pinned["texts"] / f"{gold['file']}.txt").read_text(encoding="utf-8")
        source = Source(name=f"{gold['file']}.txt", text=text, sha256="")
        assert detect_cable(source) > 0.5, gold["file"]
        for name, ok in _foia_agrees(parse_cable(source)[0], gold).items():
            counts[name] += ok
    below = {name: f"{counts[name]} < {floor}" for name, floor in pinned["floors"].items() if counts[name] < floor}
    assert not below, f"FOIA fields below their floors: {below}"
