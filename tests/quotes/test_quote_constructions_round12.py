"""Round 12 (blind set 18): "with these words" points back at a quotation, a speaker after its
quotation is named by an apposition, bulleted titles may hold a comma, a bracket after a name is no
speaker, frequent names are no glued preposition (بلقاسم), a quoted name after a role is part of the
speaker, a quotation ending the line above is not what a cue reports, a place of posting may open
the clause (وعلى منصة إكس، كتب). All sentences are our own."""

from __future__ import annotations

from tests.quotes.quote_helpers import quotes, speaker_of


def test_with_these_words_points_back_at_the_quotation_and_its_named_speaker() -> None:
    text = (
        "\"كانت السيارة تسير بسرعة كبيرة ولم يتمكن السائق من التوقف عند الإشارة\". "
        "بهذه الكلمات وصف أحد الشهود، وهو طالب يدعى رامي العلي (22 عاما)، الحادث لإذاعة محلية."
    )
    assert speaker_of(text, "كانت السيارة") == "رامي العلي"


def test_a_bulleted_title_may_hold_a_comma() -> None:
    text = "وتوالت ردود الفعل:\n• النائب عن دائرة الكرك، سامر الحوراني: الطريق يحتاج إلى صيانة شاملة منذ سنوات.\n"
    assert speaker_of(text, "الطريق يحتاج", full=True) == "سامر الحوراني"


def test_a_bracket_after_the_name_and_a_frequent_name_glued_like_a_preposition() -> None:
    text = "وفي حديث للصحفيين، قال بلقاسم (31 عاما) إن فيلمه الثاني سيصور في الجنوب."
    assert speaker_of(text, "فيلمه الثاني") == "بلقاسم"


def test_a_quoted_name_after_a_role_is_part_of_the_speaker() -> None:
    text = "وقال رئيس \"جمعية حماية المستهلك\"، سليم العبادي، إن الأسعار ارتفعت بشكل غير مبرر."
    found = quotes(text, full=True)
    assert [q.text for q in found] == ["الأسعار ارتفعت بشكل غير مبرر"]
    assert found[0].speaker.name == "سليم العبادي"


def test_a_quotation_ending_the_headline_is_not_what_the_next_line_reports() -> None:
    text = "اتفاق مبدئي بين الحكومة و\"جبهة الإنقاذ الوطني\"\nأعلنت الوساطة القطرية، مساء الأحد، التوصل إلى اتفاق مبدئي بين الطرفين."
    assert not [q for q in quotes(text) if q.text.startswith("جبهة")]


def test_a_place_of_posting_may_open_the_clause() -> None:
    text = "وعلى منصة \"إكس\"، كتب النائب فهد العتيبي أن القرار \"خطوة في الاتجاه الصحيح\"."
    assert speaker_of(text, "القرار") == "فهد العتيبي"
    assert quotes("وفي المكتبة كتب الطالب أن الدرس صعب جدا.") == []
