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
    # The agreement named after the place is tied to it (its mention encloses Baikonur's) and comes first.
    assert near["Baikonur Technology Safeguards Agreement"]["tied"] is True
    assert near["Astana"]["tied"] is False
    assert dossier.cooccurring[0]["name"] == "Baikonur Technology Safeguards Agreement"


def test_dossier_keeps_every_label_in_its_named_with_list(corpus, monkeypatch):
    from legation.query import dossier as dossier_module

    monkeypatch.setattr(dossier_module, "MAX_COOCCURRING", 1)
    labels = [e["label"] for e in corpus.entity("Baikonur").cooccurring]
    assert len(labels) == len(set(labels)) > 3


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
