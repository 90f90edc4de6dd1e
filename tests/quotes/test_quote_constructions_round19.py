"""Round 19 (blind set 34): a statement issued at the end of talks speaks (بيان مشترك أكد "…"), and a
fronted subject ends before a time phrase (وكان تقرير … الشهر الماضي قد حذر). Our own sentences."""

from __future__ import annotations

from tests.quotes.quote_helpers import only, speaker_of


def test_a_nominative_statement_before_its_verb_is_the_subject() -> None:
    text = 'وعقد الجانبان جلسة مباحثات موسعة، صدر في ختامها بيان مشترك أكد "التزام البلدين بتسريع تنفيذ المشروع".'
    assert only(text).speaker.name == "بيان مشترك"
    # بيانا (accusative) is the issuer's object: the issuer speaks
    assert only("وأصدرت الوزارة بيانا أكدت فيه أن الوضع مستقر.").speaker.name == "الوزارة"


def test_a_fronted_subject_ends_before_a_time_phrase() -> None:
    text = (
        "وقال الخبير إن السوق مستقر. وكان تقرير صادر عن وكالة تصنيف دولية الشهر الماضي قد حذر من أن "
        'المعروض "قد يفوق قدرة السوق".'
    )
    assert "الشهر" not in speaker_of(text, "المعروض")


def test_a_quoted_company_name_in_the_apposition_does_not_hide_the_narrated_person() -> None:
    text = (
        "وقال الخبير كريم حداد إن السوق مستقرة. في المقابل، رفض المطور العقاري سلطان المهيري، رئيس مجلس "
        'إدارة شركة "رمال للتطوير"، الحديث عن فقاعة، وقال: «المقارنة مع 2008 غير دقيقة».'
    )
    assert speaker_of(text, "المقارنة", full=True) == "سلطان المهيري"
