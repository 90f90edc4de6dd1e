"""Acceptance on real text: the shared seed article and the bundled samples, ingested by `qala ingest`
with the real pipeline, served, and searched in Chromium (skips without ../shared)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from web.browser import screenshot, serve

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "qala" / "data" / "samples" / "articles.jsonl"
SEED_DATE = "2022-01-19"  # the seed article's publication date (it has no date of its own)
INGEST_TIMEOUT_S = 300

pytestmark = [pytest.mark.browser, pytest.mark.shared, pytest.mark.slow]


@pytest.fixture
def seed_kb(tmp_path: Path, seed_article_path: Path) -> Path:
    db = tmp_path / "kb.sqlite"
    qala = Path(sys.executable).with_name("qala")
    cmd = [str(qala)] if qala.exists() else [sys.executable, "-c", "from qala.cli import main; main()"]
    r = subprocess.run([*cmd, "ingest", str(SAMPLES), str(seed_article_path), "--date", SEED_DATE, "--db", str(db)],
                       capture_output=True, text=True, timeout=INGEST_TIMEOUT_S)
    assert r.returncode == 0, r.stderr
    return db


def test_syria_search_and_speaker_page_on_the_seed_article(seed_kb: Path, page_factory) -> None:  # type: ignore[no-untyped-def]
    with serve(seed_kb) as url:
        page = page_factory(base_url=url)
        page.goto("/?q=" + "سوريا")
        speakers = page.locator(".quote-card .speaker").all_inner_texts()
        assert any("بوتين" in s for s in speakers), speakers
        assert any("رئيسي" in s for s in speakers), speakers
        for card in page.locator(".quote-card").all():
            assert "سوري" in card.locator("blockquote").inner_text()  # every hit is about Syria
        screenshot(page, "seed-search")
        page.locator(".quote-card a.speaker", has_text="بوتين").first.click()
        page.wait_for_selector("#entity-name")
        assert "بوتين" in page.inner_text("#entity-name")
        said = page.locator("#said .quote-card")
        assert said.count() >= 2
        assert all(SEED_DATE in c.inner_text() for c in said.all())
        screenshot(page, "seed-entity")
