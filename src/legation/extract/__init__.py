"""extract: entities, time expressions and acronyms, filled into a parsed document.

The pipeline is an ordered list of components per profile; each is a function from Document to
Document. `fast` uses gazetteers, patterns and rules only; `full` adds a statistical model (spaCy's
small English model) for the open class of names no list holds. Components that can work on many
documents at once (the model) also offer `pipe(docs)`, which `extract_many` uses.

    gazetteer   known names and aliases (data/gazetteer/*.tsv)        → entities
    shapes      agreements and organisations by their shape           → entities
    money       amounts of money                                      → entities
    people      titles, appositions, office contacts, signers         → entities
    acronyms    definitions and glossary; uses of short forms         → acronyms, entities
    ner         (full only) spaCy NER in the gaps the rules left      → entities
    times       time expressions resolved against the document date   → times
    resolve     overlaps, surnames, ids and canonical names           → entities
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..errors import UsageError
from ..record import Document
from .acronyms import extract_acronyms
from .gazetteer import extract_gazetteer
from .money import extract_money
from .people import extract_people
from .resolve import resolve_entities
from .shapes import extract_shapes
from .times import extract_times

PROFILES = ("fast", "full")

Component = Callable[[Document], Document]

RULES: list[Component] = [extract_gazetteer, extract_shapes, extract_money, extract_people, extract_acronyms]
FINISH: list[Component] = [extract_times, resolve_entities]


def components(profile: str) -> list[Component]:
    if profile not in PROFILES:
        raise UsageError(f"unknown profile {profile!r}; choose one of {', '.join(PROFILES)}")
    if profile == "full":
        from .ner import model_component

        return [*RULES, model_component(), *FINISH]
    return [*RULES, *FINISH]


def extract(doc: Document, profile: str = "fast") -> Document:
    for component in components(profile):
        doc = component(doc)
    return doc


def extract_many(docs: Iterable[Document], profile: str = "fast") -> Iterator[Document]:
    """Like `extract` over many documents; the model sees them in batches (much faster in `full`).

    Components without a batch form run document by document, so the per-text caches (trigger
    words, folded text) serve every rule of one document in turn.
    """
    stages: list[list[Component]] = [[]]
    for component in components(profile):
        if hasattr(component, "pipe"):
            stages += [[component], []]
        else:
            stages[-1].append(component)
    batch = list(docs)
    for stage in stages:
        if len(stage) == 1 and hasattr(stage[0], "pipe"):
            batch = list(stage[0].pipe(batch))
            continue
        out = []
        for doc in batch:
            for component in stage:
                doc = component(doc)
            out.append(doc)
        batch = out
    yield from batch
