"""Where a cable comes from: the FM line or class-line station → the post as WikiLeaks names it."""

from __future__ import annotations

import re
from functools import cache

from ...data import load_table

# Post kinds as printed on the FM line, and how the releases name them.
POST_KINDS = (
    (re.compile(r"^AMEMBASSY\s+"), "Embassy "),
    (re.compile(r"^AMCONSUL(?:ATE)?\s+"), "Consulate "),
)
# FM names that carry a route indicator or precedence by mistake.
FM_NOISE = re.compile(r"^R[A-Z]{3,6}\s*/\s*|\s+(?:PRIORITY|IMMEDIATE|ROUTINE|FLASH)\b.*$")


@cache
def _posts() -> dict[str, str]:
    return {row["name"]: row["post"] for row in load_table("posts.tsv")}


@cache
def route_names() -> dict[str, str]:
    return {row["route"]: row["name"] for row in load_table("routing.tsv")}


def clean_fm(fm: str | None) -> str | None:
    if not fm:
        return None
    fm = FM_NOISE.sub("", " ".join(fm.upper().split())).strip(" .,\\\"")
    return fm or None


def post_name(fm: str | None = None, station: str | None = None, route: str | None = None) -> str | None:
    """The post name for an FM line, else a class-line station, else a routing indicator."""
    posts = _posts()
    fm = clean_fm(fm)
    if fm:
        if fm in posts:
            return posts[fm]
        for pattern, kind in POST_KINDS:
            if pattern.match(fm):
                return kind + _title(pattern.sub("", fm))
    if station:
        key = "".join(station.upper().split())
        if key in posts:
            return posts[key]
    if route:
        name = route_names().get(route.upper())
        if name:
            return post_name(fm=name)
    return None


def _title(name: str) -> str:
    return " ".join(w.capitalize() for w in name.split())


# Letters OCR confuses, folded to one before an FM line is compared with known posts.
OCR_FOLD = str.maketrans({"D": "O", "0": "O", "Q": "O", "U": "J", "1": "I", "L": "I", "!": "I", "4": "B",
                          "6": "S", "5": "S", "8": "B", "Z": "C"})
_KINDS_BACK = (("Embassy ", "AMEMBASSY "), ("Consulate ", "AMCONSUL "))


@cache
def _folded_fm() -> dict[str, str]:
    """Folded FM name → FM name, for every post the tables know."""
    out: dict[str, str] = {}
    names = set(_posts()) | {"SECSTATE WASHDC"}
    for post in set(_posts().values()):
        for kind, printed in _KINDS_BACK:
            if post.startswith(kind):
                names.add(printed + post[len(kind):].upper())
    for name in names:
        if " " in name:
            out.setdefault(_fold(name), name)
    return out


def _fold(name: str) -> str:
    return re.sub(r"[^A-Z0-9!]", "", name.upper()).translate(OCR_FOLD)


def repair_fm(raw: str | None) -> tuple[str | None, bool]:
    """An FM line read by OCR ("AMEM4ASSY .REYKUAVIK") as the post it names, and whether it
    had to be repaired."""
    fm = clean_fm(raw)
    if fm is None:
        return None, False
    if fm in _posts() or post_name(fm) and _fold(fm) not in _folded_fm():
        return fm, False
    known = _folded_fm().get(_fold(fm))
    if known and known != fm:
        return known, True
    return fm, False
