"""Whether the sentence around a time expression speaks of the future ("will", "planned", "next").

Month names and weekdays without a year point forward in such a sentence ("would be on vacation from
August 20") and back otherwise. The sentence is the text between the nearest sentence ends (at most
300 characters each way); the cue words are found with a small Aho-Corasick automaton and confirmed
with the regex, which alone decides.
"""

from __future__ import annotations

import re
from functools import cache

import ahocorasick

# The end of a sentence: a stop and white space, or a blank line. Written as `[.!?]\s|\n\s*\n` reads,
# but opening with a character class, so that a search skips to the next of those characters in C
# instead of trying the pattern at every position (a third faster over a sentence).
SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])\s|(?<=\n)\s*\n)")
# What SENTENCE_END matches opens with one of these (see sentence_start) and goes on in white space only.
END_OPENERS = ".!?\n"
# How far either way of the expression the sentence is looked for.
REACH = 300
FUTURE_CUES = re.compile(r"(?=[wspuniaglhef])\b(?:will|would|shall|plans?|planned|planning|scheduled|upcoming|next"
                         r"|intends?|is to|are to|going to|later this|expects? to|hopes? to|forthcoming)\b|'ll\b", re.I)
# The lower-case text every alternative of FUTURE_CUES opens with; the regex is tried only where one stands.
CUE_OPENINGS = ("will", "would", "shall", "plan", "scheduled", "upcoming", "next", "intend", "is to", "are to",
                "going to", "later this", "expect", "hope", "forthcoming", "'ll")


@cache
def _cue_automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for opening in CUE_OPENINGS:
        auto.add_word(opening, len(opening))
    auto.make_automaton()
    return auto


def sentence_start(text: str, start: int) -> int:
    """Where the sentence holding `start` begins: the end of the last SENTENCE_END match in the REACH
    characters before it (as a scan of that window finds them), else the window's start."""
    window = max(0, start - REACH)
    end = start
    while True:
        # The last opener, and the run of openers and white space it stands in: no match crosses the
        # character before that run, so scanning the run alone finds the matches a whole scan finds there.
        opener = max(text.rfind(".", window, end), text.rfind("!", window, end), text.rfind("?", window, end),
                     text.rfind("\n", window, end))
        if opener < 0:
            return window
        first = opener
        while first > window and (text[first - 1] in END_OPENERS or text[first - 1].isspace()):
            first -= 1
        stop = opener + 1
        while stop < start and text[stop].isspace():
            stop += 1
        if stop - first > 1:  # a lone opener ("U.S.", a line break) is no match: every match is 2+ characters
            last = None
            for match in SENTENCE_END.finditer(text, first, stop):
                last = match.end()
            if last is not None:
                return last
        end = first


def sentence_end(text: str, end: int) -> int:
    """Where the sentence holding `end` stops: the next SENTENCE_END within REACH, else REACH on."""
    match = SENTENCE_END.search(text, end, end + REACH)
    return match.start() if match else min(len(text), end + REACH)


def speaks_of_future(text: str, start: int, end: int) -> bool:
    """Whether the sentence holding text[start:end] has a FUTURE_CUES word."""
    sentence = text[sentence_start(text, start):sentence_end(text, end)]
    if not sentence.isascii():  # case-blind matching of other scripts is the regex's alone
        return FUTURE_CUES.search(sentence) is not None
    for last, size in _cue_automaton().iter(sentence.lower()):
        if FUTURE_CUES.match(sentence, last - size + 1):
            return True
    return False
