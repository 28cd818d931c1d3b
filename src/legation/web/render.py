"""Turning records into what templates show: text split into escaped pieces, dates in words, chart
geometry. Nothing here marks text safe: templates print every piece through autoescaping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from . import urls

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
# Classification → banner style (CSS class suffix).
BANNERS = {"UNCLASSIFIED": "u", "LIMITED OFFICIAL USE": "lou", "CONFIDENTIAL": "c", "SECRET": "s",
           "TOP SECRET": "ts"}
# Timeline chart geometry (SVG user units): wide enough for a century of years at two units each.
CHART_WIDTH = 720
CHART_HEIGHT = 140
CHART_MARGIN = 24
# Years at most on the chart's axis labels (more would overlap).
MAX_AXIS_LABELS = 12


@dataclass
class Piece:
    """A run of document text: plain, an entity mention (link) or a time expression (badge)."""

    text: str
    kind: str | None = None
    href: str | None = None
    title: str | None = None
    label: str | None = None


@dataclass
class Block:
    kind: str  # "header", "paragraph" or "text"
    pieces: list[Piece] = field(default_factory=list)
    n: int | None = None
    marking: str | None = None


def marks(record: dict) -> list[tuple[int, int, Piece]]:
    """Non-overlapping marks over the record's text: entity mentions first, then times; where two
    overlap the longer one wins."""
    found = []
    for m in record.get("entities") or []:
        title = f"{m.get('name') or m.get('text')} · {m.get('label')}"
        href = urls.url("entity", m["id"]) if m.get("id") else None
        found.append((m["start"], m["end"], Piece("", "entity", href, title, m.get("label"))))
    for t in record.get("times") or []:
        span = t.get("from") or ""
        if t.get("to") and t.get("to") != t.get("from"):
            span = f"{span} … {t['to']}"
        found.append((t["start"], t["end"], Piece("", "time", None, span or "unresolved", t.get("granularity"))))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    chosen, last_end = [], -1
    for start, end, piece in found:
        if start >= last_end and end > start:
            chosen.append((start, end, piece))
            last_end = end
    return chosen


def pieces(text: str, start: int, end: int, chosen: list[tuple[int, int, Piece]]) -> list[Piece]:
    """text[start:end] cut at the marks inside it."""
    out, at = [], start
    for m_start, m_end, piece in chosen:
        if m_end <= start or m_start >= end:
            continue
        m_start, m_end = max(m_start, start), min(m_end, end)
        if m_start > at:
            out.append(Piece(text[at:m_start]))
        out.append(Piece(text[m_start:m_end], piece.kind, piece.href, piece.title, piece.label))
        at = m_end
    if at < end:
        out.append(Piece(text[at:end]))
    return out


def blocks(record: dict) -> list[Block]:
    """The record's text as blocks: what precedes the first paragraph (a cable's header), each
    paragraph with its number and marking, and what lies between or after them."""
    text = record.get("text") or ""
    chosen = marks(record)
    paragraphs = sorted(record.get("paragraphs") or [], key=lambda p: p["start"])
    out, at = [], 0
    for p in paragraphs:
        if p["start"] < at or p["end"] > len(text):
            continue
        if text[at:p["start"]].strip():
            kind = "header" if not out and record.get("kind") == "cable" else "text"
            out.append(Block(kind, pieces(text, at, p["start"], chosen)))
        out.append(Block("paragraph", pieces(text, p["start"], p["end"], chosen), p.get("n"), p.get("marking")))
        at = p["end"]
    if text[at:].strip():
        out.append(Block("text", pieces(text, at, len(text), chosen)))
    return out


def date_words(value: str | None) -> str:
    """'2007-07-31T14:38:00Z' → 'Tuesday 31 July 2007, 14:38 UTC'; date prefixes in words too."""
    if not value:
        return ""
    try:
        if "T" in value:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            return f"{moment:%A} {moment.day} {moment:%B %Y, %H:%M} UTC"
        if len(value) == 10:
            day = datetime.fromisoformat(value)
            return f"{day:%A} {day.day} {day:%B %Y}"
        if len(value) == 7:
            return f"{datetime.strptime(value, '%Y-%m'):%B %Y}"
    except ValueError:
        return value
    return value


def dtg(value: str | None) -> str:
    """The date-time group as the cable prints it: '311438Z JUL 07'."""
    if not value or "T" not in value:
        return ""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    return f"{moment:%d%H%M}Z {MONTHS[moment.month - 1]} {moment:%y}"


def banner(classification: str | None) -> str:
    return BANNERS.get((classification or "").upper(), "none")


@cache
def caveat_meanings() -> dict[str, str]:
    from ..data import load_table

    try:
        return {row["code"]: row["meaning"] for row in load_table("caveats.tsv")}
    except (FileNotFoundError, OSError, KeyError):
        return {}


def caveat_meaning(code: str) -> str:
    return caveat_meanings().get(code, "")


def day(value: str | None) -> str:
    return (value or "")[:10]


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    year: int
    count: int


@dataclass
class Chart:
    bars: list[Bar]
    labels: list[tuple[float, str]]
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT
    baseline: float = CHART_HEIGHT - CHART_MARGIN


def chart(entries: list[dict]) -> Chart | None:
    """Bars counting dated entries by year, from the first year to the last."""
    years: dict[int, int] = {}
    for entry in entries:
        start = (entry.get("from") or "")[:4]
        if start.isdigit():
            years[int(start)] = years.get(int(start), 0) + 1
    if not years:
        return None
    first, last = min(years), max(years)
    span = last - first + 1
    inner = CHART_WIDTH - 2 * CHART_MARGIN
    step = inner / span
    top = max(years.values())
    usable = CHART_HEIGHT - 2 * CHART_MARGIN
    bars = []
    for year, count in sorted(years.items()):
        height = max(2.0, usable * count / top)
        x = CHART_MARGIN + (year - first) * step
        bars.append(Bar(round(x + step * 0.1, 1), round(CHART_HEIGHT - CHART_MARGIN - height, 1),
                        round(max(1.0, step * 0.8), 1), round(height, 1), year, count))
    every = max(1, -(-span // MAX_AXIS_LABELS))
    labels = [(round(CHART_MARGIN + (y - first + 0.5) * step, 1), str(y)) for y in range(first, last + 1, every)]
    return Chart(bars, labels)


FILTERS = {"date_words": date_words, "dtg": dtg, "banner": banner, "caveat_meaning": caveat_meaning,
           "day": day}


def snippet_parts(hit: dict) -> list[Piece]:
    """A search hit's snippet cut at its highlights (each piece is escaped when printed)."""
    text = hit.get("snippet") or ""
    spans = [(s, e, Piece("", "hit")) for s, e in sorted(hit.get("highlights") or []) if 0 <= s < e <= len(text)]
    chosen, last_end = [], -1
    for span in spans:
        if span[0] >= last_end:
            chosen.append(span)
            last_end = span[1]
    return pieces(text, 0, len(text), chosen)


FILTERS["snippet_parts"] = snippet_parts
