"""Storage, loading, near-duplicates and search, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from factory import article
from sqlalchemy import Engine, text

from qala.document import Document
from qala.store import queries
from qala.store.db import current_revision, include_in_autogenerate, open_db
from qala.store.load import load_documents
from qala.store.schema import Base

TABLES = ("documents", "document_bands", "entities", "document_entities", "mentions", "events",
          "event_participants", "quotations", "quotation_entities", "figures", "ingest_errors")

# A longer fictional wire story, for near-duplicate detection (copies differ in dateline and ending).
STORY = (
    "أعلنت وزارة الزراعة في جمهورية الساحل اليوم عن خطة جديدة لدعم صغار المزارعين في المناطق الجنوبية، "
    "تشمل توزيع البذور المحسنة وتوفير قروض ميسرة بفوائد منخفضة لمدة خمس سنوات. "
    "وقال وزير الزراعة نبيل السعدي في مؤتمر صحفي إن \"الخطة ستغطي أكثر من عشرين ألف مزرعة صغيرة "
    "وستساعد على رفع الإنتاج المحلي من القمح والشعير\". "
    "وأوضح الوزير أن الحكومة خصصت مبلغا إضافيا لإصلاح قنوات الري القديمة التي تضررت خلال موسم الفيضانات الماضي، "
    "مشيرا إلى أن فرقا فنية بدأت بالفعل في مسح الأراضي المتضررة. "
    "ومن المتوقع أن تبدأ المرحلة الأولى من التوزيع مطلع الشهر المقبل في ثلاث محافظات."
)


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as c:
        return {t: c.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}


def story(doc_id: str, source: str, dateline: str = "", ending: str = "", date: str = "2024-02-10") -> Document:
    body = f"{dateline}{STORY}{ending}"
    doc = Document(text=body, id=doc_id, source=source, date=date, title="خطة لدعم المزارعين")
    from qala.document import Quote, Speaker

    qt = "الخطة ستغطي أكثر من عشرين ألف مزرعة صغيرة وستساعد على رفع الإنتاج المحلي من القمح والشعير"
    i = body.index(qt)
    doc.quotes = [Quote(i, i + len(qt), qt, "direct", speaker=Speaker("نبيل السعدي"), confidence=0.9)]
    return doc


def test_migrations_are_applied_on_open_and_match_the_models(db_url: str):
    engine = open_db(db_url)
    assert current_revision(engine) == "0002"
    open_db(db_url)  # a second open is a no-op
    with engine.connect() as conn:
        diffs = compare_metadata(
            MigrationContext.configure(conn, opts={"include_object": include_in_autogenerate}), Base.metadata
        )
    assert diffs == []


def test_load_and_reload_is_idempotent(engine: Engine):
    docs = [article("a-1"), article("a-2", speaker="ليلى منصور", speaker_key=None, topic="الضرائب", source="وكالة")]
    first = load_documents(engine, docs, find_duplicates=False)
    assert (first.added, first.skipped, first.failed, first.quotations) == (2, 0, 0, 6)
    before = counts(engine)
    assert before["quotations"] == 6 and before["events"] == 2 and before["figures"] == 2
    again = load_documents(engine, [article("a-1"), article("a-2", speaker="ليلى منصور", speaker_key=None,
                                                             topic="الضرائب", source="وكالة")])
    assert (again.added, again.skipped) == (0, 2)
    assert counts(engine) == before


def test_entities_merge_across_documents(engine: Engine):
    load_documents(engine, [article("m-1"), article("m-2", source="مصدر آخر", date="2023-06-01")],
                   find_duplicates=False)
    # keyed entity (Q-haddad, Q458) and unkeyed ones (type + normalized name) merge; ة/ه spellings too
    other = article("m-3", source="ثالث")
    other.entities[3].name = "الواحه"
    load_documents(engine, [other], find_duplicates=False)
    ents = queries.find_entities(engine, limit=50)["items"]
    assert len(ents) == 4
    haddad = next(e for e in ents if e["key"] == "Q-haddad")
    assert haddad["document_count"] == 3 and haddad["quote_count"] == 6
    assert next(e for e in ents if e["type"] == "LOC")["document_count"] == 3


def test_error_documents_are_recorded_not_raised(engine: Engine):
    bad = Document(text="", id="broken.html")
    bad.errors.append(__import__("qala.document", fromlist=["DocError"]).DocError("bad_input", "cannot parse", "read"))
    c = load_documents(engine, [bad, article("ok-1")])
    assert (c.added, c.failed) == (1, 1)
    before = counts(engine)
    assert before["ingest_errors"] == 1
    load_documents(engine, [bad, article("ok-1")])
    assert counts(engine) == before


def test_near_duplicates_are_grouped_and_counted_once(engine: Engine):
    docs = [
        story("w-1", "وكالة الأنباء", dateline="الساحل (وكالات) - "),
        story("w-2", "صحيفة الصباح", dateline="العاصمة - ", ending=" (الصباح)", date="2024-02-11"),
        story("w-3", "موقع الخبر", ending=" وللمزيد تابعونا."),
    ]
    unrelated = Document(
        text="قال رئيس نادي الشباب سمير العلي إن \"الفريق جاهز للمباراة النهائية\" بعد أسابيع من التدريب المكثف "
             "في معسكر خارجي استمر عشرة أيام، وأضاف أن اللاعبين المصابين عادوا إلى التمارين الجماعية "
             "وأن الجهاز الفني سيعلن التشكيلة قبل يوم واحد من المباراة التي ستقام على الملعب الوطني.",
        id="s-1", source="وكالة الأنباء", date="2024-02-10",
    )
    c = load_documents(engine, [*docs, unrelated])
    assert c.added == 4 and c.duplicates == 2
    listed = queries.list_documents(engine)["items"]
    groups = {d["doc_id"]: d["dup_group"] for d in listed}
    assert groups["w-1"] == groups["w-2"] == groups["w-3"] != groups["s-1"]
    hits = queries.search_quotations(engine, "القمح")
    assert hits.total == 1
    assert hits.items[0].source_count == 3
    assert {s.source for s in hits.items[0].sources} == {"وكالة الأنباء", "صحيفة الصباح", "موقع الخبر"}
    assert queries.stats(engine)["quotation_groups"] == 1


def _search_corpus(engine: Engine) -> None:
    load_documents(engine, [
        article("s-1", topic="العقوبات", date="2022-03-01", source="أخبار اليوم"),
        article("s-2", speaker="ليلى منصور", speaker_key=None, topic="الضرائب الجديدة", date="2023-01-15",
                source="وكالة الأنباء"),
        article("s-3", speaker="ليلى منصور", speaker_key=None, topic="بالعقوبات المفروضة", date="2021-07-01",
                source="وكالة الأنباء"),
        article("s-4", topic="إصلاحاتُ الموازنة", date="2024-05-20", source="الصحيفة"),
    ], find_duplicates=False)


def test_search_is_clitic_and_spelling_insensitive(engine: Engine):
    _search_corpus(engine)
    for query in ("العقوبات", "عقوبات", "والعقوبات", "بالعقوبات"):
        res = queries.search_quotations(engine, query)
        assert {h.date for h in res.items} == {"2022-03-01", "2021-07-01"}, query
    assert queries.search_quotations(engine, "اصلاحات الموازنه").total == 1  # hamza, ة/ه, diacritics
    assert queries.search_quotations(engine, "العقوبات الضرائب").total == 0  # every word must match
    assert queries.search_quotations(engine, "؟؟").total == 0


def test_search_filters_order_and_pages(engine: Engine):
    _search_corpus(engine)
    by_speaker = queries.search_quotations(engine, "العقوبات", speaker="منصور")
    assert [h.date for h in by_speaker.items] == ["2021-07-01"]
    assert all(h.speaker == "ليلى منصور" for h in by_speaker.items)
    latin = queries.search_quotations(engine, speaker="Karl Berg")
    assert latin.total == 4 and all(h.speaker == "بيرغ" for h in latin.items)
    since = queries.search_quotations(engine, "العقوبات", since="2022-01-01")
    assert [h.date for h in since.items] == ["2022-03-01"]
    assert queries.search_quotations(engine, speaker="الحداد", until="2022-12-31").total == 2
    assert queries.search_quotations(engine, source="وكالة", quote_type="direct").total == 2
    newest = queries.search_quotations(engine, order="date", limit=100)
    dates = [h.date for h in newest.items]
    assert dates == sorted(dates, reverse=True) and newest.total == 12
    pages = [queries.search_quotations(engine, order="date", limit=5, offset=o) for o in (0, 5, 10)]
    ids = [h.id for p in pages for h in p.items]
    assert len(ids) == len(set(ids)) == 12
    past = queries.search_quotations(engine, order="date", limit=5, offset=100)
    assert past.items == [] and past.total == 12
    eu = queries.search_quotations(engine, entity="الاتحاد الأوروبي")
    assert eu.total == 4 and all("الاتحاد الأوروبي" in h.text for h in eu.items)


def test_entity_views(engine: Engine):
    _search_corpus(engine)
    haddad = queries.find_entities(engine, "الحداد")["items"][0]
    view = queries.get_entity(engine, haddad["id"])
    assert view is not None and len(view["said"]) == 4
    assert all(q["speaker_entity_id"] == haddad["id"] for q in view["said"])
    assert len(view["received"]) == 2  # Berg's quotations that name him
    co = {e["name"]: e["shared_documents"] for e in queries.cooccurring_entities(engine, haddad["id"])}
    assert co["كارل بيرغ"] == 2 and co["الاتحاد الأوروبي"] == 2 and "ليلى منصور" not in co
    tl = queries.timeline(engine, entity_id=haddad["id"], granularity="year")
    assert [t["period"] for t in tl] == ["2022", "2024"] and tl[0]["events"] == 1
    events = queries.list_events(engine, entity_id=haddad["id"])
    assert events["total"] == 2 and events["items"][0]["place"]["name"] == "الواحة"
    doc = queries.get_document(engine, queries.list_documents(engine, source="الصحيفة")["items"][0]["id"])
    assert doc is not None and len(doc["quotations"]) == 3 and doc["figures"][0]["value"] == 40_000_000
    q = doc["quotations"][0]
    assert doc["text"][q["start"]:q["end"]] == q["text"]
    assert queries.get_quotation(engine, q["id"])["sources"][0]["document_id"] == doc["id"]
    assert queries.get_entity(engine, 10**6) is None and queries.get_document(engine, 10**6) is None
    st = queries.stats(engine)
    assert st["documents"] == 4 and st["quotations"] == 12 and st["first_date"] == "2021-07-01"


@pytest.mark.postgres
def test_pg_server_fixture_is_real(pg_url: str):
    engine = open_db(pg_url)
    with engine.connect() as c:
        assert "PostgreSQL" in c.execute(text("SELECT version()")).scalar_one()
        assert c.execute(text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).scalar_one() == 1


def test_load_through_a_session_commits_with_the_caller(engine: Engine):
    from sqlalchemy.orm import Session

    with Session(engine) as session:
        c = load_documents(session, [article("sess-1")])
        assert c.added == 1
        session.rollback()
    assert counts(engine)["documents"] == 0
    with Session(engine) as session, session.begin():
        load_documents(session, [article("sess-1")])
    assert counts(engine)["documents"] == 1


def test_oversized_fields_fit_their_columns(engine: Engine):
    doc = article("long-1", source="م" * 900)
    doc.entities[1].name = "كارل " * 300
    doc.entities[1].key = None
    c = load_documents(engine, [doc])
    assert c.added == 1
    listed = queries.list_documents(engine)["items"]
    assert len(listed[0]["source"]) == 500
    again = load_documents(engine, [doc])
    assert again.skipped == 1 and counts(engine)["entities"] == 4


def test_nul_characters_are_stored_safely(engine: Engine):
    doc = article("nul-1", topic="العقوبات\x00الجديدة", source="مصدر\x00")
    c = load_documents(engine, [doc])
    assert c.added == 1
    stored = queries.get_document(engine, queries.list_documents(engine)["items"][0]["id"])
    assert "\x00" not in stored["text"] and len(stored["text"]) == len(doc.text)
    q = stored["quotations"][0]
    assert stored["text"][q["start"]:q["end"]] == q["text"]
    assert queries.search_quotations(engine, "العقوبات", source="مصدر\x00").total == 1
    assert load_documents(engine, [article("nul-1", topic="العقوبات\x00الجديدة", source="مصدر\x00")]).skipped == 1
