from datetime import UTC, datetime

import pytest

from legation.parse.cable.dtg import check_julian, full_year, iso_utc, parse_dtg


@pytest.mark.parametrize("text,expected", [
    ("P 311438Z JUL 07", "2007-07-31T14:38:00Z"),
    ("P R 281848Z DEC 66", "1966-12-28T18:48:00Z"),
    ("291359Z Nov 00", "2000-11-29T13:59:00Z"),
    ("0 130100Z OCT 86 ZFF4", "1986-10-13T01:00:00Z"),
    ("O 2O1247Z JAN 04", "2004-01-20T12:47:00Z"),   # OCR: O for 0 in the digits
    ("R 070012Z JAN 2010", "2010-01-07T00:12:00Z"),
    ("301438Z SEPT 07", "2007-09-30T14:38:00Z"),
])
def test_dtg_parses(text, expected):
    assert iso_utc(parse_dtg(text)) == expected


@pytest.mark.parametrize("text", ["", "no date here", "321438Z JUL 07", "311438Z FOO 07", "302500Z JUN 07"])
def test_dtg_rejects_non_dates(text):
    assert parse_dtg(text) is None


@pytest.mark.parametrize("two,year", [("66", 1966), ("99", 1999), ("00", 2000), ("10", 2010), ("1986", 1986)])
def test_dtg_century_from_context(two, year):
    assert full_year(two) == year


def test_dtg_julian_day_agrees_with_seed():
    moment = datetime(2007, 7, 31, 14, 38, tzinfo=UTC)
    assert check_julian(moment, 212) is None
    assert check_julian(moment, 211) is None          # queued a day
    assert "disagrees" in check_julian(moment, 100)
    assert "not a day" in check_julian(moment, 400)


def test_dtg_julian_across_new_year():
    moment = datetime(2008, 12, 31, 23, 50, tzinfo=UTC)
    assert check_julian(moment, 1) is None
