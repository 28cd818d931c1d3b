"""Container sniffing: content first, name second, and linear time on any head."""

import time

import pytest

from legation.sniff import sniff_container


@pytest.mark.parametrize("head, name, expected", [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "x.bin", "pdf"),
    (b"  \n%PDF-1.7\n", "scan", "pdf"),
    (b"junk before the header\n%PDF-1.5\n1 0 obj\n<<>>", "x", "pdf"),
    (b"PK\x03\x04\x14\x00", "x.txt", "zip"),
    (b"PK\x05\x06" + b"\x00" * 18, "empty.zip", "zip"),
    (b"<!DOCTYPE html><html><body>x", "page", "html"),
    (b'<?xml version="1.0"?>\n<!-- a --> <!-- b -->\n<html>', "page.xhtml", "html"),
    (b"<div><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p><span>f</span><a>g</a></div>", "fragment", "html"),
    (b'{"text": "a"}\n{"text": "b"}\n', "dump", "jsonl"),
    (b'{"text": "a"}\n', "dump.jsonl", "jsonl"),
    (b'\xef\xbb\xbf{"text": "a"}\n', "dump.ndjson", "jsonl"),
    (b'[{"text": "a"}]', "rows.json", "json"),
    (b'{\n  "text": "a"\n}\n', "row.json", "json"),
    (b'{"text": "a"}\n{"text": "b"}\n', "rows.json", "jsonl"),
    (b"id,text\n1,a\n", "dump.csv", "csv"),
    (b"id\ttext\n1\ta\n", "dump.tsv", "tsv"),
    (b"plain words", "notes.jsonl", "text"),
    (bytes(range(256)) * 4, "garbage.csv", "text"),
    (b"UNCLASSIFIED\n\nSUBJECT: talks\n", "07MOSCOW1.txt", "text"),
    (b"# Title\n\n<div><p>a</p><p>b</p><p>c</p><p>d</p><span>e</span><a>f</a></div>", "article.md", "text"),
    (b"The file format begins with %PDF-1.4 as its magic.", "notes.txt", "text"),
    (b"", "empty", "text"),
])
def test_sniff_container(head, name, expected):
    assert sniff_container(head, name) == expected


@pytest.mark.parametrize("head", [
    b"<!--x-->" * 5000 + b"Z",
    b"<!--" * 20000,
    b"<?xml " * 10000,
    b"{" * 65536,
    b"<div " * 13000,
])
def test_sniff_container_is_linear_on_hostile_heads(head):
    start = time.perf_counter()
    sniff_container(head, "x")
    assert time.perf_counter() - start < 1
