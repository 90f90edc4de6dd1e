"""qala — who said what, to whom, where and when, in Arabic news.

    >>> import qala
    >>> doc = qala.extract("قال الوزير أحمد سالم إن المحادثات كانت مثمرة.", date="2022-01-19")
    >>> doc.quotes, doc.entities, doc.to_dict()
"""

from __future__ import annotations

from qala.document import Document, Entity, Event, Figure, Quote, Span, Speaker, TimeExpr

__version__ = "0.1.0"


def extract(
    text: str,
    date: str | None = None,
    id: str = "doc",
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Document:
    """Run the full pipeline on one article and return its annotated `Document`."""
    from qala.pipeline import default_pipeline

    doc = Document(text=text, id=id, date=date, title=title, source=source, url=url)
    return default_pipeline()(doc)


__all__ = ["Document", "Entity", "Event", "Figure", "Quote", "Span", "Speaker", "TimeExpr", "extract"]
