"""What a reader yields for input that cannot become a document, and the helpers its messages use."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

# An error line longer than this is cut: it is a message, not a dump of the input.
MAX_ERROR_CHARS = 500
_WHITESPACE = re.compile(r"\s+")


@dataclass
class Failure:
    """A file, member or row that could not become a document. `error` is always one line."""

    source: str
    error: str

    def __post_init__(self) -> None:
        error = _WHITESPACE.sub(" ", str(self.error)).strip()
        if len(error) > MAX_ERROR_CHARS:
            error = error[:MAX_ERROR_CHARS - 12] + " … " + error[-9:]
        self.error = error


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def short(exc: BaseException) -> str:
    lines = str(exc).splitlines()
    return lines[0][:120] if lines else type(exc).__name__
