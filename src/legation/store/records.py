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


_contexts = threading.local()


def _compressor() -> zstandard.ZstdCompressor:
    try:
        return _contexts.compressor
    except AttributeError:
        _contexts.compressor = zstandard.ZstdCompressor(level=LEVEL)
        return _contexts.compressor


def _decompressor() -> zstandard.ZstdDecompressor:
    try:
        return _contexts.decompressor
    except AttributeError:
        _contexts.decompressor = zstandard.ZstdDecompressor()
        return _contexts.decompressor


def pack_record(doc: Document) -> bytes:
    return _compressor().compress(doc.to_json())


def unpack_record(blob: bytes) -> dict:
    if blob[:4] == ZSTD_MAGIC:
        return orjson.loads(_decompressor().decompress(blob))
    return orjson.loads(zlib.decompress(blob))
