"""Build the compact people gazetteer, src/legation/data/gazetteer/people.tsv.

Inputs are the Office of the Historian authority files (public domain / CC0):
  people.csv  id, preferred_name ("Surname, Forename"), variants ("|"), birth_year, death_year, pocom_id
  pocom.csv   person_id, person_name ("Forename Surname"), role, post_kind, post, post_id, appointed, started, ended

Kept: everyone with a chief-of-mission or principal-officer appointment that ran into the period the corpus
covers (ended in or after FIRST_YEAR, or still serving), and everyone in people.csv born in or after
FIRST_BIRTH_YEAR or dead in or after FIRST_YEAR. Each row holds the natural-order name, its spellings
(with and without middle names) and a stable id (`pocom:<person_id>` or `hsg:<id>`).

It also writes given_names.tsv beside it: the forenames of the whole authority file (every period) met
at least MIN_GIVEN_NAME_COUNT times, which the person rules use to find "Firstname Surname" pairs.

Usage: python tools/build_people.py [REFERENCE_DIR] [OUTPUT]
  (defaults: ../shared/reference beside the checkout, src/legation/data/gazetteer/people.tsv)
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"
DEFAULT_OUTPUT = ROOT / "src" / "legation" / "data" / "gazetteer" / "people.tsv"

# Cables run 1966-2010 (a few earlier): people whose careers ended before 1960 are not worth the bytes.
FIRST_YEAR = 1960
# Someone born before 1900 was out of office before the corpus starts.
FIRST_BIRTH_YEAR = 1900

HONORIFICS = ("Dr.", "Mr.", "Mrs.", "Ms.", "Sir", "Dame", "Gen.", "Adm.", "Amb.")
# A forename seen once may be a misparse; twice is a name.
MIN_GIVEN_NAME_COUNT = 2
GIVEN_NAME = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
SUFFIXES = ("Jr.", "Sr.", "II", "III", "IV", "Jr", "Sr")
# A single-token name or a bare initial would match everywhere.
MIN_ALIAS_CHARS = 6
INITIAL = re.compile(r"^[A-Z]\.?$")
NICKNAME = re.compile(r"\s*(?:\([^)]*\)|[\"“][^\"”]*[\"”])\s*")


def natural(name: str) -> str | None:
    """ "Aaron, David Laurence" -> "David Laurence Aaron"; "Dreyfus, Louis G., Jr." -> "Louis G. Dreyfus Jr." """
    name = " ".join(NICKNAME.sub(" ", name).split()).replace(" ,", ",")
    if "," not in name:
        return name if " " in name else None
    parts = [p.strip() for p in name.split(",") if p.strip()]
    if len(parts) < 2:
        return None
    surname, forenames, *rest = parts
    suffix = " ".join(p for p in rest if p in SUFFIXES)
    return " ".join(p for p in (forenames, surname, suffix) if p)


def spellings(name: str) -> set[str]:
    """A name with and without middle names and initials, with and without a suffix."""
    tokens = [t.rstrip(",") for t in name.split()]
    while tokens and tokens[0] in HONORIFICS:
        tokens = tokens[1:]
    suffix = [t for t in tokens if t in SUFFIXES]
    core = [t for t in tokens if t not in SUFFIXES]
    out = {" ".join(core + suffix), " ".join(core)}
    if len(core) >= 3:
        first_last = [core[0], core[-1]]
        if not INITIAL.match(core[0]):
            out.add(" ".join(first_last))
            out.add(" ".join(first_last + suffix))
        else:
            out.add(" ".join(core[1:]))
    return {s for s in out if len(s) >= MIN_ALIAS_CHARS and " " in s and not INITIAL.match(s.split()[0])}


def year(value: str) -> int | None:
    match = re.match(r"\d{4}", value or "")
    return int(match.group()) if match else None


def build(reference: Path) -> list[tuple[str, str, list[str]]]:
    people: dict[str, tuple[str, set[str]]] = {}
    recent_pocom: dict[str, str] = {}
    with open(reference / "pocom.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            ended = year(row["ended"])
            if row["person_name"] and (ended is None or ended >= FIRST_YEAR):
                recent_pocom[row["person_id"]] = row["person_name"]
    linked: set[str] = set()
    with open(reference / "people.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            born, died = year(row["birth_year"]), year(row["death_year"])
            keep = (row["pocom_id"] in recent_pocom or (born is not None and born >= FIRST_BIRTH_YEAR)
                    or (died is not None and died >= FIRST_YEAR))
            if not keep:
                continue
            preferred = natural(row["preferred_name"])
            if not preferred:
                continue
            key = f"pocom:{row['pocom_id']}" if row["pocom_id"] else f"hsg:{row['id']}"
            names = spellings(preferred)
            for variant in filter(None, row["variants"].split("|")):
                names |= spellings(natural(variant) or "")
            if row["pocom_id"] in recent_pocom:
                names |= spellings(recent_pocom[row["pocom_id"]])
                linked.add(row["pocom_id"])
            people[key] = (preferred, names)
    for person_id, name in recent_pocom.items():
        if person_id not in linked:
            people[f"pocom:{person_id}"] = (name, spellings(name))
    rows = []
    for key, (name, names) in sorted(people.items()):
        aliases = sorted(n for n in names if n != name)
        rows.append((key, name, aliases))
    return rows


def given_names(reference: Path) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    with open(reference / "people.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for form in [row["preferred_name"], *filter(None, row["variants"].split("|"))]:
                if "," not in form:
                    continue
                forenames = form.split(",", 1)[1].split()
                if forenames and GIVEN_NAME.match(forenames[0]):
                    counts[forenames[0]] = counts.get(forenames[0], 0) + 1
                    break
    return sorted((n, c) for n, c in counts.items() if c >= MIN_GIVEN_NAME_COUNT)


def main(argv: list[str]) -> int:
    reference = Path(argv[1]) if len(argv) > 1 else DEFAULT_REFERENCE
    output = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUTPUT
    rows = build(reference)
    with open(output, "w", encoding="utf-8", newline="") as handle:
        handle.write("id\tlabel\tname\taliases\tcase\n")
        for key, name, aliases in rows:
            handle.write(f"{key}\tPERSON\t{name}\t{'|'.join(aliases)}\t\n")
    print(f"{output}: {len(rows)} people", file=sys.stderr)
    names = given_names(reference)
    with open(output.with_name("given_names.tsv"), "w", encoding="utf-8", newline="") as handle:
        handle.write("name\tcount\n")
        for name, count in names:
            handle.write(f"{name}\t{count}\n")
    print(f"{output.with_name('given_names.tsv')}: {len(names)} given names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
