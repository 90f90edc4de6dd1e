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


def extract_command(inputs: list[str], output: Path | None, fmt: str, workers: int | None, scheduler: str | None,
                    errors_file: Path | None, max_chars: int, date: str | None, pretty: bool = False) -> int:
    """`qala extract` on Dask: runs, prints a summary on stderr, returns the exit code."""
    from rich.console import Console
    from rich.markup import escape

    from qala.errors import ExitCode

    console = Console(stderr=True, soft_wrap=True)
    usage = None
    if fmt not in ("jsonl", "parquet"):
        usage = f"--format must be jsonl or parquet, not {fmt!r}"
    elif pretty:
        usage = "--pretty cannot be combined with --workers, --scheduler or --format parquet"
    elif workers is not None and workers < 1:
        usage = "--workers must be at least 1"
    elif "-" in inputs:
        usage = "standard input (-) cannot be distributed: give files or directories"
    elif fmt == "parquet" and output is None:
        usage = "--format parquet writes a directory of tables: give it with -o/--output DIR"
    if usage:
        console.print(f"[red]usage[/red] {escape(usage)}", highlight=False)
        return int(ExitCode.USAGE)
    try:
        stats, result = run_distributed_extract(inputs, output, fmt, workers, scheduler, errors_file, max_chars, date)
    except OSError as exc:  # output directory not writable, scheduler unreachable
        console.print(f"[red]fatal[/red] {escape(str(exc))}", highlight=False)
        return int(ExitCode.FATAL)
    where = errors_file or (result.errors_file if fmt == "parquet" else "the `errors` field of their records")
    console.print(
        f"{result.documents:,} documents in {result.partitions} partitions ({result.processed} processed now, "
        f"{result.reused} from an earlier run) in {result.seconds:.1f} s; {result.failed} reported as errors "
        f"(listed in {where})", highlight=False)
    if result.failed_partitions:
        console.print(f"[red]{len(result.failed_partitions)} partition(s) failed[/red]: run the same command "
                      "again to retry only them", highlight=False)
    return int(ExitCode.PARTIAL if stats["failed"] else ExitCode.OK)
