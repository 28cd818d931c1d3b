"""Time expressions resolved against the document date (inclusive from/to, granularity)."""

from __future__ import annotations

from datetime import date

import pytest

from legation.extract.calendar import infer_year, is_current
from legation.extract.times import find_times

ARTICLE_DATE = date(2014, 2, 6)   # a Thursday
CABLE_DATE = date(2007, 7, 31)


def resolve(sentence: str, base: date | None):
    return [(t.text, t.from_, t.to, t.granularity) for t in find_times(sentence, base)]


@pytest.mark.parametrize("sentence,base,expected", [
    ("On July 27, EST Officers met Andrey Kruitskikh", CABLE_DATE, ("July 27", "2007-07-27", "2007-07-27", "day")),
    ("he would be on vacation from August 20 until the end of September and", CABLE_DATE,
     ("from August 20 until the end of September", "2007-08-20", "2007-09-30", "range")),
    ("the head of the Central Asian nation's space program said Thursday.", ARTICLE_DATE,
     ("Thursday", "2014-02-06", "2014-02-06", "day")),
    ("Musabayev last year announced a revision", ARTICLE_DATE, ("last year", "2013-01-01", "2013-12-31", "year")),
    ("a Russian Proton rocket crashed at Baikonur in July.", ARTICLE_DATE,
     ("July", "2013-07-01", "2013-07-31", "month")),
    ("Musabayev said last month in an interview", ARTICLE_DATE, ("last month", "2014-01-01", "2014-01-31", "month")),
    ("following a change in leadership at the latter in October.", ARTICLE_DATE,
     ("October", "2013-10-01", "2013-10-31", "month")),
    ("In January, President Vladimir Putin announced", ARTICLE_DATE, ("January", "2014-01-01", "2014-01-31", "month")),
    ("Russia ran afoul of the regime in the early 1990s, before", ARTICLE_DATE,
     ("the early 1990s", "1990-01-01", "1993-12-31", "decade")),
    ("adopted by the G7 in 1987 and joined", ARTICLE_DATE, ("1987", "1987-01-01", "1987-12-31", "year")),
    ("P 311438Z JUL 07", None, ("311438Z JUL 07", "2007-07-31", "2007-07-31", "day")),
    ("E.O. 12958: DECL: 08/15/2018", None, ("08/15/2018", "2018-08-15", "2018-08-15", "day")),
    ('FOR NOW" ACCORDING TO THE MFA SPOKESMAN YESTERDAY', CABLE_DATE, ("YESTERDAY", "2007-07-30", "2007-07-30",
                                                                        "day")),
    ("group session with private-sector representatives next week in Brasilia", ARTICLE_DATE,
     ("next week", "2014-02-10", "2014-02-16", "week")),
    ("water in the spring of 2005", ARTICLE_DATE, ("spring of 2005", "2005-03-01", "2005-05-31", "season")),
    ("decrease in Brazil's GDP during the third quarter of 2005 and", ARTICLE_DATE,
     ("the third quarter of 2005", "2005-07-01", "2005-09-30", "quarter")),
    ("February 06, 2014", ARTICLE_DATE, ("February 06, 2014", "2014-02-06", "2014-02-06", "day")),
    ("INSTITUTIONAL SECURITY MINISTER FELIX, 10 MARCH 2004", None, ("10 MARCH 2004", "2004-03-10", "2004-03-10",
                                                                    "day")),
    ("point in bilateral relations in March 2003 he has", ARTICLE_DATE,
     ("March 2003", "2003-03-01", "2003-03-31", "month")),
    ("about 6 weeks ago", ARTICLE_DATE, ("6 weeks ago", "2013-12-23", "2013-12-29", "week")),
    ("Only two years ago, Merck", ARTICLE_DATE, ("two years ago", "2012-01-01", "2012-12-31", "year")),
])
def test_times_resolved(sentence, base, expected):
    assert expected in resolve(sentence, base)


def test_times_relative_without_document_date():
    assert resolve("Musabayev last year announced a revision", None) == [("last year", None, None, "year")]


@pytest.mark.parametrize("sentence", [
    "You may need a permit.",
    "The march on the capital drew thousands.",
    "The rocket carried 2500 kilograms.",
])
def test_times_not_times(sentence):
    assert resolve(sentence, ARTICLE_DATE) == []


def test_times_current_month_needs_no_tense():
    """A month (and day) that is the document's own gets the document's year, future or not."""
    base = date(2007, 7, 31)
    for month in range(1, 13):
        for day in (None, 0, 1, 30, 31):
            if is_current(month, day, base):
                assert infer_year(month, day, base, True) == infer_year(month, day, base, False) == 2007
    assert is_current(7, None, base) and is_current(7, 31, base) and not is_current(7, 30, base)
