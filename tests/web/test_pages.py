"""The HTML pages: each renders its record and links its JSON twin."""

from __future__ import annotations

import re

import pytest

from legation.web import render, urls


def twin(html: str) -> str:
    match = re.search(r'<a class="twin" href="([^"]+)"', html)
    assert match, "page has no JSON twin link"
    return match.group(1).replace("&amp;", "&")


@pytest.mark.parametrize("url", ["/search?q=Baikonur", "/doc/07MOSCOW3736", "/entity/BTSA", "/timeline?q=BTSA",
                                 "/graph/07MOSCOW3736", "/errors", "/"])
def test_pages_link_their_json_twin(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert client.get(twin(response.text)).status_code == 200


def test_pages_search_shows_hits_facets_and_highlights(client):
    html = client.get("/search", params={"q": "Baikonur"}).text
    assert 'href="/doc/07MOSCOW3736"' in html
    assert "<mark>Baikonur</mark>" in html
    assert 'class="facets"' in html and "tag%3ATSPA" in html


def test_pages_search_paging_keeps_the_query(client):
    html = client.get("/search", params={"q": "Baikonur", "limit": 1}).text
    assert 'href="/search?q=Baikonur&amp;page=2&amp;limit=1"' in html


def test_pages_document_header_card(client):
    html = client.get("/doc/07MOSCOW3736").text
    assert "banner-u" in html and "UNCLASSIFIED // SIPDIS // SENSITIVE" in html
    assert "Tuesday 31 July 2007, 14:38 UTC" in html and "311438Z JUL 07" in html
    assert "SECSTATE WASHDC" in html and "AMEMBASSY ASTANA" in html
    assert "Technology and Science--Space" in html
    assert 'class="missing" href="/graph/07STATE87399"' in html  # a reference not in the store
    assert 'href="/doc/07STATE99001"' in html  # cited by
    assert "¶7" in html and "(SBU)" in html


def test_pages_document_links_mentions_and_dates(client):
    html = client.get("/doc/07MOSCOW3736").text
    assert re.search(r'<a class="mention label-AGREEMENT" href="/entity/[^"]+"[^>]*>BTSA</a>', html)
    assert re.search(r'<span class="when" title="2007-08-20 … 2007-09-30">from August 20', html)


def test_pages_article_card(client):
    key = client.get("/api/search", params={"q": "Baiterek kind:article"}).json()["hits"][0]["key"]
    html = client.get(f"/doc/{key}").text
    assert "The Moscow Times" in html and 'class="dateline">ASTANA' in html
    assert "Thursday 6 February 2014" in html and "Captions" in html


def test_pages_entity_dossier_with_chart_and_joint_timeline(client):
    html = client.get("/entity/BTSA").text
    assert "Baikonur Technology Safeguards Agreement" in html and "AGREEMENT" in html
    assert "<svg" in html and 'class="bar"' in html
    assert "joint timeline" in html


def test_pages_timeline_lists_statements_with_sources(client):
    html = client.get("/timeline", params={"q": "BTSA"}).text
    assert "2007-07-27" in html and 'href="/doc/07MOSCOW3736"' in html


def test_pages_graph_lists_nodes_for_cytoscape(client):
    html = client.get("/graph/07MOSCOW3736").text
    assert "/static/vendor/cytoscape.min.js" in html
    assert 'data-node="07STATE87399" data-role="missing"' in html
    assert 'data-role="citing"' in html


@pytest.mark.parametrize("url, status", [
    ("/doc/NOSUCHDOC", 404), ("/entity/Nobody", 404), ("/search?q=%22unclosed", 400),
    ("/search?q=x&page=-1", 400), ("/nowhere", 404), ("/timeline?q=zzzzqqq", 404),
])
def test_pages_errors_are_pages(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert "Back to search" in response.text


def test_pages_empty_forms_render(client):
    assert client.get("/search").status_code == 200
    assert client.get("/timeline").status_code == 200


def test_pages_templates_build_no_url_by_hand():
    from legation.web.app import HERE

    for template in (HERE / "templates").glob("*.html"):
        for target in re.findall(r'(?:href|src|action|hx-get)="([^"]*)"', template.read_text()):
            assert target.startswith("{{"), f"{template.name} builds a URL by hand: {target}"


def test_urls_round_trip_identifiers():
    assert urls.url("doc", "a/b c") == "/doc/a%2Fb%20c"
    assert urls.url("search", q="x y", page=1) == "/search?q=x+y"
    assert urls.url("search", api=True, q="x", page=2) == "/api/search?q=x&page=2"
    assert urls.url("entity", "leg:1", api=True) == "/api/entity/leg%3A1"


def test_render_chart_counts_years():
    chart = render.chart([{"from": "2007-07-27"}, {"from": "2007-08-20"}, {"from": "2014-02-06"}])
    assert [(b.year, b.count) for b in chart.bars] == [(2007, 2), (2014, 1)]
    assert render.chart([]) is None
