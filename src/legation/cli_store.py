"""Store commands of the `legation` CLI (ingest, search, show, entity, timeline, refs, stats, errors)."""

from __future__ import annotations
