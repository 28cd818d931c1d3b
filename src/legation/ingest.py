"""Ingest: files → parse → extract → store, in worker processes that write their own batches.

    files ──stat──▶ unchanged? skip ──▶ workers: read, parse, extract, flatten to rows, write
                                                 (one transaction per batch; ingest_workers.py)

With one worker everything runs in this process. A store without `release` (not SQLite) gets the
rows of worker processes written from this process.

Idempotent: a file whose size and mtime are unchanged is skipped before it is read; one whose
mtime moved but whose sha256 is the same only gets its mtime recorded; a changed file replaces
its documents and every row derived from them. A file's state is written in the same
transaction as its documents, so an interrupted ingest redoes exactly the files it had not
committed, and running it again finishes the job. Files that fail keep an error record
(`legation errors`) and are retried only when they change.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import signal
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from itertools import chain, islice
from pathlib import Path

from .errors import UsageError
from .record import Document
from .store.base import FileResult, FileState
from .store.rows import document_rows, failure_rows

# Documents per transaction: large enough that commits cost little next to parsing, small enough
# that an interruption loses a second or so of work and the writer's memory stays flat.
BATCH_DOCUMENTS = 256
# Commit at least this often (seconds) even when documents come slowly (large PDFs, full profile).
BATCH_SECONDS = 2.0
# Files up to this size are read once, and the same bytes hashed and parsed; larger ones (dumps and
# archives, mostly) are hashed apart and streamed by the readers. Under every per-document limit.
READ_ONCE_BYTES = 4 * 2**20
# Files handed to a worker at a time: amortises inter-process messages without starving a worker.
WORKER_CHUNK = 8
# Garbage-collection thresholds in ingest workers (CPython's default young generation is 700
# allocations). A document makes tens of thousands of short-lived objects (matches, mentions, rows)
# that reference counting frees; at the default the collector walks the survivors of each moment
# again and again, about 4% of a worker's CPU (bench/ingest_parts.py), a fifth of that here.
WORKER_GC_THRESHOLDS = (100_000, 50, 100)


@dataclass
class IngestReport:
    files: int = 0
    skipped: int = 0
    touched: int = 0
    parsed: int = 0
    documents: int = 0
    errors: int = 0
    seconds: float = 0.0
    workers: int = 1
    profile: str = "fast"

    @property
    def rate(self) -> float:
        """Documents per second over the whole run (skipped files count: they are work avoided)."""
        return (self.documents + self.skipped) / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        out = asdict(self)
        out["seconds"] = round(self.seconds, 3)
        out["rate"] = round(self.rate, 1)
        return out


def walk_inputs(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files under the given paths, absolute, in a stable order; hidden files and folders skipped."""
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.exists():
            raise UsageError(f"no such file or directory: {raw}")
        path = path.resolve()
        if path.is_file():
            yield path
            continue
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith("."):
                    yield Path(dirpath) / name


def file_sha256(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class Plan:
    """What an ingest has to do, found as the inputs are walked: iterating yields each file to parse
    (path, size, mtime_ns), so that workers can start on the first files while the rest are planned;
    `todo`, `skipped` and `touch` (unchanged files whose mtime moved) are complete once it is exhausted."""

    def __init__(self, store, paths: Iterable[str | os.PathLike]):
        self.paths = list(paths)
        for raw in self.paths:  # every input is checked before any work starts
            if not Path(raw).expanduser().exists():
                raise UsageError(f"no such file or directory: {raw}")
        self.known = store.file_states()
        self.todo = 0
        self.skipped = 0
        self.touch: list[FileState] = []

    def __iter__(self) -> Iterator[tuple[Path, int, int]]:
        seen: set[str] = set()
        for path in walk_inputs(self.paths):
            key = str(path)
            if key in seen:
                continue
            seen.add(key)
            task = self._task(path, key)
            if task is None:
                self.skipped += 1
            else:
                self.todo += 1
                yield task
        self.known = {}  # no longer needed, and one entry per stored file

    def _task(self, path: Path, key: str) -> tuple[Path, int, int] | None:
        try:
            st = path.stat()
        except OSError:
            return path, -1, -1
        state = self.known.get(key)
        if state is None or state.size != st.st_size:
            return path, st.st_size, st.st_mtime_ns
        if state.mtime_ns == st.st_mtime_ns:
            return None
        try:
            digest = file_sha256(path)
        except OSError:
            digest = None
        if digest != state.sha256:
            return path, st.st_size, st.st_mtime_ns
        self.touch.append(FileState(key, st.st_size, st.st_mtime_ns, digest))
        return None


def process_file(task: tuple[Path, int, int], format: str = "auto", profile: str = "fast",
                 extract: bool = True) -> FileResult:
    """Read, parse and extract one file into rows (runs in a worker); never raises on bad input."""
    from .parse import Failure, parse_bytes, parse_paths
    from .parse.readers import display_name

    path, size, mtime_ns = task
    key = str(path)
    try:
        raw = read_small_file(path)
        digest = hashlib.sha256(raw).hexdigest() if raw is not None else file_sha256(path)
    except OSError as exc:
        result = FileResult(key, size, mtime_ns, "")
        result.rows.append(failure_rows(key, f"cannot read file: {exc.strerror or exc} [L104]"))
        return result
    result = FileResult(key, size, mtime_ns, digest)
    try:
        if raw is not None:
            items = parse_bytes(raw, display_name(path), format=format, extract=extract, profile=profile)
        else:
            items = parse_paths([path], format=format, extract=extract, profile=profile)
        for ord, item in enumerate(items):
            if isinstance(item, Failure):
                result.rows.append(failure_rows(item.source, item.error, ord))
            else:
                result.rows.append(document_rows(item, ord))
    except Exception as exc:  # a bug in one file must not stop the ingest  # noqa: BLE001
        result.rows.append(failure_rows(key, f"internal error ({type(exc).__name__}: {exc}) [L900]",
                                        len(result.rows)))
    return result


def read_small_file(path: Path) -> bytes | None:
    """The bytes of a regular file of at most READ_ONCE_BYTES, read once to be hashed and parsed;
    None for anything else (left to the readers, which stream dumps and check every limit)."""
    from .parse.limits import read_up_to

    info = os.stat(path)  # before opening: opening a named pipe would wait for a writer
    if not stat.S_ISREG(info.st_mode) or info.st_size > READ_ONCE_BYTES:
        return None
    with open(path, "rb", buffering=0) as handle:  # unbuffered: a buffer's set-up costs more than the read
        raw = read_up_to(handle, info.st_size, READ_ONCE_BYTES)
    return raw if len(raw) <= READ_ONCE_BYTES else None


def tune_worker_gc() -> None:
    """Collect garbage as an ingest worker should (WORKER_GC_THRESHOLDS); for worker processes only.

    What the worker inherited from its parent at the fork (the store's file states among it, one per
    file already ingested) is frozen: a full collection in the worker would otherwise write to every
    one of those objects and so copy every page that holds them."""
    gc.freeze()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


def _worker_init() -> None:
    # Ctrl-C is handled once, by the parent, which stops the pool and rolls back the open batch.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tune_worker_gc()


def _work(args) -> FileResult:
    task, format, profile, extract = args
    return process_file(task, format, profile, extract)


def ingest(store, paths: Iterable[str | os.PathLike], profile: str = "fast", workers: int | None = None,
           format: str = "auto", extract: bool = True, batch_size: int = BATCH_DOCUMENTS,
           progress: bool | None = None) -> IngestReport:
    """Ingest files and directories into `store`; returns what was done.

    workers: processes that parse and extract (default: all cores; 1 parses in this process).
    progress: a progress bar on stderr (default: when stderr is a terminal).
    """
    from .extract import components
    from .parse.registry import check_format

    check_format(format)
    components(profile)  # validates the profile before any work
    workers = workers or os.cpu_count() or 1
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    started = time.perf_counter()
    plan = Plan(store, paths)
    report = IngestReport(workers=workers, profile=profile)
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    todo = iter(plan)
    # The first files tell whether (and how many) worker processes are worth starting; they start
    # before the rest of the inputs are planned.
    head = list(islice(todo, workers))
    try:
        if len(head) > 1 and hasattr(store, "release"):
            from .ingest_workers import ingest_in_workers

            stored = ingest_in_workers(store, chain(head, todo), len(head), format, profile, extract,
                                       batch_size, BATCH_SECONDS)
        else:
            stored = _ingest_here(store, [*head, *todo], workers, format, profile, extract, batch_size)
        for files, docs, errors in stored:  # the first item comes once every file is planned
            if bar is None and show and plan.todo:
                bar = _Progress(plan.todo)
            report.parsed += files
            report.documents += docs
            report.errors += errors
            if bar:
                bar.advance(files, docs + errors)
        if plan.touch:
            store.touch_files(plan.touch)
    finally:
        if bar:
            bar.stop()
        report.files, report.skipped, report.touched = plan.todo + plan.skipped, plan.skipped, len(plan.touch)
        report.seconds = time.perf_counter() - started
    return report


def _ingest_here(store, todo, workers: int, format: str, profile: str, extract: bool,
                 batch_size: int) -> Iterator[tuple[int, int, int]]:
    """Parse (in `workers` processes) and write from this process; yields (0, 0, 0) at once, then
    (files, documents, errors) per commit."""
    yield 0, 0, 0
    pending: list[FileResult] = []
    pending_docs = 0
    last_commit = time.perf_counter()
    for result in process_files(todo, workers, format, profile, extract):
        pending.append(result)
        pending_docs += max(1, len(result.rows))
        if pending_docs >= batch_size or time.perf_counter() - last_commit >= BATCH_SECONDS:
            store.write_files(pending)
            yield counts(pending)
            pending, pending_docs, last_commit = [], 0, time.perf_counter()
    if pending:
        store.write_files(pending)
        yield counts(pending)


def counts(results: list[FileResult]) -> tuple[int, int, int]:
    """(files, documents stored, error records) of a batch."""
    rows = [r for result in results for r in result.rows]
    return len(results), sum(r.status == "ok" for r in rows), sum(r.status == "error" for r in rows)


def process_files(todo, workers: int, format: str, profile: str, extract: bool) -> Iterator[FileResult]:
    if workers == 1 or len(todo) <= 1:
        for task in todo:
            yield process_file(task, format, profile, extract)
        return
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    pool = context.Pool(min(workers, len(todo)), initializer=_worker_init)
    try:
        yield from pool.imap(_work, ((t, format, profile, extract) for t in todo), chunksize=WORKER_CHUNK)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def ingest_documents(store, docs: Iterable[Document]) -> int:
    """Store already-parsed documents (grouped by `source`, which replaces earlier documents of it)."""
    by_source: dict[str, FileResult] = {}
    for doc in docs:
        result = by_source.get(doc.source)
        if result is None:
            result = by_source[doc.source] = FileResult(doc.source, len(doc.text), 0, doc.sha256)
        result.rows.append(document_rows(doc, len(result.rows)))
    return store.write_files(by_source.values())


class _Progress:
    """A Rich progress bar on stderr: files done, documents, documents per second, time left."""

    def __init__(self, total: int):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.started = time.perf_counter()
        self.docs = 0
        self.progress = Progress(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
            TextColumn("{task.fields[docs]:,} docs"), TextColumn("{task.fields[rate]:,.0f} docs/s"),
            TimeRemainingColumn(), console=Console(stderr=True), transient=False)
        self.task = self.progress.add_task("ingest", total=total, docs=0, rate=0.0)
        self.progress.start()

    def advance(self, files: int, docs: int) -> None:
        self.docs += docs
        elapsed = max(time.perf_counter() - self.started, 1e-6)
        self.progress.update(self.task, advance=files, docs=self.docs, rate=self.docs / elapsed)

    def stop(self) -> None:
        self.progress.stop()

