"""`qala ingest` and `qala search` end to end, through the real extraction pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from qala.cli import app
from qala.lexicon import data_path
from qala.store.db import open_db

runner = CliRunner()

ARTICLES = [
    {"id": "cli-1", "date": "2023-03-02", "source": "جريدة الواحة",
     "text": "وزيرة التعليم تفتتح مدرسة جديدة\nافتتحت وزيرة التعليم هدى الشريف اليوم مدرسة جديدة في حي الزيتون. "
             "وقالت الشريف إن \"التعليم هو أساس التنمية\"."},
    {"id": "cli-2", "date": "2023-03-05", "source": "صوت المدينة",
     "text": "رئيس البلدية يعد بإصلاح الطرق\nقال رئيس البلدية كمال ناصر إن أعمال إصلاح الطرق ستبدأ الأسبوع المقبل."},
]


def table_counts(url: str) -> dict[str, int]:
    engine = open_db(url)
    with engine.connect() as c:
        out = {t: c.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
               for t in ("documents", "entities", "mentions", "quotations", "events", "figures", "ingest_errors")}
    engine.dispose()
    return out


def test_ingest_twice_and_search(db_url: str, tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n{broken\n", encoding="utf-8")
    first = runner.invoke(app, ["ingest", str(corpus), "--db", db_url])
    assert first.exit_code == 1, first.output  # the broken line is reported, the rest is stored
    assert "2 documents added" in first.output and "1 failed" in first.output
    counts = table_counts(db_url)
    assert counts["documents"] == 2 and counts["ingest_errors"] == 1
    second = runner.invoke(app, ["ingest", str(corpus), "--db", db_url])
    assert "0 documents added, 2 skipped" in second.output
    assert table_counts(db_url) == counts
    res = runner.invoke(app, ["search", "--db", db_url, "--json", "--order", "date"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["total"] == counts["quotations"]  # no near-duplicates in this corpus
    assert runner.invoke(app, ["search", "--db", db_url, "--since", "yesterday"]).exit_code == 2


def test_ingest_seed_article_and_samples(db_url: str, seed_article_path: Path):
    samples = str(data_path("samples", "articles.jsonl"))
    args = ["ingest", samples, str(seed_article_path), "--date", "2022-01-19", "--db", db_url]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    n_samples = sum(1 for line in Path(samples).read_text(encoding="utf-8").splitlines() if line.strip())
    counts = table_counts(db_url)
    assert counts["documents"] == n_samples + 1
    engine = open_db(db_url)
    with engine.connect() as c:
        seed_date = c.execute(text("SELECT date FROM documents WHERE doc_id = :d"), {"d": str(seed_article_path)}).scalar_one()
    engine.dispose()
    assert str(seed_date) == "2022-01-19"
    runner.invoke(app, args)
    assert table_counts(db_url) == counts


def test_unreachable_database_is_a_clear_error():
    result = runner.invoke(app, ["search", "x", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 3 and "cannot open the knowledge base" in result.output


def test_distributed_option_is_wired(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    import qala.scale

    calls = {}

    def fake(paths, db_url, workers=None, scheduler=None):
        calls.update(paths=paths, db_url=db_url, workers=workers, scheduler=scheduler)
        return {"added": 3, "skipped": 0, "failed": 0}

    monkeypatch.setattr(qala.scale, "ingest_distributed", fake, raising=False)
    result = runner.invoke(app, ["ingest", "a.jsonl", "--workers", "2", "--db", str(tmp_path / "kb.sqlite")])
    assert result.exit_code == 0, result.output
    assert calls["workers"] == 2 and calls["paths"] == ["a.jsonl"] and calls["db_url"].startswith("sqlite:///")
    assert "3 documents added" in result.output


def test_ingest_web_inputs_and_bad_files(tmp_path: Path):
    from test_readers import _warc, page

    web = tmp_path / "web"
    web.mkdir()
    (web / "park.html").write_text(page(), encoding="utf-8")
    (web / "broken.html").write_bytes(b"<html><p></div>")
    _warc(web / "crawl.warc.gz", True)
    data = (web / "crawl.warc.gz").read_bytes()
    (web / "cut.warc.gz").write_bytes(data[: len(data) // 2])
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    result = runner.invoke(app, ["ingest", str(web), "--db", url])
    assert result.exit_code == 1, result.output
    counts = table_counts(url)
    # park.html and the archives' first page are the same page (same site and text): stored once;
    # the archive's second page is another document; broken.html and cut.warc.gz are reported
    assert counts["documents"] == 2 and counts["ingest_errors"] == 2
    again = runner.invoke(app, ["ingest", str(web), "--db", url])
    assert again.exit_code == 1 and table_counts(url) == counts
