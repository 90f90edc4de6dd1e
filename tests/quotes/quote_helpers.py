"""Helpers shared by the quotation tests: run the quote stage (or the full pipeline) on a text."""

from __future__ import annotations

from qala.document import Document, Quote
from qala.pipeline import default_pipeline
from qala.quotes.stage import QuoteStage
from qala.text.stage import TextStage


def quotes(text: str, full: bool = False) -> list[Quote]:
    """Quotations of `text`: text + quote stages only, or the whole pipeline (NER mentions) with `full`."""
    doc = Document(text=text)
    return (default_pipeline()(doc) if full else QuoteStage()(TextStage()(doc))).quotes


def only(text: str) -> Quote:
    """The one quotation of `text` (fails listing them when there are more or none)."""
    qs = quotes(text)
    assert len(qs) == 1, [(q.text, q.speaker.name if q.speaker else None) for q in qs]
    return qs[0]


def speaker_of(text: str, content_start: str, full: bool = False) -> str | None:
    """The speaker name of the one quotation whose content starts with `content_start`."""
    found = [q for q in quotes(text, full) if q.text.startswith(content_start)]
    assert len(found) == 1, [(q.text, q.speaker and q.speaker.name) for q in quotes(text, full)]
    return found[0].speaker.name if found[0].speaker else None
