"""The shared matching helpers: token Dice, one-to-one matching, same speaker."""

from __future__ import annotations

from qala.eval.matching import TokenGrid, dice, match_spans, prf, speaker_exact, speaker_matches


def test_token_grid_maps_character_spans_to_token_positions() -> None:
    text = "قال الوزير إن الخطة جاهزة تماما"
    grid = TokenGrid(text)
    start = text.index("الخطة")
    assert grid.tokens(start, len(text)) == frozenset({3, 4, 5})
    assert grid.tokens(start + 1, start + 3) == frozenset({3})  # a partial token counts


def test_dice() -> None:
    assert dice(frozenset({1, 2, 3, 4}), frozenset({3, 4, 5, 6})) == 0.5
    assert dice(frozenset(), frozenset()) == 0.0


def test_matching_is_one_to_one_and_best_first() -> None:
    pred = [frozenset(range(0, 10)), frozenset(range(0, 6))]
    gold = [frozenset(range(0, 6))]
    pairs = match_spans(pred, gold)
    assert pairs == [(1, 0, 1.0)]  # the exact prediction wins; the other is a false alarm


def test_below_threshold_is_no_match() -> None:
    assert match_spans([frozenset(range(0, 10))], [frozenset(range(8, 20))]) == []


def test_speaker_matches_on_aliases_and_containment() -> None:
    assert speaker_matches("بوتين", "فلاديمير بوتين")
    assert speaker_matches("الرئيس الروسي", "فلاديمير بوتين", ["بوتين", "الرئيس الروسي"])
    assert not speaker_matches("إبراهيم رئيسي", "فلاديمير بوتين", ["بوتين"])
    assert speaker_matches(None, None)
    assert not speaker_matches(None, "مصدر عسكري")


def test_speaker_exact_rejects_words_outside_every_gold_form() -> None:
    # a shorter or equal answer is exact; a longer one that contains the name only matches
    assert speaker_exact("بوتين", "فلاديمير بوتين")
    assert speaker_exact("الرئيس فلاديمير بوتين", "فلاديمير بوتين")  # a title is no extra word
    assert speaker_matches("بوتين وسط الحضور", "فلاديمير بوتين", ["بوتين"])
    assert not speaker_exact("بوتين وسط الحضور", "فلاديمير بوتين", ["بوتين"])
    assert not speaker_exact("إبراهيم رئيسي", "فلاديمير بوتين")
    assert speaker_exact(None, None)


def test_prf() -> None:
    assert prf(5, 10, 5) == (0.5, 1.0, 2 * 0.5 / 1.5)
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
