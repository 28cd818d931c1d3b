from __future__ import annotations

import pytest

from legation.parse.markdown import TextBuilder, render_inline, strip_block_marker

WIKI = "https://en.wikipedia.org/wiki/"


@pytest.mark.parametrize(("markdown", "text"), [
    ("fee of \\$115 million", "fee of $115 million"),
    ("**bold** and *italic* and __strong__ and _em_", "bold and italic and strong and em"),
    ("snake_case and Syrian_civil_war stay", "snake_case and Syrian_civil_war stay"),
    ("2*3*4 is arithmetic", "2*3*4 is arithmetic"),
    ("a `code_span` here", "a code_span here"),
    ("By [The Moscow Times](#)", "By The Moscow Times"),
    ("<https://www.themoscowtimes.com/a_b>", "https://www.themoscowtimes.com/a_b"),
    ("![A rocket on the pad](img.jpg) Launch day", " Launch day"),
    ("~~gone~~ kept", "gone kept"),
    ("unclosed [bracket and *star", "unclosed [bracket and *star"),
])
def test_markdown_render_inline_text(markdown, text):
    assert render_inline(markdown).text == text


def test_markdown_links_keep_targets_and_offsets():
    md = (f"[Israeli warplanes]({WIKI}Israeli_Air_Force \"Israeli Air Force\") strike "
          f"[Al-Safira]({WIKI}Al-Safira). [(Xinhua)](https://english.news.cn/x.html)")
    rendered = render_inline(md)
    assert rendered.text == "Israeli warplanes strike Al-Safira. (Xinhua)"
    got = [(rendered.text[ln.start:ln.end], ln.target) for ln in rendered.links]
    assert got == [("Israeli warplanes", WIKI + "Israeli_Air_Force"), ("Al-Safira", WIKI + "Al-Safira"),
                   ("(Xinhua)", "https://english.news.cn/x.html")]


def test_markdown_link_target_with_parentheses():
    md = f"[Israeli invasion of Syria]({WIKI}Israeli_invasion_of_Syria_(2024–present)) continues"
    rendered = render_inline(md)
    assert rendered.text == "Israeli invasion of Syria continues"
    assert rendered.links[0].target == WIKI + "Israeli_invasion_of_Syria_(2024–present)"


def test_markdown_image_alt_collected():
    rendered = render_inline("![Soyuz on the pad](soyuz.jpg)")
    assert rendered.images == [("Soyuz on the pad", "soyuz.jpg")]
    assert render_inline("![Soyuz](s.jpg)", keep_images=True).text == "Soyuz"


def test_markdown_text_builder_shifts_links():
    builder = TextBuilder()
    builder.add("Title")
    start, end = builder.add(render_inline("See [NASA](https://www.nasa.gov) now"))
    assert builder.text == "Title\n\nSee NASA now"
    (link,) = builder.links
    assert builder.text[link.start:link.end] == "NASA" and (start, end) == (7, 19)


@pytest.mark.parametrize(("line", "text"), [
    ("#### Armed conflicts", "Armed conflicts"),
    ("  * item", "item"),
    ("1. first", "first"),
    ("plain", "plain"),
])
def test_markdown_strip_block_marker(line, text):
    assert strip_block_marker(line) == text
