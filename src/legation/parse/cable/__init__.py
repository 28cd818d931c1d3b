"""Cables (`kind: "cable"`). Placeholder detection; the full parser replaces this."""

from __future__ import annotations

import re

from ...record import CableFields, Document
from ..plain import parse_text
from ..registry import Format
from ..source import Source

_MARKERS = re.compile(r"^(?:VZCZC|DE RUE|TAGS\b|SUBJECT:|FM AMEMBASSY|This record is a partial extract)", re.M)


def detect_cable(source: Source) -> float:
    hits = len(_MARKERS.findall(source.text[:20000]))
    return min(1.0, 0.3 * hits)


def parse_cable(source: Source) -> list[Document]:
    doc = parse_text(source)[0]
    doc.kind = "cable"
    doc.cable = CableFields()
    return [doc]


FORMAT = Format(name="cable", detect=detect_cable, parse=parse_cable, priority=10)
