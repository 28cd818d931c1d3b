import pytest

from legation.errors import LegationError
from legation.query.querylang import (
    And,
    DateRange,
    Filter,
    Not,
    Or,
    Phrase,
    QueryError,
    Term,
    expand,
    fts_expression,
    parse_query,
)


@pytest.mark.parametrize("text, tree", [
    ("baikonur", Term("baikonur")),
    ("safeguard*", Term("safeguard", prefix=True)),
    ('"launch pad"', Phrase("launch pad")),
    ("sea launch", And((Term("sea"), Term("launch")))),
    ("sea AND launch", And((Term("sea"), Term("launch")))),
    ("sea OR launch", Or((Term("sea"), Term("launch")))),
    ("launch NOT proton", And((Term("launch"), Not(Term("proton"))))),
    ("launch -proton", And((Term("launch"), Not(Term("proton"))))),
    ("(sea OR space) launch", And((Or((Term("sea"), Term("space"))), Term("launch")))),
    ("kind:cable", Filter("kind", "cable")),
    ("tag:tspa", Filter("tag", "TSPA")),
    ('entity:"Baikonur Cosmodrome"', Filter("entity", "Baikonur Cosmodrome")),
    ("class:s", Filter("class", "SECRET")),
    ("class:ts", Filter("class", "TOP SECRET")),
    ("date:2007..2008", DateRange("2007", "2008")),
    ("date:2007-07", DateRange("2007-07", "2007-07")),
    ("date:..2008", DateRange(None, "2008")),
    ("date:2007..", DateRange("2007", None)),
    ("ref:07state87399", Filter("ref", "07STATE87399")),
])
def test_querylang_parses(text, tree):
    assert parse_query(text).tree == tree


def test_querylang_recognises_a_lone_cable_id():
    assert parse_query("07moscow3736").cable_id == "07MOSCOW3736"
    assert parse_query("moscow 3736").cable_id is None


def test_querylang_quotes_every_user_word_for_fts5():
    tree = parse_query('NEAR(a b) "x" title:launch col*').tree
    assert fts_expression(tree) == '("NEAR" AND ("a" AND "b") AND "x" AND title : "launch" AND "col" *)'
    assert fts_expression(parse_query('say "he said ""no"""').tree).count('"') % 2 == 0


def test_querylang_expands_acronyms():
    tree = expand(parse_query("MTCR launch").tree, {"MTCR": ["Missile Technology Control Regime"]}.get)
    assert tree == And((Or((Term("MTCR"), Phrase("Missile Technology Control Regime"))), Term("launch")))


@pytest.mark.parametrize("text, message", [
    ('"unclosed', "unbalanced quote"),
    ("(a OR b", r"unbalanced \("),
    ("a)", r"unbalanced \)"),
    ("tag:", "needs a value"),
    ("date:2007..x", "not a date"),
    ("date:2007-13", "not a date"),
    ("date:2009..2007", "ends before"),
    ("body:foo", "unknown filter"),
    ("kind:memo", "not a kind"),
    ("class:purple", "not a classification"),
    (r"*", r"must follow a word"),
    ("OR", "both sides"),
    ("a AND", "both sides"),
    ("NOT", "needs something"),
    ("-proton", "only exclude"),
    ("x" * 10_000, "too long"),
    ("   ", "empty query"),
    ("^ ; ,", "nothing to search for"),
])
def test_querylang_rejects_with_a_clear_message(text, message):
    with pytest.raises(QueryError, match=message) as info:
        parse_query(text)
    assert isinstance(info.value, LegationError) and info.value.code == "L300"
