"""The format registry: each format knows how to recognise its text and how to parse it.

A format is a `Format(name, detect, parse)`: `detect(source)` scores how sure it is (0 to 1) that
the text is its kind; `parse(source)` returns the documents in it (one for most formats, several
for a page of many news items). Built-in formats are listed in BUILTIN and imported lazily so
that `import legation` stays light.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from ..errors import UsageError
from ..record import Document
from .source import Source


@dataclass(frozen=True)
class Format:
    name: str
    detect: Callable[[Source], float]
    parse: Callable[[Source], list[Document]]
    # Lower runs first when two formats score the same.
    priority: int = 50


# module:attribute of each built-in Format, in order of precedence on a tie.
BUILTIN = (
    "legation.parse.cable:FORMAT",
    "legation.parse.digest:FORMAT",
    "legation.parse.article:FORMAT",
    "legation.parse.plain:FORMAT",
)

# The formats a user can force with --format; "auto" detects.
CHOICES = ("auto", "cable", "article", "digest", "text")

_formats: dict[str, Format] | None = None


def formats() -> dict[str, Format]:
    global _formats
    if _formats is None:
        loaded: dict[str, Format] = {}
        for spec in BUILTIN:
            module, attr = spec.split(":")
            fmt = getattr(import_module(module), attr)
            loaded[fmt.name] = fmt
        _formats = loaded
    return _formats


def register(fmt: Format) -> None:
    """Add a format (a plug-in); it takes part in detection from now on."""
    formats()[fmt.name] = fmt


# Below this score nothing specific was recognised and the source is plain text.
MIN_CONFIDENCE = 0.5
# The highest score a detector returns: a format this sure cannot be outscored, so detection stops.
CERTAIN = 1.0


def check_format(format: str) -> None:
    """A format name the user gave: "auto" or a known format (raises UsageError)."""
    if format not in CHOICES:
        raise UsageError(f"unknown format {format!r}; choose one of {', '.join(CHOICES)}")


def choose(source: Source, forced: str = "auto") -> Format:
    table = formats()
    if forced != "auto":
        check_format(forced)
        return table[forced]
    best, best_score = table["text"], MIN_CONFIDENCE
    for fmt in _by_priority(table):
        if fmt.name == "text":
            continue
        score = fmt.detect(source)
        if score > best_score:
            best, best_score = fmt, score
            if best_score >= CERTAIN:
                break  # a later format must score higher to win, and none can
    return best


_order: tuple[tuple[Format, ...], tuple[Format, ...]] | None = None


def _by_priority(table: dict[str, Format]) -> tuple[Format, ...]:
    """The formats in detection order, sorted once per set of registered formats."""
    global _order
    current = tuple(table.values())
    if _order is None or _order[0] != current:
        _order = (current, tuple(sorted(current, key=lambda f: f.priority)))
    return _order[1]
