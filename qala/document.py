"""The one model that flows through every stage.

A `Document` owns the decoded text, which never changes; every stage only adds annotations whose
offsets are Python string indices into that text. `to_dict()` is the JSON output contract
(schema 1, see README "Output"): fields may be added, never renamed or removed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
QuoteType = Literal["direct", "indirect", "mixed"]
Resolution = Literal["explicit", "carried", "coreference"]
SpeakerKind = Literal["person", "organization", "anonymous", "document"]


@dataclass(slots=True)
class Span:
    """A stretch of the document text: `text == doc.text[start:end]`."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    headline: bool = False  # a line with no final punctuation (title, subheading, `SPEAKER: ...`)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    """A named-entity mention (from NER, a gazetteer or a speaker phrase)."""

    start: int
    end: int
    text: str
    label: EntityType
    source: str = "ner"
    score: float = 1.0
    entity: str | None = None  # id of the Entity it was clustered into


@dataclass(slots=True)
class Entity:
    id: str
    type: EntityType
    name: str
    mentions: list[Span] = field(default_factory=list)
    latin: str | None = None
    latin_guess: bool = False  # True when `latin` is a romanization, not a known spelling
    kb: str | None = None
    key: str | None = None  # stable canonical key for merging across documents
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "latin": self.latin,
            "latin_guess": self.latin_guess,
            "kb": self.kb,
            "key": self.key,
            "aliases": self.aliases,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(slots=True)
class Speaker:
    name: str
    mention: Span | None = None
    resolution: Resolution = "explicit"
    kind: SpeakerKind = "person"
    entity: str | None = None
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "name": self.name,
            "mention": self.mention.to_dict() if self.mention else None,
            "resolution": self.resolution,
            "kind": self.kind,
            "aliases": self.aliases,
        }


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    type: QuoteType
    cue: Span | None = None
    speaker: Speaker | None = None
    confidence: float = 0.5
    event: int | None = None  # index into Document.events when the text ties the quote to one

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "confidence": round(self.confidence, 3),
            "event": self.event,
        }


@dataclass(slots=True)
class TimeExpr:
    """A date expression and what it resolves to (ISO date, or a start/end range)."""

    start: int
    end: int
    text: str
    value: str | None  # ISO date "2022-01-19", or None when unresolvable
    end_value: str | None = None  # for ranges (العام الماضي → 2021-01-01 .. 2021-12-31)
    granularity: str = "day"  # day | week | month | year
    calendar: str = "gregorian"

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "end_value": self.end_value,
            "granularity": self.granularity,
            "calendar": self.calendar,
        }


@dataclass(slots=True)
class Figure:
    start: int
    end: int
    text: str
    kind: str  # percent | money | count | number
    value: float | None
    unit: str | None = None  # currency code, "%", or the counted noun
    measure: str | None = None  # what it measures (التجارة), when the sentence says it

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "value": self.value,
            "unit": self.unit,
            "measure": self.measure,
        }


@dataclass(slots=True)
class Event:
    type: str
    trigger: Span
    sentence: Span
    participants: list[str] = field(default_factory=list)  # entity ids
    roles: dict[str, str] = field(default_factory=dict)  # entity id → agent | counterpart | ...
    place: str | None = None  # entity id
    date: str | None = None
    date_text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "trigger": self.trigger.to_dict(),
            "participants": self.participants,
            "roles": self.roles,
            "place": self.place,
            "date": self.date,
            "date_text": self.date_text,
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
        }


@dataclass(slots=True)
class DocError:
    """Why a document could not be (fully) processed; reported, never raised across a batch."""

    code: str
    message: str
    stage: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "stage": self.stage}


@dataclass
class Document:
    text: str
    id: str = "doc"
    title: str | None = None
    date: str | None = None  # ISO date the relative expressions are resolved against
    source: str | None = None
    url: str | None = None
    language: str | None = None
    encoding: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    errors: list[DocError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    # scratch space for stages (e.g. a normalized copy of the text); never serialized
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def spans(self) -> Iterator[tuple[str, int, int, str | None]]:
        """(kind, start, end, reported text or None) of every span the stages assigned: lets a
        checker verify `text[start:end]` for all of them at once."""
        for q in self.quotes:
            yield "quote", q.start, q.end, q.text
            if q.cue:
                yield "cue", q.cue.start, q.cue.end, q.cue.text
            if q.speaker and q.speaker.mention:
                yield "speaker", q.speaker.mention.start, q.speaker.mention.end, q.speaker.mention.text
        for m in self.mentions:
            yield "mention", m.start, m.end, m.text
        for e in self.entities:
            for s in e.mentions:
                yield "entity_mention", s.start, s.end, s.text
        for ev in self.events:
            yield "trigger", ev.trigger.start, ev.trigger.end, ev.trigger.text
            yield "event_sentence", ev.sentence.start, ev.sentence.end, None
        for t in self.times:
            yield "time", t.start, t.end, t.text
        for f in self.figures:
            yield "figure", f.start, f.end, f.text
        for st in self.sentences:
            yield "sentence", st.start, st.end, None
        for tok in self.tokens:
            yield "token", tok.start, tok.end, tok.text

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        """The schema-1 JSON object of `qala extract`."""
        out: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "date": self.date,
            "language": self.language,
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "times": [t.to_dict() for t in self.times],
            "figures": [f.to_dict() for f in self.figures],
        }
        if self.errors:
            out["errors"] = [e.to_dict() for e in self.errors]
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out


def json_line(obj: object) -> str:
    """One JSON Lines line (UTF-8, `ensure_ascii=False`); text with an unpaired surrogate (possible
    from the Python API: readers already replace them) is written with \\u escapes instead, so a
    UTF-8 writer never fails mid-batch."""
    line = json.dumps(obj, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(obj, ensure_ascii=True)
    return line + "\n"
