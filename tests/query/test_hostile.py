"""Queries written to break the search: each gets results or a QueryError, never a traceback."""

import pytest

from legation.query.querylang import QueryError

HOSTILE = [
    '"launch pad',                      # unbalanced quote
    'launch pad"',
    "NEAR(launch pad, 3)",              # FTS5 operators as text
    "title:launch OR body:launch",      # column filter that does not exist
    "{title body}: launch",
    "^launch",                          # FTS5 initial-token marker
    "launch + pad",
    "'; DROP TABLE documents; --",      # SQL fragments
    "\" OR 1=1 --",
    "launch' UNION SELECT * FROM files --",
    "x" * 10_240,                       # 10 kB
    ("launch " * 2000).strip(),
    "launch\x00pad\x07\x1b[31m",        # control characters
    "*",                                # lone star
    "tag:",                             # empty filters
    'entity:""',
    "date:2007..x",                     # bad dates
    "date:....",
    "((((((((((((((((((launch))))))))))))))))))",  # deep nesting
    "AND OR NOT",
    "launch -",
    "ref:'; DROP TABLE refs; --",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_results_or_a_clear_error(corpus, query):
    try:
        result = corpus.search(query)
    except QueryError as exc:
        assert str(exc).endswith("[L300]") and "\n" not in str(exc)
    else:
        assert result.total >= 0
    assert corpus.stats()["documents"] == 4  # nothing was dropped
