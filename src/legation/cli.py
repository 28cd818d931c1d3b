"""The `legation` command: argument parsing plus one call into the core per command."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import LegationError, UsageError
from .parse import CHOICES, Failure, parse_paths
from .parse.readers import MAX_DOCUMENT_BYTES
from .record import Document, error_record

app = typer.Typer(
    name="legation",
    help="An analyst workbench for diplomatic cables and the news around them.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"legation {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """legation: parse, extract, store and search diplomatic cables and news."""


def parse_columns(spec: str | None) -> dict[str, str] | None:
    """`text=body,title=headline` → {"text": "body", "title": "headline"}."""
    if not spec:
        return None
    mapping: dict[str, str] = {}
    for part in spec.split(","):
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise UsageError(f"--columns takes FIELD=COLUMN pairs separated by commas, not {part!r}")
        mapping[key.strip()] = value.strip()
    return mapping


@app.command("parse")
def parse_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories (walked recursively).",
                                                show_default=False)],
    format: Annotated[str, typer.Option("--format", "-f",
                                        help="Force a format: auto, cable, article, digest or text.")] = "auto",
    profile: Annotated[str, typer.Option(help="Extractors: fast (rules) or full (adds a model).")] = "fast",
    no_extract: Annotated[bool, typer.Option("--no-extract",
                                             help="Structure only: no entities, times or acronyms.")] = False,
    columns: Annotated[str | None, typer.Option(
        help="For CSV/JSON Lines dumps: FIELD=COLUMN pairs, e.g. 'text=body,title=headline';"
             " join columns with +, e.g. 'text=header+body'.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest single document read, in bytes.")] = MAX_DOCUMENT_BYTES,
    table: Annotated[bool, typer.Option("--table", help="Print a summary table instead of JSON.")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write JSON here instead of stdout.")] = None,
) -> None:
    """Parse documents into JSON records (one object for one file, JSON Lines for several).

    A file that cannot be parsed yields {"source": ..., "error": ...}; the others still parse and
    the exit code is 1.

    Example: legation parse cables/07MOSCOW3736.txt news/ --no-extract > records.jsonl
    """
    try:
        if format not in CHOICES:
            raise UsageError(f"unknown format {format!r}; choose one of {', '.join(CHOICES)}")
        mapping = parse_columns(columns)
        items = parse_paths(paths, format=format, extract=not no_extract, profile=profile,
                            columns=mapping, max_bytes=max_bytes)
        if table:
            failed = _print_table(items)
        else:
            single = len(paths) == 1 and paths[0].is_file()
            handle = open(output, "w", encoding="utf-8") if output else sys.stdout
            try:
                failed = _write_json(items, handle, single)
            finally:
                if output:
                    handle.close()
    except LegationError as exc:
        typer.echo(f"legation: {exc}", err=True)
        raise typer.Exit(2) from None
    raise typer.Exit(1 if failed else 0)


def _write_json(items, handle, single: bool) -> int:
    """Stream records; a lone document from a lone file is printed as one indented object."""
    failed = 0
    first = next(items, None)
    second = next(items, None) if first is not None else None
    if single and first is not None and second is None:
        failed += _report(first)
        json.dump(_as_dict(first), handle, ensure_ascii=False, indent=2)
        handle.write("\n")
        return failed
    for item in _chain(first, second, items):
        failed += _report(item)
        handle.write(json.dumps(_as_dict(item), ensure_ascii=False))
        handle.write("\n")
    return failed


def _chain(first, second, rest):
    for item in (first, second):
        if item is not None:
            yield item
    yield from rest


def _as_dict(item: Document | Failure) -> dict:
    if isinstance(item, Failure):
        return error_record(item.source, item.error)
    return item.to_dict()


def _report(item: Document | Failure) -> int:
    if isinstance(item, Failure):
        typer.echo(f"legation: {item.source}: {item.error}", err=True)
        return 1
    return 0


def _print_table(items) -> int:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="Parsed documents", show_lines=False)
    for name, style in (("kind", "cyan"), ("date", "green"), ("title", ""), ("entities", "magenta"),
                        ("source", "dim")):
        table.add_column(name, style=style, overflow="fold", justify="right" if name == "entities" else "left")
    counts: dict[str, int] = {}
    failed = 0
    for item in items:
        if isinstance(item, Failure):
            failed += 1
            table.add_row("[red]error[/red]", "", _escape(item.error), "", _escape(item.source))
            continue
        counts[item.kind] = counts.get(item.kind, 0) + 1
        table.add_row(item.kind, (item.date or "")[:16], _escape(item.title or ""), str(len(item.entities)),
                      _escape(Path(item.source).name))
    console.print(table)
    summary = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in sorted(counts.items()))
    console.print(f"{sum(counts.values())} documents ({summary or 'none'}); {failed} failed")
    return failed


def _escape(value: str) -> str:
    from rich.markup import escape

    return escape(value)


# The store and web commands register themselves on `app`.
from . import cli_store, cli_web  # noqa: E402, F401

if __name__ == "__main__":  # pragma: no cover
    app()
