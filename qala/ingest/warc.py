"""WARC web archives (.warc, .warc.gz) → one Document per archived HTML page (warcio).

Only successful HTML/text responses are read; images, scripts and redirects are skipped. A truncated
or corrupt archive yields the pages read so far plus one error Document saying where it broke.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from qala.document import Document
from qala.ingest.html import document_from_html
from qala.ingest.readers import error_doc, read_text_bytes

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def documents_from_warc(path: Path) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator

    name = str(path)
    pages = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type not in ("response", "resource"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                if record.rec_type == "response":
                    if record.http_headers is None or not record.http_headers.get_statuscode().startswith("2"):
                        continue
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                if not ctype.lower().startswith(_PAGE_TYPES):
                    continue
                payload = record.content_stream().read()
                if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than its Content-Length
                    raise EOFError(f"the record of {uri or 'a page'} is cut short")
                doc_id = uri or record.rec_headers.get_header("WARC-Record-ID") or f"{name}#{pages + 1}"
                pages += 1
                if ctype.lower().startswith("text/plain"):
                    doc = read_text_bytes(payload, doc_id)
                    doc.url = uri or None
                    yield doc
                else:
                    yield document_from_html(payload, doc_id, url=uri or None)
    except Exception as exc:  # warcio/zlib on a truncated or corrupt archive: report and keep what was read
        yield error_doc(name, "bad_input", f"corrupt or truncated WARC after {pages} page(s): {type(exc).__name__}: {exc}")


def read_warc(path: Path) -> Iterator[Document]:
    yield from documents_from_warc(path)


def read_gz(path: Path) -> Iterator[Document]:
    """`.gz` files: WARC archives when named *.warc.gz, otherwise read as before (a text file)."""
    if path.name.lower().endswith(".warc.gz"):
        yield from documents_from_warc(path)
    else:
        yield read_text_bytes(path.read_bytes(), str(path))
