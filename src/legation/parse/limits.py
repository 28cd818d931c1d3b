"""Size limits for one document (see docs/parsing.md, "Bad input")."""

# One document larger than this is refused: the largest Cablegate cable is under 1 MB and a news
# article under 200 KB, so 16 MiB of a single text is a dump or a mistake, and the heuristics are
# regex-based (cost grows with size). Dumps (JSON Lines, CSV, ZIP) are streamed; the limit applies
# to each of their rows.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
# PDFs carry images and fonts: their bytes say little about the size of their text.
MAX_PDF_BYTES = 256 * 1024 * 1024


def read_up_to(handle, expected: int, limit: int) -> bytes:
    """At most `limit` + 1 bytes of a binary file object (one past the limit tells that it is over),
    asking first for the `expected` size (a `stat`'s or an archive's) and then, only if there was more,
    for the rest up to the limit. A read sized by the limit alone would allocate the whole limit for
    every file: a 16 MiB buffer mapped and unmapped around a cable of 8 KiB."""
    raw = handle.read(min(expected, limit) + 1)
    if expected < len(raw) <= limit:  # it grew since it was measured
        raw += handle.read(limit + 1 - len(raw))
    return raw
