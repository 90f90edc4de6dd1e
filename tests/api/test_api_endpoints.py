"""The JSON API through an in-process client over a knowledge base of hand-built documents."""

from __future__ import annotations

import pytest
from api.kbdata import FINANCE, MINISTER, PRESIDENT, TRANSPORT


def _speakers(page: dict) -> set[str]:
    return {item["speaker"]["name"] for item in page["items"]}


def _entity_id(client, name: str) -> int:  # type: ignore[no-untyped-def]
    found = client.get("/api/entities", params={"q": name}).json()["items"]
    return next(e["id"] for e in found if e["name"] == name)


def test_search_finds_quotations_by_keyword_once_per_wire_story(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/api/quotations", params={"q": "سوريا"}).json()
    assert page["total"] == 3
    assert _speakers(page) == {PRESIDENT, MINISTER, FINANCE}
    by_text = {item["text"]: item for item in page["items"]}
    syria = by_text["الحل في سوريا يجب أن يكون سياسيا ويحفظ وحدة أراضيها"]
    assert syria["date"] == "2024-03-12"
    assert syria["copies"] == 1  # republished by a second outlet
    assert syria["document"]["url"] == "https://news.example.org/2024/03/meeting"
    assert by_text["الرئيس الخطيب وعد بدعم الشباب في سوريا"]["copies"] == 0


def test_search_matches_clitic_forms_and_other_words(client) -> None:  # type: ignore[no-untyped-def]
    # "بسوريا" (with the preposition) finds the same quotations as "سوريا"
    assert client.get("/api/quotations", params={"q": "بسوريا"}).json()["total"] == 3
    page = client.get("/api/quotations", params={"q": "الازدحام"}).json()
    assert _speakers(page) == {TRANSPORT}
    assert client.get("/api/quotations", params={"q": "كلمةغيرموجودة"}).json()["total"] == 0


@pytest.mark.parametrize(("params", "expected"), [
    ({"speaker": "النجار"}, {MINISTER}),
    ({"q": "سوريا", "type": "direct"}, {PRESIDENT, FINANCE}),
    ({"q": "سوريا", "date_from": "2024-05-01"}, {FINANCE}),
    ({"q": "سوريا", "date_to": "2024-04-01"}, {PRESIDENT, MINISTER}),
    ({"source": "المدينة", "q": "الاقتصاد"}, {PRESIDENT}),
    ({"entity": "سامر الخطيب"}, {PRESIDENT, MINISTER, FINANCE}),  # said by him, or naming him
])
def test_search_filters(client, params: dict, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert _speakers(client.get("/api/quotations", params=params).json()) == expected


def test_search_by_ids_and_pagination(client) -> None:  # type: ignore[no-untyped-def]
    president = _entity_id(client, PRESIDENT)
    said = client.get("/api/quotations", params={"speaker_id": president}).json()
    assert said["total"] == 2 and _speakers(said) == {PRESIDENT}
    first = client.get("/api/quotations", params={"limit": 2, "offset": 0}).json()
    second = client.get("/api/quotations", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 7  # 10 stored, 3 of them wire copies
    assert len(first["items"]) == 2 and len(second["items"]) == 2
    assert not {q["id"] for q in first["items"]} & {q["id"] for q in second["items"]}


def test_entity_detail(client) -> None:  # type: ignore[no-untyped-def]
    president = _entity_id(client, PRESIDENT)
    detail = client.get(f"/api/entities/{president}").json()
    assert detail["entity"]["latin"] == "Samer al-Khatib"
    said = detail["said"]["items"]
    assert [(q["date"], q["text"][:16]) for q in said] == [
        ("2024-05-20", "الاقتصاد سيتعافى"), ("2024-03-12", "الحل في سوريا يج")]
    assert {q["speaker"]["name"] for q in detail["about"]["items"]} == {FINANCE, MINISTER}
    assert [e["name"] for e in detail["meets"]] == [MINISTER]
    co = {e["name"]: e["count"] for e in detail["cooccurring"]}
    assert co["سوريا"] == 3 and TRANSPORT not in co
    assert [p["period"] for p in detail["timeline"]] == ["2024-03", "2024-05"]
    assert [(e["type"], e["date"]) for e in detail["events"]] == [("meeting", "2024-03-12")]  # the copy's is not repeated


def test_entity_quotations_network_and_timeline_endpoints(client) -> None:  # type: ignore[no-untyped-def]
    president = _entity_id(client, PRESIDENT)
    about = client.get(f"/api/entities/{president}/quotations", params={"role": "about", "limit": 1}).json()
    assert about["total"] == 2 and len(about["items"]) == 1
    net = client.get(f"/api/entities/{president}/network").json()
    names = {n["id"]: n["name"] for n in net["nodes"]}
    assert names[president] == PRESIDENT and "سوريا" in names.values()
    assert all(e["source"] in names and e["target"] in names for e in net["edges"])
    assert any(president in (e["source"], e["target"]) for e in net["edges"])
    assert client.get(f"/api/entities/{president}/timeline").json()[0]["period"] == "2024-03"


def test_entities_list_by_type_and_name(client) -> None:  # type: ignore[no-untyped-def]
    places = client.get("/api/entities", params={"type": "LOC"}).json()
    assert {e["name"] for e in places["items"]} == {"سوريا", "دمشق", "بغداد"}
    syria = client.get("/api/entities", params={"q": "Syria"}).json()["items"]
    assert [(e["name"], e["kb"]) for e in syria] == [("سوريا", "Q858")]


def test_document_offsets_point_into_its_text(client) -> None:  # type: ignore[no-untyped-def]
    docs = client.get("/api/documents").json()
    assert docs["total"] == 4
    road = next(d for d in docs["items"] if d["doc_id"] == "road-2024-06")
    doc = client.get(f"/api/documents/{road['id']}").json()
    assert doc["quotations"] and doc["mentions"]
    for q in doc["quotations"]:
        assert doc["text"][q["start"]:q["end"]] == q["text"]
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"]
    assert {e["name"] for e in doc["entities"]} == {TRANSPORT, "بغداد"}


def test_events_and_stats(client) -> None:  # type: ignore[no-untyped-def]
    events = client.get("/api/events", params={"type": "meeting"}).json()
    assert events["total"] == 1
    assert {p["name"] for p in events["items"][0]["participants"]} == {PRESIDENT, MINISTER}
    assert events["items"][0]["place"]["name"] == "دمشق"
    assert client.get("/api/events", params={"type": "visit"}).json()["total"] == 0
    stats = client.get("/api/stats").json()
    assert (stats["documents"], stats["quotations"], stats["quotation_groups"]) == (4, 10, 7)
    assert stats["first_date"] == "2024-03-12" and stats["last_date"] == "2024-06-02"


def test_openapi_documents_every_endpoint(client) -> None:  # type: ignore[no-untyped-def]
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/quotations", "/api/entities/{entity_id}", "/api/documents/{document_id}", "/api/events",
                 "/api/stats", "/api/entities/{entity_id}/network"):
        assert path in paths
    assert not any(p.startswith("/entities") or p == "/" for p in paths)  # HTML pages stay out of the API docs
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
