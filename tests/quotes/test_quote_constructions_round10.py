"""Round 10 (blind set 14): time clauses (قبل أن) are no content, outlets such as a radio station
are addressees, عزا/يعزو ... إلى is a stance cue (but the name عزت is not), an issuer's عن is not the
cue's preposition, and a verb coordinated with the narration (هنأ X منافسه، وقال) takes its
subject. All sentences are our own."""

from __future__ import annotations

from tests.quotes.quote_helpers import quotes, speaker_of


def test_a_time_clause_is_not_reported_content() -> None:
    found = quotes("ويبلغ منسوب النهر ذروته خلال أسبوعين قبل أن يبدأ في الانخفاض التدريجي.")
    assert found == []


def test_a_radio_station_addressed_is_not_the_speaker() -> None:
    text = "وقال المحامي طارق منصوري لإذاعة محلية إن موكله يريد الرحيل هذا الصيف."
    assert speaker_of(text, "موكله يريد") == "طارق منصوري"


def test_attributing_to_is_a_stance_but_the_name_ezzat_is_no_cue() -> None:
    text = "من جانبه، يعزو رئيس الجمعية ماجد الطراونة هذا الارتفاع إلى غلاء الأراضي المخصصة للبناء."
    assert speaker_of(text, "هذا الارتفاع") == "ماجد الطراونة"
    text = "ورأى المحلل كريم عزت، الباحث في مركز الدراسات، أن العائد لن يظهر قبل سنوات."
    assert speaker_of(text, "العائد لن") == "كريم عزت"


def test_the_issuers_preposition_is_not_the_cues() -> None:
    text = "كشف تقرير صادر عن المكتب الوطني للإحصاء، اليوم الأحد، أن الأسعار ارتفعت بنسبة عشرة في المئة."
    assert speaker_of(text, "الأسعار ارتفعت") == "المكتب الوطني للإحصاء"


def test_a_verb_coordinated_with_the_narration_takes_its_subject() -> None:
    text = (
        "وقال زعيم التجمع يوسف الدباغ إن الفوز مستحق. "
        "في المقابل، هنأ رئيس حزب النهضة، سليمان القاسمي، منافسه بالفوز، وقال في مؤتمر صحفي إن النتيجة رسالة واضحة."
    )
    assert speaker_of(text, "النتيجة رسالة", full=True) == "سليمان القاسمي"
