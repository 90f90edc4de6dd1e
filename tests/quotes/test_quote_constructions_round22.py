"""Round 22: given names missing from quote_first_names.txt (حميد، إسحاق …) and given names that are
also nouns or verbs (أمل "hope", "he hoped"; كامل "complete") after a title. Our own sentences."""

from __future__ import annotations

from tests.quotes.quote_helpers import only, speaker_of


def test_a_compound_given_name_keeps_its_first_part() -> None:
    q = only("قال وزير النفط الإيراني حميد رضا نوري إن الإنتاج سيرتفع الشهر المقبل.")
    assert q.speaker.name == "حميد رضا نوري"
    text = "قال المتحدث باسم جبهة الوفاق، آدم إسحاق أبكر، إن الجبهة قبلت الاتفاق."
    assert speaker_of(text, "الجبهة", full=True) == "آدم إسحاق أبكر"


def test_the_preposition_basm_starts_no_name() -> None:
    # باسم is also a given name; in "المتحدث باسم" it is "in the name of"
    q = only("وقال المتحدث باسم وزارة الصحة إن المستشفيات استقبلت عشرين مصابا.")
    assert q.speaker.name == "المتحدث باسم وزارة الصحة"


def test_a_given_name_that_is_also_a_verb_after_a_title() -> None:
    q = only("وقالت الوزيرة أمل الخطيب إن الخطة جاهزة للتنفيذ.")
    assert q.speaker.name == "أمل الخطيب" and q.text.startswith("الخطة")
    q = only("وقال الوزير كامل إبراهيم إن الخطة جاهزة للتنفيذ.")
    assert q.speaker.name == "كامل إبراهيم"
    # at the start of a clause أمل is still the verb "hoped"
    q = only("وأمل الرئيس أن تنتهي الأزمة قبل نهاية العام.")
    assert q.speaker.name == "الرئيس" and q.text.startswith("تنتهي")
