"""Crash safety of `qala ingest`: SIGKILL at random points, restart, and the knowledge base must equal
a clean run's, row for row (nothing lost, nothing duplicated), on SQLite and on PostgreSQL.

The kills land at random moments: some while the process starts and migrates the schema (before any
document is stored), most while documents are being written (the test polls the document count and
kills when it reaches a random target). Rows are compared through their natural keys (document
`doc_key`, entity `key`, position in the document), since surrogate ids may legitimately differ.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import corpus_records, qala_command
from sqlalchemy import Engine, select, text

from qala.store.db import make_engine, normalize_url
from qala.store.schema import Base, DocumentRow, EntityRow, EventRow, QuotationRow

N_DOCS = 24
BATCH = 2  # small transactions: many commit points for a kill to fall between (and inside)
SEED = int(os.environ.get("QALA_CRASH_SEED", "20240305"))
# Columns that hold another row's surrogate id without a foreign key: (table, column) → table referred to.
ID_COLUMNS = {("documents", "dup_group"): "documents", ("quotations", "doc_group"): "documents",
              ("quotations", "group_id"): "quotations"}
VOLATILE = {"ingested_at", "at"}  # wall-clock timestamps


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Distinct articles, an exact repeat (skipped), a near-duplicate (grouped) and two bad records."""
    recs = corpus_records(N_DOCS)
    near = dict(recs[3], id="art-003-copy", source="موقع آخر")
    near["text"] = recs[3]["text"] + " وهذا ما أكدته مصادر محلية."
    rows = [*recs[:10], dict(recs[1]), near, {"id": "bad-empty", "text": ""},
            {"id": "bad-english", "text": "The minister said the talks were useful and frank."}, *recs[10:]]
    path = tmp_path_factory.mktemp("crash") / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _ingest_cmd(corpus: Path, db: str) -> list[str]:
    return [*qala_command(), "ingest", str(corpus), "--db", db, "--batch-size", str(BATCH)]


def _ingest(corpus: Path, db: str) -> subprocess.CompletedProcess[bytes]:
    proc = subprocess.run(_ingest_cmd(corpus, db), capture_output=True, timeout=600, check=False)
    assert proc.returncode in (0, 1), proc.stderr.decode(errors="replace")[-2000:]
    return proc


def _count_documents(engine: Engine) -> int:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
    except Exception:  # the schema is not there yet (the process is still starting)
        return -1


def _kill_at(corpus: Path, db: str, engine: Engine, rng: random.Random, during_startup: bool) -> str:
    """Starts an ingest and SIGKILLs it at a random point; returns where it was killed."""
    stored = max(0, _count_documents(engine))
    proc = subprocess.Popen(_ingest_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if during_startup:  # imports, model loading, schema migration
            delay = rng.uniform(0.2, 4.0)
            deadline = time.monotonic() + delay
            while time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.01)
            where = f"after {delay:.2f} s"
        else:  # while writing: once a random number of documents are stored
            target = rng.randint(min(stored + 1, N_DOCS - 2), N_DOCS - 2)
            deadline = time.monotonic() + 300
            while proc.poll() is None and time.monotonic() < deadline and _count_documents(engine) < target:
                time.sleep(0.005)
            time.sleep(rng.uniform(0, 0.05))  # somewhere inside the next batch
            where = f"at >= {target} documents"
        finished = proc.poll() is not None
        proc.send_signal(signal.SIGKILL) if not finished else None
        proc.wait(timeout=30)
        return where + (" (had already finished)" if finished else f", {max(0, _count_documents(engine))} stored")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)


def canonical(engine: Engine) -> dict[str, Any]:
    """Every table's rows with surrogate ids replaced by natural keys, sorted (a multiset per table)."""
    with engine.connect() as conn:
        docs = dict(conn.execute(select(DocumentRow.id, DocumentRow.doc_key)).all())
        keys: dict[str, dict[int, Any]] = {
            "documents": docs,
            "entities": dict(conn.execute(select(EntityRow.id, EntityRow.key)).all()),
            "events": {i: (docs[d], x) for i, d, x in conn.execute(select(EventRow.id, EventRow.document_id, EventRow.idx))},
            "quotations": {
                i: (docs[d], x) for i, d, x in conn.execute(select(QuotationRow.id, QuotationRow.document_id, QuotationRow.idx))
            },
        }
        out: dict[str, Any] = {}
        for table in Base.metadata.sorted_tables:
            rows = []
            for row in conn.execute(select(table)).mappings():
                rec = []
                for col in table.columns:
                    if col.name in VOLATILE or (col.primary_key and not col.foreign_keys and col.name == "id"):
                        continue
                    value = row[col.name]
                    fk = next(iter(col.foreign_keys), None)
                    refers = fk.column.table.name if fk is not None else ID_COLUMNS.get((table.name, col.name))
                    if refers and value is not None:
                        value = keys[refers].get(value, f"dangling id {value}")
                    rec.append((col.name, value))
                rows.append(tuple(rec))
            out[table.name] = sorted(rows, key=repr)
        if engine.dialect.name == "sqlite":  # the full-text index follows the quotations table
            out["quotations_fts (rows)"] = conn.execute(text("SELECT count(*) FROM quotations_fts")).scalar_one()
    return out


def _clean_run(corpus: Path, db: str) -> dict[str, Any]:
    _ingest(corpus, db)
    engine = make_engine(db)
    try:
        return canonical(engine)
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def clean_sqlite(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _clean_run(corpus, normalize_url(str(tmp_path_factory.mktemp("clean") / "clean.sqlite")))


@pytest.fixture(scope="module")
def clean_pg(corpus: Path, pg_server) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return _clean_run(corpus, pg_server.create_database())


def _check_crash_recovery(corpus: Path, expected: dict[str, Any], crash_db_for_trial, trials: int) -> None:
    assert len(expected["documents"]) == N_DOCS + 1  # distinct articles + the near-duplicate
    assert len(expected["ingest_errors"]) == 2
    assert any(q for q in expected["quotations"])

    rng = random.Random(SEED)
    log = []
    kill_no = 0
    for trial in range(trials):
        db = crash_db_for_trial(trial)
        engine = make_engine(db)
        kills = []
        for _ in range(1 + trial % 2):  # one or two crashes in a row; every third one during start-up
            kills.append(_kill_at(corpus, db, engine, rng, during_startup=kill_no % 3 == 2))
            kill_no += 1
        _ingest(corpus, db)
        got = canonical(engine)
        engine.dispose()
        log.append(f"trial {trial}: killed {'; '.join(kills)}")
        for table, rows in expected.items():
            assert got[table] == rows, f"seed {SEED}, {log[-1]}: table {table} differs from a clean run"
    print("\n".join(log))


@pytest.mark.slow
def test_sigkill_during_ingest_then_restart_equals_a_clean_run_sqlite(corpus, clean_sqlite, tmp_path):
    _check_crash_recovery(corpus, clean_sqlite, lambda t: normalize_url(str(tmp_path / f"crash-{t}.sqlite")), trials=3)


@pytest.mark.slow
@pytest.mark.postgres
def test_sigkill_during_ingest_then_restart_equals_a_clean_run_postgresql(corpus, clean_pg, pg_server):
    _check_crash_recovery(corpus, clean_pg, lambda t: pg_server.create_database(), trials=2)


# Kills its own process at the N-th CREATE statement of the schema migration: a crash inside it, every time.
_CRASH_IN_MIGRATION = """
import os, signal, sys
from sqlalchemy import event
from qala.store import db
engine = db.make_engine(sys.argv[1])
seen = [0]
@event.listens_for(engine, "after_cursor_execute")
def crash(conn, cursor, statement, *args):
    if statement.lstrip().upper().startswith("CREATE"):
        seen[0] += 1
        if seen[0] == int(sys.argv[2]):
            os.kill(os.getpid(), signal.SIGKILL)
db.upgrade(engine)
"""


def _check_migration_crash(corpus: Path, expected: dict[str, Any], crash_db_for_trial, at: tuple[int, ...]) -> None:
    import sys

    for trial, nth in enumerate(at):
        db = crash_db_for_trial(trial)
        proc = subprocess.run([sys.executable, "-c", _CRASH_IN_MIGRATION, db, str(nth)], capture_output=True, timeout=120)
        assert proc.returncode == -signal.SIGKILL, proc.stderr.decode(errors="replace")[-1000:]
        _ingest(corpus, db)  # a later run migrates and ingests as if nothing had happened
        engine = make_engine(db)
        got = canonical(engine)
        engine.dispose()
        assert got == expected, f"after a crash at CREATE statement {nth} of the migration"


@pytest.mark.slow
def test_a_crash_inside_the_schema_migration_leaves_no_half_schema_sqlite(corpus, clean_sqlite, tmp_path):
    _check_migration_crash(corpus, clean_sqlite, lambda t: normalize_url(str(tmp_path / f"mig-{t}.sqlite")), at=(2, 9))


@pytest.mark.slow
@pytest.mark.postgres
def test_a_crash_inside_the_schema_migration_leaves_no_half_schema_postgresql(corpus, clean_pg, pg_server):
    _check_migration_crash(corpus, clean_pg, lambda t: pg_server.create_database(), at=(4,))
