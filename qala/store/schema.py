"""The knowledge-base tables (SQLAlchemy 2). Stable contract: the API and web UI read these.

Integer primary keys everywhere; `documents.doc_id` keeps the caller's id (a path, a JSON Lines `id`).
Columns ending in `_search` hold the normalized, clitic-stripped search form made by
`qala.store.searchtext` (never shown to users). Dates are `DATE` (the document's date; quotations
and events copy it so that filters and ordering need no join).

Near-duplicate articles (wire copy republished by several outlets) share `documents.dup_group` (the
id of the first document of the group); a quotation repeated in them shares `quotations.group_id`
(the id of its first occurrence), so a search returns one row per group with all its sources.

Any change here needs a new migration in `qala/store/migrations/versions/`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Constraint names are fixed so that Alembic migrations can refer to them on every database.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DocumentRow(Base):
    """One ingested article. `doc_key` (hash of source + text) makes ingestion idempotent."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(1000), index=True)
    doc_key: Mapped[str] = mapped_column(String(64), unique=True)  # sha256(source \0 text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)  # sha256(text)
    source: Mapped[str | None] = mapped_column(String(500), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    language: Mapped[str | None] = mapped_column(String(16))
    encoding: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    warnings: Mapped[list[str] | None] = mapped_column(JSON)
    dup_group: Mapped[int | None] = mapped_column(Integer, index=True)  # id of the group's first document
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)  # MinHash signature (uint64 array)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class DocumentBand(Base):
    """LSH band hashes of a document's MinHash: candidates for near-duplicates, found by SQL."""

    __tablename__ = "document_bands"
    __table_args__ = (Index("ix_document_bands_band_hash", "band", "hash"),)

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    band: Mapped[int] = mapped_column(Integer, primary_key=True)
    hash: Mapped[int] = mapped_column(BigInteger)


class EntityRow(Base):
    """One real-world entity across all documents, merged on `key`."""

    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(500), unique=True)  # Entity.key, or "TYPE:normalized name"
    type: Mapped[str] = mapped_column(String(8), index=True)  # PER | ORG | LOC | MISC
    name: Mapped[str] = mapped_column(String(500))
    latin: Mapped[str | None] = mapped_column(String(500))
    latin_guess: Mapped[bool] = mapped_column(default=False)
    kb: Mapped[str | None] = mapped_column(String(64), index=True)  # Wikidata id (Q…)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)  # every surface name seen
    names_search: Mapped[str] = mapped_column(Text, default="")  # " search form of name, aliases, latin "
    mention_count: Mapped[int] = mapped_column(Integer, default=0)
    document_count: Mapped[int] = mapped_column(Integer, default=0)
    quote_count: Mapped[int] = mapped_column(Integer, default=0)  # quotations said


class DocumentEntity(Base):
    """Which entities a document mentions (for co-occurrence and per-entity document lists)."""

    __tablename__ = "document_entities"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True, index=True)
    mentions: Mapped[int] = mapped_column(Integer, default=0)


class MentionRow(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(8))
    source: Mapped[str | None] = mapped_column(String(32))
    score: Mapped[float] = mapped_column(Float, default=1.0)


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)  # position in Document.events
    type: Mapped[str] = mapped_column(String(64), index=True)
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    trigger_text: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    place_entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)  # resolved event date, else None
    date_text: Mapped[str | None] = mapped_column(Text)
    doc_date: Mapped[dt.date | None] = mapped_column(Date)  # copy of documents.date


class EventParticipant(Base):
    __tablename__ = "event_participants"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True, index=True)
    role: Mapped[str | None] = mapped_column(String(32))  # agent | counterpart | ...


class QuotationRow(Base):
    """One quotation as found in one document (offsets into `documents.text`)."""

    __tablename__ = "quotations"
    __table_args__ = (Index("ix_quotations_doc_group_quote_hash", "doc_group", "quote_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)  # position in Document.quotes
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16), index=True)  # direct | indirect | mixed
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    cue: Mapped[str | None] = mapped_column(String(200))  # the cue text (قال، أكد …)
    speaker_name: Mapped[str | None] = mapped_column(String(500))
    speaker_kind: Mapped[str | None] = mapped_column(String(16))  # person | organization | anonymous | document
    speaker_resolution: Mapped[str | None] = mapped_column(String(16))
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    speaker_entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"), index=True)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)  # copy of documents.date
    source: Mapped[str | None] = mapped_column(String(500))  # copy of documents.source
    text_search: Mapped[str] = mapped_column(Text, default="")  # search form of the quotation
    speaker_search: Mapped[str] = mapped_column(Text, default="")  # search form of speaker + entity names
    quote_hash: Mapped[str] = mapped_column(String(40))  # normalized text: same quote in copies
    doc_group: Mapped[int | None] = mapped_column(Integer)  # copy of documents.dup_group
    group_id: Mapped[int | None] = mapped_column(Integer, index=True)  # id of the first occurrence


class QuotationEntity(Base):
    """Entities mentioned inside a quotation (what it is about / whom it addresses)."""

    __tablename__ = "quotation_entities"

    quotation_id: Mapped[int] = mapped_column(ForeignKey("quotations.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True, index=True)


class FigureRow(Base):
    __tablename__ = "figures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(64))
    measure: Mapped[str | None] = mapped_column(Text)


class IngestError(Base):
    """A document that could not be ingested (kept so that failures are visible, once per doc and code)."""

    __tablename__ = "ingest_errors"
    __table_args__ = (UniqueConstraint("doc_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(1000))
    code: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    stage: Mapped[str | None] = mapped_column(String(32))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


# Full-text index objects made by the migration, outside the ORM metadata (backend-specific):
# SQLite: FTS5 table `quotations_fts(text_search, speaker_search)`, external content = quotations,
# kept in sync by triggers. PostgreSQL: GIN indexes on to_tsvector('simple', text_search) and
# to_tsvector('simple', speaker_search), and a pg_trgm index on entities.names_search; the quotation
# text's vector is a stored generated column `quotations.text_tsv` (PostgreSQL only, migration 0002).
SQLITE_FTS_TABLE = "quotations_fts"

__all__ = [
    "SQLITE_FTS_TABLE",
    "Base",
    "DocumentBand",
    "DocumentEntity",
    "DocumentRow",
    "EntityRow",
    "EventParticipant",
    "EventRow",
    "FigureRow",
    "IngestError",
    "MentionRow",
    "QuotationEntity",
    "QuotationRow",
]
