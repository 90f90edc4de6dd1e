"""Extraction on real Dask clusters: same output with 1 and 2 workers and as a serial run, error rows,
resuming, a killed worker, and loading the knowledge base."""

from __future__ import annotations

import json
import os
import signal
import threading
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import func, select

from qala.ingest.readers import read_inputs
from qala.pipeline import default_pipeline
from qala.scale import documents_from_output, extract_distributed, ingest_distributed
from qala.scale.run import plan_of
from qala.scale.tables import TABLES

# Small partitions so that the test corpus spreads over several tasks and both workers.
TEST_PARTITION_BYTES = 20_000

pytestmark = pytest.mark.slow


def _table(out: Path, name: str) -> list[dict[str, Any]]:
    """A table's records without the partition key, sorted by document id then position."""
    df = pd.read_parquet(out / name).drop(columns=["part"])
    df = df.sort_values([c for c in ("doc_id", "seq", "idx", "start", "entity_id", "code") if c in df.columns],
                        kind="stable")
    return json.loads(df.to_json(orient="records", force_ascii=False))


_SERIAL: dict[Path, list[dict[str, Any]]] = {}


def _serial(corpus: Path) -> list[dict[str, Any]]:
    """The output of a serial run in this process (computed once)."""
    if corpus not in _SERIAL:
        _SERIAL[corpus] = [d.to_dict() for d in default_pipeline().pipe(read_inputs([str(corpus)]))]
    return _SERIAL[corpus]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, corpus: Path, scheduler_1: str, scheduler_2: str) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("runs")
    one = extract_distributed([str(corpus)], base / "one", scheduler=scheduler_1, partition_bytes=TEST_PARTITION_BYTES)
    two = extract_distributed([str(corpus)], base / "two", scheduler=scheduler_2, partition_bytes=TEST_PARTITION_BYTES)
    return {"one": one, "two": two}


def test_one_and_two_workers_give_the_same_records(runs: dict[str, Any]) -> None:
    one, two = runs["one"], runs["two"]
    assert one.partitions == two.partitions >= 4 and one.complete and two.complete
    assert one.workers == 1 and two.workers == 2
    for name in TABLES:
        assert _table(one.out_dir, name) == _table(two.out_dir, name), name
    assert _table(one.out_dir, "quotations"), "the corpus has quotations: the comparison is not vacuous"
    merged_one = pd.read_parquet(one.out_dir / "entities_merged.parquet")
    merged_two = pd.read_parquet(two.out_dir / "entities_merged.parquet")
    assert len(merged_one) > 0
    pd.testing.assert_frame_equal(merged_one, merged_two)


def test_output_equals_a_serial_run(runs: dict[str, Any], corpus: Path) -> None:
    rebuilt = [d.to_dict() for d in documents_from_output(runs["two"].out_dir)]
    assert rebuilt == _serial(corpus)


def test_bad_documents_become_error_rows_and_errors_jsonl(runs: dict[str, Any]) -> None:
    res = runs["two"]
    assert res.failed == 3
    errors = [json.loads(line) for line in res.errors_file.read_text(encoding="utf-8").splitlines()]
    codes = {e["id"]: e["errors"][0]["code"] for e in errors}
    assert codes.pop("english-1") == "not_arabic" and codes.pop("no-text") == "bad_input"
    [(malformed_id, code)] = codes.items()
    assert code == "bad_input" and malformed_id.startswith("/")  # `path:LINE`, as `qala extract` names it
    assert sorted(r["code"] for r in _table(res.out_dir, "errors")) == ["bad_input", "bad_input", "not_arabic"]
    docs = _table(res.out_dir, "documents")
    assert sum(not d["ok"] for d in docs) == 3 and len(docs) == res.documents


def test_a_rerun_processes_only_missing_partitions(tmp_path: Path, corpus: Path, scheduler_2: str,
                                                   runs: dict[str, Any]) -> None:
    out = tmp_path / "out"
    first = extract_distributed([str(corpus)], out, scheduler=scheduler_2, partition_bytes=TEST_PARTITION_BYTES)
    (out / "_done" / f"{plan_of(out)[1].key}.json").unlink()  # as if interrupted before it finished
    victim = next((out / "quotations").glob("part-00001-*.parquet"))
    victim.unlink()
    again = extract_distributed([str(corpus)], out, scheduler=scheduler_2, partition_bytes=TEST_PARTITION_BYTES)
    assert (again.processed, again.reused) == (1, first.partitions - 1)
    assert again.documents == first.documents
    for name in TABLES:
        assert _table(out, name) == _table(runs["two"].out_dir, name), name
    third = extract_distributed([str(corpus)], out, scheduler=scheduler_2, partition_bytes=TEST_PARTITION_BYTES)
    assert (third.processed, third.reused) == (0, first.partitions)


def test_a_killed_worker_does_not_lose_the_run(tmp_path: Path, corpus: Path, runs: dict[str, Any]) -> None:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        pids = list(client.run(os.getpid).values())
        killed = threading.Event()

        def kill_one(done: int, todo: int, summary: dict[str, Any]) -> None:
            if not killed.is_set():  # after the first partition, while the others are in flight
                killed.set()
                victim = next(p for p in pids if p != summary["worker_pid"])
                os.kill(victim, signal.SIGKILL)

        res = extract_distributed([str(corpus)], tmp_path / "out", scheduler=cluster.scheduler_address,
                                  partition_bytes=TEST_PARTITION_BYTES, on_progress=kill_one)
    assert killed.is_set()
    assert res.complete and res.processed == res.partitions
    for name in TABLES:
        assert _table(res.out_dir, name) == _table(runs["two"].out_dir, name), name


def test_ingest_distributed_loads_the_knowledge_base(tmp_path: Path, corpus: Path, scheduler_2: str) -> None:
    from qala.store.db import open_db
    from qala.store.load import load_documents
    from qala.store.schema import DocumentRow, EntityRow, IngestError, QuotationRow

    db = tmp_path / "kb.sqlite"
    counts = ingest_distributed([str(corpus)], str(db), scheduler=scheduler_2, work_dir=tmp_path / "work",
                                partition_bytes=TEST_PARTITION_BYTES, progress=False, find_duplicates=False)
    assert (counts.added, counts.skipped, counts.failed) == (120, 0, 3)
    assert counts.partitions > 1 and counts.partitions_failed == 0
    serial_db = open_db(str(tmp_path / "serial.sqlite"))
    load_documents(serial_db, default_pipeline().pipe(read_inputs([str(corpus)])), find_duplicates=False)
    engine = open_db(str(db))

    def snapshot(e: Any) -> tuple[Any, ...]:
        with e.connect() as c:
            return (c.scalar(select(func.count()).select_from(DocumentRow)),
                    c.scalar(select(func.count()).select_from(QuotationRow)),
                    c.scalar(select(func.count()).select_from(IngestError)),
                    sorted(c.execute(select(EntityRow.key, EntityRow.name, EntityRow.mention_count)).all()))

    assert snapshot(engine) == snapshot(serial_db)
    again = ingest_distributed([str(corpus)], str(db), scheduler=scheduler_2, work_dir=tmp_path / "work",
                               partition_bytes=TEST_PARTITION_BYTES, progress=False, find_duplicates=False)
    assert (again.added, again.skipped) == (0, 120)  # loading twice adds nothing


def test_cli_extract_with_workers_matches_the_serial_output(tmp_path: Path, corpus: Path) -> None:
    from typer.testing import CliRunner

    from qala.cli import app

    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["extract", str(corpus), "--workers", "1", "-o", str(out),
                                   "--errors", str(tmp_path / "bad.jsonl")])
    assert res.exit_code == 1, res.output  # three bad records: partial success
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == _serial(corpus)
    assert len((tmp_path / "bad.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    assert not (tmp_path / "out.jsonl.parts").exists()
    usage = CliRunner().invoke(app, ["extract", str(corpus), "--format", "parquet"])
    assert usage.exit_code == 2


def test_entity_merge_does_not_depend_on_how_counts_are_split(runs: dict[str, Any]) -> None:
    from qala.scale.merge import _combine, choose, partition_counts

    paths = sorted(str(p) for p in (runs["two"].out_dir / "entities").glob("part-*.parquet"))
    assert len(paths) > 2
    whole = choose(partition_counts(paths)).reset_index(drop=True)
    split = choose(_combine([partition_counts([p]) for p in reversed(paths)])).reset_index(drop=True)
    pd.testing.assert_frame_equal(whole, split)
    merged = pd.read_parquet(runs["two"].out_dir / "entities_merged.parquet")
    assert list(merged["merge_key"]) == sorted(merged["merge_key"]) and merged["merge_key"].is_unique
    top = merged.sort_values("documents").iloc[-1]
    assert top["documents"] > 1 and top["name"] in top["names"]  # merged across documents
