"""Ingest: idempotent by content, replaces changed files, keeps errors, survives being killed."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import legation
from legation.errors import UsageError

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = ("seed.000_227d2fbe0adcadcd.txt", "seed.004_69b9118b38fb912e.txt")
LEGATION = Path(sys.executable).with_name("legation")


def _cable(serial: int) -> str:
    """The seed cable with a new serial: a distinct document with the same structure."""
    text = (FIXTURES / SEEDS[1]).read_text(encoding="utf-8")
    return (text.replace("#3736", f"#{serial}").replace("MOSCOW 003736", f"MOSCOW {serial:06d}")
            + f"\nSerial note {serial}.\n")


def _folder(root: Path, cables: int, broken: int = 0) -> Path:
    folder = root / "in"
    folder.mkdir()
    for name in SEEDS:
        shutil.copy(FIXTURES / name, folder / name)
    for i in range(cables):
        (folder / f"cable_{i:04d}.txt").write_text(_cable(4000 + i), encoding="utf-8")
    for i in range(broken):
        (folder / f"broken_{i}.txt").write_bytes(b"" if i % 2 == 0 else b"\x00\x01\x02\xff" * 300)
    return folder


def _count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_ingest_twice_skips_everything_the_second_time(tmp_path):
    folder = _folder(tmp_path, 6, broken=2)
    with legation.open(tmp_path / "c.db") as corpus:
        first = corpus.ingest(folder, workers=1)
        assert (first.documents, first.errors, first.skipped) == (8, 2, 0)
        second = corpus.ingest(folder, workers=1)
        assert (second.parsed, second.documents, second.skipped) == (0, 0, 10)
        assert corpus.stats()["documents"] == 8
        assert len(corpus.errors()) == 2


def test_ingest_replaces_only_the_changed_file(tmp_path):
    folder = _folder(tmp_path, 4)
    with legation.open(tmp_path / "c.db") as corpus:
        corpus.ingest(folder, workers=1)
        conn = corpus.store.reader()
        before = dict(conn.execute("SELECT source, doc FROM documents"))
        target = folder / "cable_0002.txt"
        target.write_text("UNCLAS MOSCOW 009999\n\nSUBJECT: A NEW TEXT ABOUT ZEPPELINS\n\n1. (U) Zeppelins.\n")
        report = corpus.ingest(folder, workers=1)
        assert (report.parsed, report.skipped) == (1, 5)
        after = dict(conn.execute("SELECT source, doc FROM documents"))
        changed = str(target.resolve())
        assert after[changed] != before[changed]
        assert {k: v for k, v in after.items() if k != changed} == {
            k: v for k, v in before.items() if k != changed}
        assert conn.execute("SELECT count(*) FROM fts WHERE rowid = ?", (before[changed],)).fetchone()[0] == 0
        for table in ("paragraphs", "mentions", "times", "refs", "tags", "recipients", "caveats"):
            stale = conn.execute(f"SELECT count(*) FROM {table} WHERE doc = ?", (before[changed],)).fetchone()[0]
            assert stale == 0, table
        assert corpus.search("zeppelins").total == 1
        assert corpus.store.index_differences() == 0


def test_ingest_same_content_new_mtime_is_not_parsed_again(tmp_path):
    folder = _folder(tmp_path, 2)
    with legation.open(tmp_path / "c.db") as corpus:
        corpus.ingest(folder, workers=1)
        target = folder / "cable_0001.txt"
        os.utime(target, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
        report = corpus.ingest(folder, workers=1)
        assert (report.parsed, report.touched, report.skipped) == (0, 1, 4)
        assert corpus.ingest(folder, workers=1).touched == 0


def test_ingest_with_workers_matches_a_single_process(tmp_path):
    folder = _folder(tmp_path, 12, broken=1)
    with legation.open(tmp_path / "one.db") as one, legation.open(tmp_path / "two.db") as two:
        one.ingest(folder, workers=1)
        two.ingest(folder, workers=2)
        sql = "SELECT source, key, kind, title, date, status FROM documents ORDER BY source"
        assert one.store.reader().execute(sql).fetchall() == two.store.reader().execute(sql).fetchall()


def _worker_batches(folder: Path, db: Path, monkeypatch, drain_chunks: int) -> list[int]:
    """Files per commit of one ingest worker (run in this process) over a folder's files in chunks of
    two, when it drains (commits batches of three documents) with fewer than drain_chunks chunks left."""
    import multiprocessing

    from legation import ingest_workers
    from legation.store.sqlite import SQLiteStore

    monkeypatch.setattr(ingest_workers, "DRAIN_CHUNKS", drain_chunks)
    monkeypatch.setattr(ingest_workers, "DRAIN_DOCUMENTS", 3)
    context = multiprocessing.get_context("fork")
    tasks, done = context.Queue(), context.Queue()
    files = sorted(folder.iterdir())
    for i in range(0, len(files), 2):
        tasks.put([(p, p.stat().st_size, p.stat().st_mtime_ns) for p in files[i:i + 2]])
    tasks.put(None)
    store = SQLiteStore(db)
    try:
        ingest_workers._work(store, tasks, done, "auto", "fast", False, 256, 60.0, os.getppid())
    finally:
        store.close()
    batches = []
    while True:
        try:
            kind, files_stored, *_ = done.get(timeout=1)
        except queue.Empty:
            return batches
        assert kind == "stored"
        batches.append(files_stored)


def test_ingest_workers_commit_small_batches_near_the_end(tmp_path, monkeypatch):
    folder = _folder(tmp_path, 10)
    # Far from the end: one batch of 256 documents holds all twelve files.
    assert _worker_batches(folder, tmp_path / "a.db", monkeypatch, drain_chunks=0) == [12]
    # Near it: a commit once three documents are pending (two chunks of two files).
    assert _worker_batches(folder, tmp_path / "b.db", monkeypatch, drain_chunks=100) == [4, 4, 4]
    assert _count(tmp_path / "b.db", "SELECT count(*) FROM documents") == 12


def test_ingest_rejects_bad_arguments(tmp_path):
    with legation.open(tmp_path / "c.db") as corpus:
        with pytest.raises(UsageError, match="no such file"):
            corpus.ingest(tmp_path / "missing")
        # A missing input stops the ingest before any other is read, though workers start early.
        folder = _folder(tmp_path, 4)
        with pytest.raises(UsageError, match="no such file.*missing"):
            corpus.ingest([folder, tmp_path / "missing"], workers=2)
        assert _count(tmp_path / "c.db", "SELECT count(*) FROM files") == 0
        with pytest.raises(UsageError):
            corpus.ingest(tmp_path, profile="turbo")
        with pytest.raises(UsageError):
            corpus.ingest(tmp_path, format="pdfx")


def test_ingest_killed_midway_loses_nothing_committed(tmp_path):
    folder = _folder(tmp_path, 400, broken=6)
    db = tmp_path / "killed.db"
    command = [str(LEGATION), "ingest", str(folder), "--db", str(db), "--workers", "2", "--batch-size", "10",
               "--no-extract", "--quiet"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    killed = False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if db.exists() and _count(db, "SELECT count(*) FROM documents") >= 40:
                os.killpg(proc.pid, signal.SIGKILL)
                killed = True
                break
        except sqlite3.OperationalError:
            pass  # the schema is being created
        time.sleep(0.01)
    proc.wait()
    partial = _count(db, "SELECT count(*) FROM documents")
    assert killed and partial < 408, "the ingest finished before it could be killed"
    again = subprocess.run(command[:-1], capture_output=True, text=True)
    assert again.returncode in (0, 1), again.stderr  # 1 when this run met a broken file
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO fts(fts) VALUES ('integrity-check')")
        assert conn.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0] == 402
        assert conn.execute("SELECT count(*) FROM documents WHERE status = 'error'").fetchone()[0] == 6
        assert conn.execute("SELECT count(*) FROM (SELECT source FROM documents GROUP BY source "
                            "HAVING count(*) > 1)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM fts").fetchone()[0] == 402
        assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == 408
        orphans = conn.execute("SELECT count(*) FROM paragraphs p WHERE NOT EXISTS "
                               "(SELECT 1 FROM documents d WHERE d.doc = p.doc)").fetchone()[0]
        assert orphans == 0
    finally:
        conn.close()
    from legation.store.sqlite import SQLiteStore

    store = SQLiteStore(db, readonly=True)
    try:
        assert store.index_differences() == 0  # no batch left words behind in the index
    finally:
        store.close()


def test_ingest_interrupted_with_ctrl_c_keeps_what_was_committed(tmp_path):
    folder = _folder(tmp_path, 400)
    db = tmp_path / "interrupted.db"
    command = [str(LEGATION), "ingest", str(folder), "--db", str(db), "--workers", "2", "--batch-size", "10",
               "--no-extract", "--quiet"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    sent = False
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if db.exists() and _count(db, "SELECT count(*) FROM documents") >= 40:
                os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends to the whole group
                sent = True
                break
        except sqlite3.OperationalError:
            pass
        time.sleep(0.01)
    _, stderr = proc.communicate(timeout=60)
    assert sent, "the ingest finished before it could be interrupted"
    assert proc.returncode == 130 and "interrupted" in stderr
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        files = conn.execute("SELECT coalesce(sum(docs + errors), 0) FROM files").fetchone()[0]
        assert 40 <= docs < 402 and docs == files  # every committed file has all its documents
    finally:
        conn.close()
    again = subprocess.run(command, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert _count(db, "SELECT count(*) FROM documents") == 402


def test_ingest_a_worker_that_fails_stops_the_ingest_with_a_clear_error(tmp_path, monkeypatch):
    from legation.errors import InternalError
    from legation.store.sqlite import SQLiteStore

    def broken_disk(self, results, wait=True):  # fault injection: the workers are forked with it
        raise sqlite3.OperationalError("disk I/O error")

    folder = _folder(tmp_path, 30)
    with legation.open(tmp_path / "c.db") as corpus:
        monkeypatch.setattr(SQLiteStore, "write_files", broken_disk)
        with pytest.raises(InternalError, match="ingest worker failed.*disk I/O error"):
            corpus.ingest(folder, workers=2, extract=False)
        monkeypatch.undo()
        assert corpus.ingest(folder, workers=2, extract=False).documents == 32


def _seed_store(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in SEEDS:
        shutil.copy(FIXTURES / name, folder / name)
    corpus = legation.open(tmp_path / "seeds.db")
    corpus.ingest(folder, workers=1)
    return corpus


def test_ingest_seeds_parse_into_the_store(tmp_path):
    with _seed_store(tmp_path) as corpus:
        assert corpus.stats()["documents"] == 2
        assert {h.kind for h in corpus.search("Baikonur").hits} == {"cable", "article"}


# The joint timeline of shared/seeds/EXPECTED.md ("Across both"), by start date.
JOINT_TIMELINE = ("1987", "1990", "1995", "2004", "2007-07-27", "2007-07-31", "2013", "2013-07", "2013-10",
                  "2014-01", "2014-02-06")


def test_ingest_seeds_entity_baikonur_lists_both_documents(tmp_path):
    with _seed_store(tmp_path) as corpus:
        dossier = corpus.entity("Baikonur")
        assert {d["kind"] for d in dossier.documents} == {"cable", "article"}
        starts = [e.date_from for e in corpus.timeline("Baikonur").entries]
        positions = [next(i for i, s in enumerate(starts) if s.startswith(day)) for day in JOINT_TIMELINE]
        assert positions == sorted(positions)


def test_ingest_a_dump_is_one_file_of_many_documents(tmp_path):
    import json

    dump = tmp_path / "news.jsonl"
    rows = [{"title": "Launch delayed", "text": "The launch from Baikonur was delayed by a week."},
            {"title": "No text here"},
            {"title": "Pad repaired", "text": "Engineers repaired the launch pad at Vostochny."}]
    dump.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    with legation.open(tmp_path / "c.db") as corpus:
        report = corpus.ingest(dump, workers=1)
        assert (report.documents, report.errors) == (2, 1)
        assert [e["source"] for e in corpus.errors()] == [f"{dump.resolve()}#2"]
        assert corpus.search("launch").total == 2
        dump.write_text(json.dumps(rows[0]) + "\n")
        report = corpus.ingest(dump, workers=1)
        assert (report.documents, report.errors) == (1, 0)
        assert corpus.search("launch").total == 1 and corpus.errors() == []


@pytest.mark.parametrize("small", [True, False])
def test_ingest_reads_a_file_once_or_streams_it_with_the_same_result(tmp_path, monkeypatch, small):
    import zipfile

    from legation import ingest as ingest_module
    from legation.parse import Failure, parse_paths
    from legation.store.rows import document_rows, failure_rows

    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", (FIXTURES / SEEDS[0]).read_text(encoding="utf-8"))
        z.writestr("b.txt", b"\x00\x01\x02\xff" * 300)
    text = tmp_path / "seed.txt"
    shutil.copy(FIXTURES / SEEDS[1], text)
    if not small:
        monkeypatch.setattr(ingest_module, "READ_ONCE_BYTES", 16)
    for path in (archive, text):
        result = ingest_module.process_file((path, 0, 0))
        assert result.sha256 == ingest_module.file_sha256(path)
        expected = [failure_rows(item.source, item.error, i) if isinstance(item, Failure) else document_rows(item, i)
                    for i, item in enumerate(parse_paths([path]))]
        assert [vars(r) for r in result.rows] == [vars(r) for r in expected]
    assert [r.status for r in ingest_module.process_file((archive, 0, 0)).rows] == ["ok", "error"]


def test_read_small_file_reads_what_the_file_holds_when_it_is_read(tmp_path, monkeypatch):
    """A small file is read with the size stat gave; one that grew after the stat is read whole, and
    one that grew past READ_ONCE_BYTES is left to the readers."""
    import os

    from legation import ingest as ingest_module

    seed = (FIXTURES / SEEDS[0]).read_bytes()
    path = tmp_path / "seed.txt"
    path.write_bytes(seed)
    assert ingest_module.read_small_file(path) == seed
    real_stat = os.stat

    def stat_before_growth(target, *args, **kwargs):
        info = real_stat(target, *args, **kwargs)
        return os.stat_result((info.st_mode, *info[1:6], info.st_size - 100, *info[7:]))

    monkeypatch.setattr(ingest_module.os, "stat", stat_before_growth)
    assert ingest_module.read_small_file(path) == seed
    monkeypatch.setattr(ingest_module, "READ_ONCE_BYTES", len(seed) - 50)
    assert ingest_module.read_small_file(path) is None
    assert ingest_module.read_small_file(tmp_path) is None  # not a regular file


def test_ingest_worker_gc_leaves_what_it_inherited_alone():
    """A worker freezes what it inherited at the fork (the parent's file states among it), so that its
    collections do not copy those pages; and it collects young objects less often than CPython."""
    import gc

    from legation.ingest import WORKER_GC_THRESHOLDS, tune_worker_gc

    inherited = [["/corpus/a.txt", 1, 2]]  # stands for the parent's file states
    before = gc.get_threshold()
    assert any(o is inherited for o in gc.get_objects())
    try:
        tune_worker_gc()
        # out of every generation the collector walks, into the permanent one
        assert not any(o is inherited for o in gc.get_objects())
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == WORKER_GC_THRESHOLDS
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
