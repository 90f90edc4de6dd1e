"""Adversarial input stays correct and bounded (timing is measured in benchmarks/, not here)."""

from __future__ import annotations

import pytest

from qala.document import Document
from qala.quotes.stage import QuoteStage
from qala.text.stage import TextStage


def run(text: str) -> Document:
    return QuoteStage()(TextStage()(Document(text=text)))


@pytest.mark.parametrize(
    "text",
    [
        "وقال الرئيس إن " * 500,  # thousands of cues, one sentence
        "« “ \" ‹ „ " * 500 + "قال: “" * 200,  # unbalanced marks of every family
        "قال: " + "كلمة " * 20000,  # one long line after a cue
        "الدباغ: " * 1000,  # colons without content
        "، وفقا لمصادر" * 500,
        "\u200f\u064b\u0640" * 1000 + "وقال الوزير إن الأمر مهم",  # marks and diacritics only
    ],
)
def test_adversarial_input_gives_valid_spans(text: str) -> None:
    doc = run(text)
    for q in doc.quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert 0.0 <= q.confidence <= 1.0


def test_empty_and_punctuation_only_text() -> None:
    assert run("").quotes == []
    assert run("... ، : « »").quotes == []
