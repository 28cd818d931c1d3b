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
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, [])
        width, blank = len(header), [""] * len(header)
        # As csv.DictReader, but faster: blank lines skipped, a short row's missing fields "" (and
        # fields past the header's dropped).
        return tuple(dict(zip(header, row if len(row) == width else (row + blank)[:width], strict=True))
                     for row in reader if row)
