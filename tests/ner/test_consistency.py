"""Document-level consistency: names tagged once are copied to their untagged occurrences nearby."""

from __future__ import annotations

from qala.ner.consistency import name_key, propagate_names


def test_name_key_strips_proclitics() -> None:
    assert name_key("وبرشلونة") == name_key("برشلونة")
    assert name_key("للنادي") == name_key("النادي")


def test_copies_a_tagged_name_to_a_later_clitic_form() -> None:
    sents = [
        ["قال", "المدرب", "سامر", "الخطيب", "إن", "برشلونة", "قوي", "."],
        ["وفاز", "وبرشلونة", "على", "ضيفه", "."],
    ]
    tags = [
        ["O", "O", "B-PER", "I-PER", "O", "B-ORG", "O", "O"],
        ["O", "O", "O", "O", "O"],
    ]
    out = propagate_names(sents, tags)
    assert out[0] == tags[0]  # tagged words are never changed
    assert out[1] == ["O", "B-ORG", "O", "O", "O"]


def test_copies_multi_word_names_whole() -> None:
    sents = [["زار", "سامر", "الخطيب", "المدينة"], ["وغادر", "سامر", "الخطيب", "أمس"]]
    tags = [["O", "B-PER", "I-PER", "B-LOC"], ["O", "O", "O", "O"]]
    assert propagate_names(sents, tags)[1] == ["O", "B-PER", "I-PER", "O"]


def test_window_and_short_words_and_confident_o() -> None:
    name = [["وصل", "كريم", "."]]
    far = [["لا", "شيء", "."]] * 3
    later = [["رأى", "كريم", "."]]
    tags = [["O", "B-PER", "O"]] + [["O", "O", "O"]] * 4
    # beyond the window: not copied
    assert propagate_names(name + far + later, tags, window=2)[-1] == ["O", "O", "O"]
    assert propagate_names(name + far + later, tags, window=4)[-1] == ["O", "B-PER", "O"]
    # the CRF near-certain the word is not a name there: not copied
    o_probs = [[1.0, 0.0, 1.0]] + [[1.0, 1.0, 1.0]] * 4
    assert propagate_names(name + far + later, tags, o_probs, window=4)[-1] == ["O", "O", "O"]
    # a two-letter stem (من) is never copied, even if once tagged
    short = propagate_names([["من", "هنا"], ["جاء", "من", "هناك"]], [["B-PER", "O"], ["O", "O", "O"]])
    assert short[1] == ["O", "O", "O"]


def test_majority_type_wins() -> None:
    sents = [["نادي", "الوحدة"], ["الوحدة", "فاز"], ["الوحدة", "خسر"], ["شاهدنا", "الوحدة"]]
    tags = [["O", "B-ORG"], ["B-ORG", "O"], ["B-LOC", "O"], ["O", "O"]]
    assert propagate_names(sents, tags)[3] == ["O", "B-ORG"]


def test_tag_document_gives_one_tag_and_score_per_token() -> None:
    from qala.ner.tagger import default_tagger

    sents = [["وصل", "الرئيس", "إلى", "القاهرة", "."], [], ["وغادر", "القاهرة", "مساء", "أمس", "."]]
    tags, scores = default_tagger().tag_document(sents)
    assert [len(t) for t in tags] == [5, 0, 5] and [len(s) for s in scores] == [5, 0, 5]
    assert tags[0][3] == "B-LOC" and tags[2][1] == "B-LOC"
    assert all(0.0 <= p <= 1.0 for sent in scores for p in sent)


def test_a_surname_alone_is_the_person_named_in_full_earlier() -> None:
    sents = [
        ["التقى", "الوزير", "كمال", "العطاري", "بالسفير", "."],
        ["وقال", "العطاري", "إن", "اللقاء", "مثمر", "."],
        ["وأضاف", "كمال", "أن", "الحوار", "مستمر", "."],
    ]
    tags = [["O", "O", "B-PER", "I-PER", "O", "O"], ["O"] * 6, ["O"] * 6]
    out = propagate_names(sents, tags)
    assert out[1] == ["O", "B-PER", "O", "O", "O", "O"]
    # the first word alone (a given name many people share) is not copied
    assert out[2] == ["O"] * 6
    # nor a short last word
    short = propagate_names([["رأى", "سامر", "علي", "."], ["وقال", "علي", "."]], [["O", "B-PER", "I-PER", "O"], ["O", "O", "O"]])
    assert short[1] == ["O", "O", "O"]


def test_a_kunya_head_joins_the_person_name_after_it() -> None:
    from qala.ner.consistency import attach_kunya

    sents = [["وقالت", "أم", "سليم", "إن", "الماء", "انقطع"], ["وصل", "وأبو", "ياسر", "أمس"], ["هل", "يبقى", "أم", "يرحل", "؟"]]
    tags = [["O", "O", "B-PER", "O", "O", "O"], ["O", "O", "B-PER", "O"], ["O", "O", "O", "O", "O"]]
    assert attach_kunya(sents, tags) == [
        ["O", "B-PER", "I-PER", "O", "O", "O"],
        ["O", "B-PER", "I-PER", "O"],
        ["O", "O", "O", "O", "O"],  # أم "or" before no name stays a word
    ]
