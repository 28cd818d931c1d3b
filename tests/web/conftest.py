"""Fixtures of the web tests: the store of webstore.py and the app over it, in-process."""

from __future__ import annotations

import os

import pytest
from webstore import FIXTURES, build_store, client_class

# Tests elsewhere import FIXTURES from whichever conftest module was loaded last.
__all__ = ["FIXTURES"]


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    # The screenshots for the docs (tools/screenshots.py) show the fixtures without the hostile documents.
    return build_store(tmp_path_factory.mktemp("web"), hostile=not os.environ.get("LEGATION_SCREENSHOTS"))


@pytest.fixture(scope="session")
def client(store_path):
    from legation.web import create_app

    with client_class()(create_app(str(store_path)), raise_server_exceptions=False) as test_client:
        yield test_client


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives headless Chromium through Playwright (skipped without it)")
