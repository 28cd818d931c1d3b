"""parse_body on real cables: subject, summary, signer, action request, redactions."""

from __future__ import annotations

import random

import pytest

from legation.parse.cable.body import (
    _has_action_request_lowered,
    has_action_request,
    parse_body,
    parse_summary,
)
from legation.parse.cable.repair import clean_cable_text
from legation.parse.cable.signer import parse_signer
from legation.parse.cable.subject import parse_subject


def body_of(fixture_path, name: str, year: int):
    text, _ = clean_cable_text(fixture_path(name).read_text(encoding="utf-8"))
    return text, parse_body(text, 0, year=year)


@pytest.mark.parametrize(("text", "title"), [
    ("SUBJECT: DEALING WITH ZAPATERO: AN INEXPERIENCED BUT \nPROBABLY MANAGEABLE PARTNER \n\n\nClassified By: X",
     "DEALING WITH ZAPATERO: AN INEXPERIENCED BUT PROBABLY MANAGEABLE PARTNER"),
    ("SUBJECT:  KAZAKHSTAN:  CENTCOM CDR PETRAEUS MEETS PRESIDENT \nNAZARVAYEV, JANUARY 14\n\nClassified By: A",
     "KAZAKHSTAN: CENTCOM CDR PETRAEUS MEETS PRESIDENT NAZARVAYEV, JANUARY 14"),
    ("SUBJ: FOO BAR\nREF: STATE 1234\n", "FOO BAR"),
    ("Subject: Iceland: 2007 Parliamentary Elections\n\n1. (U) x", "Iceland: 2007 Parliamentary Elections"),
    ("SUBJECT EXTENDED JURISDICTION\n1. TEXT", "EXTENDED JURISDICTION"),
    ("TAGS: PGOV PREL SOCI BR TIP\nTIP SUBJECT: BRAZIL'S LANDLESS MOVEMENT INVADES FARM \n\nREF: BRASILIA 1317",
     "BRAZIL'S LANDLESS MOVEMENT INVADES FARM"),
    ("SUBJECT: QADHAFI TELLS MUBARAK HE MAY ATTEND UNSC CLASSIFIED BY: John T. Godfrey, A/DCM",
     "QADHAFI TELLS MUBARAK HE MAY ATTEND UNSC"),
    ("E.o. 12958: decl: 01/07/2014 Tags: prel, tu Subject: turkish p.m. Erdogan goes to washington\n",
     "turkish p.m. Erdogan goes to washington"),
    ("Subject: TRIPOLI 00000540 P CO 08-JUL-08 CHEVRON MAY QUIT LIBYA [7759727]\n\nSUBJECT: CHEVRON MAY QUIT LIBYA \n",
     "CHEVRON MAY QUIT LIBYA"),
    ("no subject here\n", None),
])
def test_body_subject(text, title):
    assert parse_subject(text)[0] == title


@pytest.mark.parametrize(("tail", "signer"), [
    ("¶7. (SBU) Post requests instructions.\n\nRUSSELL", "RUSSELL"),
    ("¶11. (U) General Petraeus has cleared this cable. HOAGLAND", "HOAGLAND"),
    ("THE AMERICANS WOULD BE ACCEPTABLE.\nMCDONALD\n CONFIDENTIAL\n>", "MCDONALD"),
    ("governance.\n\nBeyrle", "Beyrle"),
    ("END COMMENT.\n\nVAN VOORST\n", "VAN VOORST"),
    ("in Khartoum.\nSIGNED: WISNER\n", "WISNER"),
    ("BEST REGARDS.\nKISSINGER\nNNN\n", "KISSINGER"),
    ("Visit London's Classified Website: XXXXXXXXXXXX \nSusman", "Susman"),
    ("consider lightly. END COMMENT THORNE", "THORNE"),
    ("with the relationship.\nEND COMMENT.", None),
    ("the situation is grave.", None),
])
def test_body_signer(tail, signer):
    assert parse_signer(tail)[0] == signer


@pytest.mark.parametrize(("text", "summary"), [
    ("¶1. (C) Summary: Zapatero has no experience. End summary.\n\n¶2. (C) x", "Zapatero has no experience."),
    ("1. (S) BEGIN SUMMARY. THE TALKS FAILED. END SUMMARY.\n", "THE TALKS FAILED."),
    ("SUMMARY\n-------\n\n¶1. (C) ACCORDING TO X, Y. END SUMMARY.\n", "ACCORDING TO X, Y."),
    ("¶1. (SBU) Summary:  The ministry agreed.\n\n¶2. (SBU) Details.", "The ministry agreed."),
    ("¶1. (C) We met the summary court.\n", None),
])
def test_body_summary(text, summary):
    assert parse_summary(text, 0, len(text)) == summary


@pytest.mark.parametrize(("sentence", "expected"), [
    ("¶1. (SBU) This message contains an action request. See paragraph 6.", True),
    ("¶6. (U) ACTION REQUESTED: EMBASSY SHOULD REPLY BY 3/9.", True),
    ("¶9. (S) Comment and Action Request: We are concerned.", True),
    ("¶1. (U) This cable contains no action request.", False),
    ("¶1. (U) The minister requested action on visas.", False),
])
def test_body_action_request(sentence, expected):
    assert parse_body("SUBJECT: X\n\n" + sentence + "\n").action_request is expected


def test_body_redactions_and_references(fixture_path):
    text, body = body_of(fixture_path, "cablegate.08MANAMA51.txt", 2008)
    assert body.title == "BAHRAIN: LOCAL NGO TO VISIT DETAINEES"
    assert [r.id for r in body.references] == ["07MANAMA1105", "07MANAMA1109", "07MANAMA1110",
                                               "07MANAMA1112", "07MANAMA1113", "07MANAMA1118"]
    assert body.redactions == 8
    assert "XXXXXXXXXXXX" in text                       # redactions stay in the text
    assert [(p.n, p.marking) for p in body.paragraphs if p.n] == [(1, "SBU"), (2, "U"), (3, "SBU"), (4, "C")]
    assert body.signed_by == "HENZEL"
    assert body.summary.startswith("The Bahraini government has agreed")


def test_body_paragraphs_exclude_header(fixture_path):
    text, body = body_of(fixture_path, "cablegate.09ASTANA95.txt", 2009)
    assert body.title == "KAZAKHSTAN: CENTCOM CDR PETRAEUS MEETS PRESIDENT NAZARVAYEV, JANUARY 14"
    first = body.paragraphs[0]
    assert text[first.start:].startswith("¶1. (S) SUMMARY: President Nazarbayev")
    assert body.signed_by == "HOAGLAND"
    assert [p.n for p in body.paragraphs if p.n] == list(range(1, 12))
    assert [text[p.start:p.end] for p in body.paragraphs if p.n is None] == ["AFGHANISTAN", "IRAN", "RUSSIA"]


def test_body_old_printout(fixture_path):
    text, body = body_of(fixture_path, "cablegate.01VATICAN1261.txt", 2001)
    assert body.title == "DROC--VATICAN DEMARCHE"
    assert [(p.n, p.marking) for p in body.paragraphs if p.n] == [(n, m) for n, m in
                                                                  zip(range(1, 7), "UCCCCU", strict=True)]
    assert body.action_request is True
    assert body.signed_by == "MERANTE"


def test_body_never_raises_on_junk():
    for junk in ["", "\n\n", "SUBJECT:", "REF:", "¶", "1.", "XXXX", "SUBJECT: a\nREF: A. B. C.\n1. (", "\x00" * 10]:
        parse_body(junk)
        parse_body(junk, 500, year=2007)


def test_body_action_request_latin1_windows_match_the_whole_text_test():
    """The Latin-1 path lower-cases windows; the other path the whole text: the answers agree."""
    pieces = ["action", "ACTION", "Actions", " ", "\t", "\n", "request", "REQUESTED", "requests", "no ", "No\t",
              "é", "x", "ß", "a", "s", "ed", "¶", ".", "  "]
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        whole = _has_action_request_lowered(text.lower(), text.encode("ascii", "ignore").lower())
        assert has_action_request(text) == whole, text
