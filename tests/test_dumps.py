"""CSV, TSV, JSON Lines and JSON dumps: one source per row, each bad row failing on its own."""

import json

from legation.parse.readers import read_bytes
from legation.parse.source import Source


def _summary(items):
    return [(item.name, "ok") if isinstance(item, Source) else (item.source, item.error) for item in items]


CSV = (b"id,subject,header,body\n"
       b"1,Talks resume,MOSCOW 0001,The delegations met on Monday.\n"
       b'2,"Quotes, commas","MOSCOW 0002","He said ""no"" twice."\n')


def test_dumps_csv_column_mapping_joins_columns():
    items = list(read_bytes(CSV, "cables.csv", columns={"text": "header+body", "title": "subject"}))
    assert [s.name for s in items] == ["cables.csv#1", "cables.csv#2"]
    assert items[0].text == "MOSCOW 0001\n\nThe delegations met on Monday."
    assert items[0].meta == {"title": "Talks resume", "id": "1"}
    assert items[1].text == 'MOSCOW 0002\n\nHe said "no" twice.'
    assert items[1].meta["title"] == "Quotes, commas"
    assert items[0].media == "row" and items[0].sha256 != items[1].sha256


def test_dumps_csv_default_column_names():
    [row] = read_bytes(b"Headline,Body,Date\nA title,Some text,2014-02-06\n", "news.csv")
    assert (row.text, row.meta) == ("Some text", {"title": "A title", "date": "2014-02-06"})


def test_dumps_csv_missing_mapped_column_fails_once_for_the_file():
    items = _summary(read_bytes(CSV, "cables.csv", columns={"text": "header+content"}))
    assert items == [("cables.csv", "no column 'content' (mapped to text by --columns) in the header:"
                                    " id, subject, header, body [L107]")]


def test_dumps_csv_without_a_text_column_fails_once_for_the_file():
    items = _summary(read_bytes(b"id,subject\n1,a\n2,b\n", "x.csv"))
    assert items == [("x.csv", "no text column in the header (id, subject); map one with --columns text=NAME [L107]")]


def test_dumps_csv_malformed_quote_fails_its_row_only():
    raw = b'id,text\n1,first row\n2,"bad"quote\n3,third row\n'
    assert _summary(read_bytes(raw, "x.csv")) == [
        ("x.csv#1", "ok"),
        ("x.csv#2", "malformed CSV row (line 3): ',' expected after '\"' [L105]"),
        ("x.csv#3", "ok"),
    ]


def test_dumps_csv_unclosed_quote_says_what_happened():
    raw = b'id,text\n1,first row\n2,"never closed\n3,third row\n'
    items = _summary(read_bytes(raw, "x.csv"))
    assert items[0] == ("x.csv#1", "ok")
    assert items[1][0] == "x.csv#2"
    assert "unclosed quote: the rest of the file was read as one field" in items[1][1]


def test_dumps_csv_row_with_more_fields_than_headers_is_kept_and_warned():
    [row] = read_bytes(b"id,text\n1,the text,surplus,more\n", "x.csv")
    assert row.text == "the text"
    assert row.warnings == ["row has 2 more fields than the header"]


def test_dumps_csv_short_row_and_blank_lines():
    items = _summary(read_bytes(b"id,text,title\n\n1,only text\n,,\n2\n", "x.csv"))
    assert items == [("x.csv#1", "ok"),
                     ("x.csv#2", "row has no text field (map one with --columns text=NAME) [L106]")]


def test_dumps_csv_empty_and_header_only():
    assert _summary(read_bytes(b"", "x.csv")) == [("x.csv", "empty file [L101]")]
    assert _summary(read_bytes(b"id,text\n", "x.csv")) == [("x.csv", "CSV file has a header but no rows [L101]")]


def test_dumps_csv_in_cp1252_and_tsv():
    [row] = read_bytes("id,text\n1,caf\u00e9 \u201cquoted\u201d\n".encode("cp1252"), "x.csv")
    assert row.text == "caf\u00e9 \u201cquoted\u201d" and row.warnings == ["decoded as cp1252"]
    [row] = read_bytes(b"id\ttext\n1\ttab separated, with comma\n", "x.tsv")
    assert row.text == "tab separated, with comma"


def test_dumps_jsonl_bad_lines_fail_alone():
    raw = (b'{"text": "first"}\n'
           b'["not", "an", "object"]\n'
           b'{"text": broken}\n'
           b'\n'
           b'{"title": "no text here"}\n'
           b'{"text": "last", "title": "cut')
    assert _summary(read_bytes(raw, "d.jsonl")) == [
        ("d.jsonl#1", "ok"),
        ("d.jsonl#2", "row is a JSON list, not an object with named fields [L105]"),
        ("d.jsonl#3", "line 3 is not valid JSON: Expecting value: line 1 column 10 (char 9) [L105]"),
        ("d.jsonl#5", "row has no text field (map one with --columns text=NAME) [L106]"),
        ("d.jsonl#6", "line 6 is not valid JSON: Unterminated string starting at: line 1 column 27 (char 26) [L105]"),
    ]


def test_dumps_jsonl_line_over_the_limit_fails_and_the_next_parses():
    raw = b'{"text": "' + b"x" * 5000 + b'"}\n{"text": "small"}\n'
    assert _summary(read_bytes(raw, "d.jsonl", max_bytes=1000)) == [
        ("d.jsonl#1", "line 1 is over the 0.0 MB limit for one document (raise it with --max-bytes) [L103]"),
        ("d.jsonl#2", "ok"),
    ]


def test_dumps_jsonl_hostile_values():
    deep = b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}\n"
    raw = deep + b'{"text": "lone \\ud800 surrogate", "title": "\\udfff"}\n{"text": ["para one", "para two"]}\n'
    items = list(read_bytes(raw, "d.jsonl"))
    assert items[0].error == "line 1 is JSON nested too deeply [L105]"
    assert items[1].text == "lone \ufffd surrogate" and items[1].meta["title"] == "\ufffd"
    assert items[2].text == "para one\n\npara two"


def test_dumps_jsonl_mapping_names_a_missing_key_per_row():
    [failure] = read_bytes(b'{"body": "x"}\n', "d.jsonl", columns={"text": "content"})
    assert failure.error == "no value in column 'content' of this row [L106]"


def test_dumps_json_array_of_rows():
    raw = json.dumps([{"text": "one", "url": "https://example.org/1"}, {"text": "two"}, 3]).encode()
    assert _summary(read_bytes(raw, "rows.json")) == [
        ("rows.json#1", "ok"), ("rows.json#2", "ok"),
        ("rows.json#3", "row is a JSON int, not an object with named fields [L105]")]
    [first] = read_bytes(json.dumps({"text": "single"}).encode(), "row.json")
    assert first.name == "row.json" and first.text == "single"


def test_dumps_json_edge_cases():
    assert _summary(read_bytes(b"[]", "rows.json")) == [("rows.json", "JSON array holds no rows [L101]")]
    [bad] = read_bytes(b'[{"text": "a"}, {"text": ', "rows.json")
    assert bad.error.startswith("malformed JSON: Expecting value")
    [deep] = read_bytes(b"[" * 100_000 + b"]" * 100_000, "rows.json")
    assert deep.error == "JSON nested too deeply [L105]"
    items = _summary(read_bytes(b'{"text": "a"}\n{"text": "b"}\n', "really-lines.json"))
    assert items == [("really-lines.json#1", "ok"), ("really-lines.json#2", "ok")]
