"""Agreements and organisations recognised by their shape, not by a list.

A head word (`Agreement`, `Treaty`, `Regime`…; `Ministry`, `Department`, `Government`…) grows left over
capitalised words ("Sea Launch Technology Safeguards Agreement", "Russian Foreign Ministry") and right
over a connector and a capitalised title ("Agreement for Cooperation in the Exploration and Use of
Space for Peaceful Purposes", "Department for Security and Disarmament Affairs"). In all-caps lines,
where every word is capitalised, common words stop the growth instead of lower-case letters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..record import Document, Mention
from .casing import case_map
from .triggers import find_triggers
from .words import COMMON_WORDS, FUNCTION_WORDS, MONTHS, WEEKDAYS

AGREEMENT_HEAD = re.compile(
    r"\b(?:Agreement|Treaty|Regime|Convention|Accords?|Protocol|Arrangement|Memorandum of Understanding"
    r"|Charter|Resolution \d{3,4})\b", re.I)
ORG_HEAD = re.compile(
    r"\b(?:Ministry|Department|Committee|Agency|Bureau|Council|Commission|Government|Directorate"
    r"|Institute|University|Academy|Party|Corporation|Parliament|Assembly|Court|Navy|Army|Air Force"
    r"|Police|Association|Federation|Administration|Authority)\b", re.I)
# Words that join the parts of a long title: "Agreement Concerning the Procedure for the Customs …".
RIGHT_OPENERS = frozenset("for of on concerning regarding between to in with".split())
RIGHT_OPENER = re.compile(r" (?:for|of|on|concerning|regarding|between|to|in|with|Concerning) ", re.I)
CONNECTORS = frozenset("of the and for on in within to between de".split())
# Left of the head only these join names ("Ministry of Foreign Affairs and Trade Agreement" is rare).
LEFT_CONNECTORS = frozenset("of and".split())
# In capitals "AND" mostly joins two names ("MINISTRY OF JUSTICE AND UNITED STATES DEPARTMENT …").
CAPS_LEFT_CONNECTORS = frozenset({"OF"})
# In capitals one word before a head is too often a verb or adjective ("REACH AGREEMENT").
MIN_CAPS_LEFT_WORDS = 2
TOKEN = re.compile(r"[A-Za-z0-9][\w'’.\-/]*\w|[A-Za-z0-9]|[^\w\s]")
# Growth limits: names longer than this are runs of capitalised words, not names.
MAX_LEFT_TOKENS = 8
MAX_RIGHT_TOKENS = 32
LEFT_WINDOW_CHARS = 90
RIGHT_WINDOW_CHARS = 320
NOT_NAME = frozenset(MONTHS) | frozenset(WEEKDAYS) | {"ref", "refs", "para", "subject", "see"}
# A bare head ("the Agreement", "Government") is a common noun, not a name.
GENERIC_LEFT = frozenset("draft final new old joint bilateral the this that such any".split())


def _is_name_word(word: str, caps: bool) -> bool:
    lower = word.lower()
    if lower in NOT_NAME or lower in FUNCTION_WORDS:
        return False
    if caps:
        return word[0].isalpha() and lower not in COMMON_WORDS and "/" not in word
    return word[0].isupper() or (word[0].isdigit() and len(word) <= 4)


def _tokens_backwards(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """The tokens of text[start:end], last first, read one space-delimited piece at a time: tokens
    never hold white space, so a piece tokenises alone as it does within the whole range, and the
    growth, which mostly stops after a word or two, reads no further back than it needs."""
    while end > start:
        space = text.rfind(" ", start, end)
        piece = space + 1 if space >= 0 else start
        yield from reversed([(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, piece, end)])
        end = max(space, start)


def grow_left(text: str, pos: int, caps: bool) -> int:
    window = max(0, pos - LEFT_WINDOW_CHARS)
    if pos < 2 or text[pos - 1] != " ":  # no word just before the head
        return pos
    start = pos
    pending = None
    taken = 0
    for s, e, word in _tokens_backwards(text, window, pos):
        if text[e:start if pending is None else pending] != " ":
            break
        if _is_name_word(word, caps) and taken < MAX_LEFT_TOKENS:
            start, pending, taken = s, None, taken + 1
        elif (word in LEFT_CONNECTORS or (caps and word in CAPS_LEFT_CONNECTORS)) and pending is None \
                and start != pos:
            pending = s
        else:
            break
    return start


def grow_right(text: str, pos: int, caps: bool) -> int:
    if RIGHT_OPENER.match(text, pos) is None:
        return pos
    end = pos
    last = pos
    opened = ""
    previous = ""
    joined = False
    for count, token in enumerate(TOKEN.finditer(text, pos, min(len(text), pos + RIGHT_WINDOW_CHARS))):
        s, e, word = token.start(), token.end(), token.group()
        if text[last:s] != " " or count >= MAX_RIGHT_TOKENS:
            break
        lower = word.lower()
        if not opened:
            if lower not in RIGHT_OPENERS or (not caps and word != lower and lower != "concerning"):
                break
            opened = lower
        elif caps and lower == "and" and (opened != "between" or joined):
            break
        elif lower == "and":
            joined = True
        elif _is_name_word(word, caps) and not word[0].isdigit():  # "Accords in 2020" is not a name
            end = e
        elif not (lower in CONNECTORS and (caps or word == lower)) or (lower == "the" and previous == "and"):
            # "… of Russia and the Baikonur Cosmodrome" joins two names; "Exploration and Use" is one
            break
        previous = lower
        last = e
    return end


def find_shapes(text: str) -> list[Mention]:
    cases = case_map(text)
    out = []
    triggers = find_triggers(text)
    for label, head, kind in (("AGREEMENT", AGREEMENT_HEAD, "agreement"), ("ORG", ORG_HEAD, "org")):
        for trigger_start, _ in triggers.get(kind, ()):
            if not text[trigger_start].isupper():  # a name's head is capitalised
                continue
            match = head.match(text, trigger_start)
            if match is None:
                continue
            word = match.group()
            caps = cases.caps_at(match.start())
            if not (word[0].isupper() and (caps or not word.isupper())):
                continue
            start = grow_left(text, match.start(), caps)
            end = grow_right(text, match.end(), caps)
            if start == match.start() and end == match.end():
                continue
            left_words = text[start:match.start()].split()
            if end == match.end() and all(w.lower() in GENERIC_LEFT for w in left_words):
                continue
            if caps and end == match.end() and len(left_words) < MIN_CAPS_LEFT_WORDS:
                continue
            out.append(Mention(text[start:end], label, start, end))
    return out


def extract_shapes(doc: Document) -> Document:
    doc.entities.extend(find_shapes(doc.text))
    return doc
