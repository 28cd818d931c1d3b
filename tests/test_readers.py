"""Readers: folders, unreadable paths, size limits and ZIP archives (bombs, nesting, odd names)."""

import io
import itertools
import os
import struct
import time
import zipfile
import zlib

import pytest

from legation.parse import readers
from legation.parse.readers import Failure, read_bytes, read_file, read_paths
from legation.parse.source import Source


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


def _stored_zip(names: list[str], data: bytes) -> bytes:
    """A ZIP of uncompressed members written directly (zipfile takes seconds for 100,000 members)."""
    crc = zlib.crc32(data)
    local, central = bytearray(), bytearray()
    for name in names:
        encoded = name.encode()
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, crc, len(data), len(data),
                               len(encoded), 0, 0, 0, 0, 0, len(local)) + encoded
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, crc, len(data), len(data),
                             len(encoded), 0) + encoded + data
    count, cd_size, cd_offset = len(names), len(central), len(local)
    # Over 65,535 members the counts live in a ZIP64 end record (and its locator).
    zip64_end = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, cd_size, cd_offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, cd_offset + cd_size, 1)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return bytes(local + central + zip64_end + locator + end)


def _summary(items):
    return [(item.name, "ok") if isinstance(item, Source) else (item.source, item.error) for item in items]


def test_readers_walk_is_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("hidden")
    (tmp_path / "b" / "z.txt").write_text("zed")
    (tmp_path / "a.txt").write_text("ay")
    (tmp_path / ".hidden.txt").write_text("hidden")
    names = [os.path.relpath(s.name, tmp_path) for s in read_paths([tmp_path])]
    assert names == ["a.txt", os.path.join("b", "z.txt")]


def test_readers_dangling_symlink_fails_in_one_line(tmp_path):
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    [failure] = read_paths([tmp_path / "link.txt"])
    assert isinstance(failure, Failure)
    assert failure.error == "cannot read file: No such file or directory [L104]"


def test_readers_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "real.txt").write_text("a real document")
    start = time.perf_counter()
    items = list(read_paths([tmp_path]))
    assert time.perf_counter() - start < 2
    assert _summary(items) == [
        (str(fifo), "not a regular file (a FIFO, socket or device); not read [L104]"),
        (str(tmp_path / "real.txt"), "ok"),
    ]


def test_readers_device_is_refused():
    [failure] = read_file(readers.Path(os.devnull))
    assert "not a regular file" in failure.error


def test_readers_folder_given_as_a_file_is_refused(tmp_path):
    [failure] = read_file(tmp_path)
    assert failure.error == "is a folder, not a file [L104]"


def test_readers_file_removed_between_walk_and_read(tmp_path):
    (tmp_path / "a.txt").write_text("first")
    (tmp_path / "b.txt").write_text("second")
    items = read_paths([tmp_path])
    first = next(items)
    (tmp_path / "b.txt").unlink()
    [second] = list(items)
    assert isinstance(first, Source)
    assert second.source.endswith("b.txt") and "No such file" in second.error


def test_readers_huge_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB that cost nothing to write
    read_sizes = []

    class CountingFile(io.BufferedReader):
        def read(self, size=-1):
            data = super().read(size)
            read_sizes.append(len(data))
            return data

    monkeypatch.setattr(readers, "open", lambda path, mode: CountingFile(io.FileIO(path, mode)), raising=False)
    [failure] = read_file(big)
    assert failure.error == ("file is 50.0 MB, over the 16.0 MB limit for one document"
                             " (raise it with --max-bytes) [L103]")
    assert 0 < sum(read_sizes) <= 64 * 1024  # the sniffing window only


def test_read_up_to_asks_for_the_expected_size_and_reads_a_grown_file_to_the_limit():
    """read_up_to asks for the measured size (not the limit: a limit-sized read allocates the limit for
    every file), reads on only when there was more, and never returns more than limit + 1 bytes."""
    from legation.parse.limits import read_up_to

    class Recording(io.BytesIO):
        def __init__(self, data):
            super().__init__(data)
            self.asked = []

        def read(self, size=-1):
            self.asked.append(size)
            return super().read(size)

    data = b"x" * 1000
    handle = Recording(data)
    assert read_up_to(handle, 1000, 16 * 1024 * 1024) == data and handle.asked == [1001]
    handle = Recording(data)  # grew after it was measured: read whole
    assert read_up_to(handle, 900, 4000) == data and handle.asked == [901, 3100]
    assert read_up_to(Recording(data), 900, 950) == data[:951]  # grew past the limit: one byte over
    assert read_up_to(Recording(data), 5000, 500) == data[:501]  # measured over the limit
    assert read_up_to(Recording(data), 2000, 4000) == data  # shrank


def test_readers_max_bytes_lowers_the_limit(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("x" * 2000)
    [failure] = read_file(f, max_bytes=1000)
    assert "over the 0.0 MB limit" in failure.error and "--max-bytes" in failure.error
    [source] = read_file(f, max_bytes=4000)
    assert source.text == "x" * 2000


def test_readers_ten_megabyte_line_under_the_limit_is_read(tmp_path):
    f = tmp_path / "line.txt"
    f.write_bytes(b"word " * (2 * 1024 * 1024))
    [source] = read_file(f)
    assert len(source.text) == 10 * 1024 * 1024


def test_readers_unknown_column_field_is_a_usage_error(tmp_path):
    from legation.errors import UsageError

    with pytest.raises(UsageError, match="unknown field 'body'"):
        list(read_paths([tmp_path], columns={"body": "text"}))


# --- ZIP archives --------------------------------------------------------------------------------

def test_readers_zip_members_in_name_order_with_dumps_streamed():
    raw = _zip({"b.txt": b"second", "a.txt": b"first", "rows.jsonl": b'{"text": "r1"}\n{"text": "r2"}\n',
                "dir/": b"", "__MACOSX/._a.txt": b"junk", "dir/.DS_Store": b"junk"})
    assert _summary(read_bytes(raw, "x.zip")) == [
        ("x.zip!a.txt", "ok"), ("x.zip!b.txt", "ok"), ("x.zip!rows.jsonl#1", "ok"), ("x.zip!rows.jsonl#2", "ok")]


def test_readers_zip_truncated_in_half():
    raw = _zip({f"doc{i}.txt": os.urandom(500).hex().encode() for i in range(10)})
    [failure] = read_bytes(raw[: len(raw) // 2], "cut.zip")
    assert failure.source == "cut.zip"
    assert failure.error.startswith("damaged or truncated ZIP archive (")


def test_readers_zip_damaged_member_fails_alone():
    raw = bytearray(_zip({"a.txt": b"hello world " * 1000, "b.txt": b"fine"}))
    start = raw.find(b"a.txt") + len("a.txt")
    for i in range(start + 5, start + 40):
        raw[i] ^= 0x55
    items = _summary(read_bytes(bytes(raw), "x.zip"))
    assert items[0][0] == "x.zip!a.txt" and items[0][1].startswith("damaged archive member")
    assert items[1] == ("x.zip!b.txt", "ok")


def test_readers_zip_bomb_member_is_refused_before_reading():
    raw = _zip({"bomb.txt": b"\x00" * (5 * 1024 * 1024), "ok.txt": b"a document"})
    assert len(raw) < 20_000
    [bomb, ok] = _summary(read_bytes(raw, "x.zip"))
    assert bomb[0] == "x.zip!bomb.txt"
    assert "over the 100:1 limit (a ZIP bomb?)" in bomb[1] and bomb[1].endswith("[L105]")
    assert ok == ("x.zip!ok.txt", "ok")


def test_readers_zip_compressible_text_under_a_megabyte_is_fine():
    raw = _zip({"spaces.txt": b"a" + b" " * 900_000 + b"z"})
    [source] = read_bytes(raw, "x.zip")
    assert isinstance(source, Source)


def test_readers_zip_declared_total_over_the_limit(monkeypatch):
    monkeypatch.setattr(readers, "MAX_ZIP_TOTAL_BYTES", 1000)
    raw = _zip({f"{i}.txt": b"x" * 300 for i in range(5)})
    [failure] = read_bytes(raw, "x.zip")
    assert "over the 0.0 MB limit" in failure.error and failure.source == "x.zip"


def test_readers_zip_with_100000_tiny_members_is_read():
    raw = _stored_zip([f"m{i:06d}.txt" for i in range(100_000)], b"tiny document")
    # Members are read lazily, one at a time: the first thousand prove the archive was accepted
    # (reading all 100,000 takes seconds and proves nothing more).
    first = list(itertools.islice(read_bytes(raw, "many.zip"), 1000))
    assert all(isinstance(item, Source) for item in first)
    assert first[-1].name == "many.zip!m000999.txt"


def test_readers_zip_over_the_member_limit_is_refused(monkeypatch):
    monkeypatch.setattr(readers, "MAX_ZIP_MEMBERS", 50)
    raw = _zip({f"m{i}.txt": b"tiny" for i in range(51)}, zipfile.ZIP_STORED)
    [failure] = read_bytes(raw, "many.zip")
    assert failure.error == "ZIP archive has 51 members, over the 50 limit [L105]"


def test_readers_zip_nesting_is_followed_to_the_depth_limit():
    level2 = _zip({"deep.txt": b"too deep"})
    level1 = _zip({"inner.txt": b"inner document", "level2.zip": level2})
    outer = _zip({"level1.zip": level1, "top.txt": b"top document"})
    assert _summary(read_bytes(outer, "outer.zip")) == [
        ("outer.zip!level1.zip!inner.txt", "ok"),
        ("outer.zip!level1.zip!level2.zip", "archive nested deeper than 2 levels; not opened [L105]"),
        ("outer.zip!top.txt", "ok"),
    ]


def test_readers_zip_path_traversal_names_are_made_safe():
    raw = _zip({"../../etc/passwd": b"root:x:0:0", "/abs/x.txt": b"abs", "a\nb.txt": b"newline"})
    names = [item.name for item in read_bytes(raw, "evil.zip")]
    assert names == ["evil.zip!abs/x.txt", "evil.zip!etc/passwd", "evil.zip!a?b.txt"] or \
        sorted(names) == sorted(["evil.zip!abs/x.txt", "evil.zip!etc/passwd", "evil.zip!a?b.txt"])
    assert not any(".." in name for name in names)


def _set_encrypted_flag(raw: bytes, name: bytes) -> bytes:
    """Set bit 0 of the general-purpose flags of `name`, as `zip -e` does, in both its headers."""
    data = bytearray(raw)
    pos = data.find(name)
    while pos >= 0:
        if data[pos - 30:pos - 26] == b"PK\x03\x04":
            data[pos - 24] |= 0x1
        elif data[pos - 46:pos - 42] == b"PK\x01\x02":
            data[pos - 38] |= 0x1
        pos = data.find(name, pos + 1)
    return bytes(data)


def test_readers_zip_encrypted_member_fails_alone():
    raw = _zip({"secret.txt": b"\x00" * 12 + b"ciphertext", "open.txt": b"an open document"})
    raw = _set_encrypted_flag(raw, b"secret.txt")
    assert _summary(read_bytes(raw, "x.zip")) == [
        ("x.zip!open.txt", "ok"),
        ("x.zip!secret.txt", "encrypted archive member (a password is needed); not read [L105]"),
    ]


def test_readers_zip_empty_and_office_files_are_refused():
    [empty] = read_bytes(_zip({}), "empty.zip")
    assert empty.error == "ZIP archive holds no documents [L101]"
    docx = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    [office] = read_bytes(docx, "memo.docx")
    assert "Office" in office.error and "[L105]" in office.error


@pytest.mark.corpus
def test_readers_shared_corpus_reads_without_failures(shared):
    folders = [shared / "data" / "cables-noisy-examples", shared / "data" / "news" / "wikinews"]
    items = list(read_paths(folders))
    failures = [item for item in items if isinstance(item, Failure)]
    assert len(items) > 50 and not failures, failures[:3]
    assert not [item.name for item in items if item.warnings]


def test_readers_import_stays_light():
    import subprocess
    import sys

    code = ("import sys, legation, legation.parse.readers, legation.sniff, legation.text;"
            "print(sorted(m for m in ('trafilatura', 'pypdf', 'lxml', 'charset_normalizer') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
