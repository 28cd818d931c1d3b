"""The founding seed cable: every header row of shared/seeds/EXPECTED.md."""

import pytest

from legation.parse import parse_source
from legation.parse.source import Source


@pytest.fixture(scope="module")
def seed(request):
    from pathlib import Path

    path = Path(__file__).parents[2] / "fixtures" / "seed.004_69b9118b38fb912e.txt"
    text = path.read_text(encoding="utf-8")
    return parse_source(Source(name="seeds/004_69b9118b38fb912e.txt", text=text, sha256="0" * 64))[0].to_dict()


def test_seed_cable_kind_id_date(seed):
    assert seed["kind"] == "cable"
    assert seed["id"] == "07MOSCOW3736"
    assert seed["date"] == "2007-07-31T14:38:00Z"
    assert seed["precedence"] == "PRIORITY"


def test_seed_cable_origin(seed):
    assert seed["origin"] == "Embassy Moscow"
    assert seed["origin_raw"] == "AMEMBASSY MOSCOW"


def test_seed_cable_addressees(seed):
    assert seed["to"] == [{"route": "RUEHC", "name": "SECSTATE WASHDC", "precedence": "PRIORITY", "mcn": "2510"}]
    assert seed["info"] == [{"route": "RUEHTA", "name": "AMEMBASSY ASTANA", "precedence": None, "mcn": "0120"}]


def test_seed_cable_offices(seed):
    assert seed["offices"] == ["OES/SAT (HODGKINS)", "EUR/PRA (FRIEDT)", "EUR/RUS (GREENSTEIN)", "ISN/CATR", "L/NP"]


def test_seed_cable_markings(seed):
    assert seed["classification"] == "UNCLASSIFIED"
    assert sorted(seed["caveats"]) == ["SENSITIVE", "SIPDIS"]
    assert any("STPDTS" in w and "SIPDIS" in w for w in seed["warnings"])
    assert seed["declassify"]["order"] == "12958"
    assert seed["declassify"]["date"] is None


def test_seed_cable_tags(seed):
    assert [t["code"] for t in seed["tags"]] == ["TSPA", "ECPS", "KSCA", "PREL", "PARM", "RS"]
    meanings = {t["code"]: t["meaning"] for t in seed["tags"]}
    assert meanings["RS"] == "Russia"
    assert meanings["PREL"] == "Political Affairs--External Political Relations"
    assert meanings["TSPA"] == "Technology and Science--Space"
