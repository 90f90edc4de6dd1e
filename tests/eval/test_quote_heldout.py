"""Quality gates on the held-out gold: fictional articles written for this purpose, in styles the
development gold lacks (interviews, ministry statements, anonymous sources, headlines, stance verbs,
court rulings, negative cases). They ship with the repo (tests/data), so these gates always run.

quotes-heldout.jsonl (12 articles) was scored first, then its error classes were fixed;
quotes-heldout-blind.jsonl (5 articles) was written after those fixes and scored once before three
more fixes (written cues, anonymous headlines, a speaker introduced in narration).
quotes-heldout-blind2.jsonl (12 articles) was written by engineers who never saw the extractor, scored
once, then its error classes were fixed; quotes-heldout-blind3.jsonl (8 articles, same way) was scored
before and after those fixes without being looked at; blind4 and blind5 likewise; blind6 was scored
only after all of them and never fixed (one of its articles was read once, later, to undo a
regression a round-5 change caused there). blind7 and blind8 (8 articles each) were written in the
next session, both scored first with unchanged code; blind7's error classes were then fixed (round
5), blind8 was scored again without being looked at, then fixed (round 6); blind9 (8 articles) was
written during round 6 and never looked at: the honest unseen-text gate. blind10 and blind11 (8
articles each, a session later) were scored first with unchanged code; blind10's error classes were
fixed (round 7), blind11 was scored again without being looked at, then fixed (round 8); blind12
was written after round 8, scored once (unchanged by rounds 7-8) and fixed (round 9); blind13 was
written after round 9 and, like blind9, never looked at; blind14 (6 articles) was written last,
scored once (0.960 / 0.865) and fixed (round 10). blind15 and blind16 (7 articles each) were
written a session later; blind15 was never looked at (scored before and after round 11), blind16
was scored once (0.909 / 0.802) and fixed (round 11: 0.970 / 0.939); blind17 and blind18 were
written during round 11: blind17 never looked at (0.958 / 0.817 before round 11, 0.958 / 0.826 after
rounds 11 and 12), blind18 scored once (0.941 / 0.904) and fixed (round 12: 0.977 / 0.977); blind19 and blind20 were
written after round 12: blind19 scored once (0.959 / 0.941) and fixed (round 13: 0.973 / 0.973),
blind20 never looked at (0.962 / 0.896 before and after rounds 13–14); blind21 (6 articles) was
written last, scored once (0.965 / 0.930) and fixed (round 14: 0.983 / 0.971). blind22–24 (6
articles each) were written a session later: blind22 and blind23 scored once (0.961 / 0.891, 0.955 /
0.855) and fixed (round 15), blind24 never looked at (0.986 / 0.959 before and after round 15);
blind25–27 were written after round 15 and scored first with its code: blind25 (0.981 / 0.933) was
fixed (round 16), blind26 and blind27 never looked at; blind28–30 were written after round 16
and scored first with its code (0.971 / 0.884, 0.967 / 0.902, 0.963 / 0.921): blind30 was fixed
(round 17), blind28 and blind29 never looked at; blind31–33 were written after round 17 and scored
first with its code (0.981 / 0.907, 0.943 / 0.886, 0.950 / 0.914): blind32 was fixed (round 18),
blind31 and blind33 never looked at; blind34 and blind35 were written after round 18 (0.995 / 0.955,
0.957 / 0.938 at first sight): blind34 was fixed (round 19), blind35 never looked at; blind36–38 were written during round 19
(0.976 / 0.967, 0.995 / 0.927, 0.985 / 0.914 at first sight): blind38 was fixed (round 19, second
part), blind36 and blind37 never looked at; blind39 and blind40 were written after round 19 (0.985 /
0.925, 0.980 / 0.960 at first sight): blind39 was fixed (round 20), blind40 never looked at; blind41 and blind42 were written after round
20 (0.979 / 0.938, 0.980 / 0.918 at first sight): blind42 was fixed (round 21), blind41 never looked at.
blind43–47 were written a session later (0.988 / 0.975, 0.986 / 0.942, 0.974 / 0.935, 0.980 / 0.940,
0.992 / 0.977 at first sight): blind44–46 were fixed (round 22), blind43 and blind47 never looked at;
blind48–52 were written after round 22 (0.993 / 0.979, 0.953 / 0.953, 0.953 / 0.926, 0.986 / 0.972,
0.994 / 0.981): blind49 and blind50 were fixed (round 23), the other three never looked at;
blind53–57 were written after round 23 (0.985 / 0.955, 0.966 / 0.939, 1.000 / 0.986, 0.986 / 0.945,
0.985 / 0.941): the even-numbered blind54 and blind56 were fixed (round 24), the odd ones never
looked at; blind58–60 were written after round 24 (0.994 / 0.994, 0.994 / 0.967, 0.992 / 0.992): blind58
and blind60 were looked at (round 25), blind59 never; blind61–63 were written last and scored once with
the final code, never looked at (0.986 / 0.959, 1.000 / 0.985, 0.993 / 0.932). blind64–67 were written a
session later (0.966 / 0.953, 0.987 / 0.934, 0.978 / 0.863, 0.979 / 0.965 at first sight): the even ones
were fixed (round 26), the odd ones never looked at; blind68–71 were written during round 26 (0.959 /
0.932, 0.981 / 0.956, 0.987 / 0.961, 0.955 / 0.924): blind68 and blind70 fixed (round 27), the odd ones
never looked at; blind72 and blind73 were written after round 27 and scored with its code (0.985 /
0.923, 0.985 / 0.985), never looked at; blind74 and blind75 were written after them (0.971 / 0.941,
0.994 / 0.970): blind74 fixed (round 28), blind75 never looked at; blind76 and blind77 were written during round 28
(0.974 / 0.974, 0.972 / 0.958 at first sight): blind76 fixed, blind77 never looked at. First-sight figures (the
honest estimate on unseen text) are in the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from qala.eval.quotes import evaluate_quotes, load_gold

DATA = Path(__file__).resolve().parent.parent / "data"

# (file, articles, quotations, quote F1 floor, end-to-end F1 floor). Floors sit a little under what
# the extractor reaches (12 articles: 0.980 / 0.939; blind: 1.000 / 1.000), so losing two quotations
# or three speakers fails; each blind quotation weighs about 0.05 of F1, hence its wider margins.
HELDOUT = [
    ("quotes-heldout.jsonl", 12, 48, 0.94, 0.89),
    ("quotes-heldout-blind.jsonl", 5, 20, 0.94, 0.89),
    ("quotes-heldout-blind2.jsonl", 12, 128, 0.96, 0.95),
    ("quotes-heldout-blind3.jsonl", 8, 75, 0.96, 0.95),
    ("quotes-heldout-blind4.jsonl", 8, 70, 0.96, 0.94),
    ("quotes-heldout-blind5.jsonl", 8, 74, 0.96, 0.95),
    ("quotes-heldout-blind6.jsonl", 8, 73, 0.96, 0.95),
    ("quotes-heldout-blind7.jsonl", 8, 84, 0.96, 0.95),
    ("quotes-heldout-blind8.jsonl", 8, 82, 0.96, 0.95),
    ("quotes-heldout-blind9.jsonl", 8, 90, 0.94, 0.90),  # never fixed: the honest unseen-text gate
    ("quotes-heldout-blind10.jsonl", 8, 94, 0.96, 0.95),
    ("quotes-heldout-blind11.jsonl", 8, 95, 0.96, 0.95),
    ("quotes-heldout-blind12.jsonl", 8, 94, 0.96, 0.92),
    ("quotes-heldout-blind13.jsonl", 8, 98, 0.95, 0.90),  # never looked at: scored with the final code
    ("quotes-heldout-blind14.jsonl", 6, 75, 0.96, 0.93),
    ("quotes-heldout-blind15.jsonl", 7, 112, 0.94, 0.89),  # never looked at
    ("quotes-heldout-blind16.jsonl", 7, 100, 0.96, 0.92),
    ("quotes-heldout-blind17.jsonl", 7, 109, 0.94, 0.80),  # never looked at
    ("quotes-heldout-blind18.jsonl", 7, 110, 0.96, 0.95),
    ("quotes-heldout-blind19.jsonl", 7, 110, 0.96, 0.95),
    ("quotes-heldout-blind20.jsonl", 7, 110, 0.94, 0.87),  # never looked at
    ("quotes-heldout-blind21.jsonl", 6, 88, 0.96, 0.95),
    ("quotes-heldout-blind22.jsonl", 6, 115, 0.97, 0.96),
    ("quotes-heldout-blind23.jsonl", 6, 109, 0.97, 0.96),
    ("quotes-heldout-blind24.jsonl", 6, 110, 0.96, 0.93),  # never looked at
    ("quotes-heldout-blind25.jsonl", 6, 107, 0.97, 0.96),
    ("quotes-heldout-blind26.jsonl", 6, 112, 0.96, 0.92),  # never looked at
    ("quotes-heldout-blind27.jsonl", 6, 102, 0.95, 0.94),  # never looked at
    ("quotes-heldout-blind28.jsonl", 6, 103, 0.95, 0.86),  # never looked at
    ("quotes-heldout-blind29.jsonl", 6, 108, 0.95, 0.88),  # never looked at
    ("quotes-heldout-blind30.jsonl", 6, 121, 0.97, 0.97),
    ("quotes-heldout-blind31.jsonl", 6, 107, 0.96, 0.88),  # never looked at
    ("quotes-heldout-blind32.jsonl", 6, 108, 0.95, 0.92),
    ("quotes-heldout-blind33.jsonl", 6, 111, 0.93, 0.89),  # never looked at
    ("quotes-heldout-blind34.jsonl", 6, 100, 0.98, 0.96),
    ("quotes-heldout-blind35.jsonl", 6, 108, 0.94, 0.91),  # never looked at
    ("quotes-heldout-blind36.jsonl", 6, 106, 0.96, 0.94),  # never looked at
    ("quotes-heldout-blind37.jsonl", 6, 103, 0.98, 0.90),  # never looked at
    ("quotes-heldout-blind38.jsonl", 6, 99, 0.98, 0.96),
    ("quotes-heldout-blind39.jsonl", 6, 100, 0.97, 0.96),
    ("quotes-heldout-blind40.jsonl", 6, 101, 0.96, 0.93),  # never looked at
    ("quotes-heldout-blind41.jsonl", 6, 98, 0.96, 0.91),  # never looked at
    ("quotes-heldout-blind42.jsonl", 6, 100, 0.97, 0.92),
    ("quotes-heldout-blind43.jsonl", 6, 81, 0.96, 0.94),  # never looked at
    ("quotes-heldout-blind44.jsonl", 6, 69, 0.97, 0.94),
    ("quotes-heldout-blind45.jsonl", 6, 77, 0.98, 0.97),
    ("quotes-heldout-blind46.jsonl", 6, 75, 0.96, 0.94),
    ("quotes-heldout-blind47.jsonl", 6, 66, 0.98, 0.95),  # never looked at
    ("quotes-heldout-blind48.jsonl", 6, 72, 0.97, 0.94),  # never looked at
    ("quotes-heldout-blind49.jsonl", 6, 75, 0.98, 0.97),
    ("quotes-heldout-blind50.jsonl", 6, 75, 0.98, 0.97),
    ("quotes-heldout-blind51.jsonl", 6, 72, 0.96, 0.94),  # never looked at
    ("quotes-heldout-blind52.jsonl", 6, 79, 0.97, 0.95),  # never looked at
    ("quotes-heldout-blind53.jsonl", 6, 67, 0.96, 0.92),  # never looked at
    ("quotes-heldout-blind54.jsonl", 6, 74, 0.97, 0.94),
    ("quotes-heldout-blind55.jsonl", 6, 70, 0.98, 0.95),  # never looked at
    ("quotes-heldout-blind56.jsonl", 6, 74, 0.97, 0.96),
    ("quotes-heldout-blind57.jsonl", 6, 69, 0.96, 0.91),  # never looked at
    ("quotes-heldout-blind58.jsonl", 6, 79, 0.97, 0.96),
    ("quotes-heldout-blind59.jsonl", 6, 77, 0.97, 0.93),  # never looked at
    ("quotes-heldout-blind60.jsonl", 6, 66, 0.98, 0.97),
    ("quotes-heldout-blind61.jsonl", 6, 73, 0.96, 0.92),  # never looked at
    ("quotes-heldout-blind62.jsonl", 6, 67, 0.98, 0.95),  # never looked at
    ("quotes-heldout-blind63.jsonl", 6, 66, 0.97, 0.90),  # never looked at
    ("quotes-heldout-blind64.jsonl", 6, 77, 0.97, 0.97),
    ("quotes-heldout-blind65.jsonl", 6, 76, 0.97, 0.92),  # never looked at
    ("quotes-heldout-blind66.jsonl", 6, 70, 0.96, 0.94),
    ("quotes-heldout-blind67.jsonl", 6, 72, 0.96, 0.94),  # never looked at
    ("quotes-heldout-blind68.jsonl", 6, 73, 0.97, 0.97),
    ("quotes-heldout-blind69.jsonl", 6, 79, 0.96, 0.93),  # never looked at
    ("quotes-heldout-blind70.jsonl", 6, 77, 0.97, 0.96),
    ("quotes-heldout-blind71.jsonl", 6, 67, 0.93, 0.90),  # never looked at
    ("quotes-heldout-blind72.jsonl", 6, 65, 0.96, 0.90),  # never looked at
    ("quotes-heldout-blind73.jsonl", 6, 69, 0.96, 0.96),  # never looked at
    ("quotes-heldout-blind74.jsonl", 6, 69, 0.97, 0.94),
    ("quotes-heldout-blind75.jsonl", 6, 85, 0.97, 0.95),  # never looked at
    ("quotes-heldout-blind76.jsonl", 6, 80, 0.96, 0.95),
    ("quotes-heldout-blind77.jsonl", 6, 71, 0.95, 0.93),  # never looked at
]

# End to end with the exact name (matching.speaker_exact: no word outside the gold speaker or an
# alias), pooled over every held-out file: 0.9 at the start of round 26, 0.95 after it. A speaker
# "بنعلي وسط هتافات الحاضرين" passes the per-file gates above but not this one.
EXACT_NAME_POOLED_FLOOR = 0.94


@pytest.mark.parametrize(("name", "articles", "quotations", "quote_floor", "e2e_floor"), HELDOUT)
def test_heldout_gold_is_well_formed(name: str, articles: int, quotations: int, quote_floor: float, e2e_floor: float) -> None:
    gold = load_gold(DATA / name)
    assert len(gold) == articles
    assert sum(len(g.quotes) for g in gold) == quotations
    for g in gold:
        for q in g.quotes:
            assert g.text[q.start : q.end] == q.content


@pytest.mark.parametrize(("name", "articles", "quotations", "quote_floor", "e2e_floor"), HELDOUT)
def test_heldout_f1_floor(name: str, articles: int, quotations: int, quote_floor: float, e2e_floor: float) -> None:
    scores = evaluate_quotes(DATA / name)
    assert not scores.failed_docs
    assert scores.quote_prf[2] >= quote_floor, scores.quote_prf
    assert scores.e2e_prf[2] >= e2e_floor, scores.e2e_prf


def test_heldout_speaker_names_are_exact() -> None:
    right = predicted = gold = 0
    for name, *_ in HELDOUT:
        scores = evaluate_quotes(DATA / name)
        right, predicted, gold = right + scores.speaker_exact, predicted + scores.predicted, gold + scores.gold
    f1 = 2 * right / (predicted + gold)
    assert f1 >= EXACT_NAME_POOLED_FLOOR, f1
