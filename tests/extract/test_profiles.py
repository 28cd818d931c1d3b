"""Profiles: `fast` needs no model; `full` adds spaCy (skipped when the extra is not installed)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from legation.errors import UsageError
from legation.extract import PROFILES, components, extract, extract_many
from legation.record import Document

SENTENCE = ("Kazcosmos space agency chief Talgat Musabayev said Thursday that Baiterek was being considered by "
            "Russian federal agencies. Musabayev met Ambassador Kenneth Fairfax in Astana.")


def test_profiles_names():
    assert PROFILES == ("fast", "full")
    with pytest.raises(UsageError):
        components("slow")


def test_profiles_import_legation_does_not_import_spacy():
    code = "import sys, legation, legation.extract; extract = legation.extract.extract; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_profiles_fast_runs_without_model():
    code = ("import sys; from legation.extract import extract; from legation.record import Document; "
            "extract(Document('x', '', 'text', 'President Vladimir Putin visited Astana.')); "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_profiles_extract_many_equals_extract():
    docs = [Document(str(i), "", "article", SENTENCE, date="2014-02-06") for i in range(3)]
    many = list(extract_many(docs, "fast"))
    one = extract(Document("x", "", "article", SENTENCE, date="2014-02-06"))
    for doc in many:
        assert json.dumps([m.to_dict() for m in doc.entities]) == json.dumps([m.to_dict() for m in one.entities])


def test_profiles_full_adds_model_mentions_and_keeps_rules():
    pytest.importorskip("spacy")
    try:
        from legation.extract.ner import load_model

        load_model()
    except UsageError:
        pytest.skip("spaCy model not installed")
    text = "MOSCOW. THE GOR TOLD EMBOFFS THAT SERGEY IVANOV WILL VISIT ASTANA. IVANOV'S TRIP IS PRIVATE."
    doc = extract(Document("x", "", "cable", text, date="2008-01-01"), "full")
    found = {(m.text, m.label) for m in doc.entities}
    assert ("GOR", "ORG") in found and ("ASTANA", "GPE") in found
    assert any(m.label == "PERSON" and "IVANOV" in m.text for m in doc.entities)
    for m in doc.entities:
        assert doc.text[m.start:m.end] == m.text


def test_profiles_extract_twice_is_stable():
    once = extract(Document("x", "", "article", SENTENCE, date="2014-02-06"))
    first = [m.to_dict() for m in once.entities], [t.to_dict() for t in once.times], len(once.acronyms)
    twice = extract(once)
    assert ([m.to_dict() for m in twice.entities], [t.to_dict() for t in twice.times], len(twice.acronyms)) == first
