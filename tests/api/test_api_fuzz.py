"""Property-based requests generated from the OpenAPI schema (schemathesis + Hypothesis): whatever a
client sends within or around the documented parameters, the API never answers with a server error,
and every error is the JSON error body."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings

# Examples per endpoint: enough to hit boundaries (empty, huge, odd Unicode) while the run stays ~seconds.
EXAMPLES_PER_ENDPOINT = 25


def test_no_server_errors_on_generated_requests(client) -> None:  # type: ignore[no-untyped-def]
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_ENDPOINT, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call()
            assert response.status_code < 500, (case.path, case.path_parameters, case.query, response.text[:300])
            if response.status_code >= 400:
                assert response.json()["error"]["status"] == response.status_code

        check()
        checked.append(operation.label)
    assert len(checked) >= 10, checked
