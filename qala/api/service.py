"""Read services shared by the JSON API and the web UI: knowledge-base rows → `qala.api.models`.

The store's read functions do the shared work (`qala.store.search` for the Arabic-aware quotation
search; `qala.store.queries` for entity lookup, co-occurrence, timelines and counts). What only the
API and UI need — paginated quotations said/about an entity, whom it meets, the network's edges,
events without wire-copy repeats, quotation rows hydrated with their documents and speaker names —
is written here on the store's tables, with SQLAlchemy expressions only (parameterized SQL).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from qala.api.models import (
    CountedEntity,
    DocumentListItem,
    DocumentOut,
    DocumentRef,
    EntityDetail,
    EntityRef,
    EntitySummary,
    EventOut,
    MentionOut,
    Network,
    NetworkEdge,
    NetworkNode,
    Page,
    ParticipantOut,
    QuotationOut,
    SpeakerOut,
    Stats,
    TimelinePoint,
)
from qala.store import queries
from qala.store.schema import (
    DocumentEntity,
    DocumentRow,
    EntityRow,
    EventParticipant,
    EventRow,
    MentionRow,
    QuotationEntity,
    QuotationRow,
)
from qala.store.search import search_quotations

# Event types in which the participants meet each other (for "who they meet").
MEETING_EVENT_TYPES = ("meeting", "visit", "call", "agreement")
# Entities shown as "mentioned with" / in the network: enough to read at a glance on a phone.
COOCCURRING_LIMIT = 15
NETWORK_NODES = 20
# Two neighbours are linked only when they share at least this many documents: one shared article
# makes every entity of it a neighbour of every other, and the graph becomes an unreadable clique.
MIN_NEIGHBOUR_EDGE_DOCUMENTS = 2
# Quotations shown on an entity page before the "all quotations" link.
ENTITY_QUOTES_LIMIT = 10
ENTITY_EVENTS_LIMIT = 20


class NotFound(LookupError):
    """The requested id is not in the knowledge base (the routes answer 404)."""


# -- rows → models ------------------------------------------------------------------------------
def _entity_ref(row: EntityRow) -> EntityRef:
    return EntityRef(id=row.id, name=row.name, latin=row.latin, type=row.type, kb=row.kb)


def _entity_summary(row: EntityRow) -> EntitySummary:
    return EntitySummary(
        id=row.id, name=row.name, latin=row.latin, type=row.type, kb=row.kb, latin_guess=bool(row.latin_guess),
        aliases=[a for a in (row.aliases or []) if a != row.name], mention_count=row.mention_count or 0,
        document_count=row.document_count or 0, quote_count=row.quote_count or 0,
    )


# Characters of the text read to make a headline for a document without a title (its first line).
HEADLINE_PROBE_CHARS = 200
HEADLINE_MAX_CHARS = 120


def _headline(title: str | None, opening: str | None) -> str | None:
    """The title, else the first non-empty line of the text, shortened at a word boundary."""
    if title and title.strip():
        return title.strip()
    line = next((ln.strip() for ln in (opening or "").splitlines() if ln.strip()), "")
    if len(line) > HEADLINE_MAX_CHARS:
        line = line[:HEADLINE_MAX_CHARS].rsplit(" ", 1)[0] + "…"
    return line or None


# The document columns a reference needs (never the whole text).
_DOC_REF_COLUMNS = (DocumentRow.id, DocumentRow.doc_id, DocumentRow.title, DocumentRow.source, DocumentRow.date,
                    DocumentRow.url, func.substr(DocumentRow.text, 1, HEADLINE_PROBE_CHARS).label("opening"))


def _doc_ref(row) -> DocumentRef:  # type: ignore[no-untyped-def]
    """A DocumentRef from a row with the `_DOC_REF_COLUMNS` (or a whole DocumentRow)."""
    opening = getattr(row, "opening", None) or (row.text[:HEADLINE_PROBE_CHARS] if hasattr(row, "text") else None)
    return DocumentRef(id=row.id, doc_id=row.doc_id, title=row.title, headline=_headline(row.title, opening),
                       source=row.source, date=row.date, url=row.url)


def quotations_by_id(session: Session, ids: Sequence[int]) -> list[QuotationOut]:
    """Full quotation objects for `ids`, in that order (unknown ids are dropped)."""
    if not ids:
        return []
    docs = select(*_DOC_REF_COLUMNS).subquery("d")
    rows = session.execute(
        select(QuotationRow, docs, EntityRow.name.label("entity_name"))
        .join(docs, docs.c.id == QuotationRow.document_id)
        .outerjoin(EntityRow, EntityRow.id == QuotationRow.speaker_entity_id)
        .where(QuotationRow.id.in_(list(ids)))
    ).all()
    groups = {r[0].group_id for r in rows if r[0].group_id is not None}
    copies: dict[int, int] = {}
    if groups:
        copies = dict(
            session.execute(
                select(QuotationRow.group_id, func.count()).where(QuotationRow.group_id.in_(groups))
                .group_by(QuotationRow.group_id)
            ).all()
        )
    by_id = {}
    for r in rows:
        q = r[0]
        by_id[q.id] = QuotationOut(
            id=q.id, text=q.text, type=q.type, cue=q.cue,
            speaker=SpeakerOut(name=q.speaker_name, entity_id=q.speaker_entity_id, entity_name=r.entity_name,
                               kind=q.speaker_kind, resolution=q.speaker_resolution),
            confidence=q.confidence, date=q.date or r.date, source=q.source or r.source, start=q.start, end=q.end,
            document=_doc_ref(r), copies=max(0, copies.get(q.group_id, 1) - 1) if q.group_id is not None else 0,
        )
    return [by_id[i] for i in ids if i in by_id]


def _page_of_quotations(session: Session, stmt, limit: int, offset: int) -> Page[QuotationOut]:  # type: ignore[no-untyped-def]
    """Runs a `select(QuotationRow.id)` statement as one page, newest first."""
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    ids = list(session.scalars(
        stmt.order_by(QuotationRow.date.desc().nulls_last(), QuotationRow.id.desc()).limit(limit).offset(offset)
    ))
    return Page[QuotationOut](total=total, limit=limit, offset=offset, items=quotations_by_id(session, ids))


# -- quotations ---------------------------------------------------------------------------------
def _first_of_group():  # type: ignore[no-untyped-def]
    """One row per repeated quotation (wire copies): the first occurrence stands for the group."""
    return or_(QuotationRow.group_id.is_(None), QuotationRow.group_id == QuotationRow.id)


def quotation(session: Session, quotation_id: int) -> QuotationOut:
    found = quotations_by_id(session, [quotation_id])
    if not found:
        raise NotFound(f"no quotation {quotation_id}")
    return found[0]


def quotations_said(session: Session, entity_id: int, limit: int, offset: int = 0) -> Page[QuotationOut]:
    stmt = select(QuotationRow.id).where(QuotationRow.speaker_entity_id == entity_id, _first_of_group())
    return _page_of_quotations(session, stmt, limit, offset)


def quotations_about(session: Session, entity_id: int, limit: int, offset: int = 0) -> Page[QuotationOut]:
    """Quotations by others that mention the entity (what is said about it or to it)."""
    stmt = (
        select(QuotationRow.id).join(QuotationEntity, QuotationEntity.quotation_id == QuotationRow.id)
        .where(QuotationEntity.entity_id == entity_id, _first_of_group(),
               or_(QuotationRow.speaker_entity_id.is_(None), QuotationRow.speaker_entity_id != entity_id))
    )
    return _page_of_quotations(session, stmt, limit, offset)


@dataclass(frozen=True, slots=True)
class Filters:
    """What a quotation search asks for (every given filter must hold)."""

    q: str | None = None
    speaker: str | None = None
    speaker_id: int | None = None
    entity: str | None = None
    entity_id: int | None = None
    source: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    type: str | None = None

    @property
    def empty(self) -> bool:
        return all(v is None or v == "" for v in (self.q, self.speaker, self.speaker_id, self.entity,
                                                   self.entity_id, self.source, self.date_from, self.date_to,
                                                   self.type))


def search(session: Session, f: Filters, order: str, limit: int, offset: int) -> Page[QuotationOut]:
    """The store's quotation search (Arabic-aware full text, one row per duplicate group), hydrated."""
    entity: int | str | None = f.entity_id if f.entity_id is not None else (f.entity or None)
    result = search_quotations(
        session.connection(), f.q or None, speaker=f.speaker or None, speaker_id=f.speaker_id, entity=entity,
        source=f.source or None, since=f.date_from, until=f.date_to, quote_type=f.type or None,
        order=order,  # type: ignore[arg-type]
        limit=limit, offset=offset,
    )
    items = quotations_by_id(session, [hit.id for hit in result.items])
    return Page[QuotationOut](total=result.total, limit=limit, offset=offset, items=items)


def latest_quotations(session: Session, limit: int, offset: int = 0) -> Page[QuotationOut]:
    return _page_of_quotations(session, select(QuotationRow.id).where(_first_of_group()), limit, offset)


# -- entities -----------------------------------------------------------------------------------
def _entity_row(session: Session, entity_id: int) -> EntityRow:
    row = session.get(EntityRow, entity_id)
    if row is None:
        raise NotFound(f"no entity {entity_id}")
    return row


def entity_summary(session: Session, entity_id: int) -> EntitySummary:
    return _entity_summary(_entity_row(session, entity_id))


def list_entities(session: Session, q: str | None, type_: str | None, limit: int, offset: int) -> Page[EntitySummary]:
    """Entities whose names contain every word of `q` (clitic-insensitive), most quoted first."""
    found = queries.find_entities(session.connection(), q or None, type=type_, limit=limit, offset=offset)
    items = [EntitySummary(**{**e, "aliases": [a for a in e["aliases"] if a != e["name"]]}) for e in found["items"]]
    return Page[EntitySummary](total=found["total"], limit=limit, offset=offset, items=items)


def cooccurring(session: Session, entity_id: int, limit: int = COOCCURRING_LIMIT) -> list[CountedEntity]:
    """Entities mentioned in the most documents that also mention `entity_id`."""
    rows = queries.cooccurring_entities(session.connection(), entity_id, limit=limit)
    return [CountedEntity(**{k: e[k] for k in ("id", "name", "latin", "type", "kb")}, count=e["shared_documents"])
            for e in rows]


def meets(session: Session, entity_id: int, limit: int = COOCCURRING_LIMIT) -> list[CountedEntity]:
    """Fellow participants of the entity's meetings, visits and calls (places excluded)."""
    mine, other = aliased(EventParticipant), aliased(EventParticipant)
    shared = func.count(func.distinct(EventRow.id)).label("n")
    rows = session.execute(
        select(EntityRow, shared)
        .join(other, other.entity_id == EntityRow.id)
        .join(mine, and_(mine.event_id == other.event_id, mine.entity_id == entity_id))
        .join(EventRow, EventRow.id == other.event_id)
        .where(other.entity_id != entity_id, EventRow.type.in_(MEETING_EVENT_TYPES), EntityRow.type != "LOC",
               _first_copy())
        .group_by(EntityRow.id)
        .order_by(shared.desc(), EntityRow.id)
        .limit(limit)
    ).all()
    return [CountedEntity(**_entity_ref(e).model_dump(), count=n) for e, n in rows]


def timeline(session: Session, entity_id: int) -> list[TimelinePoint]:
    """Per month: quotations said by or mentioning the entity, and events it takes part in."""
    return [TimelinePoint(**p) for p in queries.timeline(session.connection(), entity_id=entity_id, granularity="month")]


def network(session: Session, entity_id: int, size: int = NETWORK_NODES) -> Network:
    """The entity, its most frequent co-occurring entities, and co-occurrence edges among them all."""
    centre = _entity_row(session, entity_id)
    neighbours = cooccurring(session, entity_id, limit=size - 1)
    nodes = [NetworkNode(**_entity_ref(centre).model_dump(), weight=centre.document_count or 0)]
    nodes += [NetworkNode(**n.model_dump(exclude={"count"}), weight=n.count) for n in neighbours]
    ids = [n.id for n in nodes]
    a, b = aliased(DocumentEntity), aliased(DocumentEntity)
    pairs = session.execute(
        select(a.entity_id, b.entity_id, func.count())
        .join(b, and_(a.document_id == b.document_id, a.entity_id < b.entity_id))
        .where(a.entity_id.in_(ids), b.entity_id.in_(ids))
        .group_by(a.entity_id, b.entity_id)
    ).all()
    edges = [NetworkEdge(source=s, target=t, weight=n) for s, t, n in pairs
             if entity_id in (s, t) or n >= MIN_NEIGHBOUR_EDGE_DOCUMENTS]
    return Network(nodes=nodes, edges=edges)


def _events_out(session: Session, rows: Iterable[EventRow]) -> list[EventOut]:
    rows = list(rows)
    if not rows:
        return []
    parts: dict[int, list[ParticipantOut]] = defaultdict(list)
    for p, e in session.execute(
        select(EventParticipant, EntityRow).join(EntityRow, EntityRow.id == EventParticipant.entity_id)
        .where(EventParticipant.event_id.in_([r.id for r in rows]))
        .order_by(EventParticipant.event_id, EntityRow.id)
    ).all():
        parts[p.event_id].append(ParticipantOut(**_entity_ref(e).model_dump(), role=p.role))
    place_ids = {r.place_entity_id for r in rows if r.place_entity_id is not None}
    places = {e.id: _entity_ref(e) for e in session.scalars(select(EntityRow).where(EntityRow.id.in_(place_ids)))} if place_ids else {}
    return [
        EventOut(id=r.id, type=r.type, trigger=r.trigger_text, trigger_start=r.trigger_start, trigger_end=r.trigger_end,
                 date=r.date or r.doc_date, date_text=r.date_text,
                 document_id=r.document_id, participants=parts.get(r.id, []),
                 place=places.get(r.place_entity_id) if r.place_entity_id is not None else None)
        for r in rows
    ]


def _first_copy():  # type: ignore[no-untyped-def]
    """Events of one story count once: those of near-duplicate copies (wire republications) are left out."""
    firsts = select(DocumentRow.id).where(or_(DocumentRow.dup_group.is_(None), DocumentRow.dup_group == DocumentRow.id))
    return EventRow.document_id.in_(firsts)


def _event_order():  # type: ignore[no-untyped-def]
    return (func.coalesce(EventRow.date, EventRow.doc_date).desc().nulls_last(), EventRow.id.desc())


def list_events(session: Session, type_: str | None, entity_id: int | None, date_from: dt.date | None,
                date_to: dt.date | None, limit: int, offset: int) -> Page[EventOut]:
    stmt = select(EventRow).where(_first_copy())
    when = func.coalesce(EventRow.date, EventRow.doc_date)
    if type_:
        stmt = stmt.where(EventRow.type == type_)
    if entity_id is not None:
        stmt = stmt.where(EventRow.id.in_(select(EventParticipant.event_id).where(EventParticipant.entity_id == entity_id)))
    if date_from:
        stmt = stmt.where(when >= date_from)
    if date_to:
        stmt = stmt.where(when <= date_to)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(*_event_order()).limit(limit).offset(offset)).all()
    return Page[EventOut](total=total, limit=limit, offset=offset, items=_events_out(session, rows))


def entity_detail(session: Session, entity_id: int, quotes_limit: int = ENTITY_QUOTES_LIMIT) -> EntityDetail:
    row = _entity_row(session, entity_id)
    return EntityDetail(
        entity=_entity_summary(row),
        said=quotations_said(session, entity_id, quotes_limit),
        about=quotations_about(session, entity_id, quotes_limit),
        cooccurring=cooccurring(session, entity_id),
        meets=meets(session, entity_id),
        timeline=timeline(session, entity_id),
        events=list_events(session, None, entity_id, None, None, ENTITY_EVENTS_LIMIT, 0).items,
    )


# -- documents ----------------------------------------------------------------------------------
def list_documents(session: Session, source: str | None, date_from: dt.date | None, date_to: dt.date | None,
                   limit: int, offset: int) -> Page[DocumentListItem]:
    stmt = select(DocumentRow.id)
    if source:
        stmt = stmt.where(DocumentRow.source == source)
    if date_from:
        stmt = stmt.where(DocumentRow.date >= date_from)
    if date_to:
        stmt = stmt.where(DocumentRow.date <= date_to)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    ids = list(session.scalars(stmt.order_by(DocumentRow.date.desc().nulls_last(), DocumentRow.id.desc())
                               .limit(limit).offset(offset)))
    counts = dict(session.execute(
        select(QuotationRow.document_id, func.count()).where(QuotationRow.document_id.in_(ids))
        .group_by(QuotationRow.document_id)).all()) if ids else {}
    rows = {r.id: r for r in session.execute(select(*_DOC_REF_COLUMNS).where(DocumentRow.id.in_(ids)))} if ids else {}
    items = [DocumentListItem(**_doc_ref(rows[i]).model_dump(), quote_count=counts.get(i, 0)) for i in ids]
    return Page[DocumentListItem](total=total, limit=limit, offset=offset, items=items)


def document(session: Session, document_id: int) -> DocumentOut:
    row = session.get(DocumentRow, document_id)
    if row is None:
        raise NotFound(f"no document {document_id}")
    qids = list(session.scalars(select(QuotationRow.id).where(QuotationRow.document_id == document_id)
                                .order_by(QuotationRow.start)))
    mentions = session.scalars(select(MentionRow).where(MentionRow.document_id == document_id)
                               .order_by(MentionRow.start)).all()
    entity_ids = select(DocumentEntity.entity_id).where(DocumentEntity.document_id == document_id)
    entities = session.scalars(select(EntityRow).where(EntityRow.id.in_(entity_ids)).order_by(EntityRow.id)).all()
    events = session.scalars(select(EventRow).where(EventRow.document_id == document_id).order_by(EventRow.idx)).all()
    return DocumentOut(
        **_doc_ref(row).model_dump(), text=row.text, language=row.language,
        quotations=quotations_by_id(session, qids),
        mentions=[MentionOut(start=m.start, end=m.end, text=m.text, label=m.label, entity_id=m.entity_id) for m in mentions],
        entities=[_entity_ref(e) for e in entities],
        events=_events_out(session, events),
    )


def quotation_speaker_spans(session: Session, document_id: int) -> dict[int, tuple[int, int]]:
    """Quotation id → (start, end) of its speaker mention in the text, where the text names one."""
    rows = session.execute(
        select(QuotationRow.id, QuotationRow.speaker_start, QuotationRow.speaker_end)
        .where(QuotationRow.document_id == document_id, QuotationRow.speaker_start.is_not(None))
    ).all()
    return {i: (s, e) for i, s, e in rows if e is not None}


def quotation_cue_spans(session: Session, document_id: int) -> dict[int, tuple[int, int]]:
    rows = session.execute(
        select(QuotationRow.id, QuotationRow.cue_start, QuotationRow.cue_end)
        .where(QuotationRow.document_id == document_id, QuotationRow.cue_start.is_not(None))
    ).all()
    return {i: (s, e) for i, s, e in rows if e is not None}


# -- stats --------------------------------------------------------------------------------------
def stats(session: Session) -> Stats:
    found = queries.stats(session.connection())
    return Stats(**{k: found[k] for k in Stats.model_fields if k in found},
                 sources=len(found.get("top_sources", [])))
