"""Round 20 (blind set 39): علي spelled with ي is a given name, not the preposition; a family name
after a compound given name (عز الدين بلقاسمي) is a name, not ب + noun; a statement closed "by
stressing that" (ختمت الوزارة بيانها بالتأكيد على أن). All sentences are our own."""

from __future__ import annotations

from tests.quotes.quote_helpers import quotes, speaker_of


def test_ali_spelled_with_ya_is_a_speaker() -> None:
    text = (
        "وروى شاب عرف نفسه باسم علي تجربته مع المرض. \"ظللت عامين أقنع نفسي بأنني متعب»، قال علي، "
        'مضيفا أن أول جلسة كانت "أصعب خطوة".'
    )
    assert [q.speaker.name for q in quotes(text)] == ["علي", "علي"]
    # على (the preposition) still opens no speaker
    (q,) = quotes("«الطريق مغلق منذ الصباح الباكر»، قال على الهاتف.")
    assert q.speaker is None


def test_a_family_name_after_a_compound_given_name() -> None:
    text = 'وقال عز الدين بلقاسمي إن المرحلة صعبة. وتوقع بلقاسمي أن تكون المرحلة الأخيرة "معركة ثوان".'
    assert speaker_of(text, "تكون").endswith("بلقاسمي")


def test_closing_a_statement_by_stressing_that() -> None:
    text = 'وقالت وزارة الصحة إن الحملة مستمرة. وختمت الوزارة بيانها بالتأكيد على أن جميع الاستشارات "تتم بسرية تامة".'
    found = [q for q in quotes(text) if q.text.startswith("جميع")]
    assert len(found) == 1 and found[0].speaker.name in ("وزارة الصحة", "الوزارة")
