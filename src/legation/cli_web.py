"""`legation serve`: the web workbench and JSON API over a store (needs the `web` extra)."""

from __future__ import annotations

from typing import Annotated

import typer

from .cli import app
from .cli_store import DEFAULT_DB, DbOption

# Loopback by default: the workbench has no accounts; exposing it is a deliberate choice.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


@app.command("serve")
def serve_cmd(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(help="Port to listen on.")] = DEFAULT_PORT,
    allow_write: Annotated[bool, typer.Option("--allow-write",
                                              help="Enable POST /api/ingest (needs --token).")] = False,
    token: Annotated[str | None, typer.Option(envvar="LEGATION_TOKEN",
                                              help="Bearer token for writes (env LEGATION_TOKEN).")] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Serve the web workbench and the JSON API over a store.

    Pages: /search?q=…, /doc/ID, /entity/ID, /timeline?q=…, /graph/ID; each has a JSON twin under
    /api, and the API is described at /api/docs. Read-only unless --allow-write and --token.

    Example: legation serve --db corpus.db --port 8000
    """
    try:
        import uvicorn

        from .web import create_app
    except ImportError as exc:
        typer.echo(f"legation: the web workbench needs the web extra (pip install 'legation[web]'): {exc}",
                   err=True)
        raise typer.Exit(2) from None
    from .corpus import open_corpus
    from .errors import LegationError

    try:
        open_corpus(db, readonly=True).close()  # a clear message now rather than on the first request
        application = create_app(db, allow_write=allow_write, token=token)
    except LegationError as exc:
        typer.echo(f"legation: {exc}", err=True)
        raise typer.Exit(2) from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"legation: listening on {host}: anyone who can reach it can read the store", err=True)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"legation: serving {db} at http://{shown}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(application, host=host, port=port, log_level=log_level, server_header=False,
                limit_concurrency=256, timeout_keep_alive=5)


if __name__ == "__main__":  # pragma: no cover - `python -m legation.cli_web serve …`
    app()
