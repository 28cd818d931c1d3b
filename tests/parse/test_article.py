from __future__ import annotations

import pytest

from legation.parse import parse_bytes, parse_paths
from legation.parse.article import (
    DETECT_CHARS,
    SCORE_ORIGINAL_URL,
    detect_article,
    join_broken,
    parse_article,
    split_blocks,
)
from legation.parse.byline import outlet_for_url, parse_byline
from legation.parse.dateline import date_from_url, parse_date_line, parse_dateline
from legation.parse.source import Source


def parse_one(path):
    docs = list(parse_paths([path], extract=False))
    assert docs and hasattr(docs[0], "kind"), docs
    return docs[0]


def bodies(doc):
    return [doc.text[p.start:p.end] for p in doc.paragraphs]


def source(text: str, media: str = "text", **meta) -> Source:
    return Source(name="x.txt", text=text, sha256="0" * 64, media=media, meta=meta)


# --- 24 real documents: title and date (null where the file gives no date, and asserted null) ----
REAL = [
    ("nasa.article_0.md", "NASA Leaders to Host Agency Town Hall on Artificial Intelligence", None),
    ("nasa.article_1.md", "NASA “Wildfire Digital Twin” Pioneers New AI Models and Streaming Data Techniques"
                          " for Forecasting Fire and Smoke", None),
    ("nasa.article_109.md", "ARMD Solicitations", None),
    ("nasa.article_211.md", "NASA Astronaut to Inspire Artemis Generation in Boston", "2024-04-22"),
    ("nasa.article_216.md", "‘Vast and Rich:’ Studying the Ocean With NASA Computer Simulations", None),
    ("nasa.article_217.md", "Why is Methane Seeping on Mars? NASA Scientists Have New Ideas", None),
    ("nasa.article_305.md", "Sometimes Getting the Perfect Picture Really Is Rocket Science", None),
    ("nasa.article_612.md", "10 Ways Students Can Prepare to #BeAnAstronaut", None),
    ("nasa.article_620.md", "NASA Johnson Director to Discuss Exploration Park Facility", "2024-03-04"),
    ("nasa.article_684.md", "Former Student Launch Competitor Turns Experience into NASA Engineering Career", None),
    ("nasa.article_799.md", "NASA Solar Sail Technology Passes Crucial Deployment Test", None),
    # The dates in this schedule are events, not the page's own date line.
    ("nasa.article_885.md", "Reminder of Upcoming NASA Employee Education January 30 and 31, 2024", None),
    ("nasa.article_996.md", "Expedition 69 Crew, Three NASA Astronauts to Share Mission Highlights", "2024-01-16"),
    ("wikinews.00_kids-game-portal-bbc-jam-to-close-after-competition-complain.txt",
     "Kids game portal BBC Jam to close after competition complaints", None),
    ("wikinews.03_pirates-seize-cargo-ship-in-indian-ocean.txt", "Pirates seize cargo ship in Indian Ocean", None),
    ("wikinews.04_fernando-alonso-wins-2010-korean-grand-prix.txt", "Fernando Alonso wins 2010 Korean Grand Prix",
     None),
    ("wikinews.13_national-hockey-league-news-march-24-2008.txt", "National Hockey League news: March 24, 2008",
     None),
    ("wikinews.20_man-in-glasgow-scotland-seriously-injured-after-being-hit-by.txt",
     "Man in Glasgow, Scotland seriously injured after being hit by car", None),
    ("wikinews.27_thief-force-fed-fifty-bananas-to-retrieve-necklace.txt",
     "Thief force-fed fifty bananas to retrieve necklace", None),
    ("wikinews.43_uk-government-outlines-plans-for-rail-transport.txt",
     "UK government outlines plans for rail transport", None),
    ("wikipedia-current-events.2020-12-20.md", "Ukrainian commander-in-chief Oleksandr Syrskyi reports that Russia"
     " has commenced a new spring offensive, launching intensified attacks across…", "2020-12-20"),
    ("wikipedia-current-events.2025-01-02.md", "Israeli warplanes carry out airstrikes on defense factories and a"
     " research center in Al-Safira, Aleppo Governorate, Syria.", "2025-01-02"),
    ("wikipedia-current-events.2025-03-01.md", "The Puntland Dervish Force captures an IS–Somalia base in Buqa"
     " Caleed, in the Cal Miskaad mountain range of Bari Region, Puntland, Somalia.", "2025-03-01"),
    ("wikipedia-current-events.2027-12-05.md", "At least 59 Palestinians are killed by Israeli attacks across the"
     " Gaza Strip, including 20 who were seeking aid.", "2027-12-05"),
]


@pytest.mark.parametrize(("name", "title", "date"), REAL, ids=[r[0] for r in REAL])
def test_article_real_title_and_date(fixture_path, name, title, date):
    doc = parse_one(fixture_path(name))
    assert doc.kind == "article"
    assert doc.title == title
    assert doc.date == date
    assert doc.paragraphs
    assert title.rstrip("…")[:40] in doc.text


# --- NASA: title line, indented lead caption, credit lines, bylines --------------------------------
def test_article_nasa_lead_line_and_credit_are_captions(fixture_path):
    doc = parse_one(fixture_path("nasa.article_0.md"))
    assert doc.article.captions == ["Credit: NASA"]
    assert doc.article.outlet is None  # the file names no outlet and no URL
    assert bodies(doc)[0].startswith("NASA Administrator Bill Nelson")
    # "Wednesday, May 22" has no year: no date is guessed from it.
    assert doc.date is None


@pytest.mark.parametrize(("name", "caption"), [
    ("nasa.article_217.md", "NASA/Alexander Pavlov"),
    ("nasa.article_305.md", "Photo Credit: NASA/Chris Pirner"),
])
def test_article_nasa_credit_lines_leave_the_body(fixture_path, name, caption):
    doc = parse_one(fixture_path(name))
    assert caption in doc.article.captions
    assert caption not in bodies(doc)


def test_article_nasa_person_byline(fixture_path):
    doc = parse_one(fixture_path("nasa.article_684.md"))
    assert doc.article.authors == ["Jessica Barnett"]
    assert not any(b.startswith("By ") for b in bodies(doc))


def test_article_nasa_single_line_body_is_not_a_caption(fixture_path):
    doc = parse_one(fixture_path("nasa.article_1.md"))
    assert doc.article.captions == []
    assert bodies(doc) == [doc.text[len(doc.title) + 2:]]
    assert bodies(doc)[0].startswith("“We want to be able to provide firefighters")


def test_article_nasa_broken_paragraph_joined(fixture_path):
    doc = parse_one(fixture_path("nasa.article_612.md"))
    assert any("healthy lifestyle and workout regiment, or try a new sport!" in b for b in bodies(doc))


def test_article_nasa_date_line_in_head(fixture_path):
    doc = parse_one(fixture_path("nasa.article_996.md"))
    assert doc.date == "2024-01-16"
    assert "Jan. 16, 2024" not in doc.text


# --- Wikinews: title, blank, one run-on paragraph with wiki leftovers ------------------------------
def test_article_wikinews_leftovers_dropped(fixture_path):
    doc = parse_one(fixture_path("wikinews.00_kids-game-portal-bbc-jam-to-close-after-competition-complain.txt"))
    assert "Category:" not in doc.text and "==Sources==" not in doc.text
    assert bodies(doc)[-1].endswith("Welsh Language Act 1993.")
    assert any("wiki markup leftovers" in w for w in doc.warnings)
    assert doc.article.captions == ["BBC Jam promotional image, with logo."]
    assert bodies(doc)[0].startswith("Kids will have to look elsewhere")


@pytest.mark.parametrize("name", ["wikinews.03_pirates-seize-cargo-ship-in-indian-ocean.txt",
                                  "wikinews.04_fernando-alonso-wins-2010-korean-grand-prix.txt"])
def test_article_wikinews_first_sentence_stays_in_body(fixture_path, name):
    assert parse_one(fixture_path(name)).article.captions == []


def test_article_wikinews_quotes_and_entities_cleaned(fixture_path):
    doc = parse_one(fixture_path("wikinews.04_fernando-alonso-wins-2010-korean-grand-prix.txt"))
    assert "&mdash;" not in doc.text and "—" in doc.text


# --- HTML: NASA text in a page layout -----------------------------------------------------------
@pytest.mark.parametrize(("name", "title", "date", "url", "authors", "captions"), [
    ("nasa.article_799.html", "NASA Solar Sail Technology Passes Crucial Deployment Test", "2024-02-01",
     "https://www.nasa.gov/centers-and-facilities/marshall/nasa-solar-sail-technology-passes-crucial-deployment-test/",
     ["Wayne Smith"], 2),
    ("nasa.article_0.html", "NASA Leaders to Host Agency Town Hall on Artificial Intelligence", "2024-05-20",
     "https://www.nasa.gov/news-release/nasa-leaders-to-host-agency-town-hall-on-artificial-intelligence/",
     [], 1),
])
def test_article_html_page(fixture_path, name, title, date, url, authors, captions):
    doc = parse_one(fixture_path(name))
    assert (doc.kind, doc.title, doc.date) == ("article", title, date)
    assert doc.article.outlet == "NASA"
    assert doc.article.url == url
    assert doc.article.authors == authors
    assert len(doc.article.captions) == captions
    text = "\n".join(bodies(doc))
    for chrome in ("Skip to main content", "Multimedia", "Privacy Policy", "dataLayer", "Keep Exploring"):
        assert chrome not in text
    for caption in doc.article.captions:
        assert caption not in bodies(doc)


# --- one-line cases -----------------------------------------------------------------------------
@pytest.mark.parametrize(("line", "expected"), [
    ("February 06, 2014", "2014-02-06"),
    ("Feb. 6, 2014", "2014-02-06"),
    ("2014-02-06", "2014-02-06"),
    ("6 February 2014", "2014-02-06"),
    ("Jan. 16, 2024", "2024-01-16"),
    ("Wednesday, May 22, 2024", "2024-05-22"),
    ("Published: March 4, 2024 10:30 a.m. EST", "2024-03-04"),
    ("2024-05-20T14:05", "2024-05-20T14:05:00"),
])
def test_article_date_line(line, expected):
    assert parse_date_line(line) == (expected, True)


@pytest.mark.parametrize("line", ["Wednesday, May 22", "May 22"])
def test_article_date_line_without_year_is_null(line):
    assert parse_date_line(line) == (None, True)


@pytest.mark.parametrize("line", ["Date: Thursday, December 14th, 2023 at the center", "February 30, 2014",
                                  "In February 2014 Russia said", ""])
def test_article_not_a_date_line(line):
    assert parse_date_line(line)[0] is None


@pytest.mark.parametrize(("paragraph", "place", "agency"), [
    ("ASTANA — Russia is holding up the transfer", "ASTANA", None),
    ("MOSCOW (Reuters) - Russia said on Monday", "MOSCOW", "Reuters"),
    ("WASHINGTON, D.C. -- NASA announced", "WASHINGTON, D.C.", None),
    ("CAPE CANAVERAL, Fla. — A SpaceX rocket", "CAPE CANAVERAL, Fla.", None),
    ("NEW YORK – Markets fell", "NEW YORK", None),
])
def test_article_dateline(paragraph, place, agency):
    got = parse_dateline(paragraph)
    assert got is not None and got[:2] == (place, agency)


@pytest.mark.parametrize("paragraph", ["Musabayev said — in an interview — that", "NASA - the agency said",
                                       "A — B", "Russia is holding up the transfer"])
def test_article_not_a_dateline(paragraph):
    assert parse_dateline(paragraph) is None


@pytest.mark.parametrize(("line", "authors", "outlet"), [
    ("By The Moscow Times", [], "The Moscow Times"),
    ("By Jessica Barnett", ["Jessica Barnett"], None),
    ("By: Martin Burkey", ["Martin Burkey"], None),
    ("By John Smith and Jane Doe, Reuters", ["John Smith", "Jane Doe"], "Reuters"),
    ("By Associated Press", [], "Associated Press"),
])
def test_article_byline(line, authors, outlet):
    assert parse_byline(line) == (authors, outlet)


@pytest.mark.parametrize("line", ["By 2030 the agency will fly", "By the end of the year, the agency will",
                                  "By Their Powers Combined"])
def test_article_not_a_byline(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize(("url", "outlet"), [
    ("https://www.themoscowtimes.com/2014/02/06/x-a31806", "The Moscow Times"),
    ("https://english.news.cn/20250103/x/c.html", "Xinhua"),
    ("https://www.nasa.gov/news-release/x/", "NASA"),
    ("https://en.wikinews.org/wiki/X", "Wikinews"),
    ("https://example.org/x", None),
    ("not a url", None),
    (None, None),
])
def test_article_outlet_from_url(url, outlet):
    assert outlet_for_url(url) == outlet


def test_article_date_from_url():
    assert date_from_url("https://www.themoscowtimes.com/2014/02/06/kazakhstan-a31806") == "2014-02-06"
    assert date_from_url("https://example.org/news/x") is None


# --- joining broken paragraphs ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "joined"), [
    ("Musabayev last year announced a revision to plans to develop Baiterek as\n\na launch pad for Angara.", True),
    ("Keep up a healthy lifestyle and workout\n\nregiment, or try a new sport!", True),
    ("## Mission overview and the\n\nnext steps are listed below.", False),          # heading
    ("* first item of the list and\n\nsecond paragraph starts lower.", False),       # list item
    ("Leaders Focus on Lunar Exploration During Visit to NASA Ames\n\nby Abigail Tabor", False),  # title case
    ("via e-mail to: accounts@nasa.gov\n\nvia hardcopy paper to:", False),           # fragment
    ("The launch was delayed again.\n\nthe crew stayed in quarantine.", False),      # terminal punctuation
    ("Send it to the office\n\nplease.", True),
    ("Too short\n\nand joined?", False),                                            # under MIN_JOIN_WORDS
])
def test_article_join_broken_paragraphs(text, joined):
    assert (len(join_broken(split_blocks(text))) == 1) is joined


# --- detection ------------------------------------------------------------------------------------
CABLE = ("UNCLAS SECTION 01 OF 02 MOSCOW 003736\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: TSPA ECPS KSCA PREL PARM RS\n"
         "SUBJECT: RUSSIAN NOTE ON SEA LAUNCH\n\n1. (SBU) Summary. The MFA delivered a note.\n")


@pytest.mark.parametrize(("text", "media", "low", "high"), [
    ("# Title of a story\n\nBy [The Moscow Times](#)\n\nFebruary 06, 2014\n\nASTANA — Text.", "text", 0.7, 1.0),
    ("A Title Line Here\n\n" + "Body text of the article goes on. " * 10, "text", 0.5, 0.6),
    ("NASA Story Title \n Credit: NASA\n\nBody.", "markdown", 0.5, 0.6),
    ("Story\n\nbody text\n\nOriginal url:\n\n<https://example.org/a>", "text", 0.8, 1.0),
    ("any text", "html", 0.8, 1.0),
    (CABLE, "text", 0.0, 0.0),
    ("This record is a partial extract of the original cable.\n\n" + "Text. " * 60, "text", 0.0, 0.0),
    ("A title\n\nSome text here.\n", "text", 0.0, 0.0),
    # OCR noise of a scanned memo (shared/data/foia-1986/text/C09000023.txt) is no headline.
    ("it-rw•LEASE ( i DECLASSIFY \n() ( i DECLASSIFY In PART \n" + "-- RECOMMENDATION FOR. " * 12, "text", 0.0, 0.0),
    ("", "text", 0.0, 0.0),
])
def test_article_detect_scores(text, media, low, high):
    assert low <= detect_article(source(text, media)) <= high


def test_article_original_url_at_the_end_of_a_long_file_counts(fixture_path):
    # The seed article with its paragraphs repeated: the "Original url:" line falls past the head.
    text = fixture_path("seed.000_227d2fbe0adcadcd.txt").read_text()
    body, tail = text.split("Original url:")
    long_text = body + "\n\n".join(body.split("\n\n")[3:]) * 3 + "Original url:" + tail
    assert long_text.index("Original url:") > DETECT_CHARS
    assert detect_article(source(long_text)) == SCORE_ORIGINAL_URL


def test_article_seed_cable_is_not_an_article(fixture_path):
    doc = parse_one(fixture_path("seed.004_69b9118b38fb912e.txt"))
    assert doc.kind == "cable"


# --- containers and robustness -------------------------------------------------------------------
def test_article_from_row_metadata():
    raw = (b'{"title": "Baikonur lease extended", "date": "2014-02-06", '
           b'"url": "https://www.reuters.com/article/x", "text": "MOSCOW (Reuters) - Russia said.\\n\\nMore text."}\n')
    (doc,) = parse_bytes(raw, "dump.jsonl", extract=False)
    assert (doc.kind, doc.title, doc.date) == ("article", "Baikonur lease extended", "2014-02-06")
    assert (doc.article.outlet, doc.article.dateline) == ("Reuters", "MOSCOW")
    assert doc.text.startswith("Baikonur lease extended\n\nMOSCOW (Reuters)")


def test_article_front_matter_and_markdown_images():
    text = ("---\ntitle: \"Soyuz rolls out\"\ndate: 2023-09-14\nurl: https://www.nasa.gov/x\nauthor: Jane Doe\n---\n\n"
            "![Soyuz MS-24 on the pad at Baikonur](soyuz.jpg)\n\nNASA/Bill Ingalls\n\n"
            "BAIKONUR, Kazakhstan — The **Soyuz** rolled out to [the pad](https://www.nasa.gov/pad).\n")
    (doc,) = parse_article(source(text, "markdown"))
    assert (doc.title, doc.date, doc.article.url, doc.article.outlet) == (
        "Soyuz rolls out", "2023-09-14", "https://www.nasa.gov/x", "NASA")
    assert doc.article.authors == ["Jane Doe"]
    assert doc.article.captions == ["Soyuz MS-24 on the pad at Baikonur", "NASA/Bill Ingalls"]
    assert doc.article.dateline == "BAIKONUR, Kazakhstan"
    assert bodies(doc) == ["BAIKONUR, Kazakhstan — The Soyuz rolled out to the pad."]
    (link,) = doc.links
    assert doc.text[link.start:link.end] == "the pad" and link.target == "https://www.nasa.gov/pad"


@pytest.mark.parametrize("text", ["", "\n\n\n", "#", "---\n---", "![](", "[a](b", "By", "* * *", "\\", "—\n\n—"])
def test_article_parse_never_raises(text):
    docs = parse_article(source(text))
    assert len(docs) == 1 and docs[0].kind == "article"


def test_article_video_player_text_dropped_and_caption_kept(fixture_path):
    doc = parse_one(fixture_path("nasa.article_216.md"))
    assert "JavaScript" not in doc.text and "HTML5" not in doc.text
    assert doc.article.captions[0].startswith("A tool developed at NASA’s Advanced Supercomputing division")
    assert bodies(doc)[0].startswith("“Every time I help with visualizing")


def test_article_press_release_end_mark_dropped(fixture_path):
    doc = parse_one(fixture_path("nasa.article_0.md"))
    assert "-end-" not in bodies(doc)
    assert "Faith McKie / Jennifer Dooren" in bodies(doc)  # media contacts stay as text


def test_article_without_title_line():
    (doc,) = parse_article(source("By Jane Doe\n\nFebruary 6, 2014\n\nMOSCOW — Text of the story here.\n"))
    assert doc.title is None
    assert (doc.date, doc.article.authors, doc.article.dateline) == ("2014-02-06", ["Jane Doe"], "MOSCOW")
    assert doc.text == "MOSCOW — Text of the story here."


def test_article_title_that_reads_like_a_byline():
    text = "By Their Powers Combined \n MDSCC/INTA, Francisco “Paco” Moreno\n\nThe antennas of the network work together.\n"
    (doc,) = parse_article(source(text, "markdown"))
    assert doc.title == "By Their Powers Combined"
    assert doc.article.authors == [] and doc.article.captions == ["MDSCC/INTA, Francisco “Paco” Moreno"]
