"""Agreements and organisations recognised by their shape, not by a list.

A head word (`Agreement`, `Treaty`, `Regime`…; `Ministry`, `Department`, `Government`…) grows left over
capitalised words ("Sea Launch Technology Safeguards Agreement", "Russian Foreign Ministry") and right
over a connector and a capitalised title ("Agreement for Cooperation in the Exploration and Use of
Space for Peaceful Purposes", "Department for Security and Disarmament Affairs"). In all-caps lines,
where every word is capitalised, common words stop the growth instead of lower-case letters.
"""

from __future__ import annotations

import re

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


def _last_token(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The start and text of the last token of text[start:end], if it ends at `end`."""
    last = None
    for token in TOKEN.finditer(text, start, end):
        last = token
    if last is None or last.end() != end:
        return None
    return last.start(), last.group()


def grow_left(text: str, pos: int, caps: bool) -> int:
    """The start of the name whose head starts at `pos`: name words and connectors, one space apart,
    grow it leftwards.

    The text is read back one space-delimited piece at a time (the growth mostly stops after a word
    or two). A piece of ASCII letters and digits is one token; another piece is tokenised, and only
    its last token can join, as the tokens before it are not a space apart from it."""
    if pos < 2 or text[pos - 1] != " ":  # no word just before the head
        return pos
    window = max(0, pos - LEFT_WINDOW_CHARS)
    start = pos
    pending = None  # a connector's start, kept once a name word stands before it
    taken = 0
    end = pos - 1  # the space after the piece to read
    while end > window:
        space = text.rfind(" ", window, end)
        piece = space + 1 if space >= 0 else window
        word = text[piece:end]
        at = piece
        if not (word.isascii() and word.isalnum()):
            token = _last_token(text, piece, end)
            if token is None:
                break
            at, word = token
        if _is_name_word(word, caps) and taken < MAX_LEFT_TOKENS:
            start, pending, taken = at, None, taken + 1
        elif (word in LEFT_CONNECTORS or (caps and word in CAPS_LEFT_CONNECTORS)) and pending is None \
                and start != pos:
            pending = at
        else:
            break
        if at != piece or space < 0:
            break
        end = space
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
            head_start, head_end = match.span()
            word = match.group()
            caps = cases.caps_at(head_start)
            if not (word[0].isupper() and (caps or not word.isupper())):
                continue
            start = grow_left(text, head_start, caps)
            end = grow_right(text, head_end, caps)
            if end == head_end and not _names_head(text[start:head_start], caps):
                continue
            out.append(Mention(text[start:end], label, start, end))
    return out


def _names_head(left: str, caps: bool) -> bool:
    """Whether the words grown left of a head, with none to its right, make it a name."""
    words = left.split()
    if all(w.lower() in GENERIC_LEFT for w in words):  # (also when nothing grew)
        return False
    return not caps or len(words) >= MIN_CAPS_LEFT_WORDS


def extract_shapes(doc: Document) -> Document:
    doc.entities.extend(find_shapes(doc.text))
    return doc
