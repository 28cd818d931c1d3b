"""The signer of a cable: the name after the last paragraph (`RUSSELL`, `RICE`, `VAN VOORST`), at
the end of the last line (`… cleared this cable. HOAGLAND`), a `SIGNED:` line, or in 1970s
printouts the name just before the closing `NNN`."""

from __future__ import annotations

import re

# Lines closing a printout after the signer: classification, `NNN`/`NNNN`, `BT`, `>`, page marks.
# (Lines are stripped before these patterns see them.)
CLOSING_LINE = re.compile(
    r"(?:N{3,4}|BT|>|#+|UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE|"
    r"C O N F I D E N T I A L|S E C R E T|SENSITIVE|SIPDIS|NOFORN|\*+|-+|_+|=+[A-Z ]*=+)?\.?")
# A signer's name: one to three capitalised words (`RUSSELL`, `VAN VOORST`, `MCDONALD`, `O'BRIEN`).
# Mixed-case texts sign with one capitalised word (`Beyrle`, `Susman`).
NAME = r"(?:[A-Z][A-Z'\-]+(?:[ \t]+[A-Z][A-Z'\-]+){0,2}|[A-Z][a-z]+(?:-?[A-Z][a-z]+)?)"
NAME_LINE = re.compile(rf"(?P<name>{NAME})\.?")
NAME_AFTER_SENTENCE = re.compile(
    rf"(?:[.!?\"”)*:\\]|XXXX|END (?:COMMENT|NOTE|SUMMARY)|End (?:[Cc]omment|[Nn]ote))[ \t]+(?P<name>{NAME})\.?$")
# Printing debris at line ends (a trailing backslash, a stray quote).
LINE_DEBRIS = " \t\\\""
SIGNED_LINE = re.compile(r"^[ \t]*SIGNED[ \t]*:?[ \t]*(?P<name>[^\n]{2,60}?)[ \t]*$", re.M | re.I)
# Words that close a cable's text without being a name.
NOT_NAMES = frozenset("""
END COMMENT SUMMARY NOTE BT NNN NNNN SIPDIS NOFORN UNCLASSIFIED CONFIDENTIAL SECRET SENSITIVE
EXDIS NODIS LIMDIS STADIS FOUO USG GOV GOI GOR GOK MFA OK AND THE FOR PASS TEXT BEGIN UNQUOTE
QUOTE COMMENT. TAGS REF REFTEL XXXXXXXXXXXX
""".split())
# How far back from the end of the text the signer may stand.
TAIL_LINES = 8


def parse_signer(text: str, start: int = 0) -> tuple[str | None, int | None, int | None]:
    """(name, start, end) of the signer in text[start:], or Nones."""
    lines = _tail_lines(text, start)
    for line_start, line in lines:
        signed = SIGNED_LINE.match(line)
        if signed:
            name = signed["name"].strip()
            s = line_start + signed.start("name")
            return name, s, s + len(name)
    for line_start, line in lines:
        indent = len(line) - len(line.lstrip())
        line_start += indent
        line = line.strip().rstrip(LINE_DEBRIS)
        if not line or CLOSING_LINE.fullmatch(line):
            continue
        match = NAME_LINE.fullmatch(line) or NAME_AFTER_SENTENCE.search(line)
        if not match:
            return None, None, None
        name, offset = match["name"], line_start + match.start("name")
        # `END COMMENT THORNE`: closing words before the name are not part of it.
        while name.split() and name.split()[0] in NOT_NAMES:
            first = name.split()[0]
            skip = name.index(first) + len(first)
            offset += skip + (len(name[skip:]) - len(name[skip:].lstrip()))
            name = name[skip:].lstrip()
        if name and _is_name(name):
            return name, offset, offset + len(name)
        return None, None, None
    return None, None, None


def _tail_lines(text: str, start: int) -> list[tuple[int, str]]:
    """The last lines of the text, last first, with their offsets."""
    out: list[tuple[int, str]] = []
    end = len(text)
    while end > start and len(out) < TAIL_LINES:
        nl = text.rfind("\n", start, end)
        line_start = nl + 1 if nl >= start else start
        out.append((line_start, text[line_start:end]))
        end = nl if nl >= start else start
    return out


def _is_name(name: str) -> bool:
    words = name.split()
    if any(w.rstrip(".,") in NOT_NAMES or set(w) == {"X"} for w in words):
        return False
    return all(len(w) >= 2 for w in words) and not any(ch.isdigit() for ch in name)
