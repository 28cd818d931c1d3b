"""HTML pages: main text and metadata, never script content, one line when nothing is readable."""

import time

import pytest

from legation.errors import NoText
from legation.parse.html import read_html
from legation.parse.readers import read_bytes

HOSTILE = b"""<!DOCTYPE html><html><head><title>Summit ends</title>
<meta property="og:site_name" content="Daily Post"><meta name="author" content="Jane Roe and John Doe">
<meta name="date" content="2014-02-06"><script>var secret = "SCRIPTTEXT";</script>
<style>body { background: url("javascript:STYLETEXT") }</style></head>
<body onload="alert('ONLOAD')"><nav><a href="javascript:alert('JSLINK')">Home</a></nav>
<article><h1>Summit ends</h1>
<p style="color:red" onclick="alert('ONCLICK')">The leaders met in Reykjavik on Saturday and talked for many hours
about arms control, officials said.</p><img src="x.png" onerror="alert('ONERROR')">
<figure><img src="a.jpg"><figcaption>Leaders at the table<script>alert('CAPSCRIPT')</script></figcaption></figure>
<script type="text/javascript">document.write("<p>INJECTED</p>")</script>
<p>Talks resumed on Sunday morning, and progress was made on several points, a spokesman said.</p></article>
<noscript>NOSCRIPT</noscript><iframe srcdoc="<p>IFRAME</p>"></iframe>
<svg><script>SVGSCRIPT</script></svg></body></html>"""

SCRIPT_WORDS = ("SCRIPTTEXT", "STYLETEXT", "ONLOAD", "JSLINK", "ONCLICK", "ONERROR", "CAPSCRIPT", "INJECTED",
                "NOSCRIPT", "IFRAME", "SVGSCRIPT", "alert", "javascript")


def test_html_hostile_page_gives_clean_text_and_metadata():
    source = read_html(HOSTILE, "page.html")
    assert "The leaders met in Reykjavik" in source.text and "Talks resumed" in source.text
    for word in SCRIPT_WORDS:
        assert word not in source.text and word not in str(source.meta), word
    assert source.meta["title"] == "Summit ends"
    assert source.meta["authors"] == ["Jane Roe", "John Doe"]
    assert source.meta["captions"] == ["Leaders at the table"]
    assert source.media == "html"


@pytest.mark.parametrize("raw", [
    b"<html><body><script>alert(1)</script><script>document.write('x')</script></body></html>",
    b"<html><head><style>p { color: red }</style></head><body><img src=x onerror=alert(1)></body></html>",
    b"<!DOCTYPE html><html></html>",
    b"<html>",
])
def test_html_without_readable_text_is_no_text(raw):
    with pytest.raises(NoText, match="HTML page holds no readable text"):
        read_html(raw, "empty.html")


def test_html_deeply_nested_gives_one_line_not_a_recursion_error():
    raw = b"<html><body>" + b"<div>" * 100_000 + b"deep text" + b"</div>" * 100_000 + b"</body></html>"
    start = time.perf_counter()
    [item] = read_bytes(raw, "deep.html")
    assert time.perf_counter() - start < 20
    text = getattr(item, "text", None) or item.error
    assert "\n" not in getattr(item, "error", "") and text


def test_html_unclosed_and_truncated_markup_still_reads():
    raw = HOSTILE[: HOSTILE.index(b"Talks resumed") + 20]
    source = read_html(raw, "cut.html")
    assert "The leaders met in Reykjavik" in source.text
    assert "alert" not in source.text


def test_html_declared_charset_is_honoured():
    body = "<p>Le caf\u00e9 \u00e9tait ferm\u00e9 \u2014 dit-il \u00e0 la presse, longuement et en d\u00e9tail.</p>"
    raw = ('<html><head><meta charset="windows-1252"><title>x</title></head><body>'
           + body * 3 + "</body></html>").encode("cp1252")
    source = read_html(raw, "fr.html")
    assert "Le caf\u00e9 \u00e9tait ferm\u00e9 \u2014 dit-il" in source.text
