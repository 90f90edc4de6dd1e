"""RSS and Atom feeds saved as files → one Document per entry (feedparser).

The entry's full content (else its summary) is the text, HTML removed; the feed's title is the
source, the entry's link its URL, its publication date the document date. A file that is not a
feed, or a feed without entries, becomes an error Document.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qala.document import Document
from qala.ingest.readers import error_doc

FEED_SUFFIXES = (".rss", ".atom", ".xml")


def _plain(html: str) -> str:
    """Text of an HTML fragment, paragraphs on their own lines."""
    import lxml.html

    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fromstring(f"<div>{html}</div>")
    except Exception:  # lxml on a broken fragment: fall back to the raw text
        return html.strip()
    for br in root.iter("br", "p", "div", "li", "h1", "h2", "h3"):
        br.tail = "\n" + (br.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def documents_from_feed(data: bytes, name: str) -> Iterator[Document]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield error_doc(name, "bad_input", f"not an RSS/Atom feed with entries{reason}")
        return
    source = feed.feed.get("title") or None
    for i, entry in enumerate(feed.entries, 1):
        doc_id = entry.get("id") or entry.get("link") or f"{name}#{i}"
        content = entry.get("content") or []
        body = _plain(content[0].get("value", "") if content else entry.get("summary", "") or "")
        title = _plain(entry.get("title", "") or "") or None
        fields = {"title": title, "date": _date(entry), "source": source, "url": entry.get("link")}
        if not body:
            yield error_doc(doc_id, "empty", "the feed entry has no text", **fields)
            continue
        text = body if not title or body.startswith(title) else f"{title}\n{body}"
        doc = Document(text=text, id=doc_id, **fields)
        doc.encoding = "feed"
        yield doc


def read_feed(path: Path) -> Iterator[Document]:
    yield from documents_from_feed(path.read_bytes(), str(path))
