"""Per-field agreement of parsed cables with WikiLeaks' metadata (`cables-metadata.jsonl`).

One module for the benchmark (`bench/cable_quality.py`) and the corpus gate
(`tests/parse/cable/test_cable_corpus.py`). Each field has a `compare_<field>(record, gold)`
that returns True (agrees), False (disagrees) or None (the gold has no value: not scored).

How each field is compared, and why:
- id: WikiLeaks' id, or its `id_alt` (ids that embed header text), or the clean form of an id
  that carries "EFTO" or "SECTION nn OF nn" in its station (09EFTOLONDON2211 = 09LONDON2211).
- date: to the minute against `dtg_utc` (WikiLeaks' `created` minutes are wrong on every
  record); cables whose text carries no DTG (`dtg_utc` null) are not scored.
- classification: WikiLeaks writes the classification with one caveat folded in; the record's
  classification and caveats are folded the same way (`wikileaks_classification`).
- origin: equal strings.
- title: WikiLeaks' title is the first line of a wrapped SUBJECT, sometimes cut with "...", or
  running on into the next field. After upper-casing, collapsing white space and dropping
  HTML debris ("<BR>", "strong>") and leading "(" or quotes that WikiLeaks sometimes loses, a
  title WikiLeaks cut with "..." agrees when ours starts with it; otherwise the titles agree
  when one starts with the other and the shorter holds at least TITLE_MIN_SHARE of the longer
  or MIN_TITLE_PREFIX characters. Empty gold titles (cables without SUBJECT) are not scored.
- tags: as a set against `tags_text` (the TAGS as printed, continuation lines included).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIELDS = ("id", "date", "classification", "origin", "title", "tags")

# Caveats WikiLeaks folds into UNCLASSIFIED as "FOR OFFICIAL USE ONLY".
FOUO_CAVEATS = ("SENSITIVE", "SBU", "EFTO", "FOUO")
# A prefix this long is a title, not a coincidence of opening words.
MIN_TITLE_PREFIX = 25
# The shorter title must hold this share of the longer to count as the same subject.
TITLE_MIN_SHARE = 0.5
_WS = re.compile(r"\s+")
# HTML left in WikiLeaks titles: "<BR>", "</strong>", a cut "strong> " at the start.
_HTML_DEBRIS = re.compile(r"</?[A-Za-z]+>|^[A-Za-z]+>")
_MALFORMED_STATION = re.compile(r"^(\d{2})(?:EFTO|S?E?C?TION\d\d[OG]F\d\d)([A-Z]+\d+)$")


def wikileaks_classification(classification: str | None, caveats: Iterable[str]) -> str | None:
    """The classification as WikiLeaks prints it: contract classification + one folded caveat."""
    if classification is None:
        return None
    caveats = set(caveats)
    if classification == "UNCLASSIFIED" and caveats & set(FOUO_CAVEATS):
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    if classification in ("CONFIDENTIAL", "SECRET", "TOP SECRET") and "NOFORN" in caveats:
        return f"{classification}//NOFORN"
    return classification


def _clean_id(cable_id: str) -> str:
    match = _MALFORMED_STATION.match(cable_id)
    return match.group(1) + match.group(2) if match else cable_id


def compare_id(rec: dict[str, Any], gold: dict[str, Any]) -> bool | None:
    ours = rec.get("id")
    accepted = {gold["id"], _clean_id(gold["id"]), *(gold.get("id_alt") or [])}
    return ours in accepted


def compare_date(rec: dict[str, Any], gold: dict[str, Any]) -> bool | None:
    want = gold.get("dtg_utc")
    if not want:
        return None
    return (rec.get("date") or "")[:16] == want[:16]


def compare_classification(rec: dict[str, Any], gold: dict[str, Any]) -> bool | None:
    return wikileaks_classification(rec.get("classification"), rec.get("caveats") or []) == gold["classification"]


def compare_origin(rec: dict[str, Any], gold: dict[str, Any]) -> bool | None:
    return rec.get("origin") == gold["origin"]


def normalise_title(title: str | None) -> str:
    title = _HTML_DEBRIS.sub(" ", title or "")
    title = _WS.sub(" ", title).strip().upper()
    if title.endswith("..."):
        title = title[:-3].rstrip()
    return title.lstrip("(\"“'‘ ")


def compare_title(rec: dict[str, Any], gold: dict[str, Any]) -> bool | None:
    raw = (gold.get("title") or "").strip()
    want = normalise_title(raw)
    if not want:
        return None
    ours = normalise_title(rec.get("title"))
    if not ours:
        return False
    if raw.endswith("..."):
        # WikiLeaks cut the title: it is a prefix of ours, however short
        return ours.startswith(want)
    short, long_ = sorted((ours, want), key=len)
    if not long_.startswith(short):
        return False
    return len(short) >= MIN_TITLE_PREFIX or len(short) >= TITLE_MIN_SHARE * len(long_)


def compare_tags(rec: dict[str, Any], gold: dict[str, Any]) -> bool | None:
    """Equal sets; a gold code that is several of ours glued together (ETRDEINVECINPGOVCS, as
    printed) counts as those codes."""
    want = gold.get("tags_text")
    if want is None:
        return None
    ours = [t["code"] for t in rec.get("tags") or []]
    expanded: set[str] = set()
    for code in want:
        expanded.update(_unglued(code, ours))
    return set(ours) == expanded


def _unglued(code: str, ours: list[str]) -> list[str]:
    for i in range(len(ours)):
        joined = ""
        for j in range(i, len(ours)):
            joined += ours[j]
            if joined == code and j > i:
                return ours[i:j + 1]
            if len(joined) >= len(code):
                break
    return [code]


COMPARE: dict[str, Callable[[dict[str, Any], dict[str, Any]], bool | None]] = {
    "id": compare_id, "date": compare_date, "classification": compare_classification,
    "origin": compare_origin, "title": compare_title, "tags": compare_tags,
}


@dataclass
class Score:
    agree: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    scored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[dict[str, Any]] = field(default_factory=list)

    def rate(self, name: str) -> float:
        return self.agree[name] / self.scored[name] if self.scored[name] else 1.0

    def rates(self) -> dict[str, float]:
        return {name: self.rate(name) for name in FIELDS}


def _shown(rec: dict[str, Any], name: str) -> Any:
    if name == "classification":
        return wikileaks_classification(rec.get("classification"), rec.get("caveats") or [])
    if name == "tags":
        return sorted(t["code"] for t in rec.get("tags") or [])
    return rec.get(name)


def _gold_shown(gold: dict[str, Any], name: str) -> Any:
    return {"date": gold.get("dtg_utc"), "tags": sorted(gold.get("tags_text") or [])}.get(name, gold.get(name))


def score(records: dict[str, dict[str, Any]], gold: dict[str, dict[str, Any]]) -> Score:
    """Agreement of `records` (cable id → record dict) with `gold` (id → metadata row)."""
    out = Score()
    for cid, row in gold.items():
        rec = records.get(cid) or {}
        for name in FIELDS:
            verdict = COMPARE[name](rec, row)
            if verdict is None:
                continue
            out.scored[name] += 1
            if verdict:
                out.agree[name] += 1
            else:
                out.misses.append({"id": cid, "field": name, "ours": _shown(rec, name),
                                   "gold": _gold_shown(row, name)})
    return out


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip())
    return {row["id"]: row for row in rows}


def corpus_hash(folder: Path, names: Iterable[str], gold: Path | None = None) -> str:
    """sha256 over the gold file and the names and bytes of the scored cables, in name order."""
    digest = hashlib.sha256()
    if gold is not None:
        digest.update(gold.read_bytes())
    for name in sorted(names):
        digest.update(name.encode())
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def parse_folder(folder: Path, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Parse `<id>.txt` for every id with the cable parser, without extraction."""
    from legation.parse.cable import parse_cable
    from legation.parse.source import Source

    out: dict[str, dict[str, Any]] = {}
    for cid in ids:
        path = folder / f"{cid}.txt"
        if not path.exists():
            continue
        raw = path.read_bytes()
        source = Source(name=path.name, text=raw.decode("utf-8", errors="replace"),
                        sha256=hashlib.sha256(raw).hexdigest())
        out[cid] = parse_cable(source)[0].to_dict()
    return out
