"""Readers turn paths and streams into `Document`s, one per article.

A reader never raises for a bad document: it yields a Document carrying an error record (with
`id` and the reason) so that a batch reports it and goes on with the rest.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from qala.document import DocError, Document
from qala.errors import QalaError
from qala.ingest.decode import decode_bytes

# A file larger than this is not read into memory at all (reported `too_large`); the per-document
# character limit of the pipeline applies to what is read.
MAX_FILE_BYTES = 200_000_000
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
TEXT_SUFFIXES = {".txt", ".text", ""}
_FIELDS = ("title", "date", "source", "url")
# Any surrogate code point in a Python str is unpaired (json.loads joins valid pairs).
_SURROGATE = re.compile("[\ud800-\udfff]")

# Extra readers by file suffix (HTML, feeds, WARC), registered by the ingest modules that provide
# them so this module needs no heavy imports: suffix → function(path) → Documents.
EXTRA_READERS: dict[str, Callable[[Path], Iterator[Document]]] = {}


def error_doc(doc_id: str, code: str, message: str, **fields: str | None) -> Document:
    doc = Document(text="", id=doc_id, **fields)  # type: ignore[arg-type]
    doc.errors.append(DocError(code, message, "read"))
    return doc


def replace_lone_surrogates(text: str) -> str:
    """JSON's `\\ud800` escapes decode to lone surrogates, which no UTF-8 writer (output file,
    SQLite, PostgreSQL, HTTP) accepts: each becomes U+FFFD, one for one, so offsets are kept."""
    return _SURROGATE.sub("\ufffd", text)


def document_from_record(rec: object, default_id: str) -> Document:
    """A JSON Lines record (`id`, `text`, optional title/date/source/url) → Document."""
    if not isinstance(rec, dict):
        return error_doc(default_id, "bad_input", "a JSON Lines record must be an object")
    doc_id = replace_lone_surrogates(str(rec.get("id") or default_id))
    text = rec.get("text")
    fields = {k: (replace_lone_surrogates(str(rec[k])) if rec.get(k) is not None else None) for k in _FIELDS}
    if not isinstance(text, str):
        return error_doc(doc_id, "bad_input", "record has no string field `text`", **fields)
    return Document(text=replace_lone_surrogates(text), id=doc_id, **fields)  # type: ignore[arg-type]


def parse_jsonl_line(raw: bytes, name: str, lineno: int) -> Document:
    """One JSON Lines line → Document; a malformed line → an error Document naming the line."""
    default_id = f"{name}:{lineno}"
    try:
        text, _ = decode_bytes(raw)
        rec = json.loads(text)
    except (QalaError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        return error_doc(default_id, "bad_input", f"line {lineno}: not valid JSON ({exc})")
    return document_from_record(rec, default_id)


def read_jsonl_lines(lines: Iterable[bytes], name: str) -> Iterator[Document]:
    for lineno, raw in enumerate(lines, 1):
        if raw.strip():
            yield parse_jsonl_line(raw, name, lineno)


def read_text_bytes(data: bytes, doc_id: str) -> Document:
    try:
        text, enc = decode_bytes(data)
    except QalaError as exc:
        return error_doc(doc_id, exc.code, str(exc))
    doc = Document(text=text, id=doc_id)
    doc.encoding = enc
    return doc


def read_path(path: Path) -> Iterator[Document]:
    """Documents in one file (or, recursively, a directory), in a stable (sorted) order."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            yield from read_path(child)
        return
    doc_id = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield error_doc(doc_id, "unreadable", f"cannot read {path}: {exc.strerror}")
        return
    if size > MAX_FILE_BYTES:
        yield error_doc(doc_id, "too_large", f"{size:,} bytes is over the file limit of {MAX_FILE_BYTES:,}")
        return
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as fh:
                yield from read_jsonl_lines(fh, doc_id)
            return
        if suffix in EXTRA_READERS:
            yield from EXTRA_READERS[suffix](path)
            return
        yield read_text_bytes(path.read_bytes(), doc_id)
    except OSError as exc:
        yield error_doc(doc_id, "unreadable", f"cannot read {path}: {exc.strerror or exc}")


def read_stream(stream: BinaryIO, name: str = "<stdin>") -> Iterator[Document]:
    """Standard input: JSON Lines when the first non-blank byte is `{`, else one text article."""
    data = stream.read()
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl_lines(data.splitlines(), name)
    else:
        yield read_text_bytes(data, name)


def read_inputs(inputs: Iterable[str]) -> Iterator[Document]:
    """Documents from CLI arguments: paths, directories, or `-` for standard input."""
    for item in inputs:
        if item == "-":
            yield from read_stream(sys.stdin.buffer)
            continue
        path = Path(item)
        if not path.exists():
            yield error_doc(item, "not_found", f"no such file or directory: {item}")
            continue
        yield from read_path(path)
