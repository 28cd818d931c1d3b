"""Test helpers: fixture paths and the optional shared development corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """The `shared/` folder beside the checkout (or $LEGATION_SHARED), if it is there."""
    candidates = [os.environ.get("LEGATION_SHARED"), ROOT.parent / "shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "data").is_dir():
            return Path(candidate)
    return None


@pytest.fixture
def shared() -> Path:
    """The shared development corpus; tests using it are skipped on a bare clone."""
    path = shared_dir()
    if path is None:
        pytest.skip("../shared/data is absent: corpus test skipped")
    return path


@pytest.fixture
def fixture_path():
    def get(name: str) -> Path:
        path = FIXTURES / name
        assert path.exists(), f"missing fixture {name}"
        return path

    return get
