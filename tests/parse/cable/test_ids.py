import pytest

from legation.parse.cable.ids import canonical_id, clean_station, repair_id, split_id


@pytest.mark.parametrize("year,station,serial,expected", [
    (2007, "MOSCOW", "003736", "07MOSCOW3736"),
    (2009, "ASTANA", "000095", "09ASTANA95"),
    (1966, "BUENOS AIRES", "2481", "66BUENOSAIRES2481"),
    (2003, "THE HAGUE", "002843", "03THEHAGUE2843"),
    (2008, "USUN NEW YORK", "000258", "08USUNNEWYORK258"),
    (2009, "E F T O LONDON", "002211", "09LONDON2211"),
    (2010, "XXXXXXXXXXXX", "000004", None),          # redacted station
    (None, "MOSCOW", "3736", None),
    (2007, "MOSCOW", "0000", None),
])
def test_ids_canonical(year, station, serial, expected):
    assert canonical_id(year, station, serial) == expected


@pytest.mark.parametrize("bad,good", [
    ("09EFTOLONDON2211", "09LONDON2211"),
    ("08SCTION02OF02SAOPAULO335", "08SAOPAULO335"),
    ("07MOSCOW3736", "07MOSCOW3736"),
])
def test_ids_repair_known_malformed(bad, good):
    assert repair_id(bad) == good


def test_ids_split():
    assert split_id("07MOSCOW3736") == (7, "MOSCOW", "3736")
    assert split_id("not an id") is None


def test_ids_clean_station_drops_caveat_words():
    assert clean_station("SENSITIVE SAN JOSE") == "SANJOSE"
