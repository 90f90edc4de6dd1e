"""The CRF learns BIOES labels; everything outside the tagger sees BIO, converted losslessly."""

import itertools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qala.cli import app
from qala.ner.labels import to_bio, to_bioes
from qala.ner.tagger import NerTagger

MINI = Path(__file__).resolve().parent.parent / "data" / "ner-mini.conll"


def test_bioes_marks_single_words_and_last_words():
    tags = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "O", "B-ORG"]
    assert to_bioes(tags) == ["B-PER", "I-PER", "E-PER", "O", "S-LOC", "B-LOC", "E-LOC", "O", "S-ORG"]


def test_a_type_change_ends_a_name():
    # I- of another type does not continue the name before it
    assert to_bioes(["B-PER", "I-LOC", "I-LOC"]) == ["S-PER", "I-LOC", "E-LOC"]


@pytest.mark.parametrize("tags", list(itertools.product(["O", "B-PER", "I-PER", "B-LOC", "I-LOC"], repeat=3)))
def test_round_trip_is_lossless_for_every_bio_sequence(tags):
    assert to_bio(to_bioes(list(tags))) == list(tags)


def test_bio_passes_through_to_bio_unchanged():
    assert to_bio(["B-MISC", "I-MISC", "O"]) == ["B-MISC", "I-MISC", "O"]


def test_trained_model_records_bioes_and_tags_in_bio(tmp_path):
    out = tmp_path / "model"
    res = CliRunner().invoke(app, ["train", "ner", "--train", str(MINI), "--out", str(out), "--dev-fraction", "0", "--max-iterations", "20"])
    assert res.exit_code == 0, res.output
    assert json.loads((out / "meta.json").read_text(encoding="utf-8"))["label_scheme"] == "BIOES"
    tagger = NerTagger(out)
    assert {"S-PER", "E-PER"} & set(tagger.tagger.labels())  # the CRF itself learnt BIOES labels
    tags, scores = tagger.tag_with_scores(["قال", "الوزير", "سمير", "الخطيب", "في", "عمان"])
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_models_without_a_label_scheme_are_read_as_bio(tmp_path):
    out = tmp_path / "model"
    res = CliRunner().invoke(app, ["train", "ner", "--train", str(MINI), "--out", str(out), "--dev-fraction", "0", "--max-iterations", "5"])
    assert res.exit_code == 0, res.output
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    meta["label_scheme"] = "IOB3"
    (out / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(Exception, match="unknown label scheme"):
        NerTagger(out)
    del meta["label_scheme"]
    (out / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert NerTagger(out).label_scheme == "BIO"
