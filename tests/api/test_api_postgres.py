"""The same API over PostgreSQL (a throw-away server from tests/pg.py; skips without PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy
from api.kbdata import FINANCE, MINISTER, PRESIDENT, make_kb
from fastapi.testclient import TestClient
from sqlalchemy import text

from qala.api.app import create_app
from qala.api.settings import Settings

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_client(pg_server) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    url = pg_server.create_database()
    make_kb(url)
    with TestClient(create_app(Settings(db_url=url)), raise_server_exceptions=False) as c:
        yield c


def test_search_and_entity_page_on_postgresql(pg_client: TestClient) -> None:
    page = pg_client.get("/api/quotations", params={"q": "سوريا"}).json()
    assert {q["speaker"]["name"] for q in page["items"]} == {PRESIDENT, MINISTER, FINANCE}
    president = next(e["id"] for e in pg_client.get("/api/entities", params={"q": PRESIDENT}).json()["items"]
                     if e["name"] == PRESIDENT)
    detail = pg_client.get(f"/api/entities/{president}").json()
    assert [q["date"] for q in detail["said"]["items"]] == ["2024-05-20", "2024-03-12"]
    assert [e["name"] for e in detail["meets"]] == [MINISTER]
    assert detail["timeline"][0]["period"] == "2024-03"
    net = pg_client.get(f"/api/entities/{president}/network").json()
    assert len(net["nodes"]) >= 3 and net["edges"]


def test_pages_and_offsets_on_postgresql(pg_client: TestClient) -> None:
    doc_id = pg_client.get("/api/documents").json()["items"][0]["id"]
    doc = pg_client.get(f"/api/documents/{doc_id}").json()
    assert all(doc["text"][q["start"]:q["end"]] == q["text"] for q in doc["quotations"])
    for url in ("/", "/?q=سوريا", f"/documents/{doc_id}", "/entities", "/events"):
        assert pg_client.get(url).status_code == 200, url


def test_postgresql_connections_are_read_only(pg_client: TestClient) -> None:
    engine = pg_client.app.state.engine  # type: ignore[attr-defined]
    with pytest.raises(sqlalchemy.exc.InternalError, match="read-only"), engine.begin() as conn:
        conn.execute(text("DELETE FROM documents"))
    assert pg_client.get("/api/stats").json()["documents"] == 4
