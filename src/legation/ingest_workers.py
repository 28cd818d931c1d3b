"""Ingest worker processes that parse, extract and write their own batches to an SQLite store.

    parent ──chunks of file names, as planned──▶ tasks ──▶ worker 1 … N: read, parse, extract,
    parent ◀──(files, documents, errors) per commit── done ◀──┘     flatten, write

Rows never cross a process boundary: only file names go out and counts come back, so no core is
spent pickling rows or running a writer beside the workers. SQLite takes one writer at a time; a
worker whose batch is due while another is writing does not wait for the lock but parses its next
chunk and tries again, and waits only once it holds WAIT_BATCHES batches. Near the end the batches
are smaller (DRAIN_DOCUMENTS), so that the last commits are short. The workers start as soon as the
first files are planned, and the parent plans the rest while they start up.

Each commit holds a batch of files with their documents and file states, as in the single-process
ingest: a worker killed mid-batch loses only that batch, which the next ingest redoes. The parent
closes its own connections while it forks (a forked child must not inherit an open SQLite
connection to the file it opens), and stops every worker when it is interrupted.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from itertools import islice

from .errors import InternalError, LegationError
from .ingest import WORKER_CHUNK, counts, process_file, tune_worker_gc

# A worker that cannot get the write lock keeps parsing until it holds this many batches, then waits.
WAIT_BATCHES = 4
# Near the end (fewer than DRAIN_CHUNKS chunks left to take), workers commit batches of DRAIN_DOCUMENTS:
# their last batches are then small, and the one that ends last waits less for the other's last commit
# and has less left to write itself, while one core idles.
DRAIN_CHUNKS = 32
DRAIN_DOCUMENTS = 64
# The page cache of each worker's connection, in KiB. Another worker's commit empties it (SQLite
# drops a connection's cache when the file changed under it), so a large one buys little.
WORKER_CACHE_KIB = 64 * 1024
# How often (seconds) an idle worker checks that its parent is still alive, and the parent its workers.
POLL_SECONDS = 0.5


def ingest_in_workers(store, todo: Iterable, workers: int, format: str, profile: str, extract: bool,
                      batch_size: int, batch_seconds: float) -> Iterator[tuple[int, int, int]]:
    """Parse and store the files of `todo` in `workers` processes, which start while `todo` is still
    being planned; yields (0, 0, 0) once every file is handed out, then (files, documents, errors)
    per commit."""
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    tasks, done = context.Queue(), context.Queue()
    settings = (store.path, format, profile, extract, batch_size, batch_seconds, os.getpid())
    procs = [context.Process(target=_worker, args=(tasks, done, settings), daemon=True) for _ in range(workers)]
    store.release()
    try:
        for proc in procs:
            proc.start()
    except BaseException:
        for proc in procs:
            if proc.pid is not None:
                proc.terminate()
        raise
    finally:
        store.reconnect()
    try:
        # Filled once the workers exist: nothing but this thread runs in this process when it forks.
        todo = iter(todo)
        while chunk := list(islice(todo, WORKER_CHUNK)):
            tasks.put(chunk)
        for _ in range(workers):
            tasks.put(None)
        yield 0, 0, 0
        running = len(procs)
        while running:
            try:
                message = done.get(timeout=POLL_SECONDS)
            except queue.Empty:
                _check(procs)
                continue
            kind, *rest = message
            if kind == "stored":
                yield tuple(rest)
            elif kind == "failed":
                raise rest[0]
            else:
                running -= 1
    except BaseException:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
        tasks.cancel_join_thread()
        raise
    finally:
        for proc in procs:
            proc.join()
        tasks.close()
        done.close()


def _check(procs) -> None:
    for proc in procs:
        if proc.exitcode not in (None, 0):
            raise InternalError(f"an ingest worker stopped (exit code {proc.exitcode}); what it had not "
                                "committed is not stored: run the ingest again to finish")


def _worker(tasks, done, settings) -> None:
    from .store.sqlite import SQLiteStore

    path, format, profile, extract, batch_size, batch_seconds, parent = settings
    # Ctrl-C is handled once, by the parent, which stops the workers (their open batch rolls back).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tune_worker_gc()
    try:
        store = SQLiteStore(path, cache_kib=WORKER_CACHE_KIB)
        try:
            _work(store, tasks, done, format, profile, extract, batch_size, batch_seconds, parent)
        finally:
            store.close()
    except Exception as exc:  # reported to the parent, which stops the ingest  # noqa: BLE001
        if not isinstance(exc, LegationError):
            exc = InternalError(f"an ingest worker failed ({type(exc).__name__}: {exc})")
        done.put(("failed", exc))
        return
    done.put(("finished",))


def _work(store, tasks, done, format, profile, extract, batch_size, batch_seconds, parent) -> None:
    pending: list = []
    pending_docs = 0
    last = time.monotonic()
    while (chunk := _next(tasks, parent)) is not None:
        for task in chunk:
            result = process_file(task, format, profile, extract)
            pending.append(result)
            pending_docs += max(1, len(result.rows))
        batch = min(batch_size, DRAIN_DOCUMENTS) if _draining(tasks) else batch_size
        if pending_docs >= batch or time.monotonic() - last >= batch_seconds:
            wait = pending_docs >= WAIT_BATCHES * batch
            if _write(store, pending, done, wait):
                pending, pending_docs, last = [], 0, time.monotonic()
    _write(store, pending, done, wait=True)


def _draining(tasks) -> bool:
    """Whether few chunks are left to take (the end of the ingest is near)."""
    try:
        return tasks.qsize() < DRAIN_CHUNKS
    except NotImplementedError:  # macOS has no sem_getvalue
        return False


def _next(tasks, parent: int):
    """The next chunk of files, or None when there are no more; exits when the parent is gone."""
    while True:
        try:
            return tasks.get(timeout=POLL_SECONDS)
        except queue.Empty:
            if os.getppid() != parent:
                os._exit(1)  # nobody will read what we store; the next ingest redoes it


def _write(store, pending: list, done, wait: bool) -> bool:
    """Write the pending files in one transaction; False when the lock was busy and wait is off."""
    if not pending:
        return True
    if store.write_files(pending, wait=wait) is None:
        return False
    done.put(("stored", *counts(pending)))
    return True
