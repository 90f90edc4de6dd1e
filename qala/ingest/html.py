"""HTML pages → Documents: the article text with its title, date and site name (trafilatura).

Boilerplate (menus, footers, related links) is removed by trafilatura; the title becomes the first
line of the text, as in a plain-text article, so that headline quotations (`SPEAKER: ...`) are found.
A page without article text becomes an error Document, never an exception.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from qala.document import Document
from qala.errors import QalaError
from qala.ingest.decode import decode_bytes
from qala.ingest.readers import error_doc

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def document_from_html(data: bytes | str, doc_id: str, url: str | None = None, source: str | None = None) -> Document:
    """One page → one Document (or an error Document when no article text can be found)."""
    try:
        html = decode_bytes(data)[0] if isinstance(data, bytes) else data
    except QalaError as exc:
        return error_doc(doc_id, exc.code, str(exc), url=url, source=source)
    if not html.strip():
        return error_doc(doc_id, "empty", "the page is empty", url=url, source=source)
    from trafilatura import bare_extraction

    try:
        result = bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False,
                                 favor_recall=True)
    except Exception as exc:  # trafilatura/lxml on a broken page: report it, keep the batch going
        return error_doc(doc_id, "bad_input", f"cannot parse the HTML: {type(exc).__name__}: {exc}", url=url, source=source)
    body = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not body:
        return error_doc(doc_id, "empty", "no article text found in the HTML page", url=url, source=source)
    title = (result.title or "").strip() or None
    text = body if not title or body.startswith(title) else f"{title}\n{body}"
    doc = Document(
        text=text,
        id=doc_id,
        title=title,
        date=(result.date or None),
        source=source or result.sitename or result.hostname or None,
        url=url or result.url or None,
    )
    doc.encoding = "html"
    return doc


def read_html(path: Path) -> Iterator[Document]:
    yield document_from_html(path.read_bytes(), str(path))
