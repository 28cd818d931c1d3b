"""The extraction tables: headers, no duplicate keys, known labels and case rules."""

from __future__ import annotations

import re

import pytest

from legation.data import load_table
from legation.extract.gazetteer import TABLES, entries

LABELS = {"PERSON", "ORG", "GPE", "LOC", "FACILITY", "VEHICLE", "AGREEMENT", "MONEY", "NORP", "EVENT"}
CASES = {"", "exact", "nocaps", "office"}
QID = re.compile(r"^(?:Q\d+|pocom:[a-z0-9-]+|hsg:\d+)?$")


@pytest.mark.parametrize("table", TABLES)
def test_data_gazetteer_rows(table):
    rows = load_table(f"gazetteer/{table}")
    assert rows
    keys = [r["id"] if table == "people.tsv" else r["name"] for r in rows]  # namesakes are distinct people
    assert len(keys) == len(set(keys)), "duplicate keys"
    for row in rows:
        assert row["label"] in LABELS
        assert row["case"] in CASES
        assert QID.match(row["id"]), row["id"]
        assert all(a.strip() == a and a for a in row["aliases"].split("|") if row["aliases"])


def test_data_gazetteer_ids_unique_per_label():
    seen: dict[str, str] = {}
    for entry in entries():
        if entry.label != "NORP":
            assert seen.setdefault(entry.id, entry.label) == entry.label, entry


def test_data_glossary():
    rows = load_table("glossary.tsv")
    assert len(rows) >= 300
    pairs = [(r["short"], r["long"]) for r in rows]
    assert len(pairs) == len(set(pairs))
    for row in rows:
        assert row["short"] and row["long"]
        assert row["label"] in LABELS | {""}
    homonyms = {}
    for row in rows:
        homonyms.setdefault(row["short"], []).append(row["context"])
    for short, contexts in homonyms.items():
        assert len(contexts) == len(set(contexts)), f"{short}: homonyms need distinct contexts"


def test_data_given_names():
    for table in ("gazetteer/given_names.tsv", "gazetteer/given_names_extra.tsv"):
        names = [r["name"] for r in load_table(table)]
        assert names and len(names) == len(set(names))
