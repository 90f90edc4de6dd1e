"""Read queries over the knowledge base, shared by `qala search` and the HTTP API.

Every function takes an Engine or a Connection and returns plain JSON-ready values (dicts, lists,
ISO date strings), so that callers only format them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, Literal

from sqlalchemy import Connection, Engine, func, or_, select

from qala.store.schema import (
    DocumentEntity,
    DocumentRow,
    EntityRow,
    EventParticipant,
    EventRow,
    FigureRow,
    IngestError,
    MentionRow,
    QuotationEntity,
    QuotationRow,
)
from qala.store.search import (
    MAX_LIMIT,
    QuotationHit,
    SearchResult,
    _as_date,
    _iso,
    connect,
    entity_ids_by_name,
    search_quotations,
)

Granularity = Literal["day", "month", "year"]


def _page(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(limit, MAX_LIMIT)), max(0, offset)


def _entity_dict(r: Any) -> dict[str, Any]:
    return {
        "id": r.id, "key": r.key, "type": r.type, "name": r.name, "latin": r.latin, "latin_guess": r.latin_guess,
        "kb": r.kb, "aliases": list(r.aliases or []), "mention_count": r.mention_count,
        "document_count": r.document_count, "quote_count": r.quote_count,
    }


def _quotation_dict(r: Any) -> dict[str, Any]:
    return {
        "id": r.id, "document_id": r.document_id, "text": r.text, "type": r.type, "cue": r.cue,
        "speaker": r.speaker_name, "speaker_kind": r.speaker_kind, "speaker_entity_id": r.speaker_entity_id,
        "confidence": r.confidence, "date": _iso(r.date), "source": r.source, "group_id": r.group_id,
        "start": r.start, "end": r.end, "event_id": r.event_id,
    }


def _document_summary(r: Any) -> dict[str, Any]:
    return {
        "id": r.id, "doc_id": r.doc_id, "title": r.title, "source": r.source, "url": r.url,
        "date": _iso(r.date), "dup_group": r.dup_group, "language": r.language,
    }


# -- entities ------------------------------------------------------------------------------------


def find_entities(
    target: Engine | Connection, name: str | None = None, *, type: str | None = None,
    limit: int = 20, offset: int = 0,
) -> dict[str, Any]:
    """Entities (most quoted first), optionally whose names contain every word of `name`."""
    limit, offset = _page(limit, offset)
    with connect(target) as conn:
        stmt = select(EntityRow)
        if name:
            ids = entity_ids_by_name(conn, name, limit=10_000)
            stmt = stmt.where(EntityRow.id.in_(ids))
        if type:
            stmt = stmt.where(EntityRow.type == type)
        total = conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        rows = conn.execute(
            stmt.order_by(EntityRow.quote_count.desc(), EntityRow.document_count.desc(), EntityRow.id)
            .limit(limit).offset(offset)
        ).all()
    return {"total": total, "limit": limit, "offset": offset, "items": [_entity_dict(r) for r in rows]}


def get_entity(target: Engine | Connection, entity_id: int, *, limit: int = 50) -> dict[str, Any] | None:
    """An entity with the quotations it said and the ones that mention it (received), newest first."""
    limit, _ = _page(limit, 0)
    with connect(target) as conn:
        row = conn.execute(select(EntityRow).where(EntityRow.id == entity_id)).first()
        if row is None:
            return None
        Q = QuotationRow
        said = conn.execute(
            select(Q.__table__).where(Q.speaker_entity_id == entity_id, Q.id == Q.group_id)
            .order_by(Q.date.desc().nulls_last(), Q.id.desc()).limit(limit)
        ).all()
        received = conn.execute(
            select(Q.__table__)
            .join(QuotationEntity, QuotationEntity.quotation_id == Q.id)
            .where(QuotationEntity.entity_id == entity_id, Q.id == Q.group_id,
                   or_(Q.speaker_entity_id.is_(None), Q.speaker_entity_id != entity_id))
            .order_by(Q.date.desc().nulls_last(), Q.id.desc()).limit(limit)
        ).all()
    out = _entity_dict(row)
    out["said"] = [_quotation_dict(r) for r in said]
    out["received"] = [_quotation_dict(r) for r in received]
    return out


def cooccurring_entities(target: Engine | Connection, entity_id: int, *, limit: int = 20) -> list[dict[str, Any]]:
    """Entities that appear in the same documents as `entity_id`, by number of shared documents."""
    limit, _ = _page(limit, 0)
    mine = select(DocumentEntity.document_id).where(DocumentEntity.entity_id == entity_id)
    shared = func.count(DocumentEntity.document_id).label("shared")
    stmt = (
        select(EntityRow, shared)
        .join(DocumentEntity, DocumentEntity.entity_id == EntityRow.id)
        .where(DocumentEntity.document_id.in_(mine), EntityRow.id != entity_id)
        .group_by(EntityRow.id)
        .order_by(shared.desc(), EntityRow.id)
        .limit(limit)
    )
    with connect(target) as conn:
        return [dict(_entity_dict(r), shared_documents=r.shared) for r in conn.execute(stmt)]


# -- timeline ------------------------------------------------------------------------------------


def _bucket(d: dt.date, granularity: Granularity) -> str:
    if granularity == "year":
        return f"{d.year:04d}"
    if granularity == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def timeline(
    target: Engine | Connection, *, entity_id: int | None = None, granularity: Granularity = "month",
    since: str | dt.date | None = None, until: str | dt.date | None = None,
) -> list[dict[str, Any]]:
    """Quotations (one per duplicate group) and events per period, oldest first.

    With `entity_id`: quotations it said or that mention it, and events it takes part in.
    """
    Q, E = QuotationRow, EventRow
    since_d, until_d = _as_date(since), _as_date(until)
    qstmt = select(Q.date, func.count()).where(Q.id == Q.group_id, Q.date.is_not(None)).group_by(Q.date)
    event_date = func.coalesce(E.date, E.doc_date)
    estmt = select(event_date, func.count()).where(event_date.is_not(None)).group_by(event_date)
    if entity_id is not None:
        qstmt = qstmt.where(or_(
            Q.speaker_entity_id == entity_id,
            Q.id.in_(select(QuotationEntity.quotation_id).where(QuotationEntity.entity_id == entity_id)),
        ))
        estmt = estmt.where(E.id.in_(select(EventParticipant.event_id).where(EventParticipant.entity_id == entity_id)))
    if since_d:
        qstmt, estmt = qstmt.where(Q.date >= since_d), estmt.where(event_date >= since_d)
    if until_d:
        qstmt, estmt = qstmt.where(Q.date <= until_d), estmt.where(event_date <= until_d)
    quotes: Counter[str] = Counter()
    events: Counter[str] = Counter()
    with connect(target) as conn:
        for d, n in conn.execute(qstmt):
            quotes[_bucket(_as_date(d), granularity)] += n  # type: ignore[arg-type]
        for d, n in conn.execute(estmt):
            events[_bucket(_as_date(d), granularity)] += n  # type: ignore[arg-type]
    return [{"period": p, "quotations": quotes[p], "events": events[p]} for p in sorted(set(quotes) | set(events))]


# -- documents and events ------------------------------------------------------------------------


def list_documents(
    target: Engine | Connection, *, source: str | None = None, since: str | dt.date | None = None,
    until: str | dt.date | None = None, entity_id: int | None = None, limit: int = 20, offset: int = 0,
) -> dict[str, Any]:
    """Documents, newest first, with their number of quotations."""
    limit, offset = _page(limit, offset)
    D = DocumentRow
    stmt = select(D.id, D.doc_id, D.title, D.source, D.url, D.date, D.dup_group, D.language)
    if source:
        stmt = stmt.where(D.source.contains(source.replace("\x00", ""), autoescape=True))
    if since:
        stmt = stmt.where(D.date >= _as_date(since))
    if until:
        stmt = stmt.where(D.date <= _as_date(until))
    if entity_id is not None:
        stmt = stmt.where(D.id.in_(select(DocumentEntity.document_id).where(DocumentEntity.entity_id == entity_id)))
    with connect(target) as conn:
        total = conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        rows = conn.execute(stmt.order_by(D.date.desc().nulls_last(), D.id.desc()).limit(limit).offset(offset)).all()
        counts = dict(conn.execute(
            select(QuotationRow.document_id, func.count()).where(QuotationRow.document_id.in_([r.id for r in rows]))
            .group_by(QuotationRow.document_id)
        ).all())
    items = [dict(_document_summary(r), quotations=counts.get(r.id, 0)) for r in rows]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def get_document(target: Engine | Connection, document_id: int) -> dict[str, Any] | None:
    """A document with its text and every annotation (offsets into `text`), and its near-duplicates."""
    D = DocumentRow
    with connect(target) as conn:
        r = conn.execute(select(D).where(D.id == document_id)).first()
        if r is None:
            return None
        out = _document_summary(r)
        out.update(text=r.text, encoding=r.encoding, meta=r.meta or {}, warnings=r.warnings or [],
                   ingested_at=r.ingested_at.isoformat() if r.ingested_at else None)
        out["duplicates"] = [
            _document_summary(x) for x in conn.execute(
                select(D.id, D.doc_id, D.title, D.source, D.url, D.date, D.dup_group, D.language)
                .where(D.dup_group == r.dup_group, D.id != r.id).order_by(D.id)
            )
        ] if r.dup_group is not None else []
        out["quotations"] = [_quotation_dict(q) for q in conn.execute(
            select(QuotationRow.__table__).where(QuotationRow.document_id == document_id).order_by(QuotationRow.idx))]
        out["entities"] = [
            dict(_entity_dict(e), mentions_here=e.mentions) for e in conn.execute(
                select(EntityRow, DocumentEntity.mentions).join(DocumentEntity, DocumentEntity.entity_id == EntityRow.id)
                .where(DocumentEntity.document_id == document_id).order_by(DocumentEntity.mentions.desc(), EntityRow.id))
        ]
        out["mentions"] = [
            {"start": m.start, "end": m.end, "text": m.text, "label": m.label, "entity_id": m.entity_id}
            for m in conn.execute(select(MentionRow).where(MentionRow.document_id == document_id).order_by(MentionRow.start))
        ]
        out["events"] = _events(conn, select(EventRow).where(EventRow.document_id == document_id).order_by(EventRow.idx))
        out["figures"] = [
            {"start": f.start, "end": f.end, "text": f.text, "kind": f.kind, "value": f.value, "unit": f.unit,
             "measure": f.measure}
            for f in conn.execute(select(FigureRow).where(FigureRow.document_id == document_id).order_by(FigureRow.start))
        ]
    return out


def _events(conn: Connection, stmt: Any) -> list[dict[str, Any]]:
    rows = conn.execute(stmt).all()
    parts: dict[int, list[dict[str, Any]]] = {}
    if rows:
        for p in conn.execute(
            select(EventParticipant.event_id, EventParticipant.role, EntityRow.id, EntityRow.name, EntityRow.type,
                   EntityRow.latin)
            .join(EntityRow, EntityRow.id == EventParticipant.entity_id)
            .where(EventParticipant.event_id.in_([r.id for r in rows]))
            .order_by(EventParticipant.event_id, EntityRow.id)
        ):
            parts.setdefault(p.event_id, []).append(
                {"entity_id": p.id, "name": p.name, "type": p.type, "latin": p.latin, "role": p.role})
    places = {r.place_entity_id for r in rows if r.place_entity_id}
    place_names = dict(conn.execute(select(EntityRow.id, EntityRow.name).where(EntityRow.id.in_(places))).all()) if places else {}
    return [
        {"id": r.id, "document_id": r.document_id, "type": r.type, "trigger": r.trigger_text,
         "trigger_start": r.trigger_start, "trigger_end": r.trigger_end,
         "sentence_start": r.sentence_start, "sentence_end": r.sentence_end,
         "date": _iso(r.date), "date_text": r.date_text, "doc_date": _iso(r.doc_date),
         "place": {"entity_id": r.place_entity_id, "name": place_names.get(r.place_entity_id)} if r.place_entity_id else None,
         "participants": parts.get(r.id, [])}
        for r in rows
    ]


def list_events(
    target: Engine | Connection, *, type: str | None = None, entity_id: int | None = None,
    since: str | dt.date | None = None, until: str | dt.date | None = None, limit: int = 20, offset: int = 0,
) -> dict[str, Any]:
    """Events, newest first (event date, else the document date), with participants and place."""
    limit, offset = _page(limit, offset)
    E = EventRow
    when = func.coalesce(E.date, E.doc_date)
    stmt = select(E)
    if type:
        stmt = stmt.where(E.type == type)
    if entity_id is not None:
        stmt = stmt.where(E.id.in_(select(EventParticipant.event_id).where(EventParticipant.entity_id == entity_id)))
    if since:
        stmt = stmt.where(when >= _as_date(since))
    if until:
        stmt = stmt.where(when <= _as_date(until))
    with connect(target) as conn:
        total = conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        items = _events(conn, stmt.order_by(when.desc().nulls_last(), E.id.desc()).limit(limit).offset(offset))
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def get_quotation(target: Engine | Connection, quotation_id: int) -> dict[str, Any] | None:
    """One quotation with its document summary, the entities it mentions and every source of its group."""
    Q, D = QuotationRow, DocumentRow
    with connect(target) as conn:
        r = conn.execute(select(Q.__table__).where(Q.id == quotation_id)).first()
        if r is None:
            return None
        out = _quotation_dict(r)
        doc = conn.execute(select(D.id, D.doc_id, D.title, D.source, D.url, D.date, D.dup_group, D.language)
                           .where(D.id == r.document_id)).first()
        out["document"] = _document_summary(doc)
        out["entities"] = [_entity_dict(e) for e in conn.execute(
            select(EntityRow).join(QuotationEntity, QuotationEntity.entity_id == EntityRow.id)
            .where(QuotationEntity.quotation_id == quotation_id).order_by(EntityRow.id))]
        out["sources"] = [
            {"quotation_id": m.id, "document_id": m.document_id, "doc_id": m.doc_id, "source": m.source,
             "title": m.title, "url": m.url, "date": _iso(m.date)}
            for m in conn.execute(
                select(Q.id, D.id.label("document_id"), D.doc_id, D.source, D.title, D.url, D.date)
                .join(D, D.id == Q.document_id).where(Q.group_id == r.group_id).order_by(D.date, Q.id))
        ]
    return out


# -- statistics ----------------------------------------------------------------------------------


def stats(target: Engine | Connection) -> dict[str, Any]:
    """Counts of everything, the date range and the top sources: the knowledge base at a glance."""
    D = DocumentRow
    with connect(target) as conn:
        def count(stmt: Any) -> int:
            return int(conn.execute(stmt).scalar_one())

        out: dict[str, Any] = {
            "documents": count(select(func.count()).select_from(D)),
            "duplicate_groups": count(select(func.count(func.distinct(D.dup_group)))),
            "quotations": count(select(func.count()).select_from(QuotationRow)),
            "quotation_groups": count(select(func.count(func.distinct(QuotationRow.group_id)))),
            "entities": count(select(func.count()).select_from(EntityRow)),
            "mentions": count(select(func.count()).select_from(MentionRow)),
            "events": count(select(func.count()).select_from(EventRow)),
            "figures": count(select(func.count()).select_from(FigureRow)),
            "ingest_errors": count(select(func.count()).select_from(IngestError)),
        }
        first, last = conn.execute(select(func.min(D.date), func.max(D.date))).one()
        out["first_date"], out["last_date"] = _iso(first), _iso(last)
        out["entities_by_type"] = dict(conn.execute(select(EntityRow.type, func.count()).group_by(EntityRow.type)).all())
        out["top_sources"] = [
            {"source": s, "documents": n} for s, n in conn.execute(
                select(D.source, func.count()).where(D.source.is_not(None)).group_by(D.source)
                .order_by(func.count().desc(), D.source).limit(10))
        ]
    return out


__all__ = [
    "QuotationHit",
    "SearchResult",
    "cooccurring_entities",
    "find_entities",
    "get_document",
    "get_entity",
    "get_quotation",
    "list_documents",
    "list_events",
    "search_quotations",
    "stats",
    "timeline",
]
