"""Distributed extraction: a Dask bag over the partitions of the inputs, results as Parquet part files.

The client plans the partitions, skips those a previous run finished (their done markers), submits
the rest with retries, and follows them as they complete. Nothing on the client or on a worker holds
more than one partition's documents; the output directory is the only shared state, so any worker
can process any partition, and the result does not depend on how many workers there are.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import dask.bag as db
from distributed import Client, LocalCluster, as_completed

from qala.pipeline import DEFAULT_MAX_CHARS
from qala.scale.merge import merge_entities
from qala.scale.plan import DEFAULT_PARTITION_BYTES, Partition, plan_partitions
from qala.scale.tables import TABLES
from qala.scale.worker import (
    DONE_DIR,
    JSONL_DIR,
    PipelinePlugin,
    cpu_seconds,
    done_path,
    json_line,
    peak_rss_mb,
    process_partition,
)

log = logging.getLogger(__name__)

# Dask re-runs a task that raised this many times (a worker that dies is handled separately by the
# scheduler's `allowed-failures`, 3 by default): transient I/O errors on shared storage pass, a
# partition that always fails is reported instead of retried forever.
DEFAULT_RETRIES = 2
# A cluster with no worker after this long is reported instead of waited for (workers of a fresh
# Kubernetes deployment take a minute or so to pull their image and start).
WAIT_FOR_WORKERS_S = 300
PLAN_FILE = "_plan.json"
MANIFEST_FILE = "_manifest.json"
ERRORS_FILE = "errors.jsonl"
FORMATS = ("parquet", "jsonl")

ProgressFn = Callable[[int, int, dict[str, Any]], None]
StartFn = Callable[[str | None, int, int], None]


@dataclass
class ExtractResult:
    """What a distributed run produced (counts cover the whole output, including earlier runs)."""

    out_dir: Path
    partitions: int = 0
    processed: int = 0  # partitions processed by this run
    reused: int = 0  # partitions already done by an earlier run
    failed_partitions: list[dict[str, Any]] = field(default_factory=list)
    documents: int = 0
    failed: int = 0  # documents reported as errors
    seconds: float = 0.0
    workers: int = 0
    dashboard: str | None = None
    worker_peak_rss_mb: dict[str, float] = field(default_factory=dict)
    worker_cpu_seconds: dict[str, float] = field(default_factory=dict)  # incl. start-up and pipeline loading

    @property
    def errors_file(self) -> Path:
        return self.out_dir / ERRORS_FILE

    @property
    def complete(self) -> bool:
        return not self.failed_partitions

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"out_dir": str(self.out_dir)}


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client of an existing cluster (`scheduler` address) or of a LocalCluster of `workers`
    single-threaded processes (the NLP stages are pure Python: threads would share one GIL)."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    n = workers or 1
    with LocalCluster(n_workers=n, processes=True, threads_per_worker=1, silence_logs=logging.CRITICAL) as cluster, \
            Client(cluster) as client:
        yield client


def _stem_files(out: Path, fmt: str, stem: str) -> list[Path]:
    if fmt == "jsonl":
        return [out / JSONL_DIR / f"{stem}.jsonl"]
    return [out / t / f"{stem}.parquet" for t in TABLES]


def _existing_parts(out: Path) -> dict[str, list[Path]]:
    """Part files already in `out`, by partition key (file names are `part-INDEX-KEY.ext`)."""
    found: dict[str, list[Path]] = {}
    for folder in [out / JSONL_DIR, *(out / t for t in TABLES)]:
        if not folder.is_dir():
            continue
        for f in folder.iterdir():
            if f.name.startswith(".") and f.name.endswith(".tmp"):  # left by a killed task
                f.unlink(missing_ok=True)
            elif f.name.startswith("part-"):
                found.setdefault(f.name.split(".")[0].rsplit("-", 1)[-1], []).append(f)
    return found


def reconcile(out: Path, plan: list[Partition], fmt: str) -> list[Partition]:
    """Makes the output directory match `plan`; returns the partitions still to process.

    A partition is done when its marker exists and all its files do (renamed if the plan numbers it
    differently now, e.g. after files were added to the corpus). Files of partitions that are no
    longer in the plan (inputs edited or removed) are deleted, so the output never mixes runs.
    """
    existing = _existing_parts(out)
    keys = {p.key for p in plan}
    for key, files in existing.items():
        if key not in keys:
            for f in files:
                f.unlink(missing_ok=True)
    done_dir = out / DONE_DIR
    if done_dir.is_dir():
        for marker in done_dir.iterdir():
            if marker.stem not in keys or marker.suffix != ".json":
                marker.unlink(missing_ok=True)
    todo = []
    for part in plan:
        marker = done_path(out, part)
        if not marker.exists():
            todo.append(part)
            continue
        try:
            summary = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            summary = {}
        old_stem = summary.get("name", "")
        wanted = _stem_files(out, fmt, part.name)
        if summary.get("format") != fmt or not all(f.exists() for f in _stem_files(out, fmt, old_stem)):
            marker.unlink(missing_ok=True)
            todo.append(part)
            continue
        if old_stem != part.name:
            for src, dst in zip(_stem_files(out, fmt, old_stem), wanted, strict=True):
                src.replace(dst)
            summary.update(name=part.name, index=part.index)
            marker.write_text(json.dumps(summary, ensure_ascii=False), encoding="utf-8")
    return todo


def read_summaries(out: Path, plan: list[Partition]) -> Iterator[dict[str, Any]]:
    for part in plan:
        marker = done_path(out, part)
        if marker.exists():
            yield json.loads(marker.read_text(encoding="utf-8"))


def write_errors_file(out: Path, plan: list[Partition], failed_parts: list[dict[str, Any]]) -> int:
    """`errors.jsonl`: every failed document of the whole output in input order, then every partition
    that could not be processed (its documents are unknown: the re-run will retry it)."""
    n = 0
    tmp = out / f".{ERRORS_FILE}.tmp"
    with tmp.open("w", encoding="utf-8") as fh:
        for summary in read_summaries(out, plan):
            for rec in summary["errors"]:
                fh.write(json_line(rec))
                n += 1
        for rec in failed_parts:
            fh.write(json_line(rec))
    tmp.replace(out / ERRORS_FILE)
    return n


def extract_distributed(
    inputs: list[str],
    out_dir: str | Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    fmt: str = "parquet",
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
    date: str | None = None,
    retries: int = DEFAULT_RETRIES,
    merge: bool = True,
    on_start: StartFn | None = None,
    on_progress: ProgressFn | None = None,
) -> ExtractResult:
    """Extracts `inputs` on Dask into `out_dir` (Parquet tables, or JSON Lines parts with `fmt="jsonl"`).

    `workers`: a LocalCluster of that many processes; `scheduler`: the address of an existing cluster
    (whose workers can read the input paths and write `out_dir`, e.g. shared storage). A re-run into
    the same `out_dir` processes only the partitions that are missing. `on_start(dashboard, workers,
    todo)` and `on_progress(done, todo, summary)` let a caller show progress.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    t0 = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    plan = plan_partitions(inputs, partition_bytes)
    (out / PLAN_FILE).write_text(json.dumps([p.to_dict() for p in plan], ensure_ascii=False, indent=1), encoding="utf-8")
    todo = reconcile(out, plan, fmt)
    result = ExtractResult(out, partitions=len(plan), reused=len(plan) - len(todo))
    if todo:
        with dask_client(workers, scheduler) as client:
            client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS_S)  # TimeoutError: a cluster without workers
            client.register_plugin(PipelinePlugin(max_chars))
            result.dashboard = client.dashboard_link
            result.workers = len(client.scheduler_info(n_workers=-1)["workers"])
            if on_start:
                on_start(result.dashboard, result.workers, len(todo))
            bag = db.from_sequence(todo, npartitions=len(todo)).map(
                process_partition, out_dir=str(out.resolve()), fmt=fmt,
                max_chars=max_chars, date=date)
            futures = client.compute(bag.to_delayed(), retries=retries)
            by_key = {f.key: part for f, part in zip(futures, todo, strict=True)}
            for n_done, fut in enumerate(as_completed(futures), 1):
                part = by_key[fut.key]
                if fut.status == "finished":
                    summary = fut.result()[0]
                    result.processed += 1
                else:  # retries exhausted, or the workers running it kept dying
                    exc = fut.exception()
                    summary = {"partition": part.name, "paths": list(part.paths), "start": part.start,
                               "end": part.end, "errors": [{"code": "partition_failed",
                                                            "message": f"{type(exc).__name__}: {exc}", "stage": "scale"}]}
                    result.failed_partitions.append(summary)
                    log.warning("partition %s failed: %s", part.name, exc)
                if on_progress:
                    on_progress(n_done, len(todo), summary)
            result.worker_peak_rss_mb = {addr: round(v, 1) for addr, v in client.run(peak_rss_mb).items()}
            result.worker_cpu_seconds = {addr: round(v, 2) for addr, v in client.run(cpu_seconds).items()}
            if fmt == "parquet" and merge:
                merge_entities(out, plan, client)
    elif fmt == "parquet" and merge and not (out / "entities_merged.parquet").exists():
        merge_entities(out, plan, None)
    for summary in read_summaries(out, plan):
        result.documents += summary["documents"]
        result.failed += summary["failed"]
    write_errors_file(out, plan, result.failed_partitions)
    result.seconds = round(time.perf_counter() - t0, 3)
    (out / MANIFEST_FILE).write_text(json.dumps(result.as_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    return result


def plan_of(out_dir: str | Path) -> list[Partition]:
    """The plan of the last run into `out_dir` (input order of its part files)."""
    raw = json.loads((Path(out_dir) / PLAN_FILE).read_text(encoding="utf-8"))
    return [Partition(r["index"], r["kind"], tuple(r["paths"]), r["start"], r["end"], r["first_line"], r["fingerprint"])
            for r in raw]


def iter_jsonl_output(out_dir: str | Path) -> Iterator[str]:
    """The JSON Lines output of a `fmt="jsonl"` run, line by line in input order (streaming)."""
    out = Path(out_dir)
    for part in plan_of(out):
        path = out / JSONL_DIR / f"{part.name}.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                yield from fh
