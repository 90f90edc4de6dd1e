"""Quality gates on the shared development gold (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qala.document import Document
from qala.eval.quotes import QuoteScores, evaluate_quotes, load_gold, score_document
from qala.pipeline import default_pipeline

# Pinned floors, a little under what the extractor reaches (quote F1 0.979, end-to-end F1 0.966 at
# the time of writing): a change that loses several quotations or speakers fails here.
QUOTE_F1_FLOOR = 0.94
END_TO_END_F1_FLOOR = 0.92

pytestmark = pytest.mark.shared


def test_seed_article_all_24_quotations_with_their_speakers(gold_quotes_path: Path, seed_article_path: Path) -> None:
    gold = next(g for g in load_gold(gold_quotes_path) if g.id == "seed-000")
    assert gold.text == seed_article_path.read_text(encoding="utf-8")
    doc = default_pipeline()(Document(text=gold.text, id=gold.id, date=gold.date))
    scores = QuoteScores()
    score_document(doc, gold, scores)
    errors = scores.errors[0]
    assert len(gold.quotes) == 24
    assert scores.matched == 24, errors.missed
    assert scores.speaker_right == 24, errors.wrong_speaker


def test_dev_gold_f1_floor(gold_quotes_path: Path) -> None:
    scores = evaluate_quotes(gold_quotes_path)
    assert not scores.failed_docs
    assert scores.quote_prf[2] >= QUOTE_F1_FLOOR
    assert scores.e2e_prf[2] >= END_TO_END_F1_FLOOR
