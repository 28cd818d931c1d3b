"""Documents as the parsers and extractors will hand them over: the two seeds (tests/fixtures/seed.*)
with their structure, entities and resolved times written out by hand from shared/seeds/EXPECTED.md,
plus two short cables that cite and are cited by the seed cable."""

from __future__ import annotations

import hashlib
from pathlib import Path

from legation.parse.common import paragraph_spans
from legation.record import (
    Acronym,
    ArticleFields,
    CableFields,
    Document,
    Mention,
    Paragraph,
    Recipient,
    Reference,
    Tag,
    TimeSpan,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CABLE_FILE = "seed.004_69b9118b38fb912e.txt"
ARTICLE_FILE = "seed.000_227d2fbe0adcadcd.txt"

# (surface, label, id, name): every occurrence of the surface becomes a mention.
ARTICLE_ENTITIES = [
    ("Baikonur", "FACILITY", "ent:baikonur", "Baikonur Cosmodrome"),
    ("Baiterek", "FACILITY", "ent:baiterek", "Baiterek"),
    ("Vostochny spaceport", "FACILITY", "ent:vostochny", "Vostochny Cosmodrome"),
    ("Kazakhstan", "GPE", "ent:kazakhstan", "Kazakhstan"),
    ("Russia", "GPE", "ent:russia", "Russia"),
    ("ASTANA", "GPE", "ent:astana", "Astana"),
    ("India", "GPE", "ent:india", "India"),
    ("Talgat Musabayev", "PERSON", "ent:musabayev", "Talgat Musabayev"),
    ("Musabayev said", "PERSON", "ent:musabayev", "Talgat Musabayev"),
    ("Vladimir Putin", "PERSON", "ent:putin", "Vladimir Putin"),
    ("Kazcosmos", "ORG", "ent:kazcosmos", "Kazcosmos"),
    ("Roscosmos", "ORG", "ent:roscosmos", "Roscosmos"),
    ("Izvestia", "ORG", "ent:izvestia", "Izvestia"),
    ("Missile Technology Control Regime", "AGREEMENT", "ent:mtcr", "Missile Technology Control Regime"),
    ("MTCR", "AGREEMENT", "ent:mtcr", "Missile Technology Control Regime"),
    ("Proton", "VEHICLE", "ent:proton", "Proton"),
    ("Zenit", "VEHICLE", "ent:zenit", "Zenit"),
    ("Angara", "VEHICLE", "ent:angara", "Angara"),
    ("$115 million", "MONEY", None, None),
]
# (surface, from, to, granularity): the first occurrence of the surface.
ARTICLE_TIMES = [
    ("Thursday", "2014-02-06", "2014-02-06", "day"),
    ("last year", "2013-01-01", "2013-12-31", "year"),
    ("2004", "2004-01-01", "2004-12-31", "year"),
    ("in July", "2013-07-01", "2013-07-31", "month"),
    ("last month", "2014-01-01", "2014-01-31", "month"),
    ("in October", "2013-10-01", "2013-10-31", "month"),
    ("In January", "2014-01-01", "2014-01-31", "month"),
    ("1987", "1987-01-01", "1987-12-31", "year"),
    ("1995", "1995-01-01", "1995-12-31", "year"),
    ("the early 1990s", "1990-01-01", "1993-12-31", "years"),
]
CABLE_ENTITIES = [
    ("Andrey Kruitskikh", "PERSON", "ent:kruitskikh", "Andrey Kruitskikh"),
    ("Kruitskikh said", "PERSON", "ent:kruitskikh", "Andrey Kruitskikh"),
    ("Baikonur", "FACILITY", "ent:baikonur", "Baikonur Cosmodrome"),
    ("Baikonur Technology Safeguards Agreement", "AGREEMENT", "ent:btsa",
     "Baikonur Technology Safeguards Agreement"),
    ("BTSA", "AGREEMENT", "ent:btsa", "Baikonur Technology Safeguards Agreement"),
    ("Sea Launch Technology Safeguards Agreement", "AGREEMENT", "ent:tsa",
     "Sea Launch Technology Safeguards Agreement"),
    ("Framework Technology Safeguards Agreement", "AGREEMENT", "ent:ftsa",
     "Framework Technology Safeguards Agreement"),
    ("Ministry of Foreign Affairs", "ORG", "ent:mfa-russia", "Ministry of Foreign Affairs of Russia"),
    ("GOR", "ORG", "ent:gor", "Government of Russia"),
    ("GOK", "ORG", "ent:gok", "Government of Kazakhstan"),
    ("USG", "ORG", "ent:usg", "United States Government"),
    ("AMEMBASSY MOSCOW", "ORG", "ent:embassy-moscow", "Embassy Moscow"),
    ("ASTANA", "GPE", "ent:astana", "Astana"),
]
CABLE_TIMES = [
    ("July 27", "2007-07-27", "2007-07-27", "day"),
    ("from August 20 until the end of September", "2007-08-20", "2007-09-30", "range"),
]
CABLE_ACRONYMS = [
    ("TSA", "Technology Safeguards Agreement"),
    ("BTSA", "Baikonur Technology Safeguards Agreement"),
    ("FTSA", "Framework Technology Safeguards Agreement"),
    ("GOR", "Government of Russia"),
    ("GOK", "Government of Kazakhstan"),
]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _mentions(text: str, specs) -> list[Mention]:
    out = []
    for surface, label, ident, name in specs:
        start = text.find(surface)
        while start >= 0:
            word = surface.split(" said")[0]
            out.append(Mention(word, label, start, start + len(word), ident, name))
            start = text.find(surface, start + 1)
    return sorted(out, key=lambda m: m.start)


def _times(text: str, specs) -> list[TimeSpan]:
    out = []
    for surface, start_date, end_date, granularity in specs:
        start = text.find(surface)
        assert start >= 0, surface
        out.append(TimeSpan(surface, start, start + len(surface), start_date, end_date, granularity))
    return sorted(out, key=lambda t: t.start)


def _paragraphs(text: str) -> list[Paragraph]:
    return [Paragraph(s, e) for s, e in paragraph_spans(text)]


def seed_article(source: str | None = None) -> Document:
    text = (FIXTURES / ARTICLE_FILE).read_text(encoding="utf-8")
    return Document(
        source=source or ARTICLE_FILE, sha256=_sha(text), kind="article", text=text,
        title="Kazakhstan Says Russia Foot-Dragging on Baiterek Space Launch Facility", date="2014-02-06",
        paragraphs=_paragraphs(text), entities=_mentions(text, ARTICLE_ENTITIES),
        times=_times(text, ARTICLE_TIMES),
        acronyms=[Acronym("MTCR", "Missile Technology Control Regime")],
        article=ArticleFields(outlet="The Moscow Times", dateline="ASTANA",
                              url="https://www.themoscowtimes.com/2014/02/06/kazakhstan-says-russia-foot-"
                                  "dragging-on-baiterek-space-launch-facility-a31806"))


def seed_cable(source: str | None = None) -> Document:
    text = (FIXTURES / CABLE_FILE).read_text(encoding="utf-8")
    return Document(
        source=source or CABLE_FILE, sha256=_sha(text), kind="cable", text=text,
        title="RUSSIAN NOTE ON SEA LAUNCH, MFA COMMENTS ON SPACE ISSUES", date="2007-07-31T14:38:00Z",
        paragraphs=_paragraphs(text), entities=_mentions(text, CABLE_ENTITIES),
        times=_times(text, CABLE_TIMES), acronyms=[Acronym(s, long) for s, long in CABLE_ACRONYMS],
        cable=CableFields(
            id="07MOSCOW3736", precedence="PRIORITY", origin="Embassy Moscow", origin_raw="AMEMBASSY MOSCOW",
            to=[Recipient("SECSTATE WASHDC", "RUEHC", "PRIORITY", "2510")],
            info=[Recipient("AMEMBASSY ASTANA", "RUEHTA", None, "0120")],
            classification="UNCLASSIFIED", caveats=["SENSITIVE", "SIPDIS"],
            tags=[Tag("TSPA", "Technology and Science--Space"), Tag("ECPS"), Tag("KSCA"),
                  Tag("PREL", "Political Relations"), Tag("PARM"), Tag("RS", "Russia")],
            references=[Reference("STATE 87399", "A", "07STATE87399"),
                        Reference("STATE 77400", "B", "07STATE77400")],
            signed_by="RUSSELL", action_request=True))


STATE_TEXT = """CONFIDENTIAL STATE 087399

NOFORN

SUBJECT: CIVIL SPACE AGREEMENT EXTENSION

1. (C) Embassy Moscow is requested to raise the extension of the Civil Space Agreement with the
Ministry of Foreign Affairs before it lapses in October 2007.

2. (C) Washington also seeks an update on the Baikonur Technology Safeguards Agreement.
"""

ASTANA_TEXT = """UNCLAS ASTANA 000100

SUBJECT: KAZAKHSTAN ASKS ABOUT BAIKONUR SAFEGUARDS

REF: MOSCOW 3736

1. (U) Kazakh officials asked on February 28 whether the Baikonur agreement would enter into force
next year. Astana hopes the launch pad lease will be settled.
"""


def state_cable() -> Document:
    text = STATE_TEXT
    october = text.find("October 2007")
    return Document(
        source="cables/07STATE87399.txt", sha256=_sha(text), kind="cable", text=text,
        title="CIVIL SPACE AGREEMENT EXTENSION", date="2007-06-15T18:00:00Z", paragraphs=_paragraphs(text),
        entities=_mentions(text, [("Baikonur Technology Safeguards Agreement", "AGREEMENT", "ent:btsa",
                                   "Baikonur Technology Safeguards Agreement"),
                                  ("Ministry of Foreign Affairs", "ORG", "ent:mfa-russia",
                                   "Ministry of Foreign Affairs of Russia")]),
        times=[TimeSpan("October 2007", october, october + 12, "2007-10-01", "2007-10-31", "month")],
        cable=CableFields(id="07STATE87399", origin="Secretary of State", classification="CONFIDENTIAL",
                          caveats=["NOFORN"], tags=[Tag("TSPA"), Tag("PREL")],
                          to=[Recipient("AMEMBASSY MOSCOW", "RUEHMO")]))


def astana_cable() -> Document:
    text = ASTANA_TEXT
    return Document(
        source="cables/08ASTANA100.txt", sha256=_sha(text), kind="cable", text=text,
        title="KAZAKHSTAN ASKS ABOUT BAIKONUR SAFEGUARDS", date="2008-03-03T09:00:00Z",
        paragraphs=_paragraphs(text),
        entities=_mentions(text, [("Baikonur", "FACILITY", "ent:baikonur", "Baikonur Cosmodrome"),
                                  ("Astana hopes", "GPE", "ent:astana", "Astana")]),
        times=_times(text, [("February 28", "2008-02-28", "2008-02-28", "day"),
                            ("next year", "2009-01-01", "2009-12-31", "year")]),
        cable=CableFields(id="08ASTANA100", origin="Embassy Astana", classification="UNCLASSIFIED",
                          tags=[Tag("PREL"), Tag("KZ", "Kazakhstan")],
                          references=[Reference("MOSCOW 3736", None, "07MOSCOW3736")],
                          to=[Recipient("SECSTATE WASHDC", "RUEHC")]))


def corpus_documents() -> list[Document]:
    return [seed_cable(), seed_article(), state_cable(), astana_cable()]
