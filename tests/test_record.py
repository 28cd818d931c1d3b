import json

from legation.record import (
    SCHEMA_VERSION,
    ArticleFields,
    CableFields,
    Declassify,
    Document,
    Paragraph,
    Recipient,
    Reference,
    Sections,
    Tag,
    TimeSpan,
)


def _cable() -> Document:
    doc = Document(source="x.txt", sha256="ab", kind="cable", text="hello", title="T", date="2007-07-31T14:38:00Z")
    doc.cable = CableFields(id="07MOSCOW3736", precedence="PRIORITY", to=[Recipient("SECSTATE WASHDC", "RUEHC", "PRIORITY", "2510")],
                            declassify=Declassify("12958", None, []), tags=[Tag("RS", "Russia")],
                            references=[Reference("STATE 87399", "A", "07STATE87399")], sections=Sections(1, 4))
    doc.paragraphs = [Paragraph(0, 5, 1, "SBU")]
    doc.times = [TimeSpan("July 27", 0, 2, "2007-07-27", "2007-07-27", "day")]
    return doc


def test_record_round_trip_cable():
    doc = _cable()
    d = doc.to_dict()
    assert d["schema"] == SCHEMA_VERSION
    assert d["id"] == "07MOSCOW3736"
    assert d["times"][0]["from"] == "2007-07-27"
    assert d["to"][0] == {"route": "RUEHC", "name": "SECSTATE WASHDC", "precedence": "PRIORITY", "mcn": "2510"}
    again = Document.from_dict(json.loads(json.dumps(d)))
    assert again.to_dict() == d


def test_record_round_trip_article():
    doc = Document(source="a.md", sha256="cd", kind="article", text="x")
    doc.article = ArticleFields(outlet="The Moscow Times", dateline="ASTANA", captions=["c"])
    d = doc.to_dict()
    assert d["outlet"] == "The Moscow Times" and "id" not in d
    assert Document.from_dict(d).to_dict() == d


def test_record_to_json_is_to_dict_serialised_key_for_key():
    from legation.record import Mention

    doc = _cable()
    doc.entities = [Mention("Moscow", "GPE", 0, 6, "Q649", "Moscow"), Mention("é «x»", "ORG", 1, 2)]
    encoded = doc.to_json()
    assert encoded == json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":")).encode()
    assert list(json.loads(encoded)["entities"][0]) == list(doc.to_dict()["entities"][0])


def test_json_as_fields_dataclasses_write_as_their_to_dict():
    """to_json hands JSON_AS_FIELDS instances to orjson as they are: each must serialise as its to_dict()."""
    import orjson

    from legation.record import JSON_AS_FIELDS, Acronym, Link, Mention

    samples = {Mention: [Mention("Moscow", "GPE", 0, 6, "Q649", "Moscow"), Mention("é «x»", "ORG", 1, 2)],
               Acronym: [Acronym("MFA", "Ministry of Foreign Affairs")],
               Link: [Link("the report", 3, 13, "https://example.org/r?a=1&b=\"2\"")]}
    assert set(JSON_AS_FIELDS) == set(samples)
    for items in samples.values():
        for item in items:
            assert orjson.dumps(item) == orjson.dumps(item.to_dict())
            assert list(orjson.loads(orjson.dumps(item))) == list(item.to_dict())


def test_record_to_json_equals_to_dict_with_acronyms_and_links():
    from legation.record import Acronym, Link, Mention

    doc = _cable()
    doc.entities = [Mention("Moscow", "GPE", 0, 6, "Q649", "Moscow")]
    doc.acronyms = [Acronym("MFA", "Ministry of Foreign Affairs")]
    doc.links = [Link("hello", 0, 5, "https://example.org/")]
    doc.warnings = ["w"]
    assert doc.to_json() == json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":")).encode()
