"""Conversion-damage repair and page-break removal (clean_cable_text)."""

from __future__ import annotations

import pytest

from legation.parse.cable.repair import (
    DAMAGE_SIGNS,
    DAMAGE_STRINGS,
    clean_cable_text,
    has_damage,
    repair_paragraph_marks,
)


def read(fixture_path, name: str) -> str:
    return fixture_path(name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["cablegate.04MADRID960.txt", "cablegate.05CAIRO8938.txt",
                                  "cablegate.08MANAMA51.txt", "cablegate.08NAIROBI199.txt"])
def test_repair_leaves_clean_cables_alone(fixture_path, name):
    text = read(fixture_path, name)
    assert clean_cable_text(text) == (text, [])


@pytest.mark.parametrize(("damaged", "repaired"), [
    ("- 11. (SBU) This message", "¶1. (SBU) This message"),                 # ¶ read as 1
    ("¶1. (C) A.\n- 13. (C) B.", "¶1. (C) A.\n13. (C) B."),                   # 13 cannot follow 1: kept
    ("¶1. (C) A.\n¶2. (C) B.\n- 13. (C) C.", "¶1. (C) A.\n¶2. (C) B.\n¶3. (C) C."),
    ("- \\P 7. (SBU) Post requests", "¶7. (SBU) Post requests"),
    ("- ¶2. (SBU) On July 27", "¶2. (SBU) On July 27"),
    ("- ¶ 5. (S) Nazarbayev", "¶5. (S) Nazarbayev"),
    ("&para;3. (C) Text", "¶3. (C) Text"),
    ("- P4. (C) Text", "¶4. (C) Text"),
    ("- q2. (C) Highlighting", "¶2. (C) Highlighting"),
    ("- 1.(SBU) Summary", "1.(SBU) Summary"),
])
def test_repair_paragraph_marks(damaged, repaired):
    text, warnings = clean_cable_text(damaged)
    assert text == repaired
    assert warnings == ["conversion damage repaired: paragraph marks"]


@pytest.mark.parametrize(("damaged", "repaired"), [
    ("A.\n\n\\-\\-\\-\\-\\-\n\nAFGHANISTAN", "A.\n\n-----\n\nAFGHANISTAN"),
    ("## RED SEPTEMBER -------------\n", "RED SEPTEMBER -------------\n"),
    ("**CSI NOT THE SAME**\n", "CSI NOT THE SAME\n"),
    ("REFS: A. STATE 87399\n\n**B. STATE 77400\n", "REFS: A. STATE 87399\n\nB. STATE 77400\n"),
    ("line one\r\nline two\r\n## X", "line one\nline two\nX"),
    # a PDF page banner in the middle of a sentence, and after a finished one
    ("as soon as\n\nCONFIDENTIAL\n\nPage 3 of 6\n\npossible.", "as soon as\npossible."),
    ("he is invested.\n\nCONFIDENTIAL\n\nPage 3 of 6\n\n--Offer", "he is invested.\n\n--Offer"),
])
def test_repair_markdown_damage(damaged, repaired):
    assert clean_cable_text(damaged)[0] == repaired


def test_repair_sequence_follows_numbering():
    # 08NAIROBI199 after conversion: 11, 12, 130 (a misread ¶30 inside ¶2), 13 … 110, 111
    text = "11. (SBU) a\n12. (SBU) b\n130. c\n13. (SBU) d\n14. (SBU) e\n"
    assert repair_paragraph_marks(text) == "¶1. (SBU) a\n¶2. (SBU) b\n30. c\n¶3. (SBU) d\n¶4. (SBU) e\n"
    assert repair_paragraph_marks("9. x\n110. y\n11. z\n112. w\n") == "9. x\n¶10. y\n11. z\n¶12. w\n"


def test_repair_modern_page_breaks(fixture_path):
    text, warnings = clean_cable_text(read(fixture_path, "cablegate.09ASTANA95.txt"))
    assert "00000095" not in text
    assert "was once nuclear but\nfully gave up that status" in text
    assert "capital from Almaty to\nAstana. Sarybay" in text
    assert warnings == ["2 page-break repeats removed"]


def test_repair_page_breaks_after_conversion(fixture_path):
    text, warnings = clean_cable_text(read(fixture_path, "cablegate-noisy.09ASTANA95.txt"))
    assert "00000095" not in text and "0O3" not in text
    assert "was once nuclear but\nfully gave up that status" in text
    assert "2 page-break repeats removed" in warnings


@pytest.mark.parametrize(("line", "expected"), [
    ("the value TRIPOLI 00000945 002.2 OF 002 went up", "the value went up"),
    ("SUBJECT: X\nBERN 00000881  002 OF 002 \\\ntext", "SUBJECT: X\ntext"),
    ("End.\n\nSAO PAULO 00001158 002 OF 002\n\n¶5. (C) Next", "End.\n\n¶5. (C) Next"),
])
def test_repair_page_break_forms(line, expected):
    text = "UNCLAS SECTION 01 OF 02 " + ("TRIPOLI 000945\n" if "TRIPOLI" in line else
                                        "BERN 000881\n" if "BERN" in line else "SAO PAULO 001158\n")
    out, warnings = clean_cable_text(text + line)
    assert out == text + expected
    assert warnings == ["1 page-break repeat removed"]


def test_repair_old_printout_pages(fixture_path):
    text, warnings = clean_cable_text(read(fixture_path, "cablegate.01VATICAN1261.txt"))
    assert "PAGE 0" not in text
    assert "CALLED IN CHARGE \nTO PRESENT A PRO MEMORIA" in text
    assert warnings == ["2 page-break repeats removed"]
    text, _ = clean_cable_text(read(fixture_path, "cablegate.00HARARE5461.txt"))
    assert not any(f"PAGE 0{n}" in text for n in range(2, 5))   # PAGE 01 opens a section: kept
    assert "THEY REALIZE\nTHAT THE MDC IS GAINING STRENGTH" in text


@pytest.mark.parametrize("text", [
    "plain text\n", "- 1. (C) item", "x\n- 1. (C) item", "\\- escaped", "x\\", "**A. bold", "Page 2 of 5",
    "x\nPage 2 of 5", "a &para;1. b", "a\r\nb", "#  heading", "x\n## heading", "x\n#nope",
])
def test_repair_damage_test_matches_the_signs(text):
    lined = "\n" + text + "\n"
    expected = any(mark in text for mark in DAMAGE_STRINGS) or any(sign.search(lined) for sign in DAMAGE_SIGNS)
    assert has_damage(text) == expected
