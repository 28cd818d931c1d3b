"""Stores for the store tests: an empty one and one holding the annotated documents."""

from __future__ import annotations

import pytest

from legation.store import open_store


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "store.db")
    yield s
    s.close()
