"""How the full contract record of a document is kept in the store: JSON, compressed.

Written as zstandard (level 1: about 3:1 on records, at a third of the time of zlib's fastest
level); read as zstandard or, for stores written before, zlib — told apart by their first bytes.
A zstandard context must not be used by two threads at once (the web server reads on several), so
each thread keeps its own.
"""

from __future__ import annotations

import threading
import zlib

import orjson
import zstandard

from ..record import Document

LEVEL = 1
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


class _Contexts(threading.local):
    """A compressor and a decompressor, made for each thread on its first use."""

    def __init__(self):
        self.compressor = zstandard.ZstdCompressor(level=LEVEL)
        self.decompressor = zstandard.ZstdDecompressor()


_contexts = _Contexts()


def pack_record(doc: Document) -> bytes:
    return _contexts.compressor.compress(doc.to_json())


def unpack_record(blob: bytes) -> dict:
    if blob[:4] == ZSTD_MAGIC:
        return orjson.loads(_contexts.decompressor.decompress(blob))
    return orjson.loads(zlib.decompress(blob))
