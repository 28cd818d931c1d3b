"""Errors and warnings with numbered, searchable codes (docs/errors.md lists them all)."""

from __future__ import annotations


class LegationError(Exception):
    """Base class: every error legation raises on purpose carries a code and a one-line message."""

    code = "L000"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class InputError(LegationError):
    """A file (or a row of a dump) that cannot become a document."""

    code = "L100"


class EmptyInput(InputError):
    code = "L101"


class BinaryInput(InputError):
    code = "L102"


class TooLarge(InputError):
    code = "L103"


class UnreadableInput(InputError):
    code = "L104"


class BadContainer(InputError):
    """A ZIP, PDF, JSON Lines or CSV file that is truncated, malformed or over a safety limit."""

    code = "L105"


class NoText(InputError):
    """The input decoded but holds no document text (a scanned PDF, a script-only page, an empty row)."""

    code = "L106"


class UsageError(LegationError):
    """A bad option or argument on the command line or in the Python API."""

    code = "L200"
