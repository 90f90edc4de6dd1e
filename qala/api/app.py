"""The one ASGI app behind `qala serve`: the JSON API under /api and the web UI, sharing services.

`create_app(settings)` opens the knowledge base (read-only unless told otherwise), mounts the
vendored static files (no CDN: the UI and /docs work offline) and installs error handlers that
answer with a JSON error body (or an HTML error page for the UI) and never leak a stack trace.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import unquote_plus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine, inspect
from sqlalchemy.engine import make_url
from starlette.exceptions import HTTPException as StarletteHTTPException

import qala
from qala.api import service
from qala.api.settings import Settings
from qala.errors import QalaError
from qala.store.db import describe_url, is_sqlite, make_engine, normalize_url, upgrade

log = logging.getLogger(__name__)

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
STATIC_DIR = WEB_DIR / "static"
TEMPLATES_DIR = WEB_DIR / "templates"
API_PREFIX = "/api"
# Tables a knowledge base must have before the app can serve it.
REQUIRED_TABLES = frozenset({"documents", "entities", "quotations", "events", "mentions"})

# The UI loads only its own files; inline styles are allowed because vis-network injects its CSS.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'"
)
# /docs runs Swagger UI, whose page needs one inline script to start it.
DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")

ERROR_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
               422: "invalid_parameter", 500: "internal"}
# What the HTML pages say for the framework's own (English) error messages.
ERROR_MESSAGES_AR = {404: "الصفحة غير موجودة.", 405: "طريقة الطلب غير مسموح بها.", 422: "قيمة غير صالحة في الطلب.",
                     500: "حدث خطأ داخلي."}
# Detail texts that come from Starlette itself rather than from qala's pages.
FRAMEWORK_MESSAGES = frozenset({"Not Found", "Method Not Allowed", "invalid request parameters", "internal server error"})


class KnowledgeBaseError(QalaError):
    """The database cannot be served (missing, or without the qala schema)."""

    code = "no_knowledge_base"


def open_engine(settings: Settings) -> Engine:
    """The knowledge base engine; read-only opens refuse writes at the database level."""
    kwargs: dict[str, object] = {}
    url = make_url(normalize_url(settings.db_url))
    if settings.read_only and url.get_backend_name() == "sqlite":
        path = url.database
        if path and path != ":memory:" and not Path(path).exists():  # SQLite would create an empty file
            raise KnowledgeBaseError(f"no knowledge base at {path}: create it with `qala ingest --db {path} ...`")
    if settings.read_only and url.get_backend_name() == "postgresql":
        kwargs["connect_args"] = {"options": "-c default_transaction_read_only=on"}
    engine = make_engine(settings.db_url, **kwargs)
    if settings.read_only and is_sqlite(engine):
        from sqlalchemy import event

        def _query_only(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA query_only=ON")
            cur.close()

        event.listen(engine, "connect", _query_only)
    if not settings.read_only:
        upgrade(engine)
    missing = REQUIRED_TABLES - set(inspect(engine).get_table_names())
    if missing:
        engine.dispose()
        raise KnowledgeBaseError(
            f"{describe_url(engine)} has no qala knowledge base (missing tables: {', '.join(sorted(missing))}); "
            "create it with `qala ingest`"
        )
    return engine


def _error_body(status: int, message: str, details: object | None = None) -> dict[str, object]:
    error: dict[str, object] = {"status": status, "code": ERROR_CODES.get(status, "error"), "message": message}
    if details is not None:
        error["details"] = details
    return {"error": error}


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith((API_PREFIX, "/openapi", "/docs"))


def _install_error_handlers(app: FastAPI, templates: Jinja2Templates) -> None:
    def respond(request: Request, status: int, message: str, details: object | None = None) -> Response:
        if _wants_html(request):
            generic = status >= 500 or message in FRAMEWORK_MESSAGES
            text = ERROR_MESSAGES_AR.get(status, message) if generic else message
            return templates.TemplateResponse(
                request, "error.html", {"status": status, "message": text}, status_code=status
            )
        return JSONResponse(_error_body(status, message, details), status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        return respond(request, exc.status_code, message)

    @app.exception_handler(service.NotFound)
    async def not_found(request: Request, exc: service.NotFound) -> Response:
        return respond(request, 404, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        # Only where and why: the rejected input is not echoed back.
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        return respond(request, 422, "invalid request parameters", details)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return respond(request, 500, "internal server error")


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.engine.dispose()


def create_app(settings: Settings | None = None) -> FastAPI:
    """The qala API + web UI over the knowledge base named by `settings.db_url`."""
    from qala.api import pages, routes

    settings = settings or Settings()
    engine = open_engine(settings)
    app = FastAPI(
        title="qala API",
        version=qala.__version__,
        description=(
            "Who said what, to whom, where and when in Arabic news: quotations with their speakers, "
            "entities, events and documents from the qala knowledge base. Read-only. Lists are "
            f"paginated with `limit` (at most {settings.max_limit}) and `offset`; errors are JSON "
            "objects `{\"error\": {\"status\", \"code\", \"message\"}}`."
        ),
        docs_url=None,  # served below from the vendored Swagger UI (no CDN)
        redoc_url=None,
        lifespan=_lifespan,
    )
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    templates.env.globals["max_query_chars"] = settings.max_query_chars
    app.state.settings = settings
    app.state.engine = engine
    app.state.templates = templates

    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET"])

    @app.middleware("http")
    async def refuse_nul(request: Request, call_next):  # type: ignore[no-untyped-def]
        # %00 in a query is never meaningful, and PostgreSQL refuses NUL in text (it would be a 500).
        if "\x00" in unquote_plus(request.url.query):
            message = "NUL characters are not allowed in the query"
            if _wants_html(request):
                return templates.TemplateResponse(request, "error.html", {"status": 422, "message": message}, status_code=422)
            return JSONResponse(_error_body(422, message), status_code=422)
        return await call_next(request)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        docs = request.url.path.startswith("/docs")
        response.headers.setdefault("Content-Security-Policy", DOCS_CONTENT_SECURITY_POLICY if docs else CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="qala API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(routes.router, prefix=API_PREFIX)
    app.include_router(pages.router)
    _install_error_handlers(app, templates)

    return app


__all__ = ["KnowledgeBaseError", "Settings", "create_app", "open_engine"]
