"""Entity resolution: overlaps, nested mentions, surnames and stable ids."""

from __future__ import annotations

from legation.extract import extract
from legation.extract.gazetteer import entity_id
from legation.extract.resolve import POSSESSIVE, resolve_overlaps, strip_possessive
from legation.record import Document, Mention


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


def test_resolve_overlaps_settles_each_run_of_overlapping_mentions():
    text = "Baikonur Safeguards Agreement, Moscow Times, Kazakhstan and Astana"
    agreement = Mention("Baikonur Safeguards Agreement", "AGREEMENT", 0, 29)
    place = Mention("Baikonur", "FACILITY", 0, 8, "Q1")
    place_again = Mention("Baikonur", "GPE", 0, 8)
    outlet = Mention("Moscow Times", "ORG", 31, 43)
    city = Mention("Moscow", "GPE", 31, 37, "Q2")
    partial = Mention("Times, Kaz", "ORG", 38, 48)
    country = Mention("Kazakhstan", "GPE", 45, 55, "Q3")
    known = Mention("Astana", "GPE", 60, 66, "Q4")
    unknown = Mention("Astana", "LOC", 60, 66)
    empty = Mention("", "ORG", 20, 20)
    mentions = [unknown, partial, country, city, outlet, place_again, place, agreement, known, empty]
    assert text[45:55] == "Kazakhstan" and text[60:66] == "Astana"
    # the longest wins; a known place nests inside an agreement, not inside an outlet's name; on a tie
    # the known entity wins and what overlaps both is dropped; of two equal spans the known one stays
    assert resolve_overlaps(mentions) == [agreement, place, outlet, country, known]
    assert resolve_overlaps([place, agreement]) == [agreement, place]
    assert resolve_overlaps([city, outlet]) == [outlet]


def test_resolve_strip_possessive_matches_the_pattern_on_words():
    for word in ("KRUITSKIKH'S", "Kruitskikh’s", "Jones's", "JONES’S", "Jones", "'s", "s", "", "Bass", "O'S"):
        assert strip_possessive(word) == POSSESSIVE.sub("", word)
