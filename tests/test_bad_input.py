"""Bad input is normal input: through the CLI, every bad file gives one clear JSON line, the batch
goes on and the exit code is 1; through the Python API, random bytes never raise.

Each case is a few files written into a folder between two good documents; the expected outcome
lists, in output order, "ok" for a record or a piece of the one-line error.
"""

import codecs
import io
import json
import os
import random
import sys
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import legation
from legation.cli import app
from legation.parse import Failure
from legation.record import Document

runner = CliRunner()
GOOD = b"The embassy reports that talks resumed on Monday.\n\nA second paragraph follows.\n"
SMART = "He said \u201cthe caf\u00e9 is closed\u201d \u2014 twice, na\u00efvely.\n"


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


def _pdf_bytes() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _elf_head() -> bytes:
    with open(os.path.realpath(sys.executable), "rb") as handle:
        head = handle.read(200_000)
    assert head.startswith(b"\x7fELF")
    return head


# case id: (files, expected outcomes in output order, extra CLI arguments)
CASES = {
    "empty": ({"m.txt": b""}, ["empty file [L101]"], []),
    "whitespace": ({"m.txt": b" \n\t\r\n   \n"}, ["file holds only white space [L101]"], []),
    "random-bytes": ({"m.bin": random.Random(7).randbytes(20_000)}, ["binary content"], []),
    "png": ({"m.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1).randbytes(5000)},
            ["binary content"], []),
    "elf": ({"m": _elf_head()}, ["binary content"], []),
    "mostly-nul": ({"m.txt": b"\x00" * 5000 + b"text"}, ["binary content"], []),
    "few-nuls": ({"m.txt": GOOD * 200 + b"\x00\x00"}, ["ok"], []),
    "control-chars": ({"m.txt": b"Text with a bell\x07 and an escape\x1b inside.\n"}, ["ok"], []),
    "utf8-cut-in-a-character": ({"m.txt": SMART.encode() + "\u00e9".encode()[:1]}, ["ok"], []),
    "cp1252": ({"m.txt": SMART.encode("cp1252")}, ["ok"], []),
    "latin-1": ({"m.txt": "Le caf\u00e9 na\u00eff \u00e0 Reykjav\u00edk.\n".encode("latin-1")}, ["ok"], []),
    "utf16-bom": ({"m.txt": codecs.BOM_UTF16_LE + SMART.encode("utf-16-le")}, ["ok"], []),
    "utf8-bom": ({"m.txt": codecs.BOM_UTF8 + SMART.encode()}, ["ok"], []),
    "utf8-with-a-stray-cp1252-byte": ({"m.txt": SMART.encode() * 5 + b"\x93stray\x94\n"}, ["ok"], []),
    "invalid-code-points": ({"m.txt": b"bad \xed\xa0\x80 surrogate and \xf4\x90\x80\x80 beyond U+10FFFF\n"},
                            ["ok"], []),
    "lone-surrogate-escapes": ({"m.jsonl": b'{"text": "lone \\ud800 here", "title": "\\udc00"}\n'}, ["ok"], []),
    "huge": (None, ["over the 16.0 MB limit for one document (raise it with --max-bytes)"], []),
    "ten-megabyte-line": ({"m.txt": b"word " * (2 * 1024 * 1024)}, ["ok"], []),
    "dangling-symlink": (None, ["cannot read file: No such file or directory [L104]"], []),
    "fifo": (None, ["not a regular file"], []),
    "truncated-pdf": ({"m.pdf": _pdf_bytes()[:300]}, ["damaged or truncated PDF"], []),
    "image-only-pdf": ({"m.pdf": _pdf_bytes()}, ["no text layer"], []),
    "truncated-zip": ({"m.zip": (lambda raw: raw[: len(raw) // 2])(_zip({"a.txt": GOOD, "b.txt": GOOD * 50}))},
                      ["damaged or truncated ZIP archive"], []),
    "hostile-html": ({"m.html": b"<html><body><script>alert('x')</script><p onclick=\"alert(1)\">"
                      b"A readable paragraph about the talks in Reykjavik.</p><a href='javascript:alert(2)'>"
                      b"link</a></body></html>"}, ["ok"], []),
    "script-only-html": ({"m.html": b"<html><body><script>alert('x')</script></body></html>"},
                         ["HTML page holds no readable text"], []),
    "deep-html": ({"m.html": b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000 + b"</body></html>"},
                  [None], []),
    "zip-bomb": ({"m.zip": _zip({"bomb.txt": b"\x00" * (3 * 1024 * 1024), "fine.txt": GOOD})},
                 ["a ZIP bomb?", "ok"], []),
    "zip-nested-too-deep": ({"m.zip": _zip({"l1.zip": _zip({"l2.zip": _zip({"deep.txt": GOOD})}), "top.txt": GOOD})},
                            ["archive nested deeper than 2 levels", "ok"], []),
    "zip-path-traversal": ({"m.zip": _zip({"../../etc/passwd": b"root:x:0:0:root:/root:/bin/bash\n"})}, ["ok"], []),
    "zip-encrypted-member": (None, ["ok", "encrypted archive member"], []),
    "jsonl-last-line-cut": ({"m.jsonl": b'{"text": "one"}\n{"text": "two"}\n{"text": "thr'},
                            ["ok", "ok", "line 3 is not valid JSON"], []),
    "jsonl-bad-lines": ({"m.jsonl": b'{"text": "one"}\n42\n{not json}\n{"text": "four"}\n'},
                        ["ok", "not an object", "line 3 is not valid JSON", "ok"], []),
    "json-array": ({"m.json": json.dumps([{"text": "one"}, {"body": "two", "headline": "T"}]).encode()},
                   ["ok", "ok"], []),
    "csv-columns": ({"m.csv": b"subject,header,body\nTalks,MOSCOW 1,Text one.\nMore,MOSCOW 2,Text two.\n"},
                    ["ok", "ok"], ["--columns", "text=header+body,title=subject"]),
    "csv-missing-column": ({"m.csv": b"subject,body\nTalks,Text one.\n"}, ["no column 'header'"],
                           ["--columns", "text=header+body"]),
    "csv-malformed-quote": ({"m.csv": b'id,text\n1,"bad"quote\n2,fine\n'}, ["malformed CSV row", "ok"], []),
    "csv-extra-fields": ({"m.csv": b"id,text\n1,the text,extra,more\n"}, ["ok"], []),
}


def _write_special(case: str, folder) -> None:
    if case == "huge":
        with open(folder / "m.txt", "wb") as handle:
            handle.truncate(50 * 1024 * 1024)
    elif case == "dangling-symlink":
        (folder / "m.txt").symlink_to(folder / "missing.txt")
    elif case == "fifo":
        os.mkfifo(folder / "m.txt")
    elif case == "zip-encrypted-member":
        raw = bytearray(_zip({"open.txt": GOOD, "secret.txt": b"\x00" * 12 + b"ciphertext"}))
        pos = raw.find(b"secret.txt")
        while pos >= 0:  # set the encryption flag in the local and the central header
            if raw[pos - 30:pos - 26] == b"PK\x03\x04":
                raw[pos - 24] |= 1
            elif raw[pos - 46:pos - 42] == b"PK\x01\x02":
                raw[pos - 38] |= 1
            pos = raw.find(b"secret.txt", pos + 1)
        (folder / "m.zip").write_bytes(bytes(raw))


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_gives_one_line_per_failure_and_the_batch_goes_on(case, tmp_path):
    files, expected, args = CASES[case]
    (tmp_path / "a.txt").write_bytes(GOOD)
    (tmp_path / "z.txt").write_bytes(GOOD)
    if files is None:
        _write_special(case, tmp_path)
    else:
        for name, data in files.items():
            (tmp_path / name).write_bytes(data)
    result = runner.invoke(app, ["parse", str(tmp_path), "--no-extract", *args])
    lines = result.stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert records[0]["source"].endswith("a.txt") and records[-1]["source"].endswith("z.txt")
    assert "error" not in records[0] and "error" not in records[-1]
    outcomes = records[1:-1]
    assert len(outcomes) == len(expected), lines
    failed = 0
    for record, want in zip(outcomes, expected, strict=True):
        assert record["source"].startswith(str(tmp_path / "m"))
        if "error" in record:
            failed += 1
            assert set(record) == {"source", "error"}
            assert "\n" not in record["error"] and record["error"].rstrip().endswith("]")
            assert "Traceback" not in record["error"]
        if want == "ok":
            assert "error" not in record, record
            assert record["text"].strip()
        elif want is not None:
            assert want in record.get("error", ""), record
    assert result.exit_code == (1 if failed else 0)
    assert len(result.stderr.splitlines()) == failed
    assert "Traceback" not in result.stderr
    for line in lines:
        line.encode("utf-8")  # no lone surrogate reached the output


def test_bad_input_zip_member_names_are_safe_in_the_output(tmp_path):
    (tmp_path / "m.zip").write_bytes(_zip({"../../etc/passwd": b"root:x:0:0\n"}))
    result = runner.invoke(app, ["parse", str(tmp_path / "m.zip"), "--no-extract"])
    record = json.loads(result.stdout)
    assert record["source"] == f"{tmp_path / 'm.zip'}!etc/passwd"
    assert not (tmp_path / "etc").exists()


PREFIXES = [b"", b"PK\x03\x04", b"PK\x05\x06", b"%PDF-1.4\n", b"<html>", b"<!DOCTYPE html><body>", b"{",
            b'{"text": "', b"[", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"id,text\n"]
NAMES = ["x", "x.txt", "x.md", "x.csv", "x.tsv", "x.jsonl", "x.json", "x.html", "x.pdf", "x.zip"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2000), name=st.sampled_from(NAMES))
def test_bad_input_random_bytes_never_raise(prefix, body, name):
    items = legation.parse_bytes(prefix + body, name, extract=False)
    assert items, "every input gives at least one record or failure"
    for item in items:
        assert isinstance(item, Document | Failure)
        if isinstance(item, Failure):
            assert "\n" not in item.error and item.error
        else:
            json.dumps(item.to_dict(), ensure_ascii=False).encode("utf-8")


def test_bad_input_undecodable_and_unprintable_file_names(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as handle:  # a Latin-1 name on a UTF-8 file system
        handle.write(GOOD)
    with open(folder + b"/two\nlines.txt", "wb") as handle:
        handle.write(b"")
    result = runner.invoke(app, ["parse", str(tmp_path), "--no-extract"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["source"].rsplit("/", 1)[1] for r in records) == ["caf\ufffd.txt", "two?lines.txt"]
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
