"""1970s-80s printouts and OCR'd FOIA telegrams."""

from legation.parse.cable import parse_cable
from legation.parse.cable.telegram import looks_like_telegram, parse_telegram
from legation.parse.source import Source

PRINTOUT = """                           CONFIDENTIAL     PTQ2529

PAGE 01        HARARE  05461  01 OF 02  271458Z
ACTION AF-00

INFO  LOG-00   NP-00    ACQ-00   CIAE-00  DINT-00
      NFAT-00  SAS-00     /006W
                  ------------------8A8E0D  271459Z /38
FM AMEMBASSY HARARE
TO SECSTATE WASHDC IMMEDIATE 7212
"""


def test_telegram_printout_lines():
    assert looks_like_telegram(PRINTOUT)
    t = parse_telegram(PRINTOUT)
    assert (t.station, t.serial, t.action, t.fm) == ("HARARE", "05461", "AF", "AMEMBASSY HARARE")
    assert t.to[0].name == "SECSTATE WASHDC" and t.to[0].precedence == "IMMEDIATE"
    assert t.classification == "CONFIDENTIAL"


def test_telegram_foia_ocr(fixture_path):
    text = fixture_path("foia.C09000016.txt").read_text(encoding="utf-8")
    t = parse_telegram(text)
    assert t.cable_id == "86STATE321944"
    assert t.fm == "SECSTATE WASHDC"
    assert t.precedence == "IMMEDIATE"
    assert any("OCR" in w for w in t.warnings)


def test_telegram_banner_vote_beats_one_bad_page():
    text = "\n".join([
        "TEXT OF TELEGRAM BOREYKJA002091", "PAGE 01 ACTION EUR-00",
        "TEXT OF TELEGRAM 86REYKdA002091", "TEXT OF TELEGRAM 86REYKJA002091",
        "TEXT OF TELEGRAM 86REYK,JA002091 302", "PAGE 01 REYKJA 02091 091551Z",
    ])
    assert parse_telegram(text).cable_id == "86REYKJA2091"


def test_telegram_ocr_fm_line_repaired():
    text = "TEXT OF TELEGRAM 86REYKJA002091\nPAGE 01 REYKJA 02091 091551Z\nACTION EUR-00\nFM AMEM4ASSY .REYKUAVIK\n"
    doc = parse_cable(Source(name="x.txt", text=text, sha256=""))[0]
    assert doc.cable.origin_raw == "AMEMBASSY REYKJAVIK"
    assert doc.cable.origin == "Embassy Reykjavik"
    assert any("read as 'AMEMBASSY REYKJAVIK'" in w for w in doc.warnings)


def test_telegram_not_claimed_without_page_line():
    assert not looks_like_telegram("ACTION AF-00\nsome text")


def test_telegram_foia_pdf_text_layer(fixture_path):
    from legation.parse import parse_bytes

    raw = fixture_path("foia.C09000038.pdf").read_bytes()
    doc = parse_bytes(raw, name="foia.C09000038.pdf", extract=False)[0]
    assert doc.kind == "cable"
    assert (doc.cable.id, doc.date, doc.cable.origin_raw, doc.cable.classification) == (
        "86MOSCOW18653", "1986-10-28T16:05:00Z", "AMEMBASSY MOSCOW", "LIMITED OFFICIAL USE")
