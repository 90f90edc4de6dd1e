"""`qala train ner` runs end to end on a tiny fixture and writes a model that loads."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qala.cli import app
from qala.ner.conll import read_conll, sentence_fingerprint, spans, write_conll
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


def test_random_held_out_sentences_are_recorded_with_their_seed(tmp_path):
    def held_out(seed: int) -> list[str]:
        out = tmp_path / f"m{seed}"
        args = ["train", "ner", "--train", str(MINI), "--out", str(out), "--dev-fraction", "0.25", "--dev-seed", str(seed)]
        res = CliRunner().invoke(app, [*args, "--max-iterations", "5"])
        assert res.exit_code == 0, res.output
        meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
        assert meta["dev_split"] == f"random sentences, seed {seed}" and meta["dev_seed"] == seed
        assert meta["dev_sentences"] == 2 and meta["train_sentences"] == 6
        trained = set((out / "trained_on.txt").read_text(encoding="utf-8").split())
        return sorted(fp for fp in map(sentence_fingerprint, (s.tokens for s in read_conll(MINI))) if fp not in trained)

    assert held_out(3) == held_out(3)  # the seed makes the split reproducible
    assert any(held_out(seed) != held_out(3) for seed in (4, 5, 6))


def test_contiguous_split_holds_out_one_block_in_order():
    sents = read_conll(MINI)
    train, dev = contiguous_split(sents, 0.25, 1)
    assert dev == sents[2:4] and train == sents[:2] + sents[4:]


def test_cross_validation_scores_every_block_once():
    res = CliRunner().invoke(
        app, ["train", "ner", "--train", str(MINI), "--cross-validate", "4", "--workers", "1", "--max-iterations", "10", "--json"]
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout[res.stdout.index("{") :])
    assert out["folds"] == 4 and len(out["blocks"]) == 4
    # the pooled counts are the blocks' counts added up: every gold span of the file scored once
    gold = sum(len(spans(s.tags)) for s in read_conll(MINI))
    assert out["pooled"]["micro"]["gold"] == gold == sum(b["micro"]["gold"] for b in out["blocks"])


@pytest.mark.parametrize("args", [["--cross-validate", "1"], ["--cross-validate", "99"], []])
def test_cross_validation_and_out_usage_errors(args):
    res = CliRunner().invoke(app, ["train", "ner", "--train", str(MINI), *args])
    assert res.exit_code == 2


def test_eval_warns_when_scoring_a_model_on_its_training_sentences(tmp_path):
    model = tmp_path / "model"
    train_sents = read_conll(MINI)[:6]
    held_out = read_conll(MINI)[6:]
    train_file, held_file = tmp_path / "train.conll", tmp_path / "held.conll"
    write_conll(train_file, [s.tokens for s in train_sents], [s.tags for s in train_sents])
    write_conll(held_file, [s.tokens for s in held_out], [s.tags for s in held_out])
    res = CliRunner().invoke(app, ["train", "ner", "--train", str(train_file), "--out", str(model), "--dev-fraction", "0", "--max-iterations", "10"])
    assert res.exit_code == 0, res.output
    seen = CliRunner().invoke(app, ["eval", "ner", str(MINI), "--model", str(model), "--json"])
    assert seen.exit_code == 0
    assert json.loads(seen.stdout[seen.stdout.index("{") :])["sentences_seen_in_training"] == 6
    assert "not held-out" in seen.stderr
    fresh = CliRunner().invoke(app, ["eval", "ner", str(held_file), "--model", str(model), "--json"])
    assert json.loads(fresh.stdout[fresh.stdout.index("{") :])["sentences_seen_in_training"] == 0
    assert "not held-out" not in fresh.stderr


def test_cross_validation_with_out_ships_a_model_trained_on_everything(tmp_path):
    out = tmp_path / "model"
    res = CliRunner().invoke(
        app, ["train", "ner", "--train", str(MINI), "--cross-validate", "2", "--workers", "1", "--max-iterations", "10", "--out", str(out)]
    )
    assert res.exit_code == 0, res.output
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["train_sentences"] == len(read_conll(MINI)) and meta["dev_sentences"] == 0
    assert meta["cross_validation"]["folds"] == 2 and len(meta["cross_validation"]["blocks"]) == 2
    assert len(NerTagger(out).tag(["وصل", "الوزير", "إلى", "عمان"])) == 4
