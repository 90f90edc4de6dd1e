"""Schemathesis against the API's own OpenAPI spec: no 5xx, and every response (status, content type,
headers, body) conforms to the spec, for valid and invalid generated requests.

The knowledge base is built by the real `qala ingest` from fictional articles (plus messy ones) so
that list, detail and search endpoints return real rows. Examples per operation are bounded
(QALA_SCHEMATHESIS_EXAMPLES, default 25) to keep the file within a minute or two.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import negative_data_rejection

from qala.api.app import create_app
from qala.api.settings import Settings

EXAMPLES = int(os.environ.get("QALA_SCHEMATHESIS_EXAMPLES", "25"))
# For invalid requests every check runs except "must be rejected": FastAPI/pydantic are lenient in
# two harmless ways (a repeated scalar parameter: the last wins; a number as a date: a Unix
# timestamp), and the value that is used is still validated. Server errors and responses that
# break the spec still fail the test.
LENIENT = [negative_data_rejection]


@pytest.fixture(scope="module")
def api_schema(api_kb: Path):
    app = create_app(Settings(db_url=str(api_kb)))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


# One test per generation mode over every operation of the spec (schemathesis' own pytest fixture
# loader does not run under pytest 9, so the operations' Hypothesis strategies are driven here).
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_api_conforms_to_its_openapi_spec(api_schema, mode) -> None:  # type: ignore[no-untyped-def]
    failures: list[str] = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 8, [op.label for op in operations]
    for op in operations:

        @given(op.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck),
                  phases=[Phase.explicit, Phase.generate])
        def check(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(excluded_checks=LENIENT if mode == GenerationMode.NEGATIVE else None)

        try:
            check()
        except Unsatisfiable:  # an operation without parameters has no invalid request to make
            assert mode == GenerationMode.NEGATIVE, op.label
        except Exception as exc:  # collect every operation's failure, then report them all
            failures.append(f"{op.label}: {type(exc).__name__}: {str(exc)[:1500]}")
    assert not failures, "\n\n".join(failures)


HOSTILE_VALUES = ["9" * 19, str(2**63), "-1", "²", "٣", "1e3", "0x10", "\u202e1", " ", "\x00", "'; DROP TABLE quotations; --",
                  "%", "_", "\\", "\"", "<script>", "ـ" * 300, "🙂", "\ufeff", "NaN", "1.5"]


@pytest.fixture(scope="module")
def client(api_kb: Path):
    from fastapi.testclient import TestClient

    with TestClient(create_app(Settings(db_url=str(api_kb))), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("path", ["/", "/entities", "/events", "/documents", "/api/quotations", "/api/entities",
                                  "/api/events", "/api/documents"])
def test_hostile_query_values_never_cause_a_server_error(client, path) -> None:  # type: ignore[no-untyped-def]
    """The web pages are not in the OpenAPI spec: the same kind of input is thrown at them here."""
    params = ["q", "speaker", "speaker_id", "entity", "entity_id", "source", "date_from", "date_to", "type", "offset",
              "limit", "order", "role"]
    bad = []
    for name in params:
        for value in HOSTILE_VALUES:
            r = client.get(path, params={name: value})
            if r.status_code >= 500 or "Traceback" in r.text:
                bad.append(f"{path}?{name}={value!r}: {r.status_code}")
    assert not bad, bad


def test_size_limits_are_enforced(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/quotations", params={"q": "ا" * 201}).status_code == 422
    assert client.get("/api/quotations", params={"limit": 101}).status_code == 422
    assert client.get("/api/quotations", params={"offset": 10_001}).status_code == 422
    r = client.get("/api/quotations", params={"limit": 100})
    assert r.status_code == 200 and len(r.json()["items"]) <= 100


def test_the_api_offers_no_write_method(client) -> None:  # type: ignore[no-untyped-def]
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        for path in ("/api/quotations", "/api/documents", "/api/entities/1", "/"):
            assert client.request(method, path, content=b"{}").status_code in (404, 405), (method, path)
