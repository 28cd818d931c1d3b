"""Entity resolution: overlaps, nested mentions, surnames and stable ids."""

from __future__ import annotations

from legation.extract import extract
from legation.extract.gazetteer import entity_id
from legation.record import Document


def test_resolve_nested_place_inside_agreement():
    text = "Referring to the Baikonur Technology Safeguards Agreement (BTSA), Kruitskikh said"
    doc = extract(Document("x", "", "cable", text))
    labels = {m.text: m.label for m in doc.entities}
    assert labels["Baikonur Technology Safeguards Agreement"] == "AGREEMENT"
    assert labels["Baikonur"] == "FACILITY"


def test_resolve_no_nesting_inside_outlet_names():
    doc = extract(Document("x", "", "article", "By The Moscow Times"))
    assert [m.text for m in doc.entities] == ["The Moscow Times"]


def test_resolve_caps_surname_tied_to_full_name():
    text = "EMBOFFS MET ANDREY KRUITSKIKH ON MONDAY. KRUITSKIKH SAID THE GOR WAS READY."
    doc = extract(Document("x", "", "cable", text))
    people = [m for m in doc.entities if m.label == "PERSON"]
    assert [m.text for m in people] == ["ANDREY KRUITSKIKH", "KRUITSKIKH"]
    assert {m.name for m in people} == {"Andrey Kruitskikh"}


def test_resolve_ids_are_stable_hashes_for_unknown_names():
    assert entity_id("PERSON", "Andrey  Kruitskikh") == entity_id("PERSON", "andrey kruitskikh")
    assert entity_id("PERSON", "Andrey Kruitskikh") != entity_id("ORG", "Andrey Kruitskikh")


def test_resolve_government_shorthand_and_spellings_share_ids():
    a = extract(Document("a", "", "cable", "THE GOR AND BAYKONUR"))
    b = extract(Document("b", "", "article", "the Government of Russia and the Baikonur Cosmodrome"))
    ids_a = {m.name: m.id for m in a.entities}
    ids_b = {m.name: m.id for m in b.entities}
    for name in ("Government of Russia", "Baikonur Cosmodrome"):
        assert ids_a[name] == ids_b[name]
    assert ids_b["Russia"] == "Q159"  # nested inside the government's name
