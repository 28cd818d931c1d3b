"""Markdown-damaged cables give the same record as their clean originals."""

from __future__ import annotations

import re

import pytest

from legation.parse import parse_bytes
from legation.parse.cable.body import parse_body
from legation.parse.cable.repair import clean_cable_text

PAIRS = ["09ASTANA95", "08MANAMA51", "04MADRID960", "05CAIRO8938", "08NAIROBI199"]
# Fields the conversion itself destroyed, so no parser can give them back: 05CAIRO8938's OCR noise
# reached the TAGS line (KCRM printed as KRM).
CONVERSION_LOSSES = {"05CAIRO8938": {"tags"}}
YEAR = re.compile(r"^(\d\d)")


def body_fields(text: str, cable_id: str) -> dict:
    clean, _ = clean_cable_text(text)
    year = 2000 + int(YEAR.match(cable_id)[1])
    body = parse_body(clean, 0, year=year)
    return {
        "title": body.title,
        "references": [(r.letter, r.id) for r in body.references],
        "paragraphs": [(p.n, p.marking) for p in body.paragraphs if p.n is not None],
        "signed_by": body.signed_by,
        "redactions": body.redactions,
        "action_request": body.action_request,
    }


def record_fields(raw: bytes, name: str) -> dict:
    doc = parse_bytes(raw, name, extract=False)[0].to_dict()
    cable = doc.get("cable") or doc
    return {
        "id": cable.get("id"),
        "date": doc.get("date"),
        "classification": cable.get("classification"),
        "tags": [t["code"] for t in cable.get("tags") or []],
        "title": doc.get("title"),
        "references": [(r["letter"], r["id"]) for r in cable.get("references") or []],
        "paragraphs": [(p["n"], p["marking"]) for p in doc.get("paragraphs") or [] if p["n"] is not None],
        "signed_by": cable.get("signed_by"),
    }


@pytest.mark.parametrize("cable_id", PAIRS)
def test_noisy_examples_body_matches_original(fixture_path, cable_id):
    noisy = fixture_path(f"cablegate-noisy.{cable_id}.txt").read_text(encoding="utf-8")
    clean = fixture_path(f"cablegate.{cable_id}.txt").read_text(encoding="utf-8")
    expected = body_fields(clean, cable_id)
    assert expected["paragraphs"]
    assert body_fields(noisy, cable_id) == expected


@pytest.mark.parametrize("cable_id", PAIRS)
def test_noisy_examples_record_matches_original(fixture_path, cable_id):
    name = f"{cable_id}.txt"
    noisy = record_fields(fixture_path(f"cablegate-noisy.{cable_id}.txt").read_bytes(), name)
    clean = record_fields(fixture_path(f"cablegate.{cable_id}.txt").read_bytes(), name)
    for key in CONVERSION_LOSSES.get(cable_id, ()):
        noisy.pop(key), clean.pop(key)
    assert noisy == clean


def test_noisy_examples_repair_is_reported(fixture_path):
    _, warnings = clean_cable_text(fixture_path("cablegate-noisy.09ASTANA95.txt").read_text(encoding="utf-8"))
    assert warnings == ["conversion damage repaired: headings, paragraph marks", "2 page-break repeats removed"]


@pytest.mark.corpus
def test_noisy_examples_corpus(shared):
    """All 30 converted cables against their originals, through the whole parser."""
    folder = shared / "data" / "cables-noisy-examples"
    names = sorted(p.name for p in folder.glob("*.txt") if p.name != "SOURCE.txt")
    assert len(names) == 30
    differing = {}
    for name in names:
        noisy = record_fields((folder / name).read_bytes(), name)
        clean = record_fields((shared / "data" / "cables" / name).read_bytes(), name)
        for key in CONVERSION_LOSSES.get(name[:-4], ()):
            noisy.pop(key), clean.pop(key)
        if noisy != clean:
            differing[name] = {k: (noisy[k], clean[k]) for k in noisy if noisy[k] != clean[k]}
    assert differing == {}
