"""What runs on a Dask worker: the pipeline, loaded once per worker process, over one partition.

`default_pipeline()` is cached per process, and Dask workers are long-lived processes, so every task
on a worker reuses the same loaded models; `PipelinePlugin` loads them when the worker starts, so
the first task does not pay for it and a worker's memory is known before work begins.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from qala.document import Document, json_line
from qala.pipeline import DEFAULT_MAX_CHARS, default_pipeline
from qala.scale.plan import Partition, read_partition
from qala.scale.tables import document_rows, empty_rows, write_tables

DONE_DIR = "_done"
# Run once through the pipeline when a worker starts: stages load some data lazily on first use.
WARMUP_TEXT = "قال رئيس البلدية سامر الخطيب أمس إن أعمال الصيانة ستنتهي في شهر آذار المقبل."
JSONL_DIR = "jsonl"


class PipelinePlugin(WorkerPlugin):
    """Builds the NLP pipeline once when a worker starts (and after a nanny restarts it)."""

    name = "qala-pipeline"

    def __init__(self, max_chars: int = DEFAULT_MAX_CHARS) -> None:
        self.max_chars = max_chars

    def setup(self, worker: Any) -> None:
        default_pipeline(max_chars=self.max_chars)(Document(text=WARMUP_TEXT, id="warmup"))


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def cpu_seconds() -> float:
    """CPU time (user + system) this process has used: the cost of the work whatever the machine's load."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime




def error_record(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "errors": [e.to_dict() for e in doc.errors]}


def done_path(out_dir: Path, part: Partition) -> Path:
    return out_dir / DONE_DIR / f"{part.key}.json"


def process_partition(part: Partition, out_dir: str, fmt: str = "parquet", max_chars: int = DEFAULT_MAX_CHARS,
                      date: str | None = None) -> dict[str, Any]:
    """Reads, extracts and writes one partition; returns its summary (also written as its done marker).

    Output files are written under temporary names and renamed, and the done marker is written last:
    a task killed half-way leaves no marker, so Dask's retry (or a re-run) redoes the partition whole.
    """
    t0 = time.perf_counter()
    out = Path(out_dir)
    pipe = default_pipeline(max_chars=max_chars)
    rows = empty_rows()
    errors: list[dict[str, Any]] = []
    n_docs = 0
    jsonl_file = None
    if fmt == "jsonl":
        (out / JSONL_DIR).mkdir(parents=True, exist_ok=True)
        jsonl_tmp = out / JSONL_DIR / f".{part.name}.{os.getpid()}.tmp"
        jsonl_file = jsonl_tmp.open("w", encoding="utf-8")
    try:
        for seq, doc in enumerate(read_partition(part)):
            if date and not doc.date:
                doc.date = date
            doc = pipe(doc)
            n_docs += 1
            if doc.errors:
                errors.append(error_record(doc))
            if jsonl_file is not None:
                jsonl_file.write(json_line(doc.to_dict()))
            else:
                document_rows(doc, part.key, seq, rows)
    finally:
        if jsonl_file is not None:
            jsonl_file.close()
    if jsonl_file is not None:
        jsonl_tmp.replace(out / JSONL_DIR / f"{part.name}.jsonl")
    else:
        write_tables(rows, out, part.name)
    summary = {
        "key": part.key, "index": part.index, "name": part.name, "format": fmt, "documents": n_docs,
        "failed": len(errors), "errors": errors, "seconds": round(time.perf_counter() - t0, 3),
        "worker_pid": os.getpid(), "worker_peak_rss_mb": round(peak_rss_mb(), 1),
    }
    marker = done_path(out, part)
    marker.parent.mkdir(parents=True, exist_ok=True)
    tmp = marker.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(summary, ensure_ascii=False), encoding="utf-8")
    tmp.replace(marker)
    return summary
