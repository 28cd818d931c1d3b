"""Store commands of the `legation` CLI (ingest, search, show, entity, timeline, refs, stats, errors).

Each command opens the store, calls one Corpus method and prints its record: Rich tables for
people, `--json` for pipes. Domain errors become one line on stderr and exit code 2.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from .cli import app
from .errors import LegationError

DEFAULT_DB = "legation.db"

DbOption = Annotated[str, typer.Option("--db", envvar="LEGATION_DB",
                                       help="The store file (env LEGATION_DB).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


@contextmanager
def _corpus(db: str, readonly: bool = True):
    """Open the store; turn domain errors into one clean line on stderr and exit code 2."""
    from .corpus import open_corpus

    try:
        corpus = open_corpus(db, readonly=readonly)
    except LegationError as exc:
        typer.echo(f"legation: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        yield corpus
    except LegationError as exc:
        typer.echo(f"legation: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        corpus.close()


def _console():
    from rich.console import Console

    return Console(highlight=False)


def _print_json(data) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _escape(value) -> str:
    from rich.markup import escape

    return escape("" if value is None else str(value))


# --- ingest ---------------------------------------------------------------------------------------

@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files, directories (walked recursively) and dumps.",
                                                show_default=False)],
    db: DbOption = DEFAULT_DB,
    profile: Annotated[str, typer.Option(help="Extractors: fast (rules) or full (adds a model).")] = "fast",
    workers: Annotated[int, typer.Option(help="Worker processes (0: one per core).")] = 0,
    format: Annotated[str, typer.Option("--format", "-f",
                                        help="Force a format: auto, cable, article or text.")] = "auto",
    no_extract: Annotated[bool, typer.Option("--no-extract",
                                             help="Structure only: no entities, times or acronyms.")] = False,
    batch_size: Annotated[int, typer.Option(help="Documents per transaction.")] = 256,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Ingest documents into the store: parse, extract and index them.

    Unchanged files are skipped, changed ones replaced; an interrupted ingest keeps every
    committed batch and the same command finishes the job. Files that fail are kept as error
    records (see `legation errors`); the exit code is then 1.

    Example: legation ingest ../shared/data/cables examples/ --db corpus.db --workers 2
    """
    with _corpus(db, readonly=False) as corpus:
        try:
            report = corpus.ingest(paths, profile=profile, workers=workers or None, format=format,
                                   extract=not no_extract, batch_size=batch_size,
                                   progress=None if not quiet else False)
        except KeyboardInterrupt:
            typer.echo("legation: interrupted; committed documents are kept, run the same command again"
                       " to finish", err=True)
            raise typer.Exit(130) from None
    if as_json:
        _print_json(report.to_dict())
    elif not quiet:
        typer.echo(f"{report.files:,} files: {report.parsed:,} read, {report.skipped:,} unchanged; "
                   f"{report.documents:,} documents and {report.errors:,} errors stored in "
                   f"{report.seconds:.1f} s ({report.rate:,.0f} docs/s) → {db}", err=True)
        if report.errors:
            typer.echo("legation: some files failed; list them with `legation errors`", err=True)
    raise typer.Exit(1 if report.errors else 0)


# --- search ---------------------------------------------------------------------------------------

@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="Words, \"phrases\", AND/OR/NOT, prefix*, filters.",
                                         show_default=False)],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Results per page.")] = 20,
    page: Annotated[int, typer.Option(help="Page number, from 1.")] = 1,
    no_facets: Annotated[bool, typer.Option("--no-facets", help="Skip the facet counts.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Search the store (see docs/search.md for the query language).

    Filters: kind: tag: origin: to: class: caveat: date:2007..2008 entity:"Baikonur" ref: id: title:.
    A lone cable id finds that cable.

    Example: legation search '"launch pad" OR MTCR kind:article date:2013..2014'
    """
    with _corpus(db) as corpus:
        result = corpus.search(query, limit=limit, page=page, facets=not no_facets)
    if as_json:
        _print_json(result.to_dict())
        return
    _print_search(result)


def _print_search(result) -> None:
    from rich.table import Table
    from rich.text import Text

    console = _console()
    table = Table(title=f"{result.total:,} documents match {result.query!r} (page {result.page} of "
                        f"{result.pages})", show_lines=True)
    for name, style in (("key", "cyan"), ("kind", ""), ("date", "green"), ("title and snippet", "")):
        table.add_column(name, style=style, overflow="fold")
    for hit in result.hits:
        text = Text()
        text.append(hit.title or "(no title)", style="bold")
        snippet = Text(hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("bold yellow", start, end)
        text.append("\n")
        text.append_text(snippet)
        table.add_row(hit.key, hit.kind or "", (hit.date or "")[:10], text)
    console.print(table)
    for short, longs in result.expansions.items():
        console.print(f"[dim]{_escape(short)} also searched as: {_escape('; '.join(longs))}[/dim]")
    if result.facets_skipped:
        console.print(f"[dim]facets left out (over the time budget): {', '.join(result.facets_skipped)}[/dim]")
    for name, values in result.facets.items():
        if values:
            shown = ", ".join(f"{_escape(v.get('name') or v['value'])} ({v['count']})" for v in values)
            console.print(f"[bold]{name}[/bold]: {shown}")


# --- show -----------------------------------------------------------------------------------------

@app.command("show")
def show_cmd(
    ident: Annotated[str, typer.Argument(metavar="ID", help="A cable id, a document key or a source path.",
                                         show_default=False)],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Show one stored document: its fields and its text.

    Example: legation show 07MOSCOW3736
    """
    with _corpus(db) as corpus:
        record = corpus.show(ident)
    if as_json:
        _print_json(record.to_dict())
        return
    from rich.table import Table

    console = _console()
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for field in ("key", "kind", "id", "title", "date", "origin", "classification", "caveats", "tags",
                  "references", "outlet", "source", "error", "warnings"):
        value = record.get(field)
        if value in (None, [], ""):
            continue
        if field == "tags":
            value = " ".join(t["code"] for t in value)
        elif field == "references":
            value = ", ".join(f"{r.get('letter') or '-'} {r.get('id') or r.get('text')}" for r in value)
        elif isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        table.add_row(field, _escape(value))
    counts = ", ".join(f"{len(record.get(k) or [])} {k}" for k in ("paragraphs", "entities", "times", "acronyms"))
    table.add_row("extracted", counts)
    console.print(table)
    if record.get("text"):
        console.rule()
        console.print(_escape(record["text"]))


# --- entity ---------------------------------------------------------------------------------------

@app.command("entity")
def entity_cmd(
    name: Annotated[str, typer.Argument(help="An entity name, alias or id.", show_default=False)],
    db: DbOption = DEFAULT_DB,
    scope: Annotated[str, typer.Option(help="Timeline of: documents (naming it) or sentences (naming it).")]
    = "documents",
    as_json: JsonOption = False,
) -> None:
    """The dossier of an entity: aliases, ids, mentions, documents, co-occurring entities, timeline.

    Example: legation entity Baikonur
    """
    with _corpus(db) as corpus:
        dossier = corpus.entity(name, timeline_scope=scope)
    if as_json:
        _print_json(dossier.to_dict())
        return
    from rich.table import Table

    console = _console()
    console.print(f"[bold]{_escape(dossier.name)}[/bold]  {dossier.label}  [dim]{_escape(dossier.id)}[/dim]")
    if dossier.ids:
        console.print(f"ids: {_escape(', '.join(dossier.ids))}")
    console.print(f"{dossier.mentions:,} mentions in {dossier.document_count:,} documents; also written "
                  f"{_escape(', '.join(a['text'] for a in dossier.aliases[:12]))}")
    if dossier.merged or dossier.others:
        more = [f"{e['name']} ({e['label']})" for e in dossier.merged + dossier.others]
        console.print(f"[dim]taken together or close: {_escape(', '.join(more))}[/dim]")
    docs = Table(title="documents")
    for col in ("key", "kind", "date", "title", "mentions"):
        docs.add_column(col, overflow="fold")
    for d in dossier.documents:
        docs.add_row(d["key"], d["kind"] or "", (d["date"] or "")[:10], _escape(d["title"]), str(d["mentions"]))
    console.print(docs)
    near = Table(title="named with it")
    for col in ("label", "entities (shared documents)"):
        near.add_column(col, overflow="fold")
    by_label: dict[str, list[str]] = {}
    for e in dossier.cooccurring:
        by_label.setdefault(e["label"], []).append(f"{e['name']} ({e['documents']})")
    for label, names in sorted(by_label.items()):
        near.add_row(label, _escape(", ".join(names)))
    console.print(near)
    _print_timeline_table(console, dossier.timeline, "timeline")


# --- timeline -------------------------------------------------------------------------------------

@app.command("timeline")
def timeline_cmd(
    subject: Annotated[str, typer.Argument(metavar="ENTITY|QUERY",
                                           help="An entity name, or a search query when no entity has it.",
                                           show_default=False)],
    db: DbOption = DEFAULT_DB,
    scope: Annotated[str, typer.Option(help="For an entity: documents (naming it) or sentences (naming it).")]
    = "documents",
    as_json: JsonOption = False,
) -> None:
    """Dated statements in order, each with its sentence and document, plus the documents' dates.

    Example: legation timeline Baikonur
    """
    with _corpus(db) as corpus:
        timeline = corpus.timeline(subject, scope=scope)
    if as_json:
        _print_json(timeline.to_dict())
        return
    _print_timeline_table(_console(), timeline.entries, f"timeline of {timeline.subject}")


def _print_timeline_table(console, entries, title: str) -> None:
    from rich.table import Table

    table = Table(title=f"{title} ({len(entries)} entries)", show_lines=False)
    for col, style in (("from", "green"), ("to", "green"), ("statement", ""), ("document", "cyan")):
        table.add_column(col, style=style, overflow="fold")
    for e in entries:
        if e.kind == "document":
            statement = f"[dim]document dated: {_escape(e.document_title or '')}[/dim]"
            end = ""
        else:
            statement = f"[bold]{_escape(e.text)}[/bold]: {_escape(e.sentence)}"
            if not e.direct:
                statement = f"[dim]{statement}[/dim]"
            end = e.date_to if e.date_to and e.date_to != e.date_from else ""
        table.add_row(e.date_from[:10], (end or "")[:10], statement, e.document)
    console.print(table)


# --- refs -----------------------------------------------------------------------------------------

@app.command("refs")
def refs_cmd(
    ident: Annotated[str, typer.Argument(metavar="ID", help="A cable id (stored or only cited) or a key.",
                                         show_default=False)],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """The reference neighbourhood of a cable: what it cites, what cites it, and cited cables not stored.

    Example: legation refs 07MOSCOW3736
    """
    with _corpus(db) as corpus:
        graph = corpus.refs(ident)
    if as_json:
        _print_json(graph.to_dict())
        return
    from rich.table import Table

    console = _console()
    where = f"{graph.station or '?'} {graph.year or ''}".strip()
    state = "stored" if graph.stored else "not stored (known only from citations)"
    title = f": {graph.document['title']}" if graph.document and graph.document.get("title") else ""
    console.print(f"[bold]{_escape(graph.id)}[/bold] ({_escape(where)}), {state}{_escape(title)}")
    cites = Table(title=f"cites ({len(graph.cites)})")
    for col in ("ref", "id", "text", "stored", "title"):
        cites.add_column(col, overflow="fold")
    for c in graph.cites:
        cites.add_row(c["letter"] or "", c["id"] or "", _escape(c["text"]), "yes" if c["stored"] else "no",
                      _escape(c["title"]))
    console.print(cites)
    cited = Table(title=f"cited by ({len(graph.cited_by)})")
    for col in ("key", "date", "title"):
        cited.add_column(col, overflow="fold")
    for d in graph.cited_by:
        cited.add_row(d["key"], (d["date"] or "")[:10], _escape(d["title"]))
    console.print(cited)


# --- stats and errors -----------------------------------------------------------------------------

@app.command("stats")
def stats_cmd(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Counts of what the store holds: documents by kind, errors, entities, times, references.

    Example: legation stats --db corpus.db
    """
    with _corpus(db) as corpus:
        stats = corpus.stats()
    if as_json:
        _print_json(stats)
        return
    from rich.table import Table

    table = Table(title=f"store {stats['path']}", show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for key, value in stats.items():
        if key == "path":
            continue
        if key == "kinds":
            value = ", ".join(f"{k} {v:,}" for k, v in sorted(value.items()))
        elif isinstance(value, int):
            value = f"{value:,}"
        table.add_row(key, _escape(value))
    _console().print(table)


@app.command("errors")
def errors_cmd(
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Errors listed at most.")] = 1000,
    as_json: JsonOption = False,
) -> None:
    """The files (or rows, or archive members) that could not be ingested, with the reason.

    Example: legation errors --json > failures.json
    """
    with _corpus(db) as corpus:
        errors = corpus.errors(limit=limit)
    if as_json:
        _print_json(errors)
        return
    if not errors:
        typer.echo("no errors", err=True)
        return
    from rich.table import Table

    table = Table(title=f"{len(errors)} errors")
    table.add_column("source", overflow="fold", style="cyan")
    table.add_column("error", overflow="fold")
    for e in errors:
        table.add_row(_escape(e["source"]), _escape(e["error"]))
    _console().print(table)
