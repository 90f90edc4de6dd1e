"""The shipped model: loads offline, one tag per token, `qala eval ner`, the pipeline stage."""

import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qala.cli import app
from qala.document import Document
from qala.ner.conll import read_conll
from qala.ner.stage import NerStage
from qala.ner.tagger import NerTagger, packaged_model_dir
from qala.text.stage import TextStage

MINI = Path(__file__).resolve().parent.parent / "data" / "ner-mini.conll"
runner = CliRunner()


def test_model_loads_and_tags_with_the_network_disabled(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    tagger = NerTagger(packaged_model_dir())  # a fresh load, not the process-wide cached one
    tags = tagger.tag(["وصل", "الرئيس", "إلى", "القاهرة", "."])
    assert len(tags) == 5 and tags[3] == "B-LOC"


def test_one_tag_per_token_for_every_sentence():
    tagger = NerTagger(packaged_model_dir())
    for sent in read_conll(MINI):
        assert len(tagger.tag(sent.tokens)) == len(sent.tokens)
    assert tagger.tag([]) == []


def test_missing_model_directory_is_a_clear_error(tmp_path):
    with pytest.raises(Exception, match="no NER model"):
        NerTagger(tmp_path)


def test_eval_ner_json_and_predictions(tmp_path):
    out = tmp_path / "pred.conll"
    result = runner.invoke(app, ["eval", "ner", str(MINI), "--json", "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores["per_type"]) == {"PER", "LOC", "ORG", "MISC"}
    gold = read_conll(MINI)
    assert scores["micro"]["gold"] == sum(
        1 for s in gold for t in s.tags if t.startswith("B-")
    )
    assert scores["tokens"] == sum(len(s.tokens) for s in gold) and scores["tokens_per_second"] > 0
    # the shipped model finds most of these plain news entities
    assert scores["micro"]["f1"] > 0.5
    pred = read_conll(out)
    assert [s.tokens for s in pred] == [s.tokens for s in gold]


def test_eval_ner_table_and_bad_file(tmp_path):
    ok = runner.invoke(app, ["eval", "ner", str(MINI)])
    assert ok.exit_code == 0 and "micro" in ok.output and "tokens/s" in ok.output
    bad = tmp_path / "bad.conll"
    bad.write_text("كلمة\n", encoding="utf-8")
    res = runner.invoke(app, ["eval", "ner", str(bad)])
    assert res.exit_code == 2 and "expected `token TAG`" in res.output


def test_stage_fills_mentions_with_offsets_into_the_text():
    text = "قال وزير الخارجية التونسي في تونس إن الاتحاد الأوروبي وعد بالمساعدة.\nوقال السيد محمد الهمامي إن الوفد زار بغداد."
    doc = NerStage()(TextStage()(Document(text)))
    assert doc.mentions, "no mentions found"
    for m in doc.mentions:
        assert m.text == text[m.start : m.end] and m.source == "ner" and 0 < m.score <= 1
    found = {(m.text, m.label) for m in doc.mentions}
    assert ("تونس", "LOC") in found and ("الاتحاد الأوروبي", "ORG") in found
    assert any(label == "PER" and "الهمامي" in t for t, label in found)
    assert ("بغداد", "LOC") in found


def test_stage_on_text_without_sentences_or_tokens():
    doc = NerStage()(Document("..."))
    assert doc.mentions == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال وزير الخارجية الليبي كمال الورفلي إن المحادثات مستمرة.", "كمال الورفلي"),
        ("والتقى الرئيس التونسي نادر السالمي نظيره الجزائري في العاصمة.", "نادر السالمي"),
    ],
)
def test_title_and_nisba_before_a_name_leave_the_name_alone(text, name):
    doc = NerStage()(TextStage()(Document(text)))
    assert [(m.text, m.label) for m in doc.mentions if m.label == "PER"] == [(name, "PER")]
