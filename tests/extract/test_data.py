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


def test_data_tables_read_as_csv_dict_reader_reads_them():
    """load_table reads rows with csv.reader for speed; every shipped table must come out as
    csv.DictReader gives it (missing fields as "")."""
    import csv
    from pathlib import Path

    import legation.data

    root = Path(legation.data.__file__).parent
    tables = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.tsv"))
    assert len(tables) >= 15
    for name in tables:
        with open(root / name, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            expected = tuple({k: (v or "") for k, v in row.items()} for row in reader)
        assert load_table(name) == expected, name
