"""Quotation search that understands Arabic: normalized, clitic-insensitive, one row per duplicate group.

Keywords and speaker names are turned into the search form of `qala.store.searchtext` and matched by
the database's full-text index (SQLite FTS5, PostgreSQL tsvector + GIN); the other filters (entity,
source, dates, type) are plain indexed columns. A quotation carried by several copies of one wire
story is returned once, with every source that carried it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from sqlalchemy import Connection, Engine, column, func, literal_column, or_, select, table, text
from sqlalchemy.sql import Select

from qala.store.schema import DocumentRow, EntityRow, QuotationEntity, QuotationRow
from qala.store.searchtext import fts5_query, query_terms, tsquery

Order = Literal["relevance", "date", "date_asc"]
MAX_LIMIT = 200  # one page; deeper pages use `offset`

_fts = table("quotations_fts", column("rowid"), column("rank"))


@contextmanager
def connect(target: Engine | Connection) -> Iterator[Connection]:
    """A connection from an Engine (closed afterwards), or the caller's Connection as is."""
    if isinstance(target, Connection):
        yield target
    else:
        with target.connect() as conn:
            yield conn


@dataclass
class SourceRef:
    document_id: int
    doc_id: str
    source: str | None
    title: str | None
    url: str | None
    date: str | None
    quotation_id: int


@dataclass
class QuotationHit:
    id: int
    text: str
    type: str
    cue: str | None
    confidence: float
    speaker: str | None
    speaker_kind: str | None
    speaker_entity_id: int | None
    date: str | None
    document_id: int
    start: int
    end: int
    group_id: int
    score: float | None = None
    sources: list[SourceRef] = field(default_factory=list)

    @property
    def source_count(self) -> int:
        return len(self.sources)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["source_count"] = self.source_count
        return out


@dataclass
class SearchResult:
    total: int  # groups matching (not quotations)
    items: list[QuotationHit]
    limit: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset,
                "items": [h.to_dict() for h in self.items]}


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def entity_ids_by_name(conn: Connection, name: str, limit: int = 50) -> list[int]:
    """Entities whose name, an alias or the Latin form contains every word of `name` (clitic-insensitive)."""
    terms = query_terms(name)
    if not terms:
        return []
    stmt = select(EntityRow.id)
    for alts in terms:
        stmt = stmt.where(or_(*(
            EntityRow.names_search.contains(f" {alt} ", autoescape=True) for alt in alts
        )))
    return list(conn.scalars(stmt.order_by(EntityRow.quote_count.desc()).limit(limit)))


def _filtered(
    conn: Connection,
    q: str | None,
    speaker: str | None,
    speaker_id: int | None,
    entity: int | str | None,
    source: str | None,
    since: dt.date | None,
    until: dt.date | None,
    quote_type: str | None,
    min_confidence: float | None,
    ranked: bool = True,
) -> tuple[Select[Any], Any] | None:
    """SELECT id, group_id, date, score of matching quotations (None when nothing can match)."""
    Q = QuotationRow
    text_terms = query_terms(q) if q else []
    speaker_terms = query_terms(speaker) if speaker else []
    if (q and not text_terms) or (speaker and not speaker_terms):
        return None  # a query of only punctuation matches nothing
    score: Any = literal_column("NULL")
    if conn.dialect.name == "sqlite":
        parts = []
        if text_terms:
            parts.append(fts5_query(text_terms, "text_search"))
        if speaker_terms:
            parts.append(fts5_query(speaker_terms, "speaker_search"))
        if parts:
            # BM25 is computed only when results are ordered by it: it costs more than the match itself
            score = _fts.c.rank if ranked and text_terms else score
            stmt = select(Q.id, Q.group_id, Q.date, score.label("score")).join(_fts, _fts.c.rowid == Q.id)
            stmt = stmt.where(text("quotations_fts MATCH :match").bindparams(match=" AND ".join(parts)))
        else:
            stmt = select(Q.id, Q.group_id, Q.date, score.label("score"))
    else:
        stmt = select(Q.id, Q.group_id, Q.date)
        if text_terms:
            query = func.to_tsquery("simple", tsquery(text_terms))
            vector = literal_column("quotations.text_tsv")  # stored, indexed (migration 0002)
            stmt = stmt.where(vector.op("@@")(query))
            if ranked:
                score = -func.ts_rank(vector, query)  # lower is better, as SQLite's rank
        if speaker_terms:
            stmt = stmt.where(func.to_tsvector("simple", Q.speaker_search).op("@@")(
                func.to_tsquery("simple", tsquery(speaker_terms))))
        stmt = stmt.add_columns(score.label("score"))
    if speaker_id is not None:
        stmt = stmt.where(Q.speaker_entity_id == speaker_id)
    if entity is not None:
        ids = [entity] if isinstance(entity, int) else entity_ids_by_name(conn, entity)
        if not ids:
            return None
        stmt = stmt.where(or_(
            Q.speaker_entity_id.in_(ids),
            Q.id.in_(select(QuotationEntity.quotation_id).where(QuotationEntity.entity_id.in_(ids))),
        ))
    if source:
        stmt = stmt.where(Q.source.contains(source.replace("\x00", ""), autoescape=True))
    if since:
        stmt = stmt.where(Q.date >= since)
    if until:
        stmt = stmt.where(Q.date <= until)
    if quote_type:
        stmt = stmt.where(Q.type == quote_type)
    if min_confidence is not None:
        stmt = stmt.where(Q.confidence >= min_confidence)
    return stmt, score


def search_quotations(
    target: Engine | Connection,
    q: str | None = None,
    *,
    speaker: str | None = None,
    speaker_id: int | None = None,
    entity: int | str | None = None,
    source: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    quote_type: str | None = None,
    min_confidence: float | None = None,
    order: Order = "relevance",
    limit: int = 20,
    offset: int = 0,
) -> SearchResult:
    """Quotations matching every given filter, one per duplicate group, with their sources.

    `q`: words that must all occur in the quotation (any spelling/clitic variant); `speaker`: words
    of the speaker's name (as written, an alias or the Latin form); `speaker_id`: the speaker entity;
    `entity`: an entity id or name, as speaker or mentioned in the quotation; `source`: part of the
    outlet's name; `since`/`until`: ISO dates (inclusive); `quote_type`: direct | indirect | mixed.
    `order`: relevance (best match first; newest first without `q`), date (newest first), date_asc.
    """
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    with connect(target) as conn:
        ranked = order == "relevance" and bool(q)
        built = _filtered(conn, q, speaker, speaker_id, entity, source, _as_date(since), _as_date(until),
                          quote_type, min_confidence, ranked)
        if built is None:
            return SearchResult(0, [], limit, offset)
        stmt, _ = built
        matches = stmt.subquery("m")
        # one pass: the page of groups and, by a window over the grouped rows, how many groups in all
        groups = select(
            matches.c.group_id,
            func.min(matches.c.id).label("rep"),
            func.min(matches.c.score).label("score"),
            func.max(matches.c.date).label("date"),
            func.count().over().label("total"),
        ).group_by(matches.c.group_id)
        if order == "date_asc":
            groups = groups.order_by(func.min(matches.c.date).asc(), matches.c.group_id)
        elif order == "date" or not q:
            groups = groups.order_by(func.max(matches.c.date).desc().nulls_last(), matches.c.group_id.desc())
        else:
            groups = groups.order_by(func.min(matches.c.score).asc(), matches.c.group_id.desc())
        page = conn.execute(groups.limit(limit).offset(offset)).all()
        if page:
            total = page[0].total
        elif offset:  # past the last page: the total still tells the caller where the end is
            total = conn.execute(select(func.count(func.distinct(matches.c.group_id)))).scalar_one()
        else:
            total = 0
        hits = _hits(conn, [(r.group_id, r.rep, r.score) for r in page])
    return SearchResult(total, hits, limit, offset)


def _hits(conn: Connection, page: list[tuple[int, int, float | None]]) -> list[QuotationHit]:
    """The representative quotation of each group on the page, with the sources of the whole group."""
    if not page:
        return []
    Q, D = QuotationRow, DocumentRow
    reps = {r.id: r for r in conn.execute(select(Q.__table__).where(Q.id.in_([rep for _, rep, _ in page])))}
    members = conn.execute(
        select(Q.group_id, Q.id, D.id.label("document_id"), D.doc_id, D.source, D.title, D.url, D.date)
        .join(D, D.id == Q.document_id)
        .where(Q.group_id.in_([g for g, _, _ in page]))
        .order_by(Q.group_id, D.date, Q.id)
    ).all()
    sources: dict[int, list[SourceRef]] = {}
    for m in members:
        sources.setdefault(m.group_id, []).append(
            SourceRef(m.document_id, m.doc_id, m.source, m.title, m.url, _iso(m.date), m.id)
        )
    out = []
    for group, rep, score in page:
        r = reps[rep]
        out.append(QuotationHit(
            id=r.id, text=r.text, type=r.type, cue=r.cue, confidence=r.confidence, speaker=r.speaker_name,
            speaker_kind=r.speaker_kind, speaker_entity_id=r.speaker_entity_id, date=_iso(r.date),
            document_id=r.document_id, start=r.start, end=r.end, group_id=group,
            score=None if score is None else round(-float(score), 4), sources=sources.get(group, []),
        ))
    return out
