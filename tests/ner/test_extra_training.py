"""Extra training sentences: the inline-annotated format, harmonizing them to the main corpus, `--extra`."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qala.cli import app
from qala.ner.bracketed import parse_bracketed_line, read_bracketed
from qala.ner.conll import NerDataError, Sentence, read_conll, spans
from qala.ner.harmonize import harmonize
from qala.ner.stage import guard_person_names
from qala.ner.train import read_extra

MINI = Path(__file__).resolve().parent.parent / "data" / "ner-mini.conll"


def named(sent: Sentence) -> list[tuple[str, str]]:
    return [(" ".join(sent.tokens[s:e]), t) for s, e, t in spans(sent.tags)]


def test_bracketed_line_is_tokenized_like_tagged_text():
    sent = parse_bracketed_line("وقال [PER سمير الخوري] في [LOC بعمّان]، إن [ORG للأمم المتحدة] دورا.")
    assert named(sent) == [("سمير الخوري", "PER"), ("بعمّان", "LOC"), ("للأمم المتحدة", "ORG")]
    assert sent.tokens[-1] == "." and "،" in sent.tokens  # punctuation is its own token, outside names
    assert len(sent.tokens) == len(sent.tags)


@pytest.mark.parametrize(
    "line",
    ["وصل و[PER سمير] أمس", "زار [LOC عمان]ية", "قال [PERSON سمير] أمس", "قال [PER سمير أمس"],
)
def test_bracketed_errors_name_the_problem(line):
    with pytest.raises(NerDataError):
        parse_bracketed_line(line)


def test_bracketed_file_skips_comments_and_blank_lines(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("# a comment\n\nزار [PER نادر سليم] [LOC طنجة].\n", encoding="utf-8")
    assert [named(s) for s in read_bracketed(f)] == [[("نادر سليم", "PER"), ("طنجة", "LOC")]]
    (tmp_path / "b.txt").write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(NerDataError):
        read_bracketed(tmp_path / "b.txt")


def test_read_extra_takes_folders_of_both_formats(tmp_path):
    (tmp_path / "one.txt").write_text("غادر [PER نادر سليم] [LOC طنجة].\n", encoding="utf-8")
    (tmp_path / "two.conll").write_text("زار O\nكريم B-PER\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not data", encoding="utf-8")
    assert [s.tokens[0] for s in read_extra([tmp_path])] == ["غادر", "زار"]


def o(*words: str) -> Sentence:
    return Sentence(list(words), ["O"] * len(words))


REFERENCE = [
    # words the reference corpus leaves outside names, each three times or more
    *(o("وزارة", "المالية", "جائزة", "شمال", "العاصمة", "القوة", "الدولية") for _ in range(3)),
    # names it tags, and a word that is mostly, not always, outside names (الدولية: 3 of 4)
    Sentence(["فاز", "بجائزة", "غونكور", "في", "طنجة"], ["O", "O", "B-MISC", "O", "B-LOC"]),
    Sentence(["المنظمة", "الدولية"], ["B-ORG", "I-ORG"]),
]


def test_harmonize_moves_boundaries_to_the_reference_conventions():
    extra = [
        parse_bracketed_line("أعلنت [ORG وزارة المالية] فوز [PER سمير الخوري] [MISC بجائزة غونكور]."),
        parse_bracketed_line("في [LOC شمال طنجة] و [LOC طنجة العاصمة] غدا."),
    ]
    out = harmonize(extra, REFERENCE)
    # a ministry is no name there; the prize's head word is outside the name; a person is kept as written
    assert named(out[0]) == [("سمير الخوري", "PER"), ("غونكور", "MISC")]
    # a direction word before a place and a trailing common word after it leave the place name
    assert named(out[1]) == [("طنجة", "LOC"), ("طنجة", "LOC")]
    assert named(extra[0])[0] == ("وزارة المالية", "ORG")  # the input is not modified


def test_harmonize_keeps_a_head_when_the_rest_cannot_start_a_name():
    extra = [parse_bracketed_line("انتشرت [ORG القوة الدولية للإسناد] أمس.")]
    assert named(harmonize(extra, REFERENCE)[0]) == [("القوة الدولية للإسناد", "ORG")]


def test_train_with_extra_sentences_records_them(tmp_path):
    extra = tmp_path / "extra.txt"
    extra.write_text("وصل [PER كريم الساعدي] إلى [LOC وهران] أمس.\nوقال [PER الساعدي] إن الزيارة ناجحة.\n", encoding="utf-8")
    out = tmp_path / "m"
    args = ["train", "ner", "--train", str(MINI), "--extra", str(extra), "--dev", str(MINI), "--out", str(out)]
    res = CliRunner().invoke(app, [*args, "--max-iterations", "20"])
    assert res.exit_code == 0, res.output
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["extra_files"] == ["extra.txt"] and meta["extra_sentences"] == 2
    assert meta["train_sentences"] == len(read_conll(MINI)) + 2


def test_cross_validation_never_scores_extra_sentences(tmp_path):
    extra = tmp_path / "extra.txt"
    extra.write_text("وصل [PER كريم الساعدي] إلى [LOC وهران] أمس.\n", encoding="utf-8")
    args = ["train", "ner", "--train", str(MINI), "--extra", str(extra), "--cross-validate", "2", "--workers", "1"]
    res = CliRunner().invoke(app, [*args, "--max-iterations", "5", "--json"])
    assert res.exit_code == 0, res.output
    cv = json.loads(res.stdout[res.stdout.index("{") :])
    gold_spans = sum(len(spans(s.tags)) for s in read_conll(MINI))
    scored = sum(p["gold"] for p in cv["pooled"]["per_type"].values())
    assert scored == gold_spans


def test_bad_extra_file_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("قال [PER سمير أمس\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["train", "ner", "--train", str(MINI), "--extra", str(bad), "--out", str(tmp_path / "m")])
    assert res.exit_code != 0 and "bracket" in res.output


def test_shipped_model_was_trained_with_the_bundled_sentences():
    """The committed model and `data/ner/qala-news` stay in step: retrain after adding sentences."""
    root = Path(__file__).resolve().parents[2]
    meta = json.loads((root / "qala" / "data" / "models" / "ner" / "meta.json").read_text(encoding="utf-8"))
    assert meta["extra_sentences"] == len(read_extra([root / "data" / "ner" / "qala-news"]))
    assert meta["cross_validation"]["folds"] == 10  # its held-out estimate travels with it


@pytest.mark.parametrize(
    ("tokens", "tags", "expected"),
    [
        # a title alone is no name, with or without a conjunction before it
        (["قال", "معالي", "الوزير"], ["O", "B-PER", "O"], ["O", "O", "O"]),
        (["ومعالي", "الوزير", "حاضر"], ["B-PER", "O", "O"], ["O", "O", "O"]),
        # a common given name left out before a person name joins it
        (["قال", "آدم", "إسحاق", "أبكر"], ["O", "O", "B-PER", "I-PER"], ["O", "B-PER", "I-PER", "I-PER"]),
        # a word that is no given name, or a tagged one, stays as it is
        (["قال", "الوزير", "إسحاق", "أبكر"], ["O", "O", "B-PER", "I-PER"], ["O", "O", "B-PER", "I-PER"]),
        (["في", "عمان", "آدم", "سليم"], ["O", "B-LOC", "B-PER", "I-PER"], ["O", "B-LOC", "B-PER", "I-PER"]),
    ],
)
def test_person_name_guards(tokens, tags, expected):
    assert guard_person_names(tokens, tags) == expected


@pytest.mark.parametrize(("domain_offsets", "expected"), [(False, ["O", "B-ORG", "O", "O", "O"]), (True, ["O"] * 5)])
def test_domain_offsets_keep_the_main_corpus_conventions(tmp_path, domain_offsets, expected):
    """Where the extra sentences disagree with the main corpus (here they outnumber it three to one),
    the model tags by the main corpus with the offsets and is pulled to the extra one without."""
    from qala.ner.tagger import NerTagger
    from qala.ner.train import train

    sentence = ["حلق", "النسر", "فوق", "الوادي", "."]
    main = [*read_conll(MINI), *(Sentence(list(sentence), ["O"] * 5) for _ in range(4))]
    extra = [Sentence(list(sentence), ["O", "B-ORG", "O", "O", "O"]) for _ in range(12)]
    train(main, tmp_path / "m", extra=extra, domain_offsets=domain_offsets, max_iterations=60)
    meta = json.loads((tmp_path / "m" / "meta.json").read_text(encoding="utf-8"))
    assert meta["extra_domain_offsets"] is domain_offsets
    tags, _scores = NerTagger(tmp_path / "m").tag_document([sentence])
    assert tags[0] == expected
