"""The JSON shapes of the API (they document themselves in OpenAPI) and the web UI's view models.

The HTML templates read the same objects the JSON endpoints return, so the two cannot drift.
Ids are the knowledge base's integer ids; `doc_id` is the id the document was ingested with.
"""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: `items` from `offset`, `total` matching rows in all."""

    total: int
    limit: int
    offset: int
    items: list[T]


class DocumentRef(BaseModel):
    id: int
    doc_id: str = Field(description="the id the document was ingested with (a path, a JSON Lines id)")
    title: str | None = None
    headline: str | None = Field(None, description="the title, else the text's first line (for display)")
    source: str | None = None
    date: dt.date | None = None
    url: str | None = None


class EntityRef(BaseModel):
    id: int
    name: str = Field(description="Arabic name")
    latin: str | None = Field(None, description="Latin-script name")
    type: str = Field(description="PER | ORG | LOC | MISC")
    kb: str | None = Field(None, description="Wikidata id (Q…) when known")


class CountedEntity(EntityRef):
    count: int = Field(description="documents (co-occurrence) or events (meetings) shared")


class EntitySummary(EntityRef):
    latin_guess: bool = Field(False, description="`latin` is a romanization, not a known spelling")
    aliases: list[str] = []
    mention_count: int = 0
    document_count: int = 0
    quote_count: int = Field(0, description="quotations this entity said")


class SpeakerOut(BaseModel):
    name: str | None = Field(None, description="the speaker as the text names it")
    entity_id: int | None = None
    entity_name: str | None = Field(None, description="the canonical name of the speaker entity")
    kind: str | None = Field(None, description="person | organization | anonymous | document")
    resolution: str | None = Field(None, description="explicit | carried | coreference")


class QuotationOut(BaseModel):
    id: int
    text: str
    type: str = Field(description="direct | indirect | mixed")
    cue: str | None = None
    speaker: SpeakerOut
    confidence: float
    date: dt.date | None = Field(None, description="the document's date")
    source: str | None = None
    start: int = Field(description="offset of the quotation in the document text (code points)")
    end: int
    document: DocumentRef
    copies: int = Field(0, description="other documents (near-duplicate copies) with the same quotation")


class ParticipantOut(EntityRef):
    role: str | None = None


class EventOut(BaseModel):
    id: int
    type: str
    trigger: str
    trigger_start: int = Field(description="offset of the trigger word in the document text")
    trigger_end: int
    date: dt.date | None = None
    date_text: str | None = None
    document_id: int
    participants: list[ParticipantOut] = []
    place: EntityRef | None = None


class TimelinePoint(BaseModel):
    period: str = Field(description="month, YYYY-MM")
    quotations: int = Field(description="quotations said by the entity or mentioning it that month")
    events: int = Field(description="events the entity took part in that month")


class NetworkNode(EntityRef):
    weight: int = Field(description="documents shared with the centre entity (its own count for the centre)")


class NetworkEdge(BaseModel):
    source: int
    target: int
    weight: int = Field(description="documents mentioning both")


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class EntityDetail(BaseModel):
    entity: EntitySummary
    said: Page[QuotationOut] = Field(description="quotations the entity said, newest first")
    about: Page[QuotationOut] = Field(description="quotations by others that mention the entity")
    cooccurring: list[CountedEntity] = Field(description="entities mentioned in the same documents")
    meets: list[CountedEntity] = Field(description="fellow participants in meetings, visits and calls")
    timeline: list[TimelinePoint]
    events: list[EventOut]


class MentionOut(BaseModel):
    start: int
    end: int
    text: str
    label: str
    entity_id: int | None = None


class DocumentOut(DocumentRef):
    text: str
    language: str | None = None
    quotations: list[QuotationOut]
    mentions: list[MentionOut]
    entities: list[EntityRef]
    events: list[EventOut]


class DocumentListItem(DocumentRef):
    quote_count: int = 0


class Stats(BaseModel):
    documents: int
    quotations: int
    entities: int
    events: int
    mentions: int
    duplicate_groups: int = 0
    quotation_groups: int = Field(0, description="quotations counting wire copies once")
    sources: int = Field(description="outlets (counted up to 10)")
    first_date: dt.date | None = None
    last_date: dt.date | None = None


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail
