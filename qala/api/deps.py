"""FastAPI dependencies shared by the JSON routes and the HTML pages."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy.orm import Session


def session_scope(request: Request) -> Iterator[Session]:
    """One short session per request (read-only work: nothing to commit)."""
    with Session(request.app.state.engine) as session:
        yield session
