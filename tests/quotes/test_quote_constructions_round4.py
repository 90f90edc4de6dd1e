"""Constructions from a fifth blind held-out set: a stance participle with a verbal-noun object after
an adjunct (مستبعدا في الوقت نفسه تأجيل …), verbs whose bare object is no reported content (انتقد،
كشف), a subject before an auxiliary (الوزير كان قد أقر بأن), a long setting description before أن,
وصف with an object pronoun (ووصفه X بأنه) and «…»، هكذا لخص X. Sentences written for these tests
(fictional)."""

from __future__ import annotations

import pytest
from quote_helpers import only, quotes

# -- 1. a stance participle after a comma takes a verbal-noun object, adjuncts skipped ------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("قال مدير المصنع سمير الحداد إن الإنتاج سيستأنف قريبا، مستبعدا في الوقت نفسه تسريح أي عامل.", "تسريح أي عامل"),
        ("قال مدير المصنع سمير الحداد إن الإنتاج سيستأنف قريبا، مرجحا انتهاء الأشغال قبل الصيف.", "انتهاء الأشغال قبل الصيف"),
        ("قال مدير المصنع سمير الحداد إن الإنتاج سيستأنف قريبا، مستبعدا إغلاق الفروع الكبرى هذا العام.", "إغلاق الفروع الكبرى"),
        ('قال مدير المصنع سمير الحداد إن الإدارة "تتابع الوضع يوميا"، مستبعدا في الوقت ذاته إلغاء العقود الموقعة.', "إلغاء العقود الموقعة"),
    ],
)
def test_stance_participle_with_a_verbal_noun_object(text: str, content: str) -> None:
    found = [q for q in quotes(text) if q.text.startswith(content)]
    assert len(found) == 1, [q.text for q in quotes(text)]
    assert found[0].speaker is not None and found[0].speaker.name == "سمير الحداد"


def test_a_participle_after_a_feminine_bare_object_verb_keeps_the_carried_speaker() -> None:
    text = ("قال مدير الهيئة سمير الحداد إن التحاليل الأخيرة كشفت نسبة عالية من الرصاص في المياه، "
            "داعيا السكان إلى غلي الماء قبل شربه.")
    found = [q for q in quotes(text) if "السكان" in q.text]
    assert len(found) == 1 and found[0].speaker is not None and found[0].speaker.name == "سمير الحداد"


def test_a_participle_used_as_an_adjective_is_still_no_cue() -> None:
    assert quotes("وسجلت المستشفيات حالات مؤكدة جديدة في ثلاث مدن خلال الأسبوع الماضي.") == []


# -- 2. انتقد / كشف + a bare noun object is narration, not reported content ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "وانتقد النائب فؤاد العلي سياسات الحكومة الاقتصادية في الأشهر الأخيرة بشدة.",
        "وكشفت التحاليل المخبرية الأخيرة نسبة عالية من الرصاص في مياه الشرب بالمدينة.",
    ],
)
def test_bare_object_of_criticize_or_reveal_is_no_quotation(text: str) -> None:
    assert quotes(text) == []


def test_revealing_with_a_content_clause_is_still_a_quotation() -> None:
    q = only("وكشف وزير النقل هشام الفاسي أن الحكومة ستفتح ثلاثة موانئ جديدة العام المقبل.")
    assert q.text.startswith("الحكومة ستفتح")


def test_a_participle_after_criticize_takes_its_subject() -> None:
    text = ("قال الوزير كمال الهاشمي إن الوضع صعب. وفي المقابل، انتقد رئيس الحزب المعارض، جميل الصافي، "
            "سياسات الحكومة الاقتصادية، معتبرا أن الأسعار ارتفعت كثيرا.")
    found = [q for q in quotes(text) if q.text.startswith("الأسعار ارتفعت")]
    assert len(found) == 1 and found[0].speaker is not None and found[0].speaker.name == "جميل الصافي"
    assert not any(q.text.startswith("سياسات") for q in quotes(text))


# -- 3. a subject before كان قد; a long setting description before أن ------------------------------


def test_subject_before_an_auxiliary_inside_a_quotation() -> None:
    text = "وأشارت النائبة إلى أن وزير المالية كان قد أقر في مقابلة تلفزيونية بأن الميزانية تعاني عجزا كبيرا."
    inner = [q for q in quotes(text) if q.text.startswith("الميزانية تعاني")]
    assert len(inner) == 1 and inner[0].speaker is not None and inner[0].speaker.name == "وزير المالية"


def test_a_long_setting_description_before_the_complementizer() -> None:
    text = ("قال الوزير كمال الهاشمي إن المفاوضات صعبة. وأوضح الهاشمي في مؤتمر صحفي عقده مساء الخميس "
            "بعد انتهاء الجولة الأولى من اللقاءات الرسمية أن الجانبين اتفقا على تشكيل لجنة مشتركة.")
    found = [q for q in quotes(text) if q.text.startswith("الجانبين اتفقا")]
    assert len(found) == 1 and found[0].speaker is not None and found[0].speaker.name == "كمال الهاشمي"


# -- 4. وصف with an object pronoun; «…»، هكذا لخص X -------------------------------------------


def test_describe_with_an_object_pronoun() -> None:
    q = only("ووصفته الوزيرة ليلى الساعدي بأنه مشروع وطني سيغير وجه المنطقة.")
    assert q.speaker is not None and q.speaker.name == "ليلى الساعدي"
    assert q.text.startswith("مشروع وطني")


def test_describe_as_a_noun_is_no_cue() -> None:
    assert quotes("وقد أثار وصفه للأزمة جدلا واسعا بين النواب في جلسة الأمس.") == []


def test_so_summed_up_after_a_quotation() -> None:
    q = only("«لن نتراجع عن مطالبنا مهما طال الزمن»، هكذا لخص النقابي سامي العبدلي موقف العمال أمام الصحفيين.")
    assert q.type == "direct" and q.text.startswith("لن نتراجع")
    assert q.speaker is not None and q.speaker.name == "سامي العبدلي"
