"""The JSON API, in-process over a store of fixtures: each route returns its Corpus record."""

from __future__ import annotations

import pytest


def test_api_search_returns_hits_and_facets(client):
    data = client.get("/api/search", params={"q": "Baikonur"}).json()
    keys = {h["key"] for h in data["hits"]}
    assert "07MOSCOW3736" in keys
    assert {"kind", "year", "entity"} <= set(data["facets"])
    assert data["page"] == 1 and data["total"] >= 2


def test_api_search_pages(client):
    first = client.get("/api/search", params={"q": "Baikonur", "limit": 1}).json()
    second = client.get("/api/search", params={"q": "Baikonur", "limit": 1, "page": 2}).json()
    assert first["pages"] >= 2 and first["hits"][0]["key"] != second["hits"][0]["key"]


def test_api_document_by_cable_id(client):
    record = client.get("/api/doc/07MOSCOW3736").json()
    assert record["id"] == "07MOSCOW3736" and record["kind"] == "cable"
    assert [r["id"] for r in record["references"]] == ["07STATE87399", "07STATE77400"]
    assert record["key"] == "07MOSCOW3736"


def test_api_document_by_key(client):
    key = client.get("/api/search", params={"q": "Baiterek kind:article"}).json()["hits"][0]["key"]
    record = client.get(f"/api/doc/{key}").json()
    assert record["outlet"] == "The Moscow Times"


def test_api_entity_dossier(client):
    dossier = client.get("/api/entity/BTSA").json()
    assert dossier["name"] == "Baikonur Technology Safeguards Agreement"
    assert dossier["label"] == "AGREEMENT"
    assert any(d["id"] == "07MOSCOW3736" for d in dossier["documents"])
    assert dossier["cooccurring"] and dossier["timeline"]


def test_api_entity_by_id_equals_by_name(client):
    by_name = client.get("/api/entity/BTSA").json()
    assert client.get(f"/api/entity/{by_name['id']}").json()["id"] == by_name["id"]


def test_api_timeline_of_entity_and_of_query(client):
    entity = client.get("/api/timeline", params={"q": "BTSA"}).json()
    assert entity["entity"]["name"] == "Baikonur Technology Safeguards Agreement"
    assert any(e["from"] == "2007-07-27" for e in entity["entries"])
    query = client.get("/api/timeline", params={"q": "Baiterek kind:article"}).json()
    assert query["scope"] == "query" and query["entries"]


def test_api_graph_refs_and_entities(client):
    refs = client.get("/api/graph/07MOSCOW3736").json()
    assert [c["id"] for c in refs["cites"]] == ["07STATE87399", "07STATE77400"]
    assert [p["id"] for p in refs["placeholders"]] == ["07STATE87399", "07STATE77400"]
    assert [d["id"] for d in refs["cited_by"]] == ["07STATE99001"]
    entities = client.get("/api/graph/BTSA").json()
    assert entities["node"]["label"] == "AGREEMENT" and entities["edges"]
    assert client.get("/api/graph/07MOSCOW3736", params={"view": "entities"}).status_code == 404


def test_api_graph_of_a_missing_cable_is_a_placeholder(client):
    data = client.get("/api/graph/07STATE87399").json()
    assert data["stored"] is False and data["cited_by"][0]["id"] == "07MOSCOW3736"


def test_api_stats_and_errors(client):
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 7 and "path" not in stats
    assert client.get("/api/errors").json() == []


def test_api_openapi_lists_every_route(client):
    paths = set(client.get("/api/openapi.json").json()["paths"])
    assert {"/api/search", "/api/doc/{ident}", "/api/entity/{ident}", "/api/timeline", "/api/graph/{ident}",
            "/api/stats", "/api/errors", "/api/ingest"} <= paths


def test_api_docs_page_uses_local_assets(client):
    page = client.get("/api/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page
    assert "http://" not in page and "https://" not in page
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


@pytest.mark.parametrize("url, status", [
    ("/api/doc/NOSUCHDOC", 404),
    ("/api/entity/Nobody%20Here", 404),
    ("/api/graph/99NOWHERE1", 404),
    ("/api/timeline?q=zzzzqqq", 404),
    ("/api/search?q=(((", 400),
    ("/api/search?q=", 400),
    ("/api/search", 400),
    ("/api/search?q=x&page=0", 400),
    ("/api/search?q=x&limit=100000", 400),
    ("/api/search?q=x&page=abc", 400),
    ("/api/timeline?q=BTSA&scope=everything", 400),
    ("/api/graph/BTSA?view=pie", 400),
])
def test_api_errors_are_json_with_a_message(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["status"] == status and body["error"]


def test_api_concurrent_requests_all_answer(store_path):
    """Requests in parallel on the worker threads: each thread reads on its own connection."""
    import asyncio

    import httpx

    from legation.web import create_app

    app = create_app(str(store_path))
    urls = ["/api/search?q=Baikonur", "/api/doc/07MOSCOW3736", "/api/entity/Russia", "/doc/07MOSCOW3736",
            "/search?q=launch", "/entity/BTSA"] * 8

    async def run():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            responses = await asyncio.wait_for(asyncio.gather(*(http.get(u) for u in urls)), timeout=60)
        return [r.status_code for r in responses]

    try:
        assert asyncio.run(run()) == [200] * len(urls)
    finally:
        app.state.pool.close()
