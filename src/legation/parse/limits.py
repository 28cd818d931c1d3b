"""Size limits for one document (see docs/parsing.md, "Bad input")."""

# One document larger than this is refused: the largest Cablegate cable is under 1 MB and a news
# article under 200 KB, so 16 MiB of a single text is a dump or a mistake, and the heuristics are
# regex-based (cost grows with size). Dumps (JSON Lines, CSV, ZIP) are streamed; the limit applies
# to each of their rows.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
# PDFs carry images and fonts: their bytes say little about the size of their text.
MAX_PDF_BYTES = 256 * 1024 * 1024
