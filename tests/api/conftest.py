"""Fixtures for the API tests: a knowledge base of hand-built documents and an in-process client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api.kbdata import make_kb
from fastapi.testclient import TestClient

from qala.api.app import create_app
from qala.api.settings import Settings


@pytest.fixture(scope="session")
def kb_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite knowledge base with the test documents (built once per session, then only read)."""
    path = tmp_path_factory.mktemp("kb") / "kb.sqlite"
    make_kb(str(path))
    return path


@pytest.fixture(scope="session")
def client(kb_path: Path) -> Iterator[TestClient]:
    # raise_server_exceptions=False: the client sees what a browser would (the 500 body), not the traceback
    with TestClient(create_app(Settings(db_url=str(kb_path))), raise_server_exceptions=False) as c:
        yield c
