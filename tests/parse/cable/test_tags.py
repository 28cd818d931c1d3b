import pytest

from legation.parse.cable.tags import parse_tags, unglue


def codes(text):
    return [t.code for t in parse_tags(text).tags]


@pytest.mark.parametrize("text,expected", [
    ("TAGS: TSPA ECPS KSCA PREL PARM RS\nSUBJECT: X", ["TSPA", "ECPS", "KSCA", "PREL", "PARM", "RS"]),
    ("TAGS PGOV, PREL, AF, IR, RS, KZ \nSUBJECT: X", ["PGOV", "PREL", "AF", "IR", "RS", "KZ"]),
    ("Tags: knnp, dprk, sy\n\nSubject: x", ["KNNP", "DPRK", "SY"]),
    ("E.O. 12958: DECL: 12/02/2019TAGS: OVIP PGOV BA\n", ["OVIP", "PGOV", "BA"]),
    ("TAGS: PINS, MASS, KJUS, KTIA, TBIO,\nKCRM, TINT, IN, PK\nSUBJECT: X", ["PINS", "MASS", "KJUS", "KTIA", "TBIO",
                                                                         "KCRM", "TINT", "IN", "PK"]),
    ("TAGS: PREL MARR BR UNSC US\nDISCUSS HAITI AND OTHER ISSUES, 19 AUGUST 2005\n", ["PREL", "MARR", "BR", "UNSC", "US"]),
    ("TAGS: OREP AMGT GM COUNTRY\nCLEARANCE\nSUBJECT: X", ["OREP", "AMGT", "GM", "COUNTRY"]),
    ("TAGS: PGOV, PINS, ZI, MDC, ZANU-PF \n", ["PGOV", "PINS", "ZI", "MDC", "ZANU", "PF"]),
    ("TAGS: PREL SIPDIS PGOV\n", ["PREL", "PGOV"]),
    ("TAGS: ETRDEINVECINPGOVCS\n", ["ETRD", "EINV", "ECIN", "PGOV", "CS"]),
    ("E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu Subject: turkish p.m. Erdogan goes\n",
     ["PREL", "PGOV", "PINS", "TU"]),
    ("no tags at all", []),
])
def test_tags_variants(text, expected):
    assert codes(text) == expected


def test_tags_meanings_from_table():
    tags = {t.code: t.meaning for t in parse_tags("TAGS: PREL RS KSCA\n").tags}
    assert tags["PREL"] == "Political Affairs--External Political Relations"
    assert tags["RS"] == "Russia"
    assert tags["KSCA"] is None


def test_tags_glued_warns():
    result = parse_tags("TAGS: ETRDECONWTOCS\n")
    assert [t.code for t in result.tags] == ["ETRD", "ECON", "WTO", "CS"]
    assert any("glued" in w for w in result.warnings)


def test_tags_unglue_refuses_unknown():
    assert unglue("COUNTERTERRORISM", {"PREL": None}) is None


@pytest.mark.parametrize("word", ["BRUSSELS", "POLITICS", "PALESTINIAN", "INTERPOL", "POLITICAL"])
def test_tags_unglue_leaves_words(word):
    from legation.parse.cable.tags import tag_meanings

    assert unglue(word, tag_meanings()) is None


def test_tags_fixture_glued(fixture_path):
    text = fixture_path("cablegate.06SANJOSE1792.txt").read_text(encoding="utf-8")
    assert codes(text) == ["ETRD", "EINV", "ECIN", "PGOV", "CS"]
