"""The JSON API (mounted under /api): read-only endpoints over the knowledge base.

Every list is paginated (`limit` ≤ MAX_LIMIT, `offset` ≤ MAX_OFFSET) and every free-text
parameter is length-limited, so that no request can ask for the whole database.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from qala.api import service
from qala.api.deps import session_scope
from qala.api.models import (
    DocumentListItem,
    DocumentOut,
    EntityDetail,
    EntitySummary,
    ErrorBody,
    EventOut,
    Network,
    Page,
    QuotationOut,
    Stats,
    TimelinePoint,
)
from qala.api.settings import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, MAX_QUERY_CHARS

router = APIRouter(responses={404: {"model": ErrorBody, "description": "no such id"},
                              422: {"model": ErrorBody, "description": "invalid parameter"}})

DB = Annotated[Session, Depends(session_scope)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size (at most {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
# Text parameters may not contain NUL (PostgreSQL cannot store it); saying so in the spec lets clients
# and schema-driven tests know such a value is invalid rather than an unexpected 422.
NO_NUL = r"^[^\x00]*$"
Text = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, pattern=NO_NUL)]
QuoteType = Literal["direct", "indirect", "mixed"]
EntityType = Literal["PER", "ORG", "LOC", "MISC"]
Id = Annotated[int, Path(ge=1, le=2**62)]


@router.get("/health", tags=["meta"], summary="Liveness and database check")
def health(db: DB) -> dict[str, str]:
    """Answers 200 when the server runs and the database answers a trivial query."""
    db.execute(select(1))
    return {"status": "ok"}


@router.get("/stats", response_model=Stats, tags=["meta"], summary="Counts of what the knowledge base holds")
def get_stats(db: DB) -> Stats:
    return service.stats(db)


@router.get("/quotations", response_model=Page[QuotationOut], tags=["quotations"], summary="Search quotations")
def search_quotations(
    db: DB,
    q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, pattern=NO_NUL, description="words the quotation must contain (any spelling or clitic form)")] = None,
    speaker: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, pattern=NO_NUL, description="words of the speaker's name (Arabic, alias or Latin)")] = None,
    speaker_id: Annotated[int | None, Query(ge=1, le=2**62, description="the speaker's entity id")] = None,
    entity: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, pattern=NO_NUL, description="an entity name: as speaker or mentioned in the quotation")] = None,
    entity_id: Annotated[int | None, Query(ge=1, le=2**62, description="an entity id: as speaker or mentioned in the quotation")] = None,
    source: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, pattern=NO_NUL, description="part of the outlet's name")] = None,
    date_from: Annotated[dt.date | None, Query(description="first date (inclusive), YYYY-MM-DD")] = None,
    date_to: Annotated[dt.date | None, Query(description="last date (inclusive), YYYY-MM-DD")] = None,
    type: Annotated[QuoteType | None, Query(description="direct | indirect | mixed")] = None,
    order: Annotated[Literal["relevance", "date", "date_asc"], Query(description="relevance (newest first without q), date, date_asc")] = "relevance",
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[QuotationOut]:
    """Quotations matching every given filter, newest first (best match first with `q`). A quotation
    repeated in near-duplicate copies of one story is returned once; `copies` counts the others."""
    return service.search(db, service.Filters(q=q, speaker=speaker, speaker_id=speaker_id, entity=entity,
                                              entity_id=entity_id, source=source, date_from=date_from,
                                              date_to=date_to, type=type), order, limit, offset)


@router.get("/quotations/{quotation_id}", response_model=QuotationOut, tags=["quotations"], summary="One quotation")
def get_quotation(db: DB, quotation_id: Id) -> QuotationOut:
    return service.quotation(db, quotation_id)


@router.get("/entities", response_model=Page[EntitySummary], tags=["entities"], summary="List or find entities")
def list_entities(
    db: DB,
    q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, pattern=NO_NUL, description="words of the name (Arabic, alias or Latin)")] = None,
    type: Annotated[EntityType | None, Query(description="PER | ORG | LOC | MISC")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[EntitySummary]:
    """Entities, most quoted first."""
    return service.list_entities(db, q, type, limit, offset)


@router.get("/entities/{entity_id}", response_model=EntityDetail, tags=["entities"],
            summary="An entity with its quotations, co-occurring entities, meetings, timeline and events")
def get_entity(db: DB, entity_id: Id, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="quotations said / about on this page")] = 10) -> EntityDetail:
    return service.entity_detail(db, entity_id, limit)


@router.get("/entities/{entity_id}/quotations", response_model=Page[QuotationOut], tags=["entities"],
            summary="Quotations an entity said, or that mention it")
def entity_quotations(
    db: DB,
    entity_id: Id,
    role: Annotated[Literal["said", "about"], Query(description="said: by the entity; about: by others, mentioning it")] = "said",
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[QuotationOut]:
    service.entity_summary(db, entity_id)  # 404 when there is no such entity
    fetch = service.quotations_said if role == "said" else service.quotations_about
    return fetch(db, entity_id, limit, offset)


@router.get("/entities/{entity_id}/network", response_model=Network, tags=["entities"],
            summary="The entity and the entities mentioned with it, with co-occurrence edges")
def entity_network(db: DB, entity_id: Id) -> Network:
    return service.network(db, entity_id)


@router.get("/entities/{entity_id}/timeline", response_model=list[TimelinePoint], tags=["entities"],
            summary="Quotations said and documents mentioning the entity, per month")
def entity_timeline(db: DB, entity_id: Id) -> list[TimelinePoint]:
    service.entity_summary(db, entity_id)  # 404 when there is no such entity
    return service.timeline(db, entity_id)


@router.get("/documents", response_model=Page[DocumentListItem], tags=["documents"], summary="List documents")
def list_documents(
    db: DB,
    source: Text = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[DocumentListItem]:
    """Documents, newest first; `source` is the outlet's exact name."""
    return service.list_documents(db, source, date_from, date_to, limit, offset)


@router.get("/documents/{document_id}", response_model=DocumentOut, tags=["documents"],
            summary="A document: its text, quotations, entity mentions and events")
def get_document(db: DB, document_id: Id) -> DocumentOut:
    """Offsets (`start`, `end`) are Python code-point indices into `text`."""
    return service.document(db, document_id)


@router.get("/events", response_model=Page[EventOut], tags=["events"], summary="List events")
def list_events(
    db: DB,
    type: Annotated[str | None, Query(max_length=64, pattern=NO_NUL, description="meeting, visit, call, agreement, statement…")] = None,
    entity_id: Annotated[int | None, Query(ge=1, le=2**62, description="events this entity takes part in")] = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Page[EventOut]:
    """Events, newest first (by their resolved date, else the document's)."""
    return service.list_events(db, type, entity_id, date_from, date_to, limit, offset)
