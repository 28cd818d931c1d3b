"""Random and truncated cables never make the parser raise."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legation.parse.cable import detect_cable, parse_cable
from legation.parse.source import Source

SEED = (__import__("pathlib").Path(__file__).parents[2] / "fixtures" / "seed.004_69b9118b38fb912e.txt").read_text(
    encoding="utf-8")
ASTANA = (__import__("pathlib").Path(__file__).parents[2] / "fixtures" / "cablegate.09ASTANA95.txt").read_text(
    encoding="utf-8")

# Pieces of real cable furniture, so random texts reach deep into the header parsers.
PIECES = st.sampled_from([
    "VZCZCXYZ0001\n", "PP RUEHWEB\n", "DE RUEHMO #3736 2121438\n", "ZNR UUUUU ZZH\n", "P 311438Z JUL 07\n",
    "FM AMEMBASSY MOSCOW\n", "TO RUEHC/SECSTATE WASHDC PRIORITY 2510\n", "INFO ", "UNCLAS MOSCOW 003736\n",
    "S E C R E T SECTION 01 OF 03 ASTANA 000095\n", "SIPDIS\n", "STPDTS\n", "E.O. 12958: DECL: 01/19/2029\n",
    "TAGS: TSPA ECPS\n", "SUBJECT: X\n", "Classified By: A: 1.4 (B)\n", "PAGE 01 HARARE 05461 01 OF 02 271458Z\n",
    "TEXT OF TELEGRAM 86STATE 321944\n", "ACTION AF-00\n", "\n", "¶1. (C) ", "DEPARTMENT FOR ", "Cable dated:",
    "Monday, 26 July 2004, 07:22\n", "//NOFORN", "0", "Z", "\u2028",
])


def _parse(text: str) -> None:
    source = Source(name="x.txt", text=text, sha256="")
    detect_cable(source)
    doc = parse_cable(source)[0]
    doc.to_dict()
    for p in doc.paragraphs:
        assert 0 <= p.start <= p.end <= len(doc.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_cable_property_random_text(text):
    _parse(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES | st.text(max_size=20), max_size=40).map("".join))
def test_cable_property_furniture(text):
    _parse(text)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED)), st.integers(min_value=0, max_value=len(ASTANA)))
def test_cable_property_truncated(cut_seed, cut_astana):
    _parse(SEED[:cut_seed])
    _parse(ASTANA[:cut_astana])
    _parse(ASTANA[cut_astana:])


# Long runs of the characters the header patterns repeat must stay linear.
PATHOLOGICAL = ["*" * 20000, "- " * 10000, "S E C R E T " * 2000, "1." * 10000, " " * 50000 + "X",
                "TAGS: " + "A" * 30000, "\u2028" * 20000 + "UNCLAS", "#" * 20000, "0" * 30000 + "Z",
                "\t" * 30000, "\n" * 30000, '"' * 30000, "x\t" * 20000, "SECRET" + " " * 20000 + "X",
                "S E C R E T" + " " * 20000 + "X 1", "UNCLAS" + "\t" * 20000 + "X", "E.O. 12958: " + " " * 20000,
                "DEPARTMENT FOR " + "A, " * 10000, "FM AMEMBASSY X\nTO " + "Y\n" * 20000]
# Generous: a whole cable parses in a few milliseconds.
MAX_SECONDS = 3.0


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
def test_cable_property_pathological_runs_stay_fast(text):
    import time

    from legation.parse.cable import telegram
    from legation.parse.cable.header import parse_routing
    from legation.parse.cable.markings import parse_markings
    from legation.parse.cable.tags import parse_tags

    started = time.perf_counter()
    detect_cable(Source(name="x.txt", text=text, sha256=""))
    routing = parse_routing(text)
    parse_markings(text, routing.end, min(len(text), routing.end + 6000))
    parse_tags(text)
    telegram.parse_telegram(text)
    parse_cable(Source(name="x.txt", text=text, sha256=""))
    assert time.perf_counter() - started < MAX_SECONDS
