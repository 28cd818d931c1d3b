"""One century rule for two-digit years: cable ids, date-time groups in headers, DTGs in the text."""

from __future__ import annotations

import pytest

from legation.extract.times import find_times
from legation.parse.cable.dtg import full_year as dtg_year
from legation.store.rows import split_cable_id
from legation.years import full_year


@pytest.mark.parametrize("yy, year", [("07", 2007), ("10", 2010), ("29", 2029), ("30", 1930), ("45", 1945),
                                      ("66", 1966), ("86", 1986), ("99", 1999)])
def test_two_digit_years_read_alike_everywhere(yy, year):
    assert full_year(int(yy)) == year
    assert dtg_year(yy) == year
    assert split_cable_id(f"{yy}STATE1234") == ("STATE", year)
    [found] = find_times(f"See reftel 151200Z MAR {yy} for details.", None)
    assert found.from_ == f"{year}-03-15"


def test_four_digit_years_are_kept():
    assert full_year(1986) == 1986
    assert dtg_year("1986") == 1986
