"""Amounts of money: `$115 million`, `\\$115 million` (Markdown-escaped), `115 million dollars`,
`USD 5 billion`, `2 billion roubles`, `KZT 300 million`, `EUR 40 million`, `€5bn`.

"Pounds" alone is left out: in NASA news it is nearly always a weight ("4,100 pounds"); `£` and
"pounds sterling" still count."""

from __future__ import annotations

import re

from ..record import Document, Mention
from .triggers import find_triggers

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
MAGNITUDE = r"(?:thousand|million|billion|trillion|mln|bln|bn|mn|m|k)\b"
SYMBOL = r"(?:US\s?\\?\$|\\?\$|€|£|¥)"
CODE = r"(?:USD|EUR|RUB|RUR|KZT|GBP|JPY|CNY|UAH|INR|IRR|CHF)"
CURRENCY_WORD = (r"(?:(?:US|U\.S\.|American|Canadian|Australian|Hong Kong)\s+dollars?|dollars?|roubles?|rubles?"
                 r"|tenge|euros?|pounds\s+sterling|yuan|renminbi|yen|hryvnias?|manats?|soms?|rupees?|rials?"
                 r"|won|dinars?|lira|francs?|somoni|lari|drams?)\b")

MONEY = re.compile(
    rf"(?:{SYMBOL}\s?(?:{NUMBER})(?:\s?{MAGNITUDE})?"
    rf"|\b{CODE}\s?(?:{NUMBER})(?:\s?{MAGNITUDE})?"
    rf"|\b(?:{NUMBER})(?:\s?{MAGNITUDE})?\s?(?:{CURRENCY_WORD}|{CODE}\b))",
    re.I)


SYMBOLS = "$€£¥"
NUMBER_BEFORE = re.compile(rf"(?:{NUMBER})(?:\s?{MAGNITUDE})?\s?$", re.I)
# "US$" and "US \$" put up to three characters before the symbol.
SYMBOL_LEAD = 3


def symbol_offsets(text: str) -> list[int]:
    """Offsets of the currency symbols, in text order (str.find for each costs less than one regex scan)."""
    out = []
    for symbol in SYMBOLS:
        at = text.find(symbol)
        while at >= 0:
            out.append(at)
            at = text.find(symbol, at + 1)
    out.sort()
    return out


def _matches(text: str):
    for at in symbol_offsets(text):
        for start in range(max(0, at - SYMBOL_LEAD), at + 1):
            match = MONEY.match(text, start)
            if match is not None and match.end() > at:
                yield match
                break
    for start, _end in find_triggers(text).get("currency", ()):
        match = MONEY.match(text, start)
        if match is not None:
            yield match
            continue
        before = NUMBER_BEFORE.search(text, max(0, start - 40), start)
        if before is not None:
            match = MONEY.match(text, before.start())
            if match is not None:
                yield match


def find_money(text: str) -> list[Mention]:
    out = []
    seen: set[int] = set()
    for match in _matches(text):
        if match.start() in seen or match.start() + 1 in seen:
            continue
        seen.add(match.start())
        surface = match.group()
        if not any(c.isdigit() for c in surface):
            continue
        start = match.start()
        if surface.startswith("\\"):
            start += 1
        out.append(Mention(text[start:match.end()], "MONEY", start, match.end()))
    return out


def extract_money(doc: Document) -> Document:
    doc.entities.extend(find_money(doc.text))
    return doc
