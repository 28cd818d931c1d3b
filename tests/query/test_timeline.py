import pytest

from legation.query.common import NotFound
from legation.query.querylang import QueryError

# The joint timeline of shared/seeds/EXPECTED.md ("Across both"), as (from, document kind).
JOINT = [
    ("1987-01-01", "article"),       # MTCR adopted
    ("1990-01-01", "article"),       # early 1990s cryogenic engine deal
    ("1995-01-01", "article"),       # Russia joins the MTCR
    ("2004-01-01", "article"),       # Baiterek plans agreed
    ("2007-07-27", "cable"),         # Kruitskikh delivers the TSA note
    ("2007-07-31", "cable"),         # the cable itself
    ("2013-01-01", "article"),       # Baiterek re-planned for Zenit
    ("2013-07-01", "article"),       # Proton crash
    ("2013-10-01", "article"),       # Roscosmos leadership change
    ("2014-01-01", "article"),       # Putin's Baikonur roadmap
    ("2014-02-06", "article"),       # Musabayev's complaint
]


def test_timeline_of_baikonur_holds_the_joint_timeline_in_order(corpus):
    timeline = corpus.timeline("Baikonur")
    assert timeline.entity["id"] == "ent:baikonur"
    seen = [(e.date_from[:10], e.document_kind) for e in timeline.entries]
    positions = [seen.index(item) for item in JOINT]
    assert positions == sorted(positions)
    dates = [e.date_from[:10] for e in timeline.entries]
    assert dates == sorted(dates)


def test_timeline_entries_carry_sentence_and_document(corpus):
    entry = next(e for e in corpus.timeline("Baikonur").entries if e.text == "July 27")
    assert entry.document == "07MOSCOW3736" and entry.date_to == "2007-07-27"
    assert entry.sentence.startswith("(SBU) On July 27, EST Officers met Andrey Kruitskikh")
    assert entry.direct is False  # the sentence does not name Baikonur
    crash = next(e for e in corpus.timeline("Baikonur").entries if e.text == "in July")
    assert crash.direct and "Proton rocket crashed at Baikonur" in crash.sentence
    assert any(e.kind == "document" and e.document == "07MOSCOW3736" for e in corpus.timeline("Baikonur").entries)


def test_timeline_sentence_scope_keeps_only_sentences_naming_the_entity(corpus):
    entries = corpus.timeline("Baikonur", scope="sentences").entries
    statements = {e.text for e in entries if e.kind == "statement"}
    assert statements == {"in July", "In January", "February 28", "next year"}


def test_timeline_of_a_query(corpus):
    timeline = corpus.timeline("kind:cable civil space")
    assert timeline.scope == "query"
    assert [e.text for e in timeline.entries if e.kind == "statement"] == [
        "July 27", "from August 20 until the end of September", "October 2007"]


def test_timeline_errors(corpus):
    with pytest.raises(NotFound):
        corpus.timeline("zzzzqqq")
    with pytest.raises(QueryError):
        corpus.timeline("Baikonur", scope="paragraphs")
