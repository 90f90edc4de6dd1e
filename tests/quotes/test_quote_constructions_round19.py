"""Round 19 (blind set 34): a statement issued at the end of talks speaks (بيان مشترك أكد "…"), and a
fronted subject ends before a time phrase (وكان تقرير … الشهر الماضي قد حذر). Our own sentences."""

from __future__ import annotations

from tests.quotes.quote_helpers import only, quotes, speaker_of


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


def test_armed_forces_are_an_organization_not_a_role_before_a_name() -> None:
    text = (
        "أعلنت القوات البحرية الإماراتية، اليوم السبت، أن زوارق اعترضت ناقلة نفط. من جهته، قال المتحدث باسم "
        'وزارة الخارجية الإماراتية سالم عبيد الكتبي إن ما جرى "انتهاك صارخ".'
    )
    assert speaker_of(text, "زوارق", full=True) == "القوات البحرية الإماراتية"


def test_a_feeling_expressed_before_a_coordinated_cue_is_narration() -> None:
    text = (
        "وقال رئيس الاتحاد خالد العمري إن الدوري جاهز. من جانبها، عبرت قائدة فريق الأهلي رهف الخطيب عن "
        'سعادتها بالخطوة، وقالت: "الدوري الجديد حلم انتظرناه طويلا".'
    )
    assert speaker_of(text, "الدوري الجديد") == "رهف الخطيب"


def test_a_circumstance_right_after_the_cue_and_an_unexpected_event() -> None:
    text = (
        "من جهتها، قالت بطلة الفيلم سلمى الإدريسي إنها لم تتوقع يوما أن تصعد درج القصر. "
        'وتابعت والدموع في عينيها: "قبل عامين كنت أبيع الخبز".'
    )
    qs = quotes(text)
    assert [q.speaker.name for q in qs] == ["سلمى الإدريسي", "سلمى الإدريسي"]
    assert qs[0].text.startswith("لم تتوقع")
