"""Security: document text is always text, every response carries strict headers, hostile input
gets a 4xx, and writes need --allow-write and the token."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from webstore import FIXTURES, HOSTILE_CABLE_ID, client_class

# Pages that show the hostile documents' text (subject, body, sentences, titles).
HOSTILE_PAGES = [
    f"/doc/{HOSTILE_CABLE_ID}",
    "/search?q=alert",
    "/search?q=launch+pad+talks",
    "/entity/Baikonur%20Technology%20Safeguards%20Agreement",
    "/entity/Astana",
    "/timeline?q=Baikonur%20Technology%20Safeguards%20Agreement",
    "/timeline?q=alert",
    "/graph/07MOSCOW3736",
    "/doc/07MOSCOW3736",
]
STATIC_SCRIPT = "/static/"


class LiveElements(HTMLParser):
    """Collects what a browser would run: scripts, event handlers, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.scripts, self.handlers, self.js_urls, self.images = [], [], [], []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script":
            self.scripts.append(values.get("src"))
        if tag == "img":
            self.images.append(values)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith("javascript:"):
                self.js_urls.append((tag, value))


@pytest.mark.parametrize("url", HOSTILE_PAGES)
def test_security_hostile_text_renders_as_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = LiveElements()
    page.feed(response.text)
    assert all(src and src.startswith(STATIC_SCRIPT) for src in page.scripts), page.scripts
    assert not page.handlers and not page.js_urls and not page.images
    assert "<script>alert(1)" not in response.text and "<img src=x" not in response.text


def test_security_hostile_text_is_shown_escaped(client):
    html = client.get(f"/doc/{HOSTILE_CABLE_ID}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "[link](javascript:alert(1))" in html  # shown, never a link


@pytest.mark.parametrize("url", ["/", "/search?q=Baikonur", "/api/search?q=Baikonur", "/doc/NOPE",
                                 "/api/doc/NOPE", "/static/app.css", "/api/docs"])
def test_security_headers_on_every_response(client, url):
    headers = client.get(url).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_security_no_inline_scripts_in_templates():
    from legation.web.app import HERE

    for template in (HERE / "templates").glob("*.html"):
        text = template.read_text()
        assert "<script>" not in text and " on" + "click=" not in text and "style=" not in text, template.name


HOSTILE_INPUTS = [
    "/doc/..%2F..%2Fetc%2Fpasswd", "/doc/%00", "/doc/%ED%A0%80", "/doc/" + "A" * 600, "/entity/%27%20OR%201=1--",
    "/entity/%25", "/entity/_", "/graph/%0A", "/search?q=%00", "/search?q=%ED%A0%80", "/search?q=" + "x" * 3000,
    "/search?q=NEAR(a%20b)", "/search?q=a:b:c", "/search?q=date:9999..0000", "/search?q=*", "/search?q=-",
    "/search?q=title:%22", "/search?q=((((((((((((((((((((a))))))))))))))))))))", "/search?q=x&limit=-5",
    "/search?q=x&page=99999999999999999999", "/timeline?q=%00", "/timeline?q=date:2007..", "/search?q=\"*\"",
    "/api/doc/%2e%2e", "/api/entity/%C0%AE", "/api/search?q=x&facets=maybe", "/api/errors?limit=0",
    "/api/graph/x?view=%3Cscript%3E", "/search?q=id:", "/search?q=entity:", "/search?q=OR", "/search?q=NOT%20NOT",
]


@pytest.mark.parametrize("url", HOSTILE_INPUTS)
def test_security_hostile_input_gets_4xx_not_500(client, url):
    response = client.get(url)
    assert response.status_code < 500, (url, response.status_code, response.text[:300])
    if response.status_code >= 400 and url.startswith("/api/"):
        assert response.json()["error"]


def test_security_long_urls_and_bodies_are_refused(client):
    assert client.get("/search?q=" + "x" * 9000).status_code == 414
    response = client.post("/api/ingest", content=b"x" * 100, headers={"content-length": str(10**9)})
    assert response.status_code == 413


def test_security_reads_only_by_default(client):
    response = client.post("/api/ingest", files={"files": ("a.txt", b"hello")})
    assert response.status_code == 403
    assert client.delete("/api/doc/07MOSCOW3736").status_code == 405


@pytest.fixture
def writable(tmp_path):
    from legation.corpus import open_corpus
    from legation.web import create_app

    path = tmp_path / "w.db"
    open_corpus(path).close()
    with client_class()(create_app(str(path), allow_write=True, token="s3cret")) as test_client:
        yield test_client


def test_security_writes_need_the_token(writable, tmp_path):
    source = tmp_path / "cable.txt"
    shutil.copy(FIXTURES / "seed.004_69b9118b38fb912e.txt", source)
    files = {"files": (source.name, Path(source).read_bytes(), "text/plain")}
    assert writable.post("/api/ingest", files=files).status_code == 401
    assert writable.post("/api/ingest", files=files, headers={"Authorization": "Bearer wrong"}).status_code == 401
    response = writable.post("/api/ingest", files=files, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 200 and response.json()["documents"] == 1
    assert writable.get("/api/doc/07MOSCOW3736").json()["id"] == "07MOSCOW3736"


def test_security_allow_write_without_token_is_refused(tmp_path):
    from legation.errors import UsageError
    from legation.web import create_app

    with pytest.raises(UsageError):
        create_app(str(tmp_path / "x.db"), allow_write=True)


def test_security_token_compare():
    from legation.web.security import token_matches

    assert token_matches("Bearer abc", "abc") and token_matches("bearer abc", "abc")
    assert not token_matches("Bearer abd", "abc") and not token_matches("abc", "abc")
    assert not token_matches(None, "abc") and not token_matches("Bearer ", None)
