"""Photo and video captions that sit in the text: credit lines, video players' captions, and the
lead image caption a wiki article runs into its first sentence."""

from __future__ import annotations

import re

# Captions are one or two sentences; longer blocks are body text.
MAX_CAPTION_CHARS = 300

# Photo credits: "Credit: NASA", "Image credit: NASA/JPL-Caltech", "NASA/Bill Ingalls".
CREDIT_LINE = re.compile(r"^\s*(?:(?:Image|Photo|Video|Illustration|Animation)\s+)?Credits?\s*:\s*\S.{0,150}$", re.I)
AGENCY_CREDIT = re.compile(r"^\s*[A-Z][A-Za-z.\-]*(?:/[A-Z][\w.\-’']*(?: [A-Z][\w.\-’']*){0,3})+\s*$")
# A video player's fallback text, often split by a conversion; the rest of its line is the video's
# caption.
VIDEO_PLAYER = re.compile(r"^[ \t]*(?:Your browser does not support the video tag\.?\s*)?To (?:view|play|watch) "
                          r"this video,? please enable JavaScript,? and consider upgrading to a web browser that"
                          r"\s+supports HTML5 video\.?[ \t]*(?P<caption>[^\n]*)", re.I | re.M)

# A wiki article's lead image caption runs into its first sentence ("BBC Jam promotional image, with
# logo. Kids will …"). Split off only a short first sentence (90 characters) that names a picture
# and has no finite verb: precision over recall (2 of the 50 Wikinews files, no false split).
LEAD_SENTENCE = re.compile(r"^(?P<sentence>[^.!?\n]{3,90}\.)\s+(?=[A-Z\"“‘'])")
PICTURE_WORDS = re.compile(r"\b(?:image|photo|photograph|picture|pictured|map|logo|poster|screenshot|diagram|"
                           r"illustration|portrait|file photo)s?\b", re.I)
FINITE_VERBS = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|shall|should|must|"
                          r"did|does|do|said|says)\b", re.I)


def is_credit_line(text: str) -> bool:
    return bool(CREDIT_LINE.match(text) or AGENCY_CREDIT.match(text))


def take_video_captions(text: str) -> tuple[str, list[str]]:
    """The text without video players' fallback lines, and the captions that followed them."""
    captions = [m.group("caption").strip() for m in VIDEO_PLAYER.finditer(text)]
    return VIDEO_PLAYER.sub("", text), [c for c in captions if c]


def split_lead_caption(paragraph: str) -> tuple[str | None, str]:
    """(caption, rest) when the paragraph opens with a picture's caption sentence, else (None, paragraph)."""
    lead = LEAD_SENTENCE.match(paragraph)
    if lead is None:
        return None, paragraph
    sentence = lead.group("sentence")
    if not PICTURE_WORDS.search(sentence) or FINITE_VERBS.search(sentence):
        return None, paragraph
    return sentence, paragraph[lead.end():]
