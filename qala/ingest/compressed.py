"""Gzip-compressed inputs, read as the file inside would be: article.txt.gz, feed.jsonl.gz, page.html.gz,
items.rss.gz, crawl.warc.gz.

Feeds and archives are often stored compressed, and a copy cut short in transit is common: a
truncated or corrupt stream yields the documents read before the break plus one error record
saying where it broke. Decompression stops at MAX_DECOMPRESSED_BYTES so that a small "gzip bomb"
cannot fill memory (reported `too_large`).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from qala.document import Document
from qala.ingest.readers import JSONL_SUFFIXES, MAX_FILE_BYTES, error_doc, read_jsonl_lines, read_text_bytes

# The same bound as an uncompressed file (readers.MAX_FILE_BYTES): what is decompressed is held in memory.
MAX_DECOMPRESSED_BYTES = MAX_FILE_BYTES
_CHUNK = 1 << 20
# What a cut or damaged gzip stream raises while reading.
_GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error, OSError)


class _TooLarge(Exception):
    pass


def _inner_suffix(path: Path) -> str:
    """`.txt` for `article.txt.gz`; "" for `article.gz`."""
    return Path(path.name[: -len(".gz")]).suffix.lower()


def _lines(fh: gzip.GzipFile, counter: list[int]) -> Iterator[bytes]:
    for line in fh:
        counter[0] += len(line)
        if counter[0] > MAX_DECOMPRESSED_BYTES:
            raise _TooLarge
        yield line


def _read_all(path: Path) -> bytes:
    out = bytearray()
    with gzip.open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            out += chunk
            if len(out) > MAX_DECOMPRESSED_BYTES:
                raise _TooLarge
    return bytes(out)


def _too_large(name: str) -> Document:
    return error_doc(name, "too_large", f"decompresses to more than {MAX_DECOMPRESSED_BYTES:,} bytes")


def read_gzip(path: Path) -> Iterator[Document]:
    """Documents of a `.gz` file, by the suffix before `.gz` (plain text when there is none)."""
    name = str(path)
    inner = _inner_suffix(path)
    if inner == ".warc":  # warcio streams compressed archives itself and reports truncation
        from qala.ingest.warc import documents_from_warc

        yield from documents_from_warc(path)
        return
    if inner in JSONL_SUFFIXES:
        seen = [0]
        count = 0
        try:
            with gzip.open(path, "rb") as fh:
                for doc in read_jsonl_lines(_lines(fh, seen), name):
                    count += 1
                    yield doc
        except _TooLarge:
            yield _too_large(name)
        except _GZIP_ERRORS as exc:
            yield error_doc(name, "undecodable", f"truncated or corrupt gzip after {count} record(s): {type(exc).__name__}: {exc}")
        return
    try:
        data = _read_all(path)
    except _TooLarge:
        yield _too_large(name)
        return
    except _GZIP_ERRORS as exc:
        yield error_doc(name, "undecodable", f"truncated or corrupt gzip: {type(exc).__name__}: {exc}")
        return
    from qala.ingest.feeds import FEED_SUFFIXES, documents_from_feed
    from qala.ingest.html import HTML_SUFFIXES, document_from_html

    if inner in HTML_SUFFIXES:
        yield document_from_html(data, name)
    elif inner in FEED_SUFFIXES:
        yield from documents_from_feed(data, name)
    else:
        yield read_text_bytes(data, name)
