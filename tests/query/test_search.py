import pytest

from legation.query.querylang import QueryError


def keys(result) -> set[str]:
    return {h.key for h in result.hits}


ARTICLE = "article-"


def test_search_word_finds_cables_and_articles(corpus):
    result = corpus.search("baikonur")
    assert {"07MOSCOW3736", "08ASTANA100"} <= keys(result)
    assert any(k.startswith(ARTICLE) for k in keys(result))
    assert result.total == 4  # the State cable names the BTSA, which says Baikonur


def test_search_phrase_needs_the_words_together(corpus):
    assert keys(corpus.search('"launch pad"')) >= {"08ASTANA100"}
    assert "07MOSCOW3736" not in keys(corpus.search('"launch pad"'))
    assert corpus.search('"pad launch"').total == 0


def test_search_boolean_operators(corpus):
    both = keys(corpus.search("kruitskikh AND musabayev"))
    assert both == set()
    either = keys(corpus.search("kruitskikh OR musabayev"))
    assert "07MOSCOW3736" in either and any(k.startswith(ARTICLE) for k in either)
    without = keys(corpus.search("baikonur NOT zenit"))
    assert "07MOSCOW3736" in without and not any(k.startswith(ARTICLE) for k in without)
    grouped = keys(corpus.search("(zenit OR kruitskikh) AND safeguards"))
    assert grouped == {"07MOSCOW3736"}


def test_search_prefix(corpus):
    assert "07MOSCOW3736" in keys(corpus.search("kruitsk*"))
    assert corpus.search("kruitsk").total == 0


@pytest.mark.parametrize("query, expected", [
    ("kind:cable baikonur", {"07MOSCOW3736", "08ASTANA100", "07STATE87399"}),
    ("kind:article baikonur", None),
    ("tag:TSPA", {"07MOSCOW3736", "07STATE87399"}),
    ("tag:kz", {"08ASTANA100"}),
    ("origin:moscow", {"07MOSCOW3736"}),
    ('origin:"Secretary of State"', {"07STATE87399"}),
    ("to:secstate", {"07MOSCOW3736", "08ASTANA100"}),
    ("to:moscow", {"07STATE87399"}),
    ("class:confidential", {"07STATE87399"}),
    ("class:u kind:cable", {"07MOSCOW3736", "08ASTANA100"}),
    ("caveat:noforn", {"07STATE87399"}),
    ("caveat:SIPDIS", {"07MOSCOW3736"}),
    ("date:2007 kind:cable", {"07MOSCOW3736", "07STATE87399"}),
    ("date:2007-07", {"07MOSCOW3736"}),
    ("date:..2007-06", {"07STATE87399"}),
    ("date:2008.. kind:cable", {"08ASTANA100"}),
    ('entity:"Andrey Kruitskikh"', {"07MOSCOW3736"}),
    ("entity:BTSA", {"07MOSCOW3736", "07STATE87399"}),
    ("entity:ent:astana kind:cable", {"07MOSCOW3736", "08ASTANA100"}),
    ("ref:07MOSCOW3736", {"08ASTANA100"}),
    ("ref:07state87399", {"07MOSCOW3736"}),
    ("id:08ASTANA100", {"08ASTANA100"}),
    ("title:baikonur", {"08ASTANA100"}),
    ("tag:TSPA OR tag:KZ", {"07MOSCOW3736", "07STATE87399", "08ASTANA100"}),
    ("kind:cable NOT tag:TSPA", {"08ASTANA100"}),
    ("safeguards NOT kind:article NOT ref:07STATE87399", {"07STATE87399", "08ASTANA100"}),
])
def test_search_filters(corpus, query, expected):
    result = corpus.search(query)
    if expected is None:
        assert result.total == 1 and next(iter(keys(result))).startswith(ARTICLE)
    else:
        assert keys(result) == expected
        assert result.total == len(expected)


def test_search_facets_count_the_whole_match(corpus):
    result = corpus.search("baikonur", limit=1)
    facets = {name: {v["value"]: v["count"] for v in values} for name, values in result.facets.items()}
    assert facets["kind"] == {"cable": 3, "article": 1}
    assert facets["year"] == {2007: 2, 2008: 1, 2014: 1}
    assert facets["classification"]["UNCLASSIFIED"] == 2
    assert facets["tag"]["PREL"] == 3
    assert facets["origin"]["Embassy Astana"] == 1
    entities = {v["name"]: v["count"] for v in result.facets["entity"]}
    assert entities["Baikonur Cosmodrome"] == 3
    assert "label" in result.facets["entity"][0]


def test_search_facets_left_out_past_their_time_budget(corpus):
    result = corpus.search("baikonur", facets_time_limit_ms=0)
    assert result.total == 4 and result.facets == {}
    assert set(result.facets_skipped) == {"kind", "origin", "tag", "classification", "year", "entity"}


def test_search_pages(corpus):
    first = corpus.search("baikonur", limit=2, page=1)
    second = corpus.search("baikonur", limit=2, page=2)
    beyond = corpus.search("baikonur", limit=2, page=5)
    assert first.total == second.total == beyond.total == 4
    assert first.pages == 2
    assert len(first.hits) == len(second.hits) == 2 and not keys(first) & keys(second)
    assert beyond.hits == []
    with pytest.raises(QueryError):
        corpus.search("baikonur", page=0)
    with pytest.raises(QueryError):
        corpus.search("baikonur", limit=100_000)


def test_search_expands_acronyms_from_the_acronyms_table(corpus):
    # The State cable spells the agreement out and never writes BTSA.
    result = corpus.search("BTSA")
    assert "07STATE87399" in keys(result)
    assert result.expansions["BTSA"] == ["Baikonur Technology Safeguards Agreement"]
    assert "07STATE87399" not in keys(corpus.search("BTSA", expand_acronyms=False))


def test_search_expands_acronyms_from_the_glossary(corpus, monkeypatch):
    from legation.query import search as search_module

    monkeypatch.setattr(search_module, "glossary", lambda: {"CSA": ("Civil Space Agreement",)})
    result = corpus.search("CSA")
    assert keys(result) == {"07MOSCOW3736", "07STATE87399"}


def test_search_exact_cable_id(corpus):
    result = corpus.search("07moscow3736")
    assert [h.key for h in result.hits] == ["07MOSCOW3736"] and result.hits[0].exact
    assert result.total == 1


def test_search_snippets_and_highlights(corpus):
    hit = corpus.search("Kruitskikh").hits[0]
    assert hit.highlights
    for start, end in hit.highlights:
        assert hit.snippet[start:end].lower() == "kruitskikh"
    data = corpus.search("Kruitskikh").to_dict()
    assert data["hits"][0]["highlights"] and data["total"] == 1


def test_search_ranks_title_matches_first(corpus):
    assert corpus.search("safeguards baikonur").hits[0].key == "08ASTANA100"
