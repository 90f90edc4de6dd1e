"""The event scorer and `qala eval events` on our own gold file (tests/data/events-gold.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qala.cli import app
from qala.document import Document, Entity, Event, Span
from qala.errors import QalaError
from qala.eval.events import EventScores, evaluate_events, load_gold, score_document
from qala.text.stage import TextStage

GOLD = Path(__file__).resolve().parent.parent / "data" / "events-gold.jsonl"
# Quality floor on our own gold (written with the lexicons, so a regression guard, not a claim
# about unseen text): 0.98 F1 on 16 articles at the time of writing.
MIN_EVENT_F1 = 0.85


def _doc() -> Document:
    text = "استقبل الوزير سامر الحديدي ضيفه في عمّان."
    doc = TextStage()(Document(text, id="t"))
    doc.entities = [Entity("e1", "PER", "سامر الحديدي", [Span.of(text, 14, 26)]),
                    Entity("e2", "LOC", "عمّان", [Span.of(text, 35, 40)])]
    return doc


def test_scorer_counts_a_match_and_its_slots():
    doc = _doc()
    doc.events = [Event("meeting", Span.of(doc.text, 0, 6), Span.of(doc.text, 0, len(doc.text)), ["e1"],
                        {"e1": "agent"}, "e2", "2024-05-15")]
    gold = [{"type": "meeting", "trigger": "استقبل", "participants": ["سامر الحديدي", "ضيف"], "place": "عمّان",
             "date": "2024-05-16"}]
    s = EventScores()
    score_document(doc, gold, s)
    out = s.to_dict()
    assert (out["events"]["tp"], out["events"]["fp"], out["events"]["fn"]) == (1, 0, 0)
    assert (out["participants"]["tp"], out["participants"]["fn"]) == (1, 1)
    assert (out["place_accuracy"], out["date_accuracy"]) == (1.0, 0.0)


def test_scorer_wrong_type_is_a_miss_and_a_spurious_event():
    doc = _doc()
    doc.events = [Event("visit", Span.of(doc.text, 0, 6), Span.of(doc.text, 0, len(doc.text)))]
    s = EventScores()
    score_document(doc, [{"type": "meeting", "trigger": "استقبل"}], s)
    assert (s.events.tp, s.events.fp, s.events.fn) == (0, 1, 1)


def test_gold_trigger_must_be_in_the_text():
    with pytest.raises(QalaError):
        score_document(_doc(), [{"type": "meeting", "trigger": "التقى"}], EventScores())


def test_bad_gold_line_is_a_clear_error(tmp_path):
    bad = tmp_path / "g.jsonl"
    bad.write_text('{"text": "نص", "events": []}\n{oops\n', encoding="utf-8")
    with pytest.raises(QalaError, match=r"g\.jsonl:2"):
        load_gold(bad)


def test_own_gold_quality_floor():
    scores = evaluate_events(GOLD).to_dict()
    assert scores["documents"] == len(GOLD.read_text(encoding="utf-8").splitlines())
    assert scores["events"]["f1"] >= MIN_EVENT_F1, scores


def test_cli_json_output():
    res = CliRunner().invoke(app, ["eval", "events", str(GOLD), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert {"events", "participants", "place_accuracy", "date_accuracy", "by_type"} <= set(out)
