"""CoNLL reading, tag normalization, span extraction and span scoring."""

from pathlib import Path

import pytest

from qala.ner.conll import NerDataError, parse_conll, read_conll, spans, write_conll
from qala.ner.scoring import score_spans

MINI = Path(__file__).resolve().parent.parent / "data" / "ner-mini.conll"


def test_pers_is_read_as_per_and_sentences_split_on_blank_lines():
    sents = parse_conll(["قال O", "سامي B-PERS", "حداد I-PERS", "", "في O", "عمان B-LOC", ""])
    assert [s.tokens for s in sents] == [["قال", "سامي", "حداد"], ["في", "عمان"]]
    assert sents[0].tags == ["O", "B-PER", "I-PER"]


def test_tag_is_the_last_column():
    (sent,) = parse_conll(["بيروت NNP B-LOC"])
    assert sent.tokens == ["بيروت"] and sent.tags == ["B-LOC"]


@pytest.mark.parametrize("line", ["كلمة", "كلمة B-XYZ", "كلمة Z-PER"])
def test_bad_lines_raise_with_line_number(line):
    with pytest.raises(NerDataError, match=":2:"):
        parse_conll(["قال O", line])


def test_read_missing_and_empty_files(tmp_path):
    with pytest.raises(NerDataError, match="no such file"):
        read_conll(tmp_path / "absent.conll")
    empty = tmp_path / "empty.conll"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(NerDataError, match="no sentences"):
        read_conll(empty)


def test_write_then_read_round_trips(tmp_path):
    sents = read_conll(MINI)
    out = tmp_path / "copy.conll"
    write_conll(out, [s.tokens for s in sents], [s.tags for s in sents])
    again = read_conll(out)
    assert [(s.tokens, s.tags) for s in again] == [(s.tokens, s.tags) for s in sents]


def test_spans_follow_conlleval_for_stray_inside_tags():
    assert spans(["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "I-LOC"]) == [
        (0, 2, "PER"),
        (3, 5, "LOC"),
        (5, 6, "ORG"),
        (6, 7, "LOC"),
    ]


def test_scoring_is_exact_match_per_type_and_micro():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-ORG", "I-ORG"]]
    s = score_spans(gold, pred)
    assert (s.per_type["PER"].tp, s.per_type["PER"].fp, s.per_type["PER"].fn) == (0, 1, 1)
    assert s.per_type["LOC"].f1 == 1.0 and s.per_type["ORG"].f1 == 1.0
    assert s.micro.precision == pytest.approx(2 / 3) and s.micro.recall == pytest.approx(2 / 3)


def test_scoring_refuses_tag_count_mismatch():
    with pytest.raises(ValueError):
        score_spans([["O", "O"]], [["O"]])
