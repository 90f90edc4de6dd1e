"""Loading extracted Documents into the knowledge base: idempotent, incremental, one transaction per batch.

A document is identified by `doc_key` = sha256(source + text): loading it again adds nothing. Entities
merge across documents on their canonical key (`Entity.key`, else type + normalized name). Each new
document is compared with the stored ones by MinHash LSH; a near-duplicate joins the group of the
first copy, and its quotations join the group of the same quotation in that copy, so that search
counts a wire quotation once with all its sources.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import cache
from itertools import islice
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine, TextClause, bindparam, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from qala.document import Document, Entity
from qala.store import dedup
from qala.store.schema import (
    DocumentBand,
    DocumentEntity,
    DocumentRow,
    EntityRow,
    EventParticipant,
    EventRow,
    FigureRow,
    IngestError,
    MentionRow,
    QuotationEntity,
    QuotationRow,
)
from qala.store.searchtext import quote_hash, search_form
from qala.text.normalize import norm

NUL_REPLACEMENT = "\ufffd"
_KEY_CHUNK = 500  # doc_keys per IN (...) lookup: well under every database's parameter limit
DEFAULT_BATCH_SIZE = 50  # documents per transaction: a crash loses at most one batch's work
# Speakers of these kinds are people or organizations by name: they become entities even when the
# entity stage did not link them, so that "what did X say" works across documents.
_SPEAKER_ENTITY_TYPES = {"person": "PER", "organization": "ORG"}


@dataclass
class LoadCounts:
    """What a load did; `added + skipped + failed` is the number of documents seen."""

    added: int = 0
    skipped: int = 0  # already in the knowledge base (same source and text)
    failed: int = 0  # error documents (recorded in `ingest_errors`)
    duplicates: int = 0  # added documents that are near-duplicates of a stored one
    quotations: int = 0
    entities: int = 0  # new entities
    events: int = 0

    def __iadd__(self, other: LoadCounts) -> LoadCounts:
        for k, v in asdict(other).items():
            setattr(self, k, getattr(self, k) + v)
        return self

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _cut(value: str | None, size: int) -> str | None:
    """Fits a value into its column (PostgreSQL refuses longer strings; SQLite would keep them)."""
    return value[:size] if value else value


def _nul_free(value: str | None) -> str | None:
    return value.replace("\x00", NUL_REPLACEMENT) if value and "\x00" in value else value


def _replace_nul(doc: Document) -> None:
    """PostgreSQL text cannot hold NUL: replace it by U+FFFD (one character for one, offsets stay valid)."""
    if not any("\x00" in (v or "") for v in (doc.text, doc.title, doc.source, doc.url, doc.id)):
        return
    doc.text = _nul_free(doc.text) or ""
    doc.id = _nul_free(doc.id) or ""
    doc.title, doc.source, doc.url = _nul_free(doc.title), _nul_free(doc.source), _nul_free(doc.url)
    for item in (*doc.quotes, *doc.mentions):
        item.text = _nul_free(item.text) or ""
    for q in doc.quotes:
        if q.speaker:
            q.speaker.name = _nul_free(q.speaker.name) or ""
    for ent in doc.entities:
        ent.name = _nul_free(ent.name) or ""
        ent.aliases = [_nul_free(a) or "" for a in ent.aliases]
    for f in doc.figures:
        f.text = _nul_free(f.text) or ""
    for ev in doc.events:
        ev.trigger.text = _nul_free(ev.trigger.text) or ""


def doc_key(doc: Document) -> str:
    return hashlib.sha256(f"{doc.source or ''}\0{doc.text}".encode()).hexdigest()


def entity_key(ent_type: str, name: str, key: str | None = None) -> str:
    """The cross-document identity of an entity: its canonical key, else type + normalized name."""
    return (key or f"{ent_type}:{' '.join(norm(name).split())}")[:500]


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date (or the date part of an ISO timestamp), else None: bad dates are not fatal."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _insert(conn: Connection, table: Any):  # -> an INSERT that can skip conflicting rows
    dialect = conn.dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    return insert(table)


def _insert_ignore(conn: Connection, table: Any):
    stmt = _insert(conn, table)
    return stmt.on_conflict_do_nothing() if hasattr(stmt, "on_conflict_do_nothing") else stmt


def names_form(aliases: Iterable[str], latin: str | None) -> str:
    """`entities.names_search`: space-delimited on both ends so that a whole-word lookup is one
    `LIKE '% word %'`, which PostgreSQL's pg_trgm index serves."""
    return f" {search_form(*aliases, latin, unique=True)} "


@cache
def _band_lookup() -> TextClause:
    """(band = b AND hash = h) OR …: one lookup per band in the (band, hash) index; built once."""
    n_bands = dedup.band_hashes(np.zeros(dedup.NUM_PERM, dtype=np.uint64)).__len__()
    terms = " OR ".join(f"(band = :b{i} AND hash = :h{i})" for i in range(n_bands))
    return text(f"SELECT document_id FROM {DocumentBand.__tablename__} WHERE {terms}")


class _Loader:
    """Loads documents on one connection, inside the caller's transaction."""

    def __init__(self, conn: Connection, find_duplicates: bool = True) -> None:
        self.conn = conn
        self.find_duplicates = find_duplicates
        self.counts = LoadCounts()
        self.known: set[str] = set()  # doc_keys already stored (filled by `prefetch`) or added now

    def prefetch(self, docs: list[Document]) -> None:
        """Looks up which of `docs` are already stored, in one query per chunk."""
        keys = [doc_key(d) for d in docs if not d.errors]
        for i in range(0, len(keys), _KEY_CHUNK):
            chunk = keys[i : i + _KEY_CHUNK]
            self.known.update(self.conn.scalars(select(DocumentRow.doc_key).where(DocumentRow.doc_key.in_(chunk))))

    # -- entities -------------------------------------------------------------------------------
    def _entities(self, doc: Document) -> tuple[dict[str, int], dict[str, int]]:
        """Upserts the document's entities (and named speakers); returns doc entity id → row id,
        and speaker name → row id for speakers without an entity."""
        wanted: dict[str, dict[str, Any]] = {}
        by_doc_id: dict[str, str] = {}

        def want(key: str, ent_type: str, name: str, latin: str | None = None, latin_guess: bool = False,
                 kb: str | None = None, aliases: Iterable[str] = ()) -> None:
            rec = wanted.setdefault(key, {"key": key, "type": ent_type[:8], "name": name[:500], "latin": _cut(latin, 500),
                                          "latin_guess": latin_guess, "kb": _cut(kb, 64), "aliases": []})
            for a in (name, *aliases):
                if a and a not in rec["aliases"]:
                    rec["aliases"].append(a)

        ent: Entity
        for ent in doc.entities:
            key = entity_key(ent.type, ent.name, ent.key)
            by_doc_id[ent.id] = key
            want(key, ent.type, ent.name, ent.latin, ent.latin_guess, ent.kb, ent.aliases)
        speaker_keys: dict[str, str] = {}
        for q in doc.quotes:
            sp = q.speaker
            if sp and not doc.entity(sp.entity) and sp.kind in _SPEAKER_ENTITY_TYPES and sp.name.strip():
                key = entity_key(_SPEAKER_ENTITY_TYPES[sp.kind], sp.name)
                speaker_keys[sp.name] = key
                want(key, _SPEAKER_ENTITY_TYPES[sp.kind], sp.name, aliases=sp.aliases)
        if not wanted:
            return {}, {}
        rows = {
            r.key: r
            for r in self.conn.execute(
                select(EntityRow.id, EntityRow.key, EntityRow.aliases, EntityRow.latin, EntityRow.kb).where(
                    EntityRow.key.in_(list(wanted))
                )
            )
        }
        # sorted: concurrent loaders (Dask workers on PostgreSQL) take row locks in one order, no deadlock
        missing = sorted((w for k, w in wanted.items() if k not in rows), key=lambda w: w["key"])
        if missing:
            new = [dict(w, names_search=names_form(w["aliases"], w["latin"])) for w in missing]
            result = self.conn.execute(_insert_ignore(self.conn, EntityRow).returning(EntityRow.key), new)
            self.counts.entities += len(result.all())
            rows = {
                r.key: r
                for r in self.conn.execute(
                    select(EntityRow.id, EntityRow.key, EntityRow.aliases, EntityRow.latin, EntityRow.kb).where(
                        EntityRow.key.in_(list(wanted))
                    )
                )
            }
        changed = []
        for key, w in sorted(wanted.items()):
            row = rows[key]
            aliases = list(row.aliases or [])
            extra = [a for a in w["aliases"] if a not in aliases]
            latin = row.latin or w["latin"]
            kb = row.kb or w["kb"]
            if extra or latin != row.latin or kb != row.kb:
                aliases += extra
                changed.append({"eid": row.id, "aliases": aliases, "latin": latin, "kb": kb,
                                "names_search": names_form(aliases, latin)})
        if changed:
            self.conn.execute(
                update(EntityRow)
                .where(EntityRow.id == bindparam("eid"))
                .values(aliases=bindparam("aliases"), latin=bindparam("latin"), kb=bindparam("kb"),
                        names_search=bindparam("names_search")),
                changed,
            )
        ids = {doc_ent: rows[key].id for doc_ent, key in by_doc_id.items()}
        speakers = {name: rows[key].id for name, key in speaker_keys.items()}
        return ids, speakers

    # -- near-duplicates ------------------------------------------------------------------------
    def _duplicate_group(self, sig: Any) -> int | None:
        params = {}
        for b, h in dedup.band_hashes(sig):
            params[f"b{b}"], params[f"h{b}"] = b, h
        cand = set(self.conn.scalars(_band_lookup(), params))
        best, best_sim = None, dedup.DUP_THRESHOLD
        if cand:
            for r in self.conn.execute(
                select(DocumentRow.id, DocumentRow.minhash, DocumentRow.dup_group).where(DocumentRow.id.in_(cand))
            ):
                sim = dedup.jaccard(sig, dedup.from_bytes(r.minhash))
                if sim >= best_sim:
                    best, best_sim = r.dup_group or r.id, sim
        return best

    # -- one document ---------------------------------------------------------------------------
    def add(self, doc: Document) -> None:
        if doc.errors:
            self.counts.failed += 1
            self.conn.execute(
                _insert_ignore(self.conn, IngestError),
                [{"doc_id": doc.id[:1000], "code": e.code[:32], "message": e.message, "stage": e.stage}
                 for e in doc.errors],
            )
            return
        _replace_nul(doc)
        key = doc_key(doc)
        if key in self.known:
            self.counts.skipped += 1
            return
        self.known.add(key)
        sig = dedup.signature(doc.text) if self.find_duplicates else None
        group = self._duplicate_group(sig) if sig is not None else None
        date = parse_date(doc.date)
        row = {
            "doc_id": doc.id[:1000], "doc_key": key, "content_hash": hashlib.sha256(doc.text.encode()).hexdigest(),
            "source": _cut(doc.source, 500), "url": doc.url, "title": doc.title, "date": date, "language": doc.language,
            "encoding": _cut(doc.encoding, 32), "text": doc.text, "meta": doc.meta or None, "warnings": doc.warnings or None,
            "dup_group": group, "minhash": dedup.to_bytes(sig) if sig is not None else None,
        }
        doc_row = self.conn.execute(_insert_ignore(self.conn, DocumentRow).returning(DocumentRow.id), row).first()
        if doc_row is None:  # a concurrent loader added it first
            self.counts.skipped += 1
            return
        did = doc_row.id
        if group is None:
            group = did
            self.conn.execute(update(DocumentRow).where(DocumentRow.id == did).values(dup_group=did))
        else:
            self.counts.duplicates += 1
        if sig is not None:
            self.conn.execute(insert(DocumentBand), [{"document_id": did, "band": b, "hash": h}
                                                     for b, h in dedup.band_hashes(sig)])
        self.counts.added += 1
        self._annotations(doc, did, date, group)

    def _annotations(self, doc: Document, did: int, date: dt.date | None, group: int) -> None:
        conn = self.conn
        ent_ids, speaker_ids = self._entities(doc)
        # mentions and per-document entity counts
        if doc.mentions:
            conn.execute(insert(MentionRow), [
                {"document_id": did, "entity_id": ent_ids.get(m.entity or ""), "start": m.start, "end": m.end,
                 "text": m.text, "label": m.label[:8], "source": _cut(m.source, 32), "score": m.score}
                for m in doc.mentions
            ])
        per_entity: Counter[int] = Counter()
        for ent in doc.entities:
            per_entity[ent_ids[ent.id]] += len(ent.mentions)
        for m in doc.mentions:
            if m.entity in ent_ids and not doc.entity(m.entity).mentions:  # type: ignore[union-attr]
                per_entity[ent_ids[m.entity]] += 1
        for eid in speaker_ids.values():
            per_entity[eid] += 0
        said: Counter[int] = Counter()
        # events
        event_ids: list[int] = []
        if doc.events:
            result = conn.execute(insert(EventRow).returning(EventRow.id, sort_by_parameter_order=True), [
                {"document_id": did, "idx": i, "type": ev.type[:64], "trigger_start": ev.trigger.start,
                 "trigger_end": ev.trigger.end, "trigger_text": ev.trigger.text,
                 "sentence_start": ev.sentence.start, "sentence_end": ev.sentence.end,
                 "place_entity_id": ent_ids.get(ev.place or ""), "date": parse_date(ev.date),
                 "date_text": ev.date_text, "doc_date": date}
                for i, ev in enumerate(doc.events)
            ])
            event_ids = [r.id for r in result]
            parts = {}
            for ev, eid in zip(doc.events, event_ids, strict=True):
                for p in ev.participants:
                    if p in ent_ids:
                        parts[(eid, ent_ids[p])] = {"event_id": eid, "entity_id": ent_ids[p], "role": ev.roles.get(p)}
            if parts:
                conn.execute(insert(EventParticipant), list(parts.values()))
            self.counts.events += len(event_ids)
        # quotations
        if doc.quotes:
            rows = []
            for i, q in enumerate(doc.quotes):
                sp = q.speaker
                sp_ent = doc.entity(sp.entity) if sp else None
                sp_id = ent_ids.get(sp.entity or "") if sp else None
                if sp and sp_id is None:
                    sp_id = speaker_ids.get(sp.name)
                if sp_id is not None:
                    said[sp_id] += 1
                names = [sp.name, *sp.aliases] if sp else []
                if sp_ent:
                    names += [sp_ent.name, *sp_ent.aliases, sp_ent.latin or ""]
                rows.append({
                    "document_id": did, "idx": i, "start": q.start, "end": q.end, "text": q.text, "type": q.type[:16],
                    "cue_start": q.cue.start if q.cue else None, "cue_end": q.cue.end if q.cue else None,
                    "cue": q.cue.text[:200] if q.cue else None,
                    "speaker_name": sp.name[:500] if sp else None, "speaker_kind": sp.kind if sp else None,
                    "speaker_resolution": sp.resolution if sp else None,
                    "speaker_start": sp.mention.start if sp and sp.mention else None,
                    "speaker_end": sp.mention.end if sp and sp.mention else None,
                    "speaker_entity_id": sp_id, "confidence": q.confidence,
                    "event_id": event_ids[q.event] if q.event is not None and 0 <= q.event < len(event_ids) else None,
                    "date": date, "source": _cut(doc.source, 500), "text_search": search_form(q.text),
                    "speaker_search": search_form(*names, unique=True), "quote_hash": quote_hash(q.text), "doc_group": group,
                    "group_id": None,
                })
            if group != did:  # a copy: the same quotation in the group's earlier documents is its group
                hashes = [r["quote_hash"] for r in rows]
                first = {}
                for r in conn.execute(
                    select(QuotationRow.quote_hash, QuotationRow.group_id)
                    .where(QuotationRow.doc_group == group, QuotationRow.quote_hash.in_(hashes))
                    .order_by(QuotationRow.id)
                ):
                    first.setdefault(r.quote_hash, r.group_id)
                for r in rows:
                    r["group_id"] = first.get(r["quote_hash"])
            result = conn.execute(insert(QuotationRow).returning(QuotationRow.id, sort_by_parameter_order=True), rows)
            quote_ids = [r.id for r in result]
            conn.execute(
                update(QuotationRow)
                .where(QuotationRow.document_id == did, QuotationRow.group_id.is_(None))
                .values(group_id=QuotationRow.id)
            )
            links = {}
            for q, qid in zip(doc.quotes, quote_ids, strict=True):
                for m in doc.mentions:
                    if m.entity in ent_ids and q.start <= m.start and m.end <= q.end:
                        links[(qid, ent_ids[m.entity])] = {"quotation_id": qid, "entity_id": ent_ids[m.entity]}
                for ent in doc.entities:
                    for span in ent.mentions:
                        if q.start <= span.start and span.end <= q.end:
                            links[(qid, ent_ids[ent.id])] = {"quotation_id": qid, "entity_id": ent_ids[ent.id]}
            if links:
                conn.execute(insert(QuotationEntity), list(links.values()))
            self.counts.quotations += len(quote_ids)
        # figures
        if doc.figures:
            conn.execute(insert(FigureRow), [
                {"document_id": did, "start": f.start, "end": f.end, "text": f.text, "kind": f.kind[:16],
                 "value": f.value, "unit": _cut(f.unit, 64), "measure": f.measure}
                for f in doc.figures
            ])
        if per_entity:
            conn.execute(insert(DocumentEntity), [
                {"document_id": did, "entity_id": eid, "mentions": n} for eid, n in per_entity.items()
            ])
            conn.execute(
                update(EntityRow)
                .where(EntityRow.id == bindparam("eid"))
                .values(mention_count=EntityRow.mention_count + bindparam("n"),
                        document_count=EntityRow.document_count + 1,
                        quote_count=EntityRow.quote_count + bindparam("q")),
                [{"eid": eid, "n": n, "q": said.get(eid, 0)} for eid, n in sorted(per_entity.items())],
            )


def load_documents(
    target: Engine | Connection | Session, docs: Iterable[Document], *, find_duplicates: bool = True
) -> LoadCounts:
    """Stores extracted Documents; returns what was added, skipped and failed.

    With an Engine the whole call is one transaction (committed at the end, rolled back on error);
    with a Connection or Session it runs inside the caller's transaction, which the caller commits.
    `find_duplicates=False` skips near-duplicate detection (for bulk loads of known-distinct text).
    """
    if isinstance(target, Engine):
        with target.begin() as conn:
            return load_documents(conn, docs, find_duplicates=find_duplicates)
    conn = target.connection() if isinstance(target, Session) else target
    loader = _Loader(conn, find_duplicates=find_duplicates)
    docs = list(docs)
    loader.prefetch(docs)
    for doc in docs:
        loader.add(doc)
    return loader.counts


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ingest(
    engine: Engine,
    docs: Iterable[Document],
    process: Callable[[Document], Document] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[LoadCounts], None] | None = None,
) -> LoadCounts:
    """Reads → (already stored? skip) → `process` (the extraction pipeline) → load, batch by batch.

    Documents already in the knowledge base are skipped before `process`, so re-ingesting a corpus
    costs a hash per document. Each batch is one transaction: an interruption keeps earlier batches.
    """
    total = LoadCounts()
    for batch in batched(docs, batch_size):
        keys = {doc_key(d) for d in batch if not d.errors}
        with engine.connect() as conn:
            known = set(conn.scalars(select(DocumentRow.doc_key).where(DocumentRow.doc_key.in_(keys)))) if keys else set()
        fresh: list[Document] = []
        seen: set[str] = set()
        skipped = LoadCounts()
        for d in batch:
            k = doc_key(d) if not d.errors else None
            if k is not None and (k in known or k in seen):
                skipped.skipped += 1
                continue
            if k is not None:
                seen.add(k)
            fresh.append(process(d) if process and not d.errors else d)
        counts = load_documents(engine, fresh)
        counts += skipped
        total += counts
        if on_batch:
            on_batch(counts)
    return total
