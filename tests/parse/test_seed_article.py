"""The founding news article (seed 000): every field shared/seeds/EXPECTED.md asks of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from legation.parse import parse_paths

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

SEED = "seed.000_227d2fbe0adcadcd.txt"
CAPTION = ("A Soyuz TMZ-16 launch vehicle rolling along a train track to a pad at the Baikonur cosmodrome "
           "in Kazakhstan.")
URL = ("https://www.themoscowtimes.com/2014/02/06/"
       "kazakhstan-says-russia-foot-dragging-on-baiterek-space-launch-facility-a31806")


@pytest.fixture(scope="module")
def seed_record():
    docs = list(parse_paths([FIXTURES / SEED], extract=False))
    assert len(docs) == 1
    return docs[0].to_dict()


@pytest.mark.parametrize(("field", "expected"), [
    ("kind", "article"),
    ("title", "Kazakhstan Says Russia Foot-Dragging on Baiterek Space Launch Facility"),
    ("outlet", "The Moscow Times"),
    ("authors", []),
    ("date", "2014-02-06"),
    ("dateline", "ASTANA"),
    ("url", URL),
])
def test_seed_article_field(seed_record, field, expected):
    assert seed_record[field] == expected


def test_seed_article_caption_kept_apart(seed_record):
    assert seed_record["captions"] == [CAPTION]
    bodies = [seed_record["text"][p["start"]:p["end"]] for p in seed_record["paragraphs"]]
    assert not any(CAPTION in body for body in bodies)


def test_seed_article_broken_paragraph_joined(seed_record):
    bodies = [seed_record["text"][p["start"]:p["end"]] for p in seed_record["paragraphs"]]
    joined = [b for b in bodies if "to develop Baiterek as a launch pad for Russia's modular Angara rocket" in b]
    assert len(joined) == 1
    assert len(bodies) == 14


def test_seed_article_text_is_clean(seed_record):
    text = seed_record["text"]
    assert "$115 million" in text and "\\$" not in text
    assert text.startswith("Kazakhstan Says Russia Foot-Dragging")
    for syntax in ("# ", "](#)", "Original url", "<https://", "February 06, 2014", "By The Moscow Times"):
        assert syntax not in text
    assert text.index(CAPTION) < text.index("ASTANA —")
    first = seed_record["paragraphs"][0]
    assert text[first["start"]:first["end"]].startswith("ASTANA — Russia is holding up")
    assert all(p["n"] is None for p in seed_record["paragraphs"])
