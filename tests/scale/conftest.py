"""A small corpus (bundled samples replicated with new ids, plus bad records) and shared Dask clusters."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from qala.lexicon import data_path

# Copies of the bundled sample articles in the test corpus: a few hundred documents, a few seconds.
N_ARTICLES = 120


def write_corpus(folder: Path, n: int = N_ARTICLES) -> Path:
    """A JSON Lines corpus with varied ids, one malformed line, one English record and one without text."""
    samples = [json.loads(line) for line in data_path("samples", "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            # a distinct source per copy: the knowledge base stores each one (its key is source + text)
            rec = dict(samples[i % len(samples)], id=f"art-{i:05d}", source=f"wire-{i:05d}")
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if i == n // 3:
                fh.write("{this line is not json\n\n")
            if i == n // 2:
                fh.write(json.dumps({"id": "english-1", "text": "The council met on Monday to discuss the budget."}) + "\n")
            if i == 2 * n // 3:
                fh.write(json.dumps({"id": "no-text", "title": "عنوان بلا نص"}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("scale-corpus"))


def _cluster(n: int) -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=n, processes=True, threads_per_worker=1, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="session")
def scheduler_1() -> Iterator[str]:
    yield from _cluster(1)


@pytest.fixture(scope="session")
def scheduler_2() -> Iterator[str]:
    yield from _cluster(2)
