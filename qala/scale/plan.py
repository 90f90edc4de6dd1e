"""Cutting the inputs into partitions that Dask workers process independently.

A partition is a byte range of one JSON Lines file (aligned on line starts, so one big file still
spreads over every worker) or a group of small files (text, HTML, WARC...). The plan depends only on
the inputs and `partition_bytes`, never on the number of workers, so the output is the same with 1
or 100 workers, and a re-run finds the partitions it already finished by their `key`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from qala.document import Document
from qala.ingest.readers import JSONL_SUFFIXES, error_doc, parse_jsonl_line, read_path

# Input bytes per partition: ~500-1,000 news articles, 5-20 s of work per task. Small enough that a
# lost worker costs little, memory per task stays bounded and the last tasks do not leave workers
# idle; large enough that Dask's per-task overhead (~1 ms) is noise. The plan (and so the re-run
# manifest) depends on it, never on the number of workers.
DEFAULT_PARTITION_BYTES = 1_000_000
# Reading a JSON Lines file to find line boundaries and line numbers is done in blocks of this size.
_SCAN_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work. `kind` is "jsonl" (a line range of `paths[0]`) or "files" (whole files)."""

    index: int
    kind: str
    paths: tuple[str, ...]
    start: int = 0  # byte offset of the first line (jsonl)
    end: int = 0  # byte offset just after the last line (jsonl)
    first_line: int = 1  # line number of the first line, for default ids `path:LINE` (jsonl)
    fingerprint: str = ""  # size and mtime of the files: an edited input is processed again

    @property
    def key(self) -> str:
        """Identity of the work, independent of `index`: same inputs and range → same key."""
        ident = json.dumps([self.kind, self.paths, self.start, self.end, self.first_line, self.fingerprint])
        return hashlib.sha1(ident.encode()).hexdigest()[:16]

    @property
    def name(self) -> str:
        """File-name stem of its outputs: sorts in plan order, and carries the key."""
        return f"part-{self.index:05d}-{self.key}"

    def to_dict(self) -> dict[str, object]:
        return asdict(self) | {"key": self.key}


def _fingerprint(paths: Iterable[Path]) -> str:
    parts = []
    for p in paths:
        try:
            st = p.stat()
            parts.append(f"{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append("missing")
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path]:
    """Files in the order `qala extract` reads them (directories recursive and sorted)."""
    for item in inputs:
        if item == "-":
            raise ValueError("standard input cannot be distributed: give files or directories")
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            yield path  # a missing path becomes a `not_found` error record in its partition


def jsonl_ranges(path: Path, partition_bytes: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, first_line) byte ranges of about `partition_bytes`, each starting at a line start.

    Streams the file once in blocks (constant memory) to count the lines before each cut.
    """
    size = path.stat().st_size
    if size == 0:
        return
    with path.open("rb") as fh:
        start, line = 0, 1
        while start < size:
            target = start + partition_bytes
            if target >= size:
                yield start, size, line
                return
            fh.seek(target)
            fh.readline()  # finish the line that straddles the target
            end = fh.tell()
            # count the newlines in [start, end) to know the first line number of the next range
            fh.seek(start)
            remaining, newlines = end - start, 0
            while remaining > 0:
                block = fh.read(min(_SCAN_BLOCK, remaining))
                if not block:
                    break
                newlines += block.count(b"\n")
                remaining -= len(block)
            yield start, end, line
            start, line = end, line + newlines


def plan_partitions(inputs: Iterable[str], partition_bytes: int = DEFAULT_PARTITION_BYTES) -> list[Partition]:
    """The partitions of `inputs`, in the order `qala extract` would produce their documents."""
    if partition_bytes <= 0:
        raise ValueError("partition_bytes must be positive")
    plan: list[Partition] = []
    group: list[Path] = []
    group_bytes = 0

    def flush() -> None:
        nonlocal group, group_bytes
        if group:
            plan.append(Partition(len(plan), "files", tuple(str(p) for p in group), fingerprint=_fingerprint(group)))
        group, group_bytes = [], 0

    for path in expand_inputs(inputs):
        if path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
            flush()
            fp = _fingerprint([path])
            for start, end, line in jsonl_ranges(path, partition_bytes):
                plan.append(Partition(len(plan), "jsonl", (str(path),), start, end, line, fp))
            continue
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        if group and group_bytes + size > partition_bytes:
            flush()
        group.append(path)
        group_bytes += size
    flush()
    return plan


def _jsonl_range_docs(part: Partition) -> Iterator[Document]:
    """The documents of a line range; the same ids and error records as `read_jsonl_lines`."""
    name = part.paths[0]
    try:
        fh = open(name, "rb")  # noqa: SIM115 (closed below; errors become records)
    except OSError as exc:
        yield error_doc(name, "unreadable", f"cannot read {name}: {exc.strerror or exc}")
        return
    with fh:
        fh.seek(part.start)
        pos, lineno = part.start, part.first_line
        while pos < part.end:
            raw = fh.readline()
            if not raw:
                break
            pos += len(raw)
            if raw.strip():
                yield parse_jsonl_line(raw, name, lineno)
            lineno += 1


def read_partition(part: Partition) -> Iterator[Document]:
    """The documents of one partition, in input order (bad input → error Documents, never raises)."""
    if part.kind == "jsonl":
        yield from _jsonl_range_docs(part)
        return
    for name in part.paths:
        path = Path(name)
        if not os.path.lexists(path):
            yield error_doc(name, "not_found", f"no such file or directory: {name}")
            continue
        yield from read_path(path)
