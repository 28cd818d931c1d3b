"""What the query modules share: the not-found error and document summaries without internal fields."""

from __future__ import annotations

from ..errors import LegationError


class NotFound(LegationError):
    """No document, entity or cable answers to the name asked for."""

    code = "L301"


def public(summary: dict) -> dict:
    """A document summary as records carry it (internal row numbers dropped)."""
    return {k: v for k, v in summary.items() if not k.startswith("_")}
