"""The "Knowledge" rows of shared/seeds/EXPECTED.md, with the default `fast` profile.

The documents are built from the fixture text and their known dates, so these tests do not depend on
the parsers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from legation.extract import extract
from legation.record import CableFields, Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CABLE = "seed.004_69b9118b38fb912e.txt"
ARTICLE = "seed.000_227d2fbe0adcadcd.txt"


@pytest.fixture(scope="module")
def cable() -> Document:
    text = (FIXTURES / CABLE).read_text(encoding="utf-8")
    doc = Document(source=CABLE, sha256="", kind="cable", text=text, date="2007-07-31T14:38:00Z",
                   cable=CableFields(id="07MOSCOW3736"))
    return extract(doc)


@pytest.fixture(scope="module")
def article() -> Document:
    text = (FIXTURES / ARTICLE).read_text(encoding="utf-8")
    return extract(Document(source=ARTICLE, sha256="", kind="article", text=text, date="2014-02-06"))


def names(doc: Document, label: str) -> set[str]:
    return {m.name for m in doc.entities if m.label == label}


def times(doc: Document) -> dict[str, tuple[str | None, str | None]]:
    return {t.text: (t.from_, t.to) for t in doc.times}


@pytest.mark.parametrize("name", ["Andrey Kruitskikh", "Russell", "Hodgkins", "Friedt", "Greenstein"])
def test_seeds_cable_people(cable, name):
    assert name in names(cable, "PERSON")


def test_seeds_cable_surname_resolves_to_full_name(cable):
    bare = [m for m in cable.entities if m.text == "Kruitskikh"]
    assert len(bare) >= 4
    assert {m.name for m in bare} == {"Andrey Kruitskikh"}
    assert len({m.id for m in cable.entities if m.name == "Andrey Kruitskikh"}) == 1


@pytest.mark.parametrize("text,name", [
    ("MFA", "Ministry of Foreign Affairs"),
    ("Ministry of Foreign Affairs", "Ministry of Foreign Affairs"),
    ("Department for Security and Disarmament Affairs", "Department for Security and Disarmament Affairs"),
    ("DVBR", "Department for Security and Disarmament Affairs"),
    ("GOR", "Government of Russia"),
    ("USG", "United States Government"),
    ("GOK", "Government of Kazakhstan"),
    ("Sea Launch", "Sea Launch"),
    ("EST", "Environment, Science and Technology section"),
])
def test_seeds_cable_organisations(cable, text, name):
    assert any(m.text == text and m.label == "ORG" and m.name == name for m in cable.entities)


def test_seeds_cable_acronyms_share_the_long_form_id(cable):
    ids = {m.text: m.id for m in cable.entities}
    assert ids["DVBR"] == ids["Department for Security and Disarmament Affairs"]
    assert ids["MFA"] == ids["Ministry of Foreign Affairs"]


@pytest.mark.parametrize("short,name", [
    ("TSA", "Sea Launch Technology Safeguards Agreement"),
    ("BTSA", "Baikonur Technology Safeguards Agreement"),
    ("FTSA", "Framework Technology Safeguards Agreement"),
    ("Civil Space Agreement", "Agreement for Cooperation in the Exploration and Use of Space for Peaceful Purposes"),
    ("Customs Agreement", "Agreement Concerning the Procedure for the Customs Documentation and Duty-Free Entry of "
                          "Goods Transported within the Framework of U.S.-Russian Cooperation in the Exploration "
                          "and Use of Space for Peaceful Purposes"),
])
def test_seeds_cable_agreements(cable, short, name):
    long = [m for m in cable.entities if m.text == name and m.label == "AGREEMENT"]
    uses = [m for m in cable.entities if m.text == short and m.label == "AGREEMENT"]
    assert long and uses
    assert {m.id for m in uses} == {long[0].id}


def test_seeds_cable_places(cable):
    ids = {m.name: m.id for m in cable.entities}
    assert {"Moscow", "Astana", "Russia", "Kazakhstan", "Baikonur Cosmodrome"} <= set(ids)
    inside = [m for m in cable.entities if m.text == "Baikonur"]
    btsa = next(m for m in cable.entities if m.text == "Baikonur Technology Safeguards Agreement")
    assert inside and btsa.start <= inside[0].start < inside[0].end <= btsa.end


def test_seeds_cable_times(cable):
    found = times(cable)
    assert found["July 27"] == ("2007-07-27", "2007-07-27")
    assert found["from August 20 until the end of September"] == ("2007-08-20", "2007-09-30")


@pytest.mark.parametrize("short", ["TSA", "BTSA", "FTSA", "DVBR", "GOR", "GOK", "USG", "MFA", "SBU", "SIPDIS"])
def test_seeds_cable_acronyms(cable, short):
    assert short in {a.short for a in cable.acronyms}


def test_seeds_cable_acronym_expansions(cable):
    longs = {a.short: a.long for a in cable.acronyms}
    assert longs["TSA"] == "Sea Launch Technology Safeguards Agreement"
    assert longs["GOR"] == "Government of Russia"
    assert longs["SBU"] == "Sensitive But Unclassified"


@pytest.mark.parametrize("label,name", [
    ("PERSON", "Talgat Musabayev"), ("PERSON", "Vladimir Putin"),
    ("ORG", "Kazcosmos"), ("ORG", "Roscosmos"), ("ORG", "The Moscow Times"), ("ORG", "Izvestia"),
    ("ORG", "United Nations"), ("ORG", "G7"),
    ("FACILITY", "Baiterek"), ("FACILITY", "Baikonur Cosmodrome"), ("FACILITY", "Vostochny Cosmodrome"),
    ("VEHICLE", "Soyuz TMA-16"), ("VEHICLE", "Angara"), ("VEHICLE", "Zenit"), ("VEHICLE", "Proton"),
    ("AGREEMENT", "Missile Technology Control Regime"),
    ("GPE", "Kazakhstan"), ("GPE", "Russia"), ("GPE", "Ukraine"), ("GPE", "India"), ("GPE", "Astana"),
    ("LOC", "Russia's Far East"), ("LOC", "Central Asia"),
])
def test_seeds_article_entities(article, label, name):
    assert name in names(article, label)


def test_seeds_article_surnames(article):
    assert {m.name for m in article.entities if m.text == "Musabayev"} == {"Talgat Musabayev"}


def test_seeds_article_money(article):
    money = [m for m in article.entities if m.label == "MONEY"]
    assert [m.text for m in money] == ["$115 million"]


def test_seeds_article_mtcr(article):
    assert {"MTCR": "Missile Technology Control Regime"}.items() <= {a.short: a.long for a in article.acronyms}.items()
    mtcr = {m.id for m in article.entities if m.text in ("MTCR", "Missile Technology Control Regime")}
    assert len(mtcr) == 1


@pytest.mark.parametrize("text,start,end", [
    ("Thursday", "2014-02-06", "2014-02-06"),
    ("last year", "2013-01-01", "2013-12-31"),
    ("2004", "2004-01-01", "2004-12-31"),
    ("July", "2013-07-01", "2013-07-31"),
    ("last month", "2014-01-01", "2014-01-31"),
    ("October", "2013-10-01", "2013-10-31"),
    ("January", "2014-01-01", "2014-01-31"),
    ("1987", "1987-01-01", "1987-12-31"),
    ("1995", "1995-01-01", "1995-12-31"),
    ("the early 1990s", "1990-01-01", "1993-12-31"),
])
def test_seeds_article_times(article, text, start, end):
    assert times(article)[text] == (start, end)


def test_seeds_shared_ids_across_documents(cable, article):
    def ids(doc):
        return {m.name: m.id for m in doc.entities}
    for name in ("Baikonur Cosmodrome", "Russia", "Kazakhstan", "Astana"):
        assert ids(cable)[name] == ids(article)[name]
