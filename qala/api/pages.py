"""The web UI's HTML pages: the same services as the JSON API, rendered with Jinja2 templates.

Form fields arrive as strings (an empty date box sends `date_from=`), so pages read them leniently
— empty means "not given" — and reject only values that are really wrong, with an HTML error page.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from qala.api import service
from qala.api.deps import session_scope
from qala.api.models import DocumentOut, Page
from qala.api.settings import MAX_OFFSET, MAX_QUERY_CHARS, Settings
from qala.web.highlight import Mark, highlight, query_hits

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

DB = Annotated[Session, Depends(session_scope)]
FormText = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Id = Annotated[int, Path(ge=1, le=2**62)]
QUOTE_TYPES = ("direct", "indirect", "mixed")
SEARCH_ORDERS = ("relevance", "date", "date_asc")
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
ENTITY_LABELS_AR = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "أخرى"}
EVENT_LABELS_AR = {"meeting": "لقاء", "visit": "زيارة", "call": "اتصال", "agreement": "اتفاق", "statement": "تصريح",
                   "election": "انتخابات", "attack": "هجوم", "protest": "احتجاج", "appointment": "تعيين",
                   "resignation": "استقالة", "arrest": "اعتقال", "sanctions": "عقوبات"}


def _settings(request: Request) -> Settings:
    return request.app.state.settings


def _render(request: Request, template: str, context: dict[str, Any]) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _date(value: str | None, name: str) -> dt.date | None:
    value = _clean(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(status_code=400, detail=f"تاريخ غير صالح في {name}: استعمل الصيغة YYYY-MM-DD") from None


def _int(value: str | None, name: str) -> int | None:
    value = _clean(value)
    if value is None:
        return None
    # isdecimal, not isdigit: "²" is a digit that int() refuses; Arabic-Indic "٣" is decimal and accepted
    if not value.isdecimal() or len(value) > 18:
        raise HTTPException(status_code=400, detail=f"قيمة غير صالحة في {name}")
    return int(value)


def _choice(value: str | None, allowed: tuple[str, ...]) -> str | None:
    value = _clean(value)
    return value if value in allowed else None


def _pager(request: Request, page: Page[Any]) -> dict[str, Any]:
    """Offsets and the previous/next URLs, keeping every other query parameter."""

    def url(offset: int) -> str:
        params = dict(request.query_params)
        params["offset"] = str(offset)
        return str(request.url.include_query_params(**params))

    prev_url = url(max(0, page.offset - page.limit)) if page.offset > 0 else None
    next_url = url(page.offset + page.limit) if page.offset + page.limit < page.total else None
    return {"offset": page.offset, "limit": page.limit, "total": page.total, "prev_url": prev_url, "next_url": next_url}


@router.get("/", name="page_search")
def page_search(
    request: Request, db: DB, q: FormText = None, speaker: FormText = None, speaker_id: FormText = None, entity: FormText = None,
    entity_id: FormText = None, source: FormText = None, date_from: FormText = None, date_to: FormText = None,
    type: FormText = None, order: FormText = None, offset: Offset = 0,
) -> HTMLResponse:
    settings = _settings(request)
    order_ = _choice(order, SEARCH_ORDERS) or "relevance"
    f = service.Filters(
        q=_clean(q), speaker=_clean(speaker), speaker_id=_int(speaker_id, "speaker_id"), entity=_clean(entity),
        entity_id=_int(entity_id, "entity_id"), source=_clean(source), date_from=_date(date_from, "date_from"),
        date_to=_date(date_to, "date_to"), type=_choice(type, QUOTE_TYPES),
    )
    limit = settings.default_limit
    if f.empty:
        page = service.latest_quotations(db, limit, offset)
        stats = service.stats(db)
    else:
        page = service.search(db, f, order_, limit, offset)
        stats = None
    hits = {q.id: highlight(q.text, query_hits(q.text, f.q)) for q in page.items} if f.q else {}
    return _render(request, "search.html", {
        "f": f, "quotes": page.items, "page": _pager(request, page), "searched": not f.empty, "stats": stats,
        "hits": hits, "order": order_,
    })


@router.get("/entities", name="page_entities")
def page_entities(request: Request, db: DB, q: FormText = None, type: FormText = None, offset: Offset = 0) -> HTMLResponse:
    type_ = _choice(type, ENTITY_TYPES)
    page = service.list_entities(db, _clean(q), type_, _settings(request).default_limit, offset)
    return _render(request, "entities.html", {"f": {"q": _clean(q), "type": type_}, "entities": page.items,
                                              "page": _pager(request, page)})


@router.get("/entities/{entity_id}", name="page_entity")
def page_entity(request: Request, db: DB, entity_id: Id) -> HTMLResponse:
    try:
        detail = service.entity_detail(db, entity_id)
        net = service.network(db, entity_id)
    except service.NotFound:
        raise HTTPException(status_code=404, detail="الكيان غير موجود") from None
    return _render(request, "entity.html", {
        "e": detail.entity, "said": detail.said.items, "said_total": detail.said.total,
        "about": detail.about.items, "about_total": detail.about.total, "cooccurring": detail.cooccurring,
        "meets": detail.meets, "events": detail.events,
        "timeline": [p.model_dump() for p in detail.timeline],
        "network": {**net.model_dump(), "centre": entity_id, "links": {
            n.id: str(request.url_for("page_entity", entity_id=n.id)) for n in net.nodes}},
    })


@router.get("/documents", name="page_documents")
def page_documents(request: Request, db: DB, offset: Offset = 0) -> HTMLResponse:
    page = service.list_documents(db, None, None, None, _settings(request).default_limit, offset)
    return _render(request, "documents.html", {"documents": page.items, "page": _pager(request, page)})


def document_marks(request: Request, doc: DocumentOut, speakers: dict[int, tuple[int, int]],
                   cues: dict[int, tuple[int, int]]) -> list[Mark]:
    """Quotations, their speakers and cues, and entity mentions as highlight marks."""
    marks: list[Mark] = []
    speaker_spans: set[tuple[int, int]] = set()
    for q in doc.quotations:
        who = q.speaker.entity_name or q.speaker.name or "؟"
        marks.append(Mark(q.start, q.end, f"quote {q.type}", label=who, id=f"q-{q.id}", title=who, rank=2))
        if q.id in speakers:
            s, e = speakers[q.id]
            if (s, e) not in speaker_spans:
                speaker_spans.add((s, e))
                href = str(request.url_for("page_entity", entity_id=q.speaker.entity_id)) if q.speaker.entity_id else None
                marks.append(Mark(s, e, "speaker", label="متحدث", href=href, title=who, rank=1))
        if q.id in cues:
            s, e = cues[q.id]
            marks.append(Mark(s, e, "cue", rank=0))
    for ev in doc.events:
        label = EVENT_LABELS_AR.get(ev.type, ev.type)
        marks.append(Mark(ev.trigger_start, ev.trigger_end, f"trigger {ev.type}", label=label,
                          title=f"{label}{' · ' + str(ev.date) if ev.date else ''}"))
    for m in doc.mentions:
        if (m.start, m.end) in speaker_spans:
            continue  # already marked as the speaker
        href = str(request.url_for("page_entity", entity_id=m.entity_id)) if m.entity_id else None
        # no label badge: the colour and the legend say the type, and the text stays readable
        marks.append(Mark(m.start, m.end, f"ent {m.label}", href=href, title=ENTITY_LABELS_AR.get(m.label, m.label)))
    return marks


@router.get("/documents/{document_id}", name="page_document")
def page_document(request: Request, db: DB, document_id: Id) -> HTMLResponse:
    try:
        doc = service.document(db, document_id)
    except service.NotFound:
        raise HTTPException(status_code=404, detail="المقال غير موجود") from None
    marks = document_marks(request, doc, service.quotation_speaker_spans(db, document_id),
                           service.quotation_cue_spans(db, document_id))
    return _render(request, "document.html", {"d": doc, "quotes": doc.quotations, "marked": highlight(doc.text, marks)})


@router.get("/events", name="page_events")
def page_events(request: Request, db: DB, type: FormText = None, offset: Offset = 0) -> HTMLResponse:
    page = service.list_events(db, _clean(type), None, None, None, _settings(request).default_limit, offset)
    return _render(request, "events.html", {"events": page.items, "page": _pager(request, page)})
