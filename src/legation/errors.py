"""Errors and warnings with numbered, searchable codes (docs/errors.md lists them all).

An error's `str()` is its one-line message followed by its code: `empty file [L101]`.
"""

from __future__ import annotations


class LegationError(Exception):
    """Base class: every error legation raises on purpose carries a code and a one-line message."""

    code = "L000"

    def __init__(self, message: str):
        message = " ".join(str(message).split())  # one line, whatever the cause said
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class InputError(LegationError):
    """A file (or a row of a dump) that cannot become a document."""

    code = "L100"


class EmptyInput(InputError):
    """Nothing to read: an empty file, only white space, an empty archive or dump."""

    code = "L101"


class BinaryInput(InputError):
    """Bytes that are not text (NUL or control bytes in the first 64 KB) in no known container."""

    code = "L102"


class TooLarge(InputError):
    """One document over the size limit (--max-bytes), refused before it is read whole."""

    code = "L103"


class UnreadableInput(InputError):
    """The operating system would not give the bytes: missing, a FIFO or device, an I/O error."""

    code = "L104"


class BadContainer(InputError):
    """A ZIP, PDF, JSON Lines or CSV file that is truncated, malformed or over a safety limit."""

    code = "L105"


class NoText(InputError):
    """The input decoded but holds no document text (a scanned PDF, a script-only page, an empty row)."""

    code = "L106"


class MissingColumn(InputError):
    """A column named in --columns is not in the dump's header."""

    code = "L107"


class UsageError(LegationError):
    """A bad option or argument on the command line or in the Python API."""

    code = "L200"


class InternalError(LegationError):
    """A bug met on some input: the input is reported and skipped, the batch goes on."""

    code = "L900"
