from annotated import astana_cable, corpus_documents, seed_article, seed_cable

from legation.ingest import ingest_documents
from legation.store.base import FileResult
from legation.store.rows import document_rows, failure_rows, split_cable_id

DERIVED = ("paragraphs", "mentions", "times", "acronyms", "refs", "tags", "recipients", "caveats")


def _counts(store) -> dict[str, int]:
    conn = store.reader()
    out = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (*DERIVED, "documents")}
    out["fts"] = conn.execute("SELECT count(*) FROM fts").fetchone()[0]
    return out


def test_sqlite_writes_a_document_with_all_its_rows(store):
    assert ingest_documents(store, [seed_cable()]) == 1
    counts = _counts(store)
    assert counts["documents"] == counts["fts"] == 1
    assert counts["tags"] == 6 and counts["refs"] == 2 and counts["recipients"] == 2 and counts["caveats"] == 2
    assert counts["times"] == 2 and counts["mentions"] > 10
    row = store.reader().execute("SELECT key, cable_id, kind, year, origin, status FROM documents").fetchone()
    assert row == ("07MOSCOW3736", "07MOSCOW3736", "cable", 2007, "Embassy Moscow", "ok")


def test_sqlite_replacing_a_source_removes_its_old_rows(store):
    ingest_documents(store, corpus_documents())
    before = _counts(store)
    changed = seed_cable()
    changed.entities = changed.entities[:1]
    changed.times = []
    changed.cable.tags = changed.cable.tags[:1]
    ingest_documents(store, [changed])
    after = _counts(store)
    assert after["documents"] == before["documents"]
    assert after["fts"] == before["fts"]
    assert after["tags"] == before["tags"] - 5
    assert after["times"] == before["times"] - 2
    conn = store.reader()
    assert conn.execute("SELECT count(*) FROM mentions m WHERE NOT EXISTS "
                        "(SELECT 1 FROM documents d WHERE d.doc = m.doc)").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM entity_docs ed WHERE NOT EXISTS (SELECT 1 FROM mentions m "
                        "WHERE m.doc = ed.doc AND m.entity = ed.entity)").fetchone()[0] == 0
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO fts(fts) VALUES ('integrity-check')")  # raises on a damaged index
    assert store.index_differences() == 0  # the replaced document left the index with all its words


def test_sqlite_index_check_sees_a_document_that_left_the_index_with_other_words(store):
    from legation.store.records import unpack_record
    from legation.store.rows import record_body

    ingest_documents(store, corpus_documents())
    assert store.index_differences() == 0
    conn = store.writer()
    doc, title, blob = conn.execute("SELECT d.doc, d.title, r.record FROM documents d JOIN records r "
                                    "ON r.doc = d.doc ORDER BY d.doc LIMIT 1").fetchone()
    body = record_body(unpack_record(blob))
    conn.execute("INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                 (doc, title or "", body[:len(body) // 2]))
    assert store.index_differences() > 0


def test_sqlite_a_batch_is_all_or_nothing(store):
    good = FileResult("a.txt", 1, 1, "h1", [document_rows(seed_article())])
    bad = FileResult("b.txt", 1, 1, "h2", [document_rows(seed_cable())])
    bad.rows[0].mentions.append(("not", "enough", "columns"))
    try:
        store.write_files([good, bad])
    except Exception:  # noqa: BLE001 - any database error
        pass
    else:
        raise AssertionError("the malformed row should have failed the batch")
    assert _counts(store)["documents"] == 0
    assert store.file_states() == {}
    # The entities of the rolled-back batch are written with the next one.
    ingest_documents(store, [seed_article()])
    names = {r[0] for r in store.reader().execute("SELECT name FROM entities")}
    assert "Baikonur Cosmodrome" in names and "Talgat Musabayev" in names


def test_sqlite_keeps_failures_as_error_records(store):
    store.write_files([FileResult("broken.pdf", 10, 1, "h", [failure_rows("broken.pdf", "damaged PDF [L105]")])])
    conn = store.reader()
    assert conn.execute("SELECT source, status, message FROM documents").fetchall() == [
        ("broken.pdf", "error", "damaged PDF [L105]")]
    assert store.file_states()["broken.pdf"].sha256 == "h"


def test_sqlite_placeholders_are_cited_cables_not_stored(store):
    ingest_documents(store, [seed_cable(), astana_cable()])
    rows = dict(store.reader().execute("SELECT ref_id, cited_by FROM placeholders").fetchall())
    assert rows == {"07STATE87399": 1, "07STATE77400": 1}


def test_sqlite_split_cable_id():
    assert split_cable_id("07STATE87399") == ("STATE", 2007)
    assert split_cable_id("86MOSCOW18538") == ("MOSCOW", 1986)
    assert split_cable_id("not an id") == (None, None)


def test_sqlite_record_round_trips_and_older_zlib_records_still_read():
    import json
    import zlib

    from legation.store.records import ZSTD_MAGIC, pack_record, unpack_record

    doc = seed_cable()
    blob = pack_record(doc)
    assert blob[:4] == ZSTD_MAGIC
    assert unpack_record(blob) == json.loads(json.dumps(doc.to_dict()))
    older = zlib.compress(json.dumps(doc.to_dict(), ensure_ascii=False).encode(), 1)
    assert unpack_record(older) == unpack_record(blob)


def test_sqlite_write_without_waiting_gives_way_to_another_writer(tmp_path):
    from legation.store import open_store

    first, second = open_store(tmp_path / "s.db"), open_store(tmp_path / "s.db")
    try:
        result = FileResult("x.txt", 1, 1, "h", [document_rows(seed_cable())])
        first.writer().execute("BEGIN IMMEDIATE")
        assert second.write_files([result], wait=False) is None
        first.writer().execute("ROLLBACK")
        assert second.write_files([result], wait=False) == 1
        assert second.reader().execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    finally:
        first.close()
        second.close()


def test_sqlite_records_pack_and_unpack_on_many_threads_at_once():
    """The web server reads records on several threads; a shared zstandard context crashes the
    process (heap corruption), so the check runs in a child process and reads its exit status."""
    import subprocess
    import sys

    script = """
import threading, random
from legation.store.records import pack_record, unpack_record
from legation.record import Document
rng = random.Random(7)
words = ["launch", "Baikonur", "agreement", "cable", "MOSCOW", "space", "Russia", "safeguards"]
docs = [Document(source=f"d{i}", sha256="0" * 64, kind="other",
                 text=" ".join(rng.choice(words) + str(rng.randrange(10**6)) for _ in range(20000))) for i in range(16)]
wrong = []
def run():
    for _ in range(30):
        for doc in docs:
            if unpack_record(pack_record(doc))["text"] != doc.text:
                wrong.append(doc.source)
threads = [threading.Thread(target=run) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print("wrong", len(wrong))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "wrong 0"
