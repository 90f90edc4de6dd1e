"""Documents ↔ Parquet tables (the schema documented in README "Scaling out with Dask").

Every table has `part` (the partition key) and `seq` (the document's position in its partition), so
a document's rows are found without relying on ids being unique, and `(part order, seq)` is the input
order. The tables hold everything the knowledge base loads, so `documents_from_tables` rebuilds
Documents whose `to_dict()` equals that of a serial `qala extract` run.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from qala.document import DocError, Document, Entity, Event, Figure, Mention, Quote, Span, Speaker, TimeExpr
from qala.store.load import entity_key

_STR = pa.string()
_I64 = pa.int64()
_SPAN = pa.struct([("start", _I64), ("end", _I64), ("text", _STR)])
_ROLE = pa.struct([("entity", _STR), ("role", _STR)])


def _schema(*fields: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([("part", _STR), ("seq", _I64), ("doc_id", _STR), *fields])


SCHEMAS: dict[str, pa.Schema] = {
    "documents": _schema(
        ("source", _STR), ("url", _STR), ("title", _STR), ("date", _STR), ("language", _STR),
        ("encoding", _STR), ("text", _STR), ("n_chars", _I64), ("ok", pa.bool_()), ("error_code", _STR),
        ("n_entities", _I64), ("n_quotes", _I64), ("n_events", _I64),
        ("warnings", pa.list_(_STR)), ("meta", _STR),
    ),
    "entities": _schema(
        ("entity_id", _STR), ("type", _STR), ("name", _STR), ("latin", _STR), ("latin_guess", pa.bool_()),
        ("kb", _STR), ("key", _STR), ("merge_key", _STR), ("aliases", pa.list_(_STR)),
        ("mentions", pa.list_(_SPAN)),
    ),
    "mentions": _schema(
        ("start", _I64), ("end", _I64), ("text", _STR), ("label", _STR), ("source", _STR),
        ("score", pa.float64()), ("entity_id", _STR),
    ),
    "quotations": _schema(
        ("idx", _I64), ("start", _I64), ("end", _I64), ("text", _STR), ("type", _STR),
        ("cue_start", _I64), ("cue_end", _I64), ("cue_text", _STR),
        ("speaker_name", _STR), ("speaker_kind", _STR), ("speaker_resolution", _STR),
        ("speaker_entity_id", _STR), ("speaker_start", _I64), ("speaker_end", _I64),
        ("speaker_text", _STR), ("speaker_aliases", pa.list_(_STR)), ("speaker_present", pa.bool_()),
        ("confidence", pa.float64()), ("event", _I64),
    ),
    "events": _schema(
        ("idx", _I64), ("type", _STR), ("trigger_start", _I64), ("trigger_end", _I64), ("trigger_text", _STR),
        ("sentence_start", _I64), ("sentence_end", _I64), ("participants", pa.list_(_STR)),
        ("roles", pa.list_(_ROLE)), ("place", _STR), ("date", _STR), ("date_text", _STR),
    ),
    "times": _schema(
        ("start", _I64), ("end", _I64), ("text", _STR), ("value", _STR), ("end_value", _STR),
        ("granularity", _STR), ("calendar", _STR),
    ),
    "figures": _schema(
        ("start", _I64), ("end", _I64), ("text", _STR), ("kind", _STR), ("value", pa.float64()),
        ("unit", _STR), ("measure", _STR),
    ),
    "errors": _schema(("code", _STR), ("message", _STR), ("stage", _STR)),
}
TABLES = tuple(SCHEMAS)


def _span(s: Span | None) -> tuple[int | None, int | None, str | None]:
    return (s.start, s.end, s.text) if s else (None, None, None)


def document_rows(doc: Document, part: str, seq: int, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Appends the rows of one processed Document to `rows` (table name → list of row dicts)."""
    base = {"part": part, "seq": seq, "doc_id": doc.id}
    rows["documents"].append(base | {
        "source": doc.source, "url": doc.url, "title": doc.title, "date": doc.date, "language": doc.language,
        "encoding": doc.encoding, "text": doc.text, "n_chars": len(doc.text), "ok": not doc.errors,
        "error_code": doc.errors[0].code if doc.errors else None, "n_entities": len(doc.entities),
        "n_quotes": len(doc.quotes), "n_events": len(doc.events), "warnings": list(doc.warnings),
        "meta": json.dumps(doc.meta, ensure_ascii=False, default=str) if doc.meta else None,
    })
    for e in doc.errors:
        rows["errors"].append(base | {"code": e.code, "message": e.message, "stage": e.stage})
    for ent in doc.entities:
        rows["entities"].append(base | {
            "entity_id": ent.id, "type": ent.type, "name": ent.name, "latin": ent.latin,
            "latin_guess": ent.latin_guess, "kb": ent.kb, "key": ent.key,
            "merge_key": entity_key(ent.type, ent.name, ent.key), "aliases": list(ent.aliases),
            "mentions": [m.to_dict() for m in ent.mentions],
        })
    for m in doc.mentions:
        rows["mentions"].append(base | {
            "start": m.start, "end": m.end, "text": m.text, "label": m.label, "source": m.source,
            "score": m.score, "entity_id": m.entity,
        })
    for i, q in enumerate(doc.quotes):
        sp = q.speaker
        cs, ce, ct = _span(q.cue)
        ss, se, st = _span(sp.mention if sp else None)
        rows["quotations"].append(base | {
            "idx": i, "start": q.start, "end": q.end, "text": q.text, "type": q.type,
            "cue_start": cs, "cue_end": ce, "cue_text": ct,
            "speaker_name": sp.name if sp else None, "speaker_kind": sp.kind if sp else None,
            "speaker_resolution": sp.resolution if sp else None, "speaker_entity_id": sp.entity if sp else None,
            "speaker_start": ss, "speaker_end": se, "speaker_text": st,
            "speaker_aliases": list(sp.aliases) if sp else [], "speaker_present": sp is not None,
            "confidence": q.confidence, "event": q.event,
        })
    for i, ev in enumerate(doc.events):
        rows["events"].append(base | {
            "idx": i, "type": ev.type, "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
            "trigger_text": ev.trigger.text, "sentence_start": ev.sentence.start, "sentence_end": ev.sentence.end,
            "participants": list(ev.participants), "roles": [{"entity": k, "role": v} for k, v in ev.roles.items()],
            "place": ev.place, "date": ev.date, "date_text": ev.date_text,
        })
    for t in doc.times:
        rows["times"].append(base | {
            "start": t.start, "end": t.end, "text": t.text, "value": t.value, "end_value": t.end_value,
            "granularity": t.granularity, "calendar": t.calendar,
        })
    for f in doc.figures:
        rows["figures"].append(base | {
            "start": f.start, "end": f.end, "text": f.text, "kind": f.kind, "value": f.value, "unit": f.unit,
            "measure": f.measure,
        })


def empty_rows() -> dict[str, list[dict[str, Any]]]:
    return {t: [] for t in TABLES}


def write_tables(rows: dict[str, list[dict[str, Any]]], out_dir: Path, stem: str) -> list[Path]:
    """Writes one Parquet file per table (`out_dir/TABLE/STEM.parquet`), each atomically (tmp + rename)
    so that a worker killed mid-write never leaves a truncated part file behind."""
    written = []
    for table, schema in SCHEMAS.items():
        folder = out_dir / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"{stem}.parquet"
        tmp = folder / f".{stem}.{os.getpid()}.tmp"  # per process: Dask may rerun a task elsewhere meanwhile
        pq.write_table(pa.Table.from_pylist(rows[table], schema=schema), tmp, compression="zstd")
        tmp.replace(final)
        written.append(final)
    return written


def _by_seq(path: Path, table: str) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if path.exists():
        for row in pq.read_table(path).to_pylist():
            out[row["seq"]].append(row)
    return out


def _opt_span(start: int | None, end: int | None, text: str | None) -> Span | None:
    return None if start is None or end is None else Span(start, end, text or "")


def documents_from_tables(out_dir: Path, stem: str) -> Iterator[Document]:
    """The Documents of one partition's part files, in input order (memory: one partition)."""
    tabs = {t: _by_seq(out_dir / t / f"{stem}.parquet", t) for t in TABLES if t != "documents"}
    docs_path = out_dir / "documents" / f"{stem}.parquet"
    for row in sorted(pq.read_table(docs_path).to_pylist(), key=lambda r: r["seq"]):
        seq = row["seq"]
        doc = Document(text=row["text"] or "", id=row["doc_id"], title=row["title"], date=row["date"],
                       source=row["source"], url=row["url"])
        doc.language, doc.encoding = row["language"], row["encoding"]
        doc.warnings = list(row["warnings"] or [])
        doc.meta = json.loads(row["meta"]) if row["meta"] else {}
        doc.errors = [DocError(r["code"], r["message"], r["stage"]) for r in tabs["errors"].get(seq, [])]
        doc.entities = [
            Entity(r["entity_id"], r["type"], r["name"], [Span(**m) for m in r["mentions"] or []], r["latin"],
                   bool(r["latin_guess"]), r["kb"], r["key"], list(r["aliases"] or []))
            for r in tabs["entities"].get(seq, [])
        ]
        doc.mentions = [
            Mention(r["start"], r["end"], r["text"], r["label"], r["source"], r["score"], r["entity_id"])
            for r in tabs["mentions"].get(seq, [])
        ]
        doc.quotes = []
        for r in sorted(tabs["quotations"].get(seq, []), key=lambda r: r["idx"]):
            speaker = None
            if r["speaker_present"]:
                speaker = Speaker(r["speaker_name"], _opt_span(r["speaker_start"], r["speaker_end"], r["speaker_text"]),
                                  r["speaker_resolution"], r["speaker_kind"], r["speaker_entity_id"],
                                  list(r["speaker_aliases"] or []))
            doc.quotes.append(Quote(r["start"], r["end"], r["text"], r["type"],
                                    _opt_span(r["cue_start"], r["cue_end"], r["cue_text"]), speaker,
                                    r["confidence"], r["event"]))
        doc.events = [
            Event(r["type"], Span(r["trigger_start"], r["trigger_end"], r["trigger_text"]),
                  Span(r["sentence_start"], r["sentence_end"], doc.text[r["sentence_start"]:r["sentence_end"]]),
                  list(r["participants"] or []), {x["entity"]: x["role"] for x in r["roles"] or []},
                  r["place"], r["date"], r["date_text"])
            for r in sorted(tabs["events"].get(seq, []), key=lambda r: r["idx"])
        ]
        doc.times = [
            TimeExpr(r["start"], r["end"], r["text"], r["value"], r["end_value"], r["granularity"], r["calendar"])
            for r in tabs["times"].get(seq, [])
        ]
        doc.figures = [
            Figure(r["start"], r["end"], r["text"], r["kind"], r["value"], r["unit"], r["measure"])
            for r in tabs["figures"].get(seq, [])
        ]
        yield doc
