import pytest

from legation.query.common import NotFound


def test_graph_refs_of_a_stored_cable(corpus):
    graph = corpus.refs("07MOSCOW3736")
    assert graph.stored and graph.station == "MOSCOW" and graph.year == 2007
    cites = {c["id"]: c for c in graph.cites}
    assert cites["07STATE87399"]["stored"] and cites["07STATE87399"]["title"] == "CIVIL SPACE AGREEMENT EXTENSION"
    assert not cites["07STATE77400"]["stored"]
    assert [p["id"] for p in graph.placeholders] == ["07STATE77400"]
    assert [d["key"] for d in graph.cited_by] == ["08ASTANA100"]
    assert any(e["name"] == "Andrey Kruitskikh" for e in graph.entities)


def test_graph_refs_of_a_cable_known_only_by_citation(corpus):
    graph = corpus.refs("07state77400")
    assert not graph.stored and graph.document is None
    assert graph.station == "STATE" and graph.year == 2007
    assert [d["key"] for d in graph.cited_by] == ["07MOSCOW3736"]
    assert graph.to_dict()["placeholders"] == []


def test_graph_refs_unknown(corpus):
    with pytest.raises(NotFound):
        corpus.refs("99NOWHERE1")


def test_graph_entity_cooccurrence(corpus):
    graph = corpus.graph("Baikonur").to_dict()
    assert graph["node"]["id"] == "ent:baikonur"
    weights = {e["target"]: e["weight"] for e in graph["edges"]}
    assert weights["ent:astana"] == 3 and weights["ent:btsa"] == 1
