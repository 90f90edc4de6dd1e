"""`qala train ner` runs end to end on a tiny fixture and writes a model that loads."""

import json
from pathlib import Path

from typer.testing import CliRunner

from qala.cli import app
from qala.ner.conll import read_conll
from qala.ner.tagger import NerTagger
from qala.ner.train import contiguous_split

MINI = Path(__file__).resolve().parent.parent / "data" / "ner-mini.conll"


def test_train_command_end_to_end(tmp_path):
    out = tmp_path / "model"
    res = CliRunner().invoke(
        app, ["train", "ner", "--train", str(MINI), "--dev", str(MINI), "--out", str(out), "--max-iterations", "30"]
    )
    assert res.exit_code == 0, res.output
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["max_iterations"] == 30 and meta["train_sentences"] == len(read_conll(MINI))
    assert "micro" in meta["dev"]
    tagger = NerTagger(out)
    sent = read_conll(MINI)[0]
    assert len(tagger.tag(sent.tokens)) == len(sent.tokens)
    # trained and scored on the same sentences: it must have learnt them
    assert meta["dev"]["micro"]["f1"] > 0.8


def test_held_out_block_without_dev_file(tmp_path):
    res = CliRunner().invoke(
        app, ["train", "ner", "--train", str(MINI), "--out", str(tmp_path / "m"), "--dev-fraction", "0.25", "--max-iterations", "10"]
    )
    assert res.exit_code == 0, res.output
    meta = json.loads((tmp_path / "m" / "meta.json").read_text(encoding="utf-8"))
    assert meta["dev_sentences"] == 2 and meta["train_sentences"] == 6 and "block 3 of 4" in meta["dev_split"]


def test_contiguous_split_holds_out_one_block_in_order():
    sents = read_conll(MINI)
    train, dev = contiguous_split(sents, 0.25, 1)
    assert dev == sents[2:4] and train == sents[:2] + sents[4:]
