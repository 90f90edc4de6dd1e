"""Search never fails on any user text (full-text query syntax, quotes, wildcards, SQL, odd Unicode),
on SQLite (FTS5) and PostgreSQL (tsquery, trigram): user words only ever reach the database as data."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import corpus_records, run_qala
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qala.store.db import make_engine
from qala.store.search import search_quotations

EXAMPLES = int(os.environ.get("QALA_HYPOTHESIS_EXAMPLES", "60"))
SYNTAX = ['"', "'", "*", "^", ":", "(", ")", "NEAR(", "AND", "OR", "NOT", "{text_search}", "&", "|", "!", "<->", "\\",
          "%", "_", ";", "--", "/*", "'; DROP TABLE quotations; --", "\x00", "\u202e", "\u200d", "ـ", "الوزير", "قال"]
query = st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(max_size=6)), max_size=12).map(" ".join)


def _check(engine, q: str, speaker: str, entity: str) -> None:  # type: ignore[no-untyped-def]
    for kwargs in ({"q": q}, {"speaker": speaker}, {"q": q, "entity": entity, "source": speaker}):
        result = search_quotations(engine, limit=5, **kwargs)
        assert result.total >= 0 and len(result.items) <= 5


@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(query, query, query)
def test_any_query_text_is_searched_safely_on_sqlite(api_kb: Path, q: str, speaker: str, entity: str) -> None:
    engine = make_engine(str(api_kb))
    try:
        _check(engine, q.replace("\x00", ""), speaker.replace("\x00", ""), entity.replace("\x00", ""))
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def pg_kb(pg_server, tmp_path_factory: pytest.TempPathFactory) -> str:  # type: ignore[no-untyped-def]
    url = pg_server.create_database()
    corpus = tmp_path_factory.mktemp("pg-search") / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus_records(8)), encoding="utf-8")
    proc = run_qala("ingest", str(corpus), "--db", url)
    assert proc.returncode == 0, proc.stderr
    return url


@pytest.mark.postgres
@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(query, query, query)
def test_any_query_text_is_searched_safely_on_postgresql(pg_kb: str, q: str, speaker: str, entity: str) -> None:
    engine = make_engine(pg_kb)
    try:
        # PostgreSQL text cannot hold NUL at all: the API rejects it before the database (see below)
        _check(engine, q.replace("\x00", ""), speaker.replace("\x00", ""), entity.replace("\x00", ""))
    finally:
        engine.dispose()


def test_a_nul_character_in_a_search_is_not_a_server_error(api_kb: Path) -> None:
    from fastapi.testclient import TestClient

    from qala.api.app import create_app
    from qala.api.settings import Settings

    with TestClient(create_app(Settings(db_url=str(api_kb))), raise_server_exceptions=False) as client:
        for params in ({"q": "قال\x00"}, {"speaker": "\x00"}, {"entity": "a\x00b"}, {"source": "\x00"}):
            assert client.get("/api/quotations", params=params).status_code < 500, params


@pytest.mark.postgres
def test_a_nul_character_in_any_query_is_a_422_on_postgresql(pg_kb: str) -> None:
    """PostgreSQL refuses NUL in text: the API must answer 422 before the database answers an error (500)."""
    from fastapi.testclient import TestClient

    from qala.api.app import create_app
    from qala.api.settings import Settings

    with TestClient(create_app(Settings(db_url=pg_kb)), raise_server_exceptions=False) as client:
        for path in ("/api/quotations", "/api/documents", "/api/entities", "/", "/entities"):
            for name in ("q", "source", "speaker", "entity"):
                r = client.get(path, params={name: "\x00"})
                assert r.status_code == 422, (path, name, r.status_code)
                assert "Traceback" not in r.text
