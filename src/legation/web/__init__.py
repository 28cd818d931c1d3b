"""The web workbench: server-rendered pages over the store, beside the JSON API (`legation.api`).

Imported only by `legation serve` and the tests: it needs the `web` extra (FastAPI, Jinja2, uvicorn).
"""

from .app import create_app

__all__ = ["create_app"]
