"""Canonical cable ids: two-digit year + station without spaces + serial without leading zeros."""

from __future__ import annotations

import re

# Words the class line can carry before the station that are not part of it ("UNCLAS E F T O
# LONDON 002211" gives "EFTOLONDON" in some releases).
STATION_NOISE = re.compile(r"^(?:E\s?F\s?T\s?O|SENSITIVE|NOFORN|SIPDIS|SECTION\s*\d+\s*OF\s*\d+)\s+", re.I)
# An id as files and references write it: 07MOSCOW3736, 09EFTOLONDON2211.
CABLE_ID = re.compile(r"^(?P<year>\d{2})(?P<station>[A-Z][A-Z.'-]*?)(?P<serial>\d+)$")
# Redacted stations ("XXXXXXXXXXXX 000004") name no post.
REDACTED = re.compile(r"^X{4,}$")
# WikiLeaks ids that embed header text, and what the station is.
MALFORMED_ID = re.compile(r"^(?P<year>\d{2})(?:EFTO|S?E?C?TION\d\d[OG]F\d\d)(?P<station>[A-Z]+)(?P<serial>\d+)$")


def clean_station(station: str | None) -> str | None:
    if not station:
        return None
    station = STATION_NOISE.sub("", station.strip().upper())
    station = re.sub(r"[^A-Z]", "", station)
    if not station or REDACTED.match(station):
        return None
    return station


def canonical_id(year: int | None, station: str | None, serial: str | None) -> str | None:
    station = clean_station(station)
    if year is None or not station or not serial:
        return None
    digits = re.sub(r"\D", "", serial).lstrip("0")
    if not digits:
        return None
    return f"{year % 100:02d}{station}{digits}"


def split_id(cable_id: str) -> tuple[int, str, str] | None:
    """(two-digit year, station, serial) of a canonical id, or None."""
    match = CABLE_ID.match(cable_id.upper())
    if not match:
        return None
    return int(match.group("year")), match.group("station"), match.group("serial")


def repair_id(cable_id: str) -> str:
    """The clean form of an id that embeds header text (09EFTOLONDON2211 → 09LONDON2211)."""
    match = MALFORMED_ID.match(cable_id.upper())
    if match:
        return f"{match.group('year')}{match.group('station')}{match.group('serial').lstrip('0')}"
    return cable_id
