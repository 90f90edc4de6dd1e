"""Letter n-gram models: probabilities, the shipped name-likeness verdicts, feature bands."""

from __future__ import annotations

import math

import pytest

from qala.ner.clitics import bare
from qala.ner.letters import LetterModel, name_likeness
from qala.text.normalize import norm


def test_letter_model_is_a_distribution_over_next_letters() -> None:
    model = LetterModel.from_words(["بابا", "ماما", "بابل"], order=3)
    letters = sorted({ch for nxt in model.counts.values() for ch in nxt})
    for history in ("<<", "<ب", "با", "zz"):  # seen, seen, seen, never seen
        total = sum(model._prob(history + ch) for ch in letters)
        # the rest of the mass goes to letters never seen at all
        assert 0.95 < total <= 1.0 + 1e-9


def test_seen_words_are_likelier_than_scrambled_ones() -> None:
    model = LetterModel.from_words(["كتاب", "كاتب", "مكتبة", "كتب"] * 3)
    assert model.logprob("كتاب") > model.logprob("بتاك")
    assert model.logprob("كتاب") == pytest.approx(model.logprob("كتاب"))  # deterministic
    assert math.isfinite(model.logprob("zzz"))


@pytest.fixture(scope="module")
def likeness():
    nl = name_likeness()
    if nl is None:
        pytest.skip("letter_models.json.gz is not bundled (run scripts/build_letter_models.py)")
    return nl


def test_transliterated_names_look_like_names_and_common_words_do_not(likeness) -> None:
    # invented transliterations, in no list: the letter patterns decide
    for name in ("كوفالتشينكو", "برانتيلوفسكي", "ماريتسيو"):
        person, _place = likeness.log_odds(bare(norm(name)))
        assert person > 0, name
    for word in ("الحكومة", "المفاوضات", "يستطيعون", "بالتعاون"):
        person, place = likeness.log_odds(bare(norm(word)))
        assert person < 0 and place < 0, word


def test_bands_are_bounded_feature_strings(likeness) -> None:
    per, loc = likeness.bands("كوفالتشينكو")
    assert per.startswith("lP=") and loc.startswith("lL=")
    for feat in likeness.bands("ا" * 40) + likeness.bands("الاستراتيجيات"):
        assert -3 <= int(feat.split("=")[1]) <= 3


def test_the_tagger_sees_letter_bands_of_arabic_words_only(likeness) -> None:
    from qala.ner.features import Featurizer, base_lexicons

    feats = Featurizer(base_lexicons()).sentence(["وقال", "كوفالتشينكو", "2006", "Reuters", "،", "من"])
    bands = [[f for f in token if f.startswith(("lP=", "lL="))] for token in feats]
    assert len(bands[0]) == 2 and len(bands[1]) == 2
    assert int(bands[1][0].split("=")[1]) > int(bands[0][0].split("=")[1])  # the name outranks the verb
    assert bands[2] == bands[3] == bands[4] == bands[5] == []  # digits, Latin, punctuation, too short
