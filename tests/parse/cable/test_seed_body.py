"""The founding cable seed (07MOSCOW3736, Markdown-damaged): body fields after repair."""

from __future__ import annotations

import pytest

from legation.parse.cable.body import parse_body
from legation.parse.cable.repair import clean_cable_text


@pytest.fixture
def seed(fixture_path):
    text, warnings = clean_cable_text(fixture_path("seed.004_69b9118b38fb912e.txt").read_text(encoding="utf-8"))
    return text, warnings, parse_body(text, 0, year=2007)


def test_seed_body_subject(seed):
    assert seed[2].title == "RUSSIAN NOTE ON SEA LAUNCH, MFA COMMENTS ON SPACE ISSUES"


def test_seed_body_references(seed):
    refs = [(r.letter, r.id, r.text) for r in seed[2].references]
    assert refs == [("A", "07STATE87399", "STATE 87399"), ("B", "07STATE77400", "STATE 77400")]


def test_seed_body_paragraphs(seed):
    text, _, body = seed
    assert [(p.n, p.marking) for p in body.paragraphs] == [(n, "SBU") for n in range(1, 8)]
    assert text[body.paragraphs[0].start:].startswith("¶1. (SBU) This message contains an action request.")
    assert text[body.paragraphs[-1].start:body.paragraphs[-1].end].endswith("the Customs Agreement.")


def test_seed_body_signer_and_action(seed):
    _, _, body = seed
    assert body.signed_by == "RUSSELL"
    assert body.action_request is True
    assert body.redactions == 0


def test_seed_body_repair_warns(seed):
    _, warnings, _ = seed
    assert any("paragraph marks" in w for w in warnings)
