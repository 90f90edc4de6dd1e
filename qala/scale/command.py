"""The library function behind `qala extract --workers/--scheduler/--format parquet`."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from qala.pipeline import DEFAULT_MAX_CHARS
from qala.scale.plan import DEFAULT_PARTITION_BYTES
from qala.scale.progress import rich_progress
from qala.scale.run import ERRORS_FILE, ExtractResult, extract_distributed, iter_jsonl_output


def run_distributed_extract(
    inputs: list[str],
    output: Path | None,
    fmt: str = "jsonl",
    workers: int | None = None,
    scheduler: str | None = None,
    errors_file: Path | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    date: str | None = None,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
) -> tuple[dict[str, int], ExtractResult]:
    """Runs the extraction on Dask; returns `qala extract`'s counts and the run's result.

    Parquet goes to the `output` directory (required). JSON Lines parts go to `OUTPUT.parts/` (kept
    after an incomplete run so that the same command resumes) and are then concatenated, in input
    order, into `output` or standard output.
    """
    if fmt == "parquet":
        if output is None:
            raise ValueError("--format parquet writes a directory of tables: give it with -o/--output DIR")
        work, temporary = output, False
    elif output is not None:
        work, temporary = output.with_name(output.name + ".parts"), True
    else:
        work, temporary = Path(tempfile.mkdtemp(prefix="qala-parts-")), True
    with rich_progress() as bar:
        result = extract_distributed(inputs, work, workers=workers, scheduler=scheduler, fmt=fmt,
                                     partition_bytes=partition_bytes, max_chars=max_chars, date=date,
                                     on_start=bar.on_start, on_progress=bar.on_progress)
    if fmt == "jsonl":
        if output is not None:
            tmp = output.with_name(f".{output.name}.tmp")
            with tmp.open("w", encoding="utf-8") as fh:
                fh.writelines(iter_jsonl_output(work))
            tmp.replace(output)
        else:
            sys.stdout.writelines(iter_jsonl_output(work))
            sys.stdout.flush()
    if errors_file is not None:
        shutil.copyfile(work / ERRORS_FILE, errors_file)
    if temporary and result.complete:
        shutil.rmtree(work, ignore_errors=True)
    stats = {"documents": result.documents, "failed": result.failed + len(result.failed_partitions),
             "partitions": result.partitions, "partitions_failed": len(result.failed_partitions)}
    return stats, result
