from __future__ import annotations

from pathlib import Path

import pytest

from legation.parse import parse_paths
from legation.parse.article import detect_article
from legation.parse.digest import detect_digest, parse_digest
from legation.parse.registry import choose
from legation.parse.source import Source

WIKI = "https://en.wikipedia.org/wiki/"
PAGE = "wikipedia-current-events.2025-01-02.md"


def source(text: str, name: str = "day.md") -> Source:
    return Source(name=name, text=text, sha256="0" * 64, media="markdown")


@pytest.fixture(scope="module")
def day():
    path = Path(__file__).resolve().parents[1] / "fixtures" / PAGE
    return list(parse_paths([path], extract=False))


def test_digest_one_document_per_news_item(day):
    assert len(day) == 21
    assert [d.source.rsplit("#", 1)[1] for d in day] == [str(n) for n in range(1, 22)]
    assert all(d.kind == "article" and d.date == "2025-01-02" for d in day)
    assert all(d.article.outlet == "Wikipedia Current events" for d in day)
    assert len({d.sha256 for d in day}) == len(day)


def test_digest_topic_chain_is_context(day):
    first = day[0]
    assert first.article.section == "Armed conflicts and attacks"
    assert first.text.startswith("Syrian civil war › Israeli invasion of Syria\n\nIsraeli warplanes carry out")
    assert first.title == ("Israeli warplanes carry out airstrikes on defense factories and a research center in "
                           "Al-Safira, Aleppo Governorate, Syria.")
    # The chain is context, not a paragraph of the item.
    (para,) = first.paragraphs
    assert first.text[para.start:para.end].endswith("Syria. (Xinhua)")


def test_digest_links_are_kept_with_offsets(day):
    for doc in day:
        for link in doc.links:
            assert doc.text[link.start:link.end] == link.text
            assert link.target.startswith("http")
    first = day[0]
    targets = {link.text: link.target for link in first.links}
    assert targets["Syrian civil war"] == WIKI + "Syrian_civil_war"
    assert targets["Al-Safira"] == WIKI + "Al-Safira"
    assert first.article.url == "https://english.news.cn/20250103/755c955446c44a73a4034e7ca9c6efde/c.html"
    assert "(Xinhua)" in targets


def test_digest_sections_follow_headings(day):
    sections = [d.article.section for d in day]
    assert sections[0] == "Armed conflicts and attacks"
    assert sections == sorted(sections, key=sections.index)  # grouped, in page order
    assert len(set(sections)) >= 4


def test_digest_misdated_page_is_flagged(fixture_path):
    docs = list(parse_paths([fixture_path("wikipedia-current-events.2027-12-05.md")], extract=False))
    assert docs[0].date == "2027-12-05"  # kept: never guessed
    assert any("later than its last modification" in w for w in docs[0].warnings)


def test_digest_nested_plus_bullets(fixture_path):
    docs = list(parse_paths([fixture_path("wikipedia-current-events.2025-03-01.md")], extract=False))
    assert len(docs) == 18
    first = docs[0]
    assert first.text.split("\n\n")[0] == ("War on terror › War against the Islamic State › Islamic State insurgency"
                                           " in Puntland › Puntland counter-terrorism operations")
    assert first.title.startswith("The Puntland Dervish Force captures")


FRONT = "---\nlayout: post\ntitle: 2025 March 01\ndate: 2025-03-01\n---\n\n#### Politics and elections\n\n"
STORY_WITH_SUBITEMS = (
    "* Voters in [Kazakhstan](https://en.wikipedia.org/wiki/Kazakhstan) approve a referendum. "
    "[(Reuters)](https://www.reuters.com/a)\n"
    "  * Turnout is 63 percent. [(TASS)](https://tass.com/b)\n"
)
TOPIC_WITH_LEAVES = (
    "* [Russian invasion of Ukraine](https://en.wikipedia.org/wiki/Russian_invasion_of_Ukraine)\n"
    "  * [Baikonur Cosmodrome](https://en.wikipedia.org/wiki/Baikonur_Cosmodrome)\n"
    "    * A Soyuz rocket launches from Baikonur. [(RIA)](https://ria.ru/c)\n"
    "    * Kazakhstan asks Russia to pay the lease. [(Interfax)](https://interfax.com/d)\n"
    "* Aftermath of the [Operation Car Wash](https://en.wikipedia.org/wiki/Operation_Car_Wash)\n"
    "  * A court in Lima sentences a former president. [(AP)](https://apnews.com/e)\n"
)


@pytest.mark.parametrize(("body", "titles", "paragraphs"), [
    (STORY_WITH_SUBITEMS, ["Voters in Kazakhstan approve a referendum."], [2]),
    (TOPIC_WITH_LEAVES, ["A Soyuz rocket launches from Baikonur.", "Kazakhstan asks Russia to pay the lease.",
                         "A court in Lima sentences a former president."], [1, 1, 1]),
])
def test_digest_item_rule(body, titles, paragraphs):
    docs = parse_digest(source(FRONT + body))
    assert [d.title for d in docs] == titles
    assert [len(d.paragraphs) for d in docs] == paragraphs
    assert all(d.date == "2025-03-01" and d.article.section == "Politics and elections" for d in docs)


def test_digest_leaf_keeps_its_topic_chain():
    docs = parse_digest(source(FRONT + TOPIC_WITH_LEAVES))
    assert docs[1].text.startswith("Russian invasion of Ukraine › Baikonur Cosmodrome\n\nKazakhstan asks")
    assert docs[1].article.url == "https://interfax.com/d"
    assert {ln.text for ln in docs[1].links} == {"Russian invasion of Ukraine", "Baikonur Cosmodrome", "(Interfax)"}
    assert docs[2].text.startswith("Aftermath of the Operation Car Wash\n\n")


def test_digest_detection(fixture_path):
    page = fixture_path(PAGE).read_text(encoding="utf-8")
    assert detect_digest(source(page)) > 0.9
    assert detect_digest(source(page)) > detect_article(source(page))
    assert choose(source(page)).name == "digest"
    seed = fixture_path("seed.000_227d2fbe0adcadcd.txt").read_text(encoding="utf-8")
    assert detect_digest(source(seed)) == 0.0
    assert detect_digest(source("#### Heading\n\nno bullets here")) == 0.0


@pytest.mark.parametrize("text", [FRONT, FRONT + "* \n*\n", "#### A\n* x\n* y\n* z\n", ""])
def test_digest_never_raises(text):
    docs = parse_digest(source(text))
    assert isinstance(docs, list) and docs
