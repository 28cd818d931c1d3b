"""Dotted dates: day.month.year, else month.day.year, as dateparser reads them."""

from __future__ import annotations

from datetime import date

import pytest

from legation.extract.times import find_times


@pytest.mark.parametrize("text,iso", [
    ("signed on 5.06.2007 in", "2007-06-05"),
    ("signed on 29.02.2008 in", "2008-02-29"),
    ("signed on 5.28.2009 in", "2009-05-28"),
])
def test_dotted_dates(text, iso):
    assert [(t.from_, t.to, t.granularity) for t in find_times(text, date(2010, 1, 1))] == [(iso, iso, "day")]
