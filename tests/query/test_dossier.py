import pytest

from legation.query.common import NotFound


def test_dossier_of_baikonur(corpus):
    dossier = corpus.entity("Baikonur")
    assert dossier.id == "ent:baikonur" and dossier.label == "FACILITY"
    assert dossier.name == "Baikonur Cosmodrome"
    assert [d["key"] for d in dossier.documents][:2] == ["07MOSCOW3736", "08ASTANA100"]
    assert dossier.document_count == 3
    assert dossier.mentions == sum(d["mentions"] for d in dossier.documents)
    assert {"text": "Baikonur", "count": dossier.mentions} in dossier.aliases
    near = {e["name"]: e for e in dossier.cooccurring}
    assert near["Astana"]["documents"] == 3
    assert near["Baikonur Technology Safeguards Agreement"]["label"] == "AGREEMENT"
    assert near["Baiterek"]["label"] == "FACILITY"


def test_dossier_finds_by_alias_case_and_id(corpus):
    assert corpus.entity("mtcr").id == "ent:mtcr"
    assert corpus.entity("ent:kruitskikh").name == "Andrey Kruitskikh"
    assert corpus.entity("Kruitskikh").name == "Andrey Kruitskikh"  # alias


def test_dossier_prefix_when_nothing_is_called_that(corpus):
    assert corpus.entity("Vostochny").id == "ent:vostochny"


def test_dossier_unknown_entity(corpus):
    with pytest.raises(NotFound, match="no entity"):
        corpus.entity("Atlantis")


def test_dossier_serialises(corpus):
    import json

    data = corpus.entity("Baikonur").to_dict()
    json.dumps(data)
    assert data["timeline"][0]["from"] == "1987-01-01"
