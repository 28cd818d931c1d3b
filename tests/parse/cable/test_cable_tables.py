"""Every data table the cable parser reads: header, unique keys, code formats."""

import re

import pytest

from legation.data import load_table

# table, key column, format every key must have
TABLES = [
    ("routing.tsv", "route", re.compile(r"^R[A-Z]{3,7}$")),
    ("posts.tsv", "name", re.compile(r"^[A-Z][A-Z ./'-]*$")),
    ("tags.tsv", "code", re.compile(r"^[A-Z0-9][A-Z0-9_-]*$")),
    ("caveats.tsv", "printed", re.compile(r"^[A-Z](?: ?[A-Z])*$")),
    ("classifications.tsv", "printed", re.compile(r"^[A-Z][A-Z ]*$")),
    ("precedence.tsv", "code", re.compile(r"^[A-Z]$")),
]


@pytest.mark.parametrize("name,key,fmt", TABLES)
def test_cable_tables_keys_unique_and_well_formed(name, key, fmt):
    rows = load_table(name)
    assert rows, f"{name} is empty"
    keys = [row[key] for row in rows]
    duplicates = {k for k in keys if keys.count(k) > 1}
    assert not duplicates, f"{name}: duplicate keys {sorted(duplicates)[:5]}"
    bad = [k for k in keys if not fmt.match(k)]
    assert not bad, f"{name}: malformed keys {bad[:5]}"


def test_cable_tables_values_decode_to_known_names():
    classifications = {row["classification"] for row in load_table("classifications.tsv")}
    assert classifications <= {"UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET", "LIMITED OFFICIAL USE"}
    precedences = {row["precedence"] for row in load_table("precedence.tsv")}
    assert precedences <= {"FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE", "NIACT IMMEDIATE"}
    caveat_codes = {row["code"] for row in load_table("caveats.tsv")}
    assert {"SIPDIS", "NOFORN", "SENSITIVE", "EFTO"} <= caveat_codes


def test_cable_tables_posts_name_posts():
    posts = {row["name"]: row["post"] for row in load_table("posts.tsv")}
    assert posts["KIEV"] == "Embassy Kyiv"
    assert posts["USUN NEW YORK"] == "USUN New York"
    assert posts["USNATO"] == "Mission USNATO"
    assert all(re.match(r"^[A-Z][A-Za-z ,.'()-]+$", v) for v in posts.values())


def test_cable_tables_routing_ranges_well_formed():
    for row in load_table("routing.tsv"):
        if row["route_last"]:
            assert len(row["route_last"]) == len(row["route"]) and row["route_last"] >= row["route"]


def test_cable_tables_have_sources_entries():
    from legation.data import table_path

    sources = table_path("SOURCES.md").read_text(encoding="utf-8")
    for name, _, _ in TABLES:
        assert f"## {name}" in sources, f"{name} has no entry in data/SOURCES.md"
    assert table_path("routing.LICENSE.txt").read_text(encoding="utf-8").strip()
