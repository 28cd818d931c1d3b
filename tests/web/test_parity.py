"""One core, three shells: the CLI's --json, the API and the page context carry the same record."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from legation import cli_web  # noqa: F401 - registers `legation serve`
from legation.cli import app


def cli_json(*args: str):
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def same(value):
    return json.loads(json.dumps(value))


@pytest.mark.parametrize("name", ["BTSA", "Baikonur", "Astana"])
def test_parity_entity_dossier(client, store_path, name):
    from_cli = cli_json("entity", name, "--db", str(store_path))
    from_api = client.get(f"/api/entity/{name}").json()
    page = client.get(f"/entity/{name}")
    assert from_cli == from_api == same(page.context["dossier"])


def test_parity_search_and_document(client, store_path):
    from_cli = cli_json("search", "Baikonur", "--db", str(store_path))
    assert from_cli == client.get("/api/search", params={"q": "Baikonur"}).json()
    assert from_cli == same(client.get("/search", params={"q": "Baikonur"}).context["result"])
    record = cli_json("show", "07MOSCOW3736", "--db", str(store_path))
    assert record == client.get("/api/doc/07MOSCOW3736").json()
    assert record == same(client.get("/doc/07MOSCOW3736").context["record"])


def test_parity_timeline(client, store_path):
    from_cli = cli_json("timeline", "BTSA", "--db", str(store_path))
    assert from_cli == client.get("/api/timeline", params={"q": "BTSA"}).json()
    assert from_cli == same(client.get("/timeline", params={"q": "BTSA"}).context["timeline"])


def test_parity_serve_is_registered():
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "--allow-write" in result.stdout
