"""`qala ingest --workers/--scheduler`: extract on Dask into Parquet, then load the knowledge base.

Extraction (the expensive part) runs on the cluster; loading runs on the client, one transaction per
batch through the store's `load_documents`, reading the part files in plan order, so the knowledge base
is the same whatever the number of workers (entities merge on their key, first seen wins the name).
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from qala.document import Document
from qala.pipeline import DEFAULT_MAX_CHARS
from qala.scale.plan import DEFAULT_PARTITION_BYTES
from qala.scale.run import ExtractResult, ProgressFn, StartFn, extract_distributed, plan_of, read_summaries
from qala.scale.tables import documents_from_tables
from qala.store.load import DEFAULT_BATCH_SIZE, LoadCounts, batched, load_documents


@dataclass
class DistributedLoadCounts(LoadCounts):
    """`LoadCounts` plus the extraction's partition counts (all integers, so `as_dict` stays flat)."""

    partitions: int = 0
    partitions_failed: int = 0


def documents_from_output(out_dir: str | Path) -> Iterator[Document]:
    """Every Document of a Parquet output directory, in input order, one partition in memory at a time."""
    out = Path(out_dir)
    plan = plan_of(out)
    done = {s["key"] for s in read_summaries(out, plan)}
    for part in plan:
        if part.key in done:
            yield from documents_from_tables(out, part.name)


def default_work_dir(paths: Iterable[str], db_url: str | None) -> Path:
    """A per-(inputs, database) directory in the user's cache, so a re-run after a crash resumes."""
    from platformdirs import user_cache_dir

    ident = "\0".join([str(db_url), *(str(Path(p).resolve()) for p in paths)])
    return Path(user_cache_dir("qala", appauthor=False)) / "scale" / hashlib.sha1(ident.encode()).hexdigest()[:16]


def ingest_distributed(
    paths: list[str],
    db_url: str | None,
    workers: int | None = None,
    scheduler: str | None = None,
    *,
    work_dir: str | Path | None = None,
    keep_work_dir: bool = False,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
    date: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    find_duplicates: bool = True,
    progress: bool = True,
    on_start: StartFn | None = None,
    on_progress: ProgressFn | None = None,
    on_batch: Callable[[LoadCounts], None] | None = None,
) -> DistributedLoadCounts:
    """Extracts `paths` on Dask (LocalCluster of `workers`, or the cluster at `scheduler`) into Parquet
    under `work_dir`, then loads it into the knowledge base at `db_url` (SQLite path/URL or PostgreSQL).

    The work directory (default: in the user's cache, per inputs and database) is removed after a
    complete load unless `keep_work_dir`; after an interruption, the same command resumes: finished
    partitions are not extracted again, and documents already stored are skipped by the loader.
    `progress=True` draws a Rich progress bar on stderr unless callbacks are given.
    """
    from qala.store.db import open_db

    work = Path(work_dir) if work_dir else default_work_dir(paths, db_url)
    engine = open_db(db_url)  # fail early (bad URL, unreachable server) before the cluster starts
    try:
        result = _extract(paths, work, workers, scheduler, partition_bytes, max_chars, date, progress,
                          on_start, on_progress)
        total = DistributedLoadCounts(partitions=result.partitions, partitions_failed=len(result.failed_partitions))
        for batch in batched(documents_from_output(work), batch_size):
            counts = load_documents(engine, batch, find_duplicates=find_duplicates)
            total += counts
            if on_batch:
                on_batch(counts)
    finally:
        engine.dispose()
    if result.complete and not keep_work_dir and not work_dir:
        shutil.rmtree(work, ignore_errors=True)
    return total


def _extract(paths: list[str], work: Path, workers: int | None, scheduler: str | None, partition_bytes: int,
             max_chars: int, date: str | None, progress: bool, on_start: StartFn | None,
             on_progress: ProgressFn | None) -> ExtractResult:
    kwargs = dict(workers=workers, scheduler=scheduler, fmt="parquet", partition_bytes=partition_bytes,
                  max_chars=max_chars, date=date, merge=False)
    if progress and on_start is None and on_progress is None:
        from qala.scale.progress import rich_progress

        with rich_progress() as bar:
            return extract_distributed(paths, work, on_start=bar.on_start, on_progress=bar.on_progress, **kwargs)  # type: ignore[arg-type]
    return extract_distributed(paths, work, on_start=on_start, on_progress=on_progress, **kwargs)  # type: ignore[arg-type]
