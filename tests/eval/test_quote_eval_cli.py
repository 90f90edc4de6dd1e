"""`qala eval quotes` through the real CLI entry point, on a small gold file written for the tests."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from qala.cli import app

DATA = Path(__file__).resolve().parent.parent / "data"
MINI = DATA / "quotes-mini.jsonl"
runner = CliRunner()


def test_eval_quotes_json_scores_the_mini_gold() -> None:
    result = runner.invoke(app, ["eval", "quotes", str(MINI), "--json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert d["documents"] == 2
    assert d["gold"] == 6
    assert d["matched"] == 6 and d["predicted"] == 6
    assert d["quote"]["f1"] == 1.0
    assert d["end_to_end"]["f1"] == 1.0
    assert d["end_to_end_exact"]["f1"] == 1.0
    assert d["recall_by_type"] == {"indirect": 1.0}


def test_eval_quotes_reports_a_wrong_speaker_and_a_miss(tmp_path: Path) -> None:
    lines = [json.loads(line) for line in MINI.read_text(encoding="utf-8").splitlines()]
    lines[0]["quotes"][3]["speaker"] = "نادر صالح"  # the gold now names someone else
    lines[0]["quotes"][3]["speaker_aliases"] = []
    extra = "وقالت الطالبة ريم"  # a gold quotation nobody can find (no content clause)
    lines[1]["text"] += " " + extra
    lines[1]["quotes"].append({"content": extra, "type": "indirect", "cue": None, "speaker": None, "speaker_aliases": [], "speaker_kind": None})
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "quotes", str(gold), "--json", "--errors"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert d["gold"] == 7 and d["matched"] == 6
    assert d["speaker_accuracy"] == round(5 / 6, 4)
    errors = {e["id"]: e for e in d["errors"]}
    assert errors["mini-1"]["wrong_speaker"][0]["gold_speaker"] == "نادر صالح"
    assert errors["mini-2"]["missed"][0]["text"] == extra


def test_eval_quotes_table_and_error_listing() -> None:
    result = runner.invoke(app, ["eval", "quotes", str(MINI), "--errors"])
    assert result.exit_code == 0, result.output
    assert "end to end" in result.stdout
    assert "MISS" not in result.stdout and "FALSE" not in result.stdout


def test_eval_quotes_bad_gold_is_a_clear_usage_error() -> None:
    result = runner.invoke(app, ["eval", "quotes", str(DATA / "quotes-bad.jsonl")])
    assert result.exit_code == 2
    assert "not found in the text" in result.output


def test_eval_quotes_missing_file() -> None:
    result = runner.invoke(app, ["eval", "quotes", "no-such-gold.jsonl"])
    assert result.exit_code == 2
