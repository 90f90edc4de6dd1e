"""WARC web archives (.warc, .warc.gz) → one Document per archived HTML page (warcio).

Only successful HTML/text responses are read; images, scripts and redirects are skipped. A truncated
or corrupt archive yields the pages read so far plus one error Document saying where it broke.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qala.document import Document
from qala.ingest.html import document_from_html
from qala.ingest.readers import error_doc, read_text_bytes

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def _content_type(record: Any) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    return (headers.get_header("Content-Type") or "").lower() if headers is not None else ""


def _is_page(record: Any) -> bool:
    """A successful HTML or text response (or a stored resource of that type)."""
    if record.rec_type not in ("response", "resource"):
        return False
    if record.rec_type == "response" and (
        record.http_headers is None or not record.http_headers.get_statuscode().startswith("2")
    ):
        return False
    return _content_type(record).startswith(_PAGE_TYPES)


def _drain(record: Any, uri: str | None) -> None:
    """Reads the rest of a record and fails when it has fewer bytes than its Content-Length (truncated)."""
    stream = record.raw_stream
    while stream.read(65536):
        pass
    if getattr(stream, "limit", 0) > 0:
        raise EOFError(f"the record of {uri or 'a page'} is cut short")


def _check_gzip_complete(path: Path) -> None:
    """warcio stops quietly at a gzip member cut in its record headers; gzip itself does not."""
    with gzip.open(path, "rb") as fh:
        while fh.read(1 << 20):
            pass


def documents_from_warc(path: Path) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator

    name = str(path)
    pages = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if not _is_page(record):
                    _drain(record, uri=record.rec_headers.get_header("WARC-Target-URI"))
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                ctype = _content_type(record)
                payload = record.content_stream().read()
                _drain(record, uri)
                doc_id = uri or record.rec_headers.get_header("WARC-Record-ID") or f"{name}#{pages + 1}"
                pages += 1
                if ctype.startswith("text/plain"):
                    doc = read_text_bytes(payload, doc_id)
                    doc.url = uri or None
                    yield doc
                else:
                    yield document_from_html(payload, doc_id, url=uri or None)
        if path.name.lower().endswith(".gz"):
            _check_gzip_complete(path)
    except Exception as exc:  # warcio/zlib on a truncated or corrupt archive: report and keep what was read
        yield error_doc(name, "bad_input", f"corrupt or truncated WARC after {pages} page(s): {type(exc).__name__}: {exc}")


def read_warc(path: Path) -> Iterator[Document]:
    yield from documents_from_warc(path)
