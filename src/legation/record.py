"""The document record of the JSON contract (docs/contract.md).

This is the only module that spells out the contract's field names. Every layer (parse, extract,
store, query, web) passes these dataclasses around; `to_dict()` gives the JSON shape and
`from_dict()` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

import orjson

SCHEMA_VERSION = 1

KINDS = ("cable", "article", "text")


@dataclass
class Paragraph:
    start: int
    end: int
    n: int | None = None
    marking: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "marking": self.marking, "start": self.start, "end": self.end}


@dataclass
class Mention:
    text: str
    label: str
    start: int
    end: int
    id: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "label": self.label, "start": self.start, "end": self.end,
                "id": self.id, "name": self.name}


@dataclass
class TimeSpan:
    text: str
    start: int
    end: int
    from_: str | None
    to: str | None
    granularity: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "from": self.from_,
                "to": self.to, "granularity": self.granularity}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeSpan:
        return cls(d["text"], d["start"], d["end"], d.get("from"), d.get("to"), d.get("granularity"))


@dataclass
class Acronym:
    short: str
    long: str

    def to_dict(self) -> dict[str, Any]:
        return {"short": self.short, "long": self.long}


@dataclass
class Link:
    """A hyperlink kept from the source (Markdown or HTML): surface text, offsets and target."""

    text: str
    start: int
    end: int
    target: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "target": self.target}


@dataclass
class Recipient:
    name: str
    route: str | None = None
    precedence: str | None = None
    mcn: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"route": self.route, "name": self.name, "precedence": self.precedence, "mcn": self.mcn}


@dataclass
class Tag:
    code: str
    meaning: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "meaning": self.meaning}


@dataclass
class Reference:
    text: str
    letter: str | None = None
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"letter": self.letter, "id": self.id, "text": self.text}


@dataclass
class Declassify:
    order: str | None = None
    date: str | None = None
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"order": self.order, "date": self.date, "reasons": list(self.reasons)}


@dataclass
class Sections:
    n: int
    of: int

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "of": self.of}


@dataclass
class CableFields:
    """Fields only a cable has (contract: "Cables")."""

    id: str | None = None
    precedence: str | None = None
    origin: str | None = None
    origin_raw: str | None = None
    to: list[Recipient] = field(default_factory=list)
    info: list[Recipient] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)
    classification: str | None = None
    caveats: list[str] = field(default_factory=list)
    declassify: Declassify | None = None
    tags: list[Tag] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    classified_by: str | None = None
    summary: str | None = None
    signed_by: str | None = None
    action_request: bool = False
    sections: Sections | None = None
    redactions: int = 0


@dataclass
class ArticleFields:
    """Fields only an article has (contract: "Articles")."""

    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    url: str | None = None
    captions: list[str] = field(default_factory=list)
    section: str | None = None


@dataclass
class Document:
    source: str
    sha256: str
    kind: str
    text: str
    title: str | None = None
    date: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)
    times: list[TimeSpan] = field(default_factory=list)
    acronyms: list[Acronym] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cable: CableFields | None = None
    article: ArticleFields | None = None

    def to_dict(self) -> dict[str, Any]:
        return self._as_dict(for_json=False)

    def to_json(self) -> bytes:
        """`to_dict()` as compact JSON. Mentions, acronyms and links are written by orjson straight
        from their dataclasses (JSON_AS_FIELDS), which spares a dict for each."""
        return orjson.dumps(self._as_dict(for_json=True))

    def _as_dict(self, for_json: bool) -> dict[str, Any]:
        """`to_dict()`; with `for_json`, lists of JSON_AS_FIELDS dataclasses are left as they are."""
        out: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "source": self.source,
            "sha256": self.sha256,
            "kind": self.kind,
        }
        if self.cable is not None:
            out["id"] = self.cable.id
        out["title"] = self.title
        out["date"] = self.date
        if self.cable is not None:
            out.update(_fields_to_dict(self.cable, skip=("id",)))
        if self.article is not None:
            out.update(_fields_to_dict(self.article))
        out["text"] = self.text
        out["paragraphs"] = [p.to_dict() for p in self.paragraphs]
        out["entities"] = self.entities if for_json else [m.to_dict() for m in self.entities]
        out["times"] = [t.to_dict() for t in self.times]
        out["acronyms"] = self.acronyms if for_json else [a.to_dict() for a in self.acronyms]
        out["links"] = self.links if for_json else [link.to_dict() for link in self.links]
        out["warnings"] = list(self.warnings)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        doc = cls(
            source=d["source"], sha256=d["sha256"], kind=d["kind"], text=d["text"],
            title=d.get("title"), date=d.get("date"),
            paragraphs=[Paragraph(p["start"], p["end"], p.get("n"), p.get("marking"))
                        for p in d.get("paragraphs", [])],
            entities=[Mention(**m) for m in d.get("entities", [])],
            times=[TimeSpan.from_dict(t) for t in d.get("times", [])],
            acronyms=[Acronym(**a) for a in d.get("acronyms", [])],
            links=[Link(**x) for x in d.get("links", [])],
            warnings=list(d.get("warnings", [])),
        )
        if d["kind"] == "cable":
            doc.cable = _cable_from_dict(d)
        elif d["kind"] == "article":
            doc.article = ArticleFields(
                outlet=d.get("outlet"), authors=list(d.get("authors") or []),
                dateline=d.get("dateline"), url=d.get("url"),
                captions=list(d.get("captions") or []), section=d.get("section"))
        return doc


# Dataclasses whose to_dict() is their own fields in their own order, under the same names (no key
# renamed, dropped or computed): orjson writes an instance of one exactly as its to_dict(), which
# tests/test_record.py holds for each. Paragraph, TimeSpan, Recipient and Reference reorder or rename.
JSON_AS_FIELDS = (Mention, Acronym, Link)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names in order (`fields()` filters the class's fields again at each call)."""
    return tuple(f.name for f in fields(cls))


def _fields_to_dict(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _field_names(type(obj)):
        if name in skip:
            continue
        value = getattr(obj, name)
        if isinstance(value, list):
            value = [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
        elif hasattr(value, "to_dict"):
            value = value.to_dict()
        out[name] = value
    return out


def _cable_from_dict(d: dict[str, Any]) -> CableFields:
    decl = d.get("declassify")
    sections = d.get("sections")
    return CableFields(
        id=d.get("id"), precedence=d.get("precedence"), origin=d.get("origin"),
        origin_raw=d.get("origin_raw"),
        to=[Recipient(**r) for r in d.get("to", [])],
        info=[Recipient(**r) for r in d.get("info", [])],
        offices=list(d.get("offices", [])),
        classification=d.get("classification"), caveats=list(d.get("caveats", [])),
        declassify=Declassify(**decl) if decl else None,
        tags=[Tag(**t) for t in d.get("tags", [])],
        references=[Reference(**r) for r in d.get("references", [])],
        classified_by=d.get("classified_by"), summary=d.get("summary"),
        signed_by=d.get("signed_by"), action_request=bool(d.get("action_request")),
        sections=Sections(**sections) if sections else None,
        redactions=int(d.get("redactions") or 0),
    )


def error_record(source: str, message: str) -> dict[str, str]:
    """The line a file that cannot be parsed yields instead of a document."""
    return {"source": source, "error": message}
