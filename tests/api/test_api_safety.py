"""Security basics: read-only database, JSON errors without stack traces, limits, CORS off, headers."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy
from fastapi.testclient import TestClient
from sqlalchemy import text

from qala.api import service
from qala.api.app import KnowledgeBaseError, create_app
from qala.api.settings import MAX_LIMIT, MAX_QUERY_CHARS, Settings


def test_the_server_cannot_write_to_the_database(client) -> None:  # type: ignore[no-untyped-def]
    engine = client.app.state.engine
    with pytest.raises(sqlalchemy.exc.OperationalError, match="readonly"), engine.begin() as conn:
        conn.execute(text("DELETE FROM documents"))
    assert client.get("/api/stats").json()["documents"] == 4
    assert client.post("/api/quotations", json={}).status_code == 405
    assert client.delete("/api/documents/1").status_code == 405


def test_a_missing_database_is_refused_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.sqlite"
    with pytest.raises(KnowledgeBaseError, match="qala ingest"):
        create_app(Settings(db_url=str(missing)))
    assert not missing.exists()


def test_a_database_without_the_schema_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    engine = sqlalchemy.create_engine(f"sqlite:///{other}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE notes (id INTEGER)"))
    engine.dispose()
    with pytest.raises(KnowledgeBaseError, match="no qala knowledge base"):
        create_app(Settings(db_url=str(other)))


@pytest.mark.parametrize("url", [
    f"/api/quotations?limit={MAX_LIMIT + 1}",
    "/api/quotations?limit=0",
    "/api/quotations?offset=-1",
    f"/api/quotations?q={'س' * (MAX_QUERY_CHARS + 1)}",
    "/api/quotations?date_from=yesterday",
    "/api/quotations?type=rumour",
    "/api/entities?type=ANIMAL",
    "/api/entities/abc",
    "/api/entities/0",
])
def test_bad_parameters_get_a_json_422(client, url: str) -> None:  # type: ignore[no-untyped-def]
    r = client.get(url)
    assert r.status_code == 422
    body = r.json()["error"]
    assert body["code"] == "invalid_parameter" and body["details"]


def test_unknown_ids_and_paths_get_a_json_404(client) -> None:  # type: ignore[no-untyped-def]
    for url in ("/api/entities/99999", "/api/documents/99999", "/api/quotations/99999", "/api/nothing-here"):
        r = client.get(url)
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found", url


def test_search_text_is_data_not_sql(client) -> None:  # type: ignore[no-untyped-def]
    for q in ("'; DROP TABLE quotations; --", "\" OR 1=1 --", "سوريا*", "NEAR(a b)", "%", "_"):
        r = client.get("/api/quotations", params={"q": q})
        assert r.status_code == 200, q
    assert client.get("/api/stats").json()["quotations"] == 10


def test_internal_errors_hide_the_details(kb_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("secret connection string postgres://admin:hunter2@db")

    monkeypatch.setattr(service, "stats", broken)
    with TestClient(create_app(Settings(db_url=str(kb_path))), raise_server_exceptions=False) as c:
        r = c.get("/api/stats")
        assert r.status_code == 500
        assert r.json() == {"error": {"status": 500, "code": "internal", "message": "internal server error"}}
        page = c.get("/")  # the home page shows the stats: an HTML error page, still without details
        assert page.status_code == 500 and "text/html" in page.headers["content-type"]
        for body in (r.text, page.text):
            assert "hunter2" not in body and "Traceback" not in body and "RuntimeError" not in body


def test_cors_is_off_by_default_and_can_be_enabled(kb_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    origin = {"Origin": "https://elsewhere.example"}
    assert "access-control-allow-origin" not in client.get("/api/stats", headers=origin).headers
    with TestClient(create_app(Settings(db_url=str(kb_path), cors_origins=("https://elsewhere.example",)))) as c:
        assert c.get("/api/stats", headers=origin).headers["access-control-allow-origin"] == "https://elsewhere.example"


def test_security_headers(client) -> None:  # type: ignore[no-untyped-def]
    for url in ("/", "/api/stats"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"].split("script-src")[1].split(";")[0]
        assert headers["x-content-type-options"] == "nosniff"


def test_writable_mode_creates_an_empty_knowledge_base_that_renders(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite"
    with TestClient(create_app(Settings(db_url=str(fresh), read_only=False))) as c:
        assert c.get("/api/stats").json()["documents"] == 0
        assert c.get("/api/quotations", params={"q": "سوريا"}).json() == {"total": 0, "limit": 20, "offset": 0, "items": []}
        assert "لا توجد اقتباسات" in c.get("/").text
        assert "qala ingest" in c.get("/documents").text
    assert fresh.exists()


def test_a_missing_sqlite_url_is_refused_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "sub" / "nothing.sqlite"
    with pytest.raises(KnowledgeBaseError, match="qala ingest"):
        create_app(Settings(db_url=f"sqlite:///{missing}"))
    assert not missing.exists()
