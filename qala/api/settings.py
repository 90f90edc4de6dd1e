"""Settings of the HTTP API and web UI (what `qala serve` passes to `create_app`)."""

from __future__ import annotations

from dataclasses import dataclass

# A page of results: enough for one screen; larger pages only cost the server (the API pages).
DEFAULT_LIMIT = 20
# Hard cap on `limit`: one request must not be able to ask for the whole knowledge base.
MAX_LIMIT = 100
# Longest accepted search text or filter value: a quotation search is a few words; longer input
# is a mistake or an attempt to make full-text search expensive.
MAX_QUERY_CHARS = 200
# Deepest offset a client may page to; beyond it OFFSET scans get slow on big tables.
MAX_OFFSET = 10_000


@dataclass(frozen=True, slots=True)
class Settings:
    """`db_url`: SQLAlchemy URL or SQLite path (None = the user's default knowledge base).

    `read_only` (the default) opens the database so that no request can write to it (SQLite
    `query_only`, PostgreSQL read-only transactions) and never migrates it. `cors_origins` is
    empty by default: browsers on other sites cannot call the API unless origins are listed.
    """

    db_url: str | None = None
    read_only: bool = True
    cors_origins: tuple[str, ...] = ()
    default_limit: int = DEFAULT_LIMIT
    max_limit: int = MAX_LIMIT
    max_query_chars: int = MAX_QUERY_CHARS
    max_offset: int = MAX_OFFSET
    title: str = "qala"
