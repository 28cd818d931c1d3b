"""extract: entities, time expressions and acronyms, filled into a parsed document.

The pipeline is an ordered list of components per profile; each is a function from Document to
Document. `fast` uses gazetteers, patterns and rules only; `full` adds a statistical model.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import UsageError
from ..record import Document

PROFILES = ("fast", "full")

Component = Callable[[Document], Document]


def components(profile: str) -> list[Component]:
    if profile not in PROFILES:
        raise UsageError(f"unknown profile {profile!r}; choose one of {', '.join(PROFILES)}")
    return []


def extract(doc: Document, profile: str = "fast") -> Document:
    for component in components(profile):
        doc = component(doc)
    return doc
