"""Trigger words: one Aho-Corasick pass finds every word that can open a pattern.

Scanning a whole text with dozens of case-insensitive regexes costs a second per megabyte; the rules
instead try their regexes only where a trigger word stands (a month name, a title, a currency, a head
word such as "Agreement"), anchored there. Triggers are found in the shared keyword pass over the
folded text (keywords.py: lower case, punctuation as spaces), so they match at word boundaries in any
letter case.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..data import load_table
from .keywords import ascii_bytes, fold, scan
from .words import COMMON_WORDS

TIME_TRIGGERS = {
    "month": "january february march april may june july august september october november december"
             " jan feb mar apr jun jul aug sep sept oct nov dec",
    "weekday": "monday tuesday wednesday thursday friday saturday sunday",
    "relative": "today yesterday tomorrow tonight last next this past previous coming current earlier later",
    "season": "spring summer autumn fall winter",
    "part": "early mid late",
    "boundary": "end beginning start middle",
    "quarter": "first second third fourth 1st 2nd 3rd 4th",
    "ago": "ago",
}
AGREEMENT_HEADS = "agreement treaty regime convention accord accords protocol arrangement memorandum charter resolution"
ORG_HEADS = ("ministry department committee agency bureau council commission government directorate institute"
             " university academy party corporation parliament assembly court navy army air police association"
             " federation administration authority")
CURRENCIES = ("dollar dollars rouble roubles ruble rubles tenge euro euros pound pounds yuan renminbi yen hryvnia"
              " hryvnias manat manats som soms rupee rupees rial rials won dinar dinars lira franc francs somoni"
              " lari dram drams usd eur rub rur kzt gbp jpy cny uah inr irr chf")
TITLE_FIRST_WORDS = ("prime deputy first foreign defense defence interior finance minister president vice secretary"
                     " under undersecretary assistant ambassador amb charge chargé consul director head chairman"
                     " chairwoman chair chief commander general gen lieutenant lt major maj admiral adm colonel col"
                     " captain capt senator sen congressman congresswoman representative rep governor gov mayor"
                     " speaker premier chancellor king queen prince princess sheikh emir sultan pope patriarch"
                     " cardinal archbishop bishop ayatollah imam rabbi judge justice prosecutor professor prof dr"
                     " mr mrs ms spokesman spokeswoman spokesperson administrator astronaut cosmonaut commissioner"
                     " envoy special counselor counsellor attache advisor adviser ceo officer dcm")
LOWER_TITLE_WORDS = ("chief head spokesman spokeswoman spokesperson minister director ambassador president"
                     " secretary leader envoy commander adviser advisor official chairman governor mayor premier"
                     " deputy founder analyst expert lawyer professor researcher scientist astronaut cosmonaut")
NUMBER_RUN = re.compile(r"\d+")
# Digit runs are found with bytes.find over a copy in which ASCII digits are "0" and all else a space
# (a regex scan of a whole text costs ~25 ns a character); digits of other scripts take the regex.
_DIGIT_MARKS = bytes(48 if 48 <= c <= 57 else 32 for c in range(256))
# Two-letter "given names" (De, Li, Hu) are mostly particles or routing codes ("DE RUEHMO").
MIN_GIVEN_NAME_CHARS = 2


def trigger_keys() -> dict[str, tuple[str, ...]]:
    """Padded folded key → the kinds of trigger its word is."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for kind, words in TIME_TRIGGERS.items():
        for word in words.split():
            kinds[word].add(kind)
    for word in AGREEMENT_HEADS.split():
        kinds[word].add("agreement")
    for word in ORG_HEADS.split():
        kinds[word].add("org")
    for word in CURRENCIES.split():
        kinds[word].add("currency")
    for word in TITLE_FIRST_WORDS.split():
        kinds[fold(word).strip()].add("title")
    for word in LOWER_TITLE_WORDS.split():
        kinds[word].add("title")
    not_given = COMMON_WORDS | set(TITLE_FIRST_WORDS.split()) | set(LOWER_TITLE_WORDS.split())
    for table in ("gazetteer/given_names.tsv", "gazetteer/given_names_extra.tsv"):
        for row in load_table(table):
            word = fold(row["name"]).strip()
            if word not in not_given and len(word) > MIN_GIVEN_NAME_CHARS:
                kinds[word].add("given")
    return {" " + word + " ": tuple(sorted(word_kinds)) for word, word_kinds in kinds.items()}


def digit_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every run of decimal digits, in text order, as NUMBER_RUN finds them."""
    raw = ascii_bytes(text)
    at = raw.find(b"?")
    while at >= 0:
        if text[at].isdecimal():  # a digit of another script
            return [match.span() for match in NUMBER_RUN.finditer(text)]
        at = raw.find(b"?", at + 1)
    marks = raw.translate(_DIGIT_MARKS)
    out = []
    at = marks.find(b"0")
    while at >= 0:
        end = marks.find(b" ", at)
        if end < 0:
            end = len(marks)
        out.append((at, end))
        at = marks.find(b"0", end)
    return out


@lru_cache(maxsize=4)
def find_triggers(text: str) -> dict[str, list[tuple[int, int]]]:
    """Kind → [(start, end)] of trigger words, in text order; "number" holds the digit runs."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for kind, spans in scan(text).triggers.items():
        out[kind] = sorted(spans)
    numbers = digit_runs(text)
    if numbers:
        out["number"] = numbers
    return out
