"""Data tables shipped with the package (TSV with a header row), loaded lazily and cached.

Every table has an entry in SOURCES.md beside it: origin, license, date.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


def table_path(name: str):
    return resources.files(__name__).joinpath(name)


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV table (`name` relative to this folder, e.g. "tags.tsv") as dicts."""
    with table_path(name).open("r", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return tuple({k: (v or "") for k, v in row.items()} for row in reader)
