"""The search query language: words, "phrases", AND/OR/NOT, prefix*, parentheses and field filters.

    baikonur "launch pad" -zenit            words and phrases; all must match
    (sea OR space) AND launch NOT proton    boolean operators (upper case), parentheses
    safeguard*                              prefix
    kind:cable tag:TSPA origin:Moscow to:"SECSTATE" class:secret caveat:NOFORN
    date:2007..2008  date:2007-07  date:..2008  date:2007..
    entity:"Baikonur"  ref:07STATE87399  id:07MOSCOW3736  title:launch
    07MOSCOW3736                            a lone cable id finds that cable first

`parse_query` builds a small tree; `fts_expression` turns its text part into an FTS5 expression in
which every user word sits inside a quoted string, so no user text is ever read as FTS5 syntax.
Malformed queries raise QueryError with a message that says what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import LegationError
from ..record import KINDS


class QueryError(LegationError):
    """A search query that cannot be understood (the message says where and why)."""

    code = "L300"


# Longer queries are refused: nobody types them, and each term costs an FTS5 lookup.
MAX_QUERY_CHARS = 2000
# Terms after expansion (acronyms add a few): bounds the FTS5 expression a query can build.
MAX_TERMS = 64
# Parentheses deeper than this are refused (the parser is recursive).
MAX_DEPTH = 16

FILTER_FIELDS = ("kind", "tag", "origin", "to", "class", "caveat", "date", "entity", "ref", "id", "title")
OPERATORS = ("AND", "OR", "NOT")
CABLE_ID = re.compile(r"^\d{2}[A-Z][A-Z_-]*\d+$")
# `class:` values as people type them → the contract's classification.
CLASSIFICATIONS = {
    "u": "UNCLASSIFIED", "unclas": "UNCLASSIFIED", "unclassified": "UNCLASSIFIED",
    "lou": "LIMITED OFFICIAL USE", "limited": "LIMITED OFFICIAL USE",
    "limited official use": "LIMITED OFFICIAL USE",
    "c": "CONFIDENTIAL", "confidential": "CONFIDENTIAL",
    "s": "SECRET", "secret": "SECRET",
    "ts": "TOP SECRET", "top secret": "TOP SECRET", "topsecret": "TOP SECRET",
}
DATE_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# Tokens: a quoted phrase, a field filter (value quoted or bare), a parenthesis, or a bare word.
TOKEN = re.compile(r'''
    (?P<ws>\s+)
  | (?P<filter>(?P<field>[A-Za-z]+):(?:"(?P<fquoted>[^"]*)"|(?P<fbare>[^\s()"]*)))
  | "(?P<phrase>[^"]*)"(?P<pstar>\*)?
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<word>[^\s()"]+)
''', re.X)
# What FTS5's unicode61 tokenizer keeps: letters and digits (anything else separates tokens).
WORD_CHARS = re.compile(r"\w", re.U)
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Term:
    word: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    words: str


@dataclass(frozen=True)
class Filter:
    field: str
    value: str


@dataclass(frozen=True)
class DateRange:
    low: str | None
    high: str | None


@dataclass(frozen=True)
class And:
    items: tuple


@dataclass(frozen=True)
class Or:
    items: tuple


@dataclass(frozen=True)
class Not:
    item: object


Node = Term | Phrase | Filter | DateRange | And | Or | Not


@dataclass(frozen=True)
class Query:
    text: str
    tree: Node
    cable_id: str | None = None


def parse_query(text: str) -> Query:
    """The tree of a query string; raises QueryError when it is malformed."""
    if text is None:
        raise QueryError("empty query: type words, \"a phrase\" or a filter such as kind:cable")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long ({len(text):,} characters; the limit is {MAX_QUERY_CHARS:,})")
    clean = CONTROL_CHARS.sub(" ", text).strip()
    if not clean:
        raise QueryError("empty query: type words, \"a phrase\" or a filter such as kind:cable")
    tokens = _tokenise(clean)
    parser = _Parser(tokens)
    tree = parser.parse()
    if _count_terms(tree) > MAX_TERMS:
        raise QueryError(f"too many terms (the limit is {MAX_TERMS})")
    upper = clean.upper()
    cable_id = upper if CABLE_ID.match(upper) else None
    return Query(text=clean, tree=tree, cable_id=cable_id)


def _tokenise(text: str) -> list[tuple[str, object, int]]:
    tokens: list[tuple[str, object, int]] = []
    pos = 0
    while pos < len(text):
        match = TOKEN.match(text, pos)
        if match is None:  # only an unbalanced quote is left
            raise QueryError(f"unbalanced quote at character {pos + 1}: close the phrase with \"")
        pos = match.end()
        kind = match.lastgroup
        if kind == "ws":
            continue
        if match.group("filter"):
            field = match.group("field").lower()
            value = match.group("fquoted") if match.group("fquoted") is not None else match.group("fbare")
            if field not in FILTER_FIELDS:
                raise QueryError(f"unknown filter {field}: (use one of "
                                 f"{', '.join(f + ':' for f in FILTER_FIELDS)})")
            tokens.append(("filter", _filter(field, (value or "").strip()), match.start()))
        elif match.group("phrase") is not None:
            tokens.append(("phrase", (match.group("phrase"), bool(match.group("pstar"))), match.start()))
        elif kind in ("lparen", "rparen"):
            tokens.append((kind, None, match.start()))
        else:
            word = match.group("word")
            if '"' in word:
                raise QueryError(f"unbalanced quote at character {match.start() + 1}")
            tokens.append(("op" if word in OPERATORS else "word", word, match.start()))
    return tokens


def _filter(field: str, value: str) -> Filter | DateRange:
    if not value:
        raise QueryError(f"{field}: needs a value, e.g. {_EXAMPLES[field]}")
    if field == "date":
        return parse_date_range(value)
    if field == "kind":
        if value.lower() not in KINDS:
            raise QueryError(f"kind:{value} is not a kind; use kind:cable, kind:article or kind:text")
        return Filter(field, value.lower())
    if field == "class":
        key = " ".join(value.lower().replace("_", " ").split())
        if key not in CLASSIFICATIONS:
            raise QueryError(f"class:{value} is not a classification; use unclassified, confidential,"
                             " secret, top secret (or u, c, s, ts)")
        return Filter(field, CLASSIFICATIONS[key])
    if field in ("tag", "caveat", "ref", "id"):
        return Filter(field, "".join(value.split()).upper())
    if field == "title" and not WORD_CHARS.search(value):
        raise QueryError(f"title:{value} has no word to look for")
    return Filter(field, value)


_EXAMPLES = {"kind": "kind:cable", "tag": "tag:TSPA", "origin": "origin:Moscow", "to": "to:SECSTATE",
             "class": "class:secret", "caveat": "caveat:NOFORN", "date": "date:2007..2008",
             "entity": 'entity:"Baikonur"', "ref": "ref:07STATE87399", "id": "id:07MOSCOW3736",
             "title": "title:launch"}


def parse_date_range(value: str) -> DateRange:
    """`2007..2008`, `2007-07`, `..2008`, `2007..` → inclusive ISO prefixes; QueryError when malformed."""
    if ".." in value:
        low, _, high = value.partition("..")
    else:
        low = high = value
    low, high = low.strip() or None, high.strip() or None
    if low is None and high is None:
        raise QueryError("date: needs at least one end, e.g. date:2007..2008 or date:..2008")
    for part in (low, high):
        if part is not None and not _valid_date(part):
            raise QueryError(f"date:{value}: {part!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    if low and high and low > high[:len(low)] and low[:len(high)] > high:
        raise QueryError(f"date:{value}: the range ends before it starts")
    return DateRange(low, high)


def _valid_date(part: str) -> bool:
    match = DATE_PART.match(part)
    if not match:
        return False
    month, day = match.group(2), match.group(3)
    if month and not 1 <= int(month) <= 12:
        return False
    return not (day and not 1 <= int(day) <= 31)


class _Parser:
    """query := or ; or := and (OR and)* ; and := unary (AND? unary)* ; unary := NOT unary | primary."""

    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    def parse(self) -> Node:
        if not self.tokens:
            raise QueryError("empty query: type words, \"a phrase\" or a filter such as kind:cable")
        node = self._or()
        if self.pos < len(self.tokens):
            kind, value, at = self.tokens[self.pos]
            if kind == "rparen":
                raise QueryError(f"unbalanced ) at character {at + 1}")
            raise QueryError(f"unexpected {value!r} at character {at + 1}")
        if node is None:
            raise QueryError("nothing to search for: the query has no word, phrase or filter")
        _check_positive(node)
        return node

    def _peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else (None, None, None)

    def _or(self) -> Node | None:
        items = [self._and()]
        while self._peek()[:2] == ("op", "OR"):
            at = self._peek()[2]
            self.pos += 1
            item = self._and()
            if item is None or items[-1] is None:
                raise QueryError(f"OR at character {at + 1} needs something on both sides")
            items.append(item)
        if len(items) == 1:
            return items[0]
        return Or(tuple(items))

    def _and(self) -> Node | None:
        items: list[Node] = []
        while True:
            kind, value, at = self._peek()
            if kind is None or kind == "rparen" or (kind, value) == ("op", "OR"):
                break
            if (kind, value) == ("op", "AND"):
                self.pos += 1
                if not items or self._peek()[0] in (None, "rparen") or self._peek()[:2] == ("op", "OR"):
                    raise QueryError(f"AND at character {at + 1} needs something on both sides")
                continue
            item = self._unary()
            if item is not None:
                items.append(item)
        if not items:
            return None
        return items[0] if len(items) == 1 else And(tuple(items))

    def _unary(self) -> Node | None:
        kind, value, at = self._peek()
        if (kind, value) == ("op", "NOT"):
            self.pos += 1
            item = self._unary()
            if item is None:
                raise QueryError(f"NOT at character {at + 1} needs something after it")
            return Not(item)
        return self._primary()

    def _primary(self) -> Node | None:
        kind, value, at = self._peek()
        self.pos += 1
        if kind == "lparen":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QueryError(f"parentheses nested deeper than {MAX_DEPTH}")
            node = self._or()
            if self._peek()[0] != "rparen":
                raise QueryError(f"unbalanced ( at character {at + 1}: close it with )")
            self.pos += 1
            self.depth -= 1
            return node
        if kind == "filter":
            return value
        if kind == "phrase":
            words, star = value
            if not WORD_CHARS.search(words):
                return None
            return Term(words, prefix=True) if star and " " not in words.strip() else Phrase(words)
        if kind == "word":
            return _word(value, at)
        return None  # end of the query: the caller says what was missing


def _word(word: str, at: int) -> Node | None:
    negate = word.startswith("-") and len(word) > 1
    if negate:
        word = word[1:]
    prefix = word.endswith("*")
    core = word.rstrip("*")
    if not WORD_CHARS.search(core):
        if prefix:
            raise QueryError(f"* at character {at + 1} must follow a word (e.g. safeguard*)")
        return None  # punctuation on its own: nothing to look for
    node: Node = Term(core, prefix=prefix)
    return Not(node) if negate else node


def _check_positive(node: Node) -> None:
    """A query made only of exclusions would list the whole store: ask for something to find."""
    if isinstance(node, Not):
        inner = node.item
        if isinstance(inner, Term | Phrase) or (isinstance(inner, And | Or) and is_text(inner)):
            raise QueryError("a query cannot only exclude words: add something to find (e.g. kind:cable -zenit)")


def _count_terms(node: Node) -> int:
    if isinstance(node, And | Or):
        return sum(_count_terms(i) for i in node.items)
    if isinstance(node, Not):
        return _count_terms(node.item)
    return 1


def is_text(node: Node) -> bool:
    """True when the node can be answered by FTS5 alone (words, phrases, title:, boolean of those)."""
    if isinstance(node, Term | Phrase):
        return True
    if isinstance(node, Filter):
        return node.field == "title"
    if isinstance(node, Or):
        return all(is_text(i) for i in node.items)
    if isinstance(node, And):
        positive = [i for i in node.items if not isinstance(i, Not)]
        negative = [i.item for i in node.items if isinstance(i, Not)]
        return bool(positive) and all(is_text(i) for i in positive + negative)
    return False


def quote(text: str) -> str:
    """An FTS5 string: the text inside double quotes, quotes doubled (FTS5 tokenizes it, no operators)."""
    return '"' + text.replace('"', '""') + '"'


def fts_expression(node: Node) -> str:
    """The FTS5 MATCH expression of a text node (is_text(node) must be True)."""
    if isinstance(node, Term):
        return quote(node.word) + (" *" if node.prefix else "")
    if isinstance(node, Phrase):
        return quote(node.words)
    if isinstance(node, Filter):  # title:
        return "title : " + quote(node.value)
    if isinstance(node, Or):
        return "(" + " OR ".join(fts_expression(i) for i in node.items) + ")"
    if isinstance(node, And):
        positive = [fts_expression(i) for i in node.items if not isinstance(i, Not)]
        negative = [fts_expression(i.item) for i in node.items if isinstance(i, Not)]
        out = "(" + " AND ".join(positive) + ")"
        for neg in negative:
            out = f"{out} NOT ({neg})"
        return out
    raise TypeError(f"not a text node: {node!r}")


def expand(node: Node, lookup) -> Node:
    """Replace each acronym-looking term by (TERM OR "long form" …) with the long forms lookup() knows."""
    if isinstance(node, Term) and not node.prefix and is_acronym(node.word):
        longs = lookup(node.word)
        if longs:
            return Or((node, *(Phrase(long) for long in longs)))
        return node
    if isinstance(node, And):
        return And(tuple(expand(i, lookup) for i in node.items))
    if isinstance(node, Or):
        return Or(tuple(expand(i, lookup) for i in node.items))
    if isinstance(node, Not):
        return Not(expand(node.item, lookup))
    return node


ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")


def is_acronym(word: str) -> bool:
    return bool(ACRONYM.match(word)) and any(c.isalpha() for c in word[1:])


def highlight_terms(node: Node) -> list[tuple[str, bool]]:
    """The positive words and phrases of a query as (text, prefix), for snippets and highlights."""
    if isinstance(node, Term):
        return [(node.word, node.prefix)]
    if isinstance(node, Phrase):
        return [(node.words, False)]
    if isinstance(node, Filter) and node.field == "title":
        return [(node.value, False)]
    if isinstance(node, And | Or):
        return [t for i in node.items for t in highlight_terms(i)]
    return []
