"""Shared fixtures. `../shared` (gold data, NER corpus) is optional: tests that need it skip."""

from __future__ import annotations

from pathlib import Path

import pytest

# A throw-away PostgreSQL server for the tests that need one: fixtures `pg_server`, `pg_url` (tests/pg.py).
pytest_plugins = ["pg"]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD_QUOTES = SHARED / "gold" / "quotes-dev.jsonl"
SEED_ARTICLE = SHARED / "corpus" / "seed-article.txt"
ANERCORP = SHARED / "data" / "ner" / "anercorp-train.conll"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (gold data and corpora) is only there for developers and CI")
    return path


@pytest.fixture
def gold_quotes_path() -> Path:
    return need_shared(GOLD_QUOTES)


@pytest.fixture
def seed_article_path() -> Path:
    return need_shared(SEED_ARTICLE)


@pytest.fixture
def anercorp_path() -> Path:
    return need_shared(ANERCORP)
