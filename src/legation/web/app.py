"""The ASGI application: `create_app(db_path)` gives the pages, the JSON API and the static assets.

Reads go through a read-only Corpus per worker thread (SQLite connections are not shared between
threads); writes, only with allow_write and a token, go through one writable Corpus under a lock.
"""

from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import LegationError
from . import urls
from .security import SecurityMiddleware

HERE = Path(__file__).parent
log = logging.getLogger("legation.web")

# Domain error codes → HTTP status (NotFound L301; query, usage and input errors are the caller's).
STATUS_BY_CODE = {"L301": 404, "L400": 503}
DEFAULT_ERROR_STATUS = 400


class CorpusPool:
    """One read-only Corpus per thread, opened on first use and closed with the app."""

    def __init__(self, db_path: str):
        self.db_path = str(db_path)
        self._local = threading.local()
        self._opened = []
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()

    def get(self):
        corpus = getattr(self._local, "corpus", None)
        if corpus is None:
            from ..corpus import open_corpus

            corpus = open_corpus(self.db_path, readonly=True)
            self._local.corpus = corpus
            with self._lock:
                self._opened.append(corpus)
        return corpus

    def writer(self):
        from ..corpus import open_corpus

        return open_corpus(self.db_path, readonly=False)

    def close(self) -> None:
        with self._lock:
            for corpus in self._opened:
                try:
                    corpus.close()
                except Exception:  # noqa: BLE001 - closing at shutdown must not fail the others
                    log.exception("closing %s", self.db_path)
            self._opened.clear()
        self._local = threading.local()


def templates() -> Jinja2Templates:
    env = Jinja2Templates(directory=str(HERE / "templates"))
    env.env.autoescape = True
    env.env.globals.update(url=urls.url, static=urls.static, search_with=urls.search_with,
                           filter_term=urls.filter_term, api_docs=urls.api_docs, openapi=urls.openapi,
                           version=__version__)
    from . import render

    env.env.filters.update(render.FILTERS)
    return env


def create_app(db_path: str, allow_write: bool = False, token: str | None = None) -> FastAPI:
    """The workbench over the store at `db_path` (read-only unless allow_write and a token are given)."""
    from .. import api
    from . import routes

    if allow_write and not token:
        from ..errors import UsageError

        raise UsageError("--allow-write needs --token (writes are refused without a bearer token)")
    pool = CorpusPool(db_path)

    @asynccontextmanager
    async def lifespan(app):
        yield
        pool.close()

    app = FastAPI(title="legation", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url=urls.openapi(), lifespan=lifespan,
                  description="The legation store as JSON: every page of the workbench has its twin here.")
    app.state.pool = pool
    app.state.allow_write = allow_write
    app.state.token = token
    app.state.templates = templates()
    app.add_middleware(SecurityMiddleware)
    app.mount(urls.STATIC_PREFIX, StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(routes.router)
    _install_error_handlers(app)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(urls.API_PREFIX)


def error_response(request: Request, status: int, message: str, code: str | None = None):
    if _wants_json(request):
        body = {"error": message, "status": status}
        if code:
            body["code"] = code
        return JSONResponse(body, status_code=status)
    page = request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "code": code, "twin": None},
        status_code=status)
    return page


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LegationError)
    async def domain_error(request: Request, exc: LegationError):
        status = STATUS_BY_CODE.get(exc.code, DEFAULT_ERROR_STATUS)
        return error_response(request, status, exc.message, exc.code)

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError):
        problems = []
        for err in exc.errors()[:5]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
            problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return error_response(request, 400, "bad request: " + "; ".join(problems))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        response = error_response(request, exc.status_code, message)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError):
        # Text the store cannot take (lone surrogates, NUL in an identifier…) is the caller's error.
        return error_response(request, 400, "the request holds characters that cannot be looked up")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, "internal error: the request could not be served")

