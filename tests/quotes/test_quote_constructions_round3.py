"""Constructions from a fourth blind held-out set: و + رد "replied" against the written cue ورد,
a setting noun after في that starts with the cue's preposition (أفاد في بلاغ بأن), a cue verb in a
relative clause on an indefinite document noun (مشروع قرار يدعو إلى), and a question verb (تساءل)
whose quoted words hold a cue of their own. Sentences written for these tests (fictional)."""

from __future__ import annotations

import pytest
from quote_helpers import only, quotes

# -- 1. ورد = و + رد "replied" when a subject and بأن / قائلا / a colon follow -----------------------


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("انتقد النائب الخطة بشدة. ورد وزير المالية بأن الخطة ستخفض العجز خلال عامين.", "وزير المالية", "الخطة ستخفض العجز"),
        ("ورد المتحدث باسم الشركة: نحن ملتزمون بكل العقود الموقعة مع الموردين.", "المتحدث باسم الشركة", "نحن ملتزمون بكل العقود"),
        ("وردت الوزيرة قائلة إن الحكومة لن تتراجع عن قرار رفع الأجور.", "الوزيرة", "الحكومة لن تتراجع"),
    ],
)
def test_wrd_replied_is_a_speech_cue(text: str, speaker: str, content: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.name == speaker
    assert content in q.text


@pytest.mark.parametrize(
    "text",
    [
        "ووردت أسماء المتهمين في لائحة طويلة قدمتها النيابة العامة.",
        "وجاء رد فعل الأسواق سريعا بعد الإعلان عن أرقام البطالة.",
        "ورد اسم الشركة مرتين في قائمة المتعاقدين مع البلدية.",
    ],
)
def test_wrd_mentioned_or_reaction_noun_is_no_quotation(text: str) -> None:
    assert quotes(text) == []


def test_in_reply_to_is_not_a_second_cue() -> None:
    q = only("وردا على سؤال بشأن الأسعار، قال الوزير إن الحكومة تتابع السوق يوميا.")
    assert q.speaker is not None and q.speaker.name == "الوزير"
    assert q.text.startswith("الحكومة تتابع")


def test_written_wrd_fi_still_makes_the_document_speak() -> None:
    q = only("وورد في التقرير السنوي أن نسبة البطالة ارتفعت في المدن الساحلية.")
    assert q.speaker is not None and "التقرير" in q.speaker.name


# -- 2. a setting after في is its object, not بـ + a noun (أفاد ... في بلاغ بأن) --------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وأفادت رئاسة البرلمان في بلاغ بأن الجلسة العامة ستعقد يوم الاثنين.", "رئاسة البرلمان"),
        ("وأفاد الوزير في بيان بأن الطريق الساحلي سيفتح الأسبوع المقبل.", "الوزير"),
    ],
)
def test_setting_after_fi_before_bianna(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.name == speaker
    assert q.text.startswith(("الجلسة", "الطريق"))


def test_prefixed_preposition_content_still_read() -> None:
    q = only("وأفادت الوزارة بوصول الشحنة الأولى من اللقاحات إلى الميناء.")
    assert q.text.startswith("بوصول")


# -- 3. a cue verb qualifying an indefinite document noun is a relative clause ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "ويناقش البرلمان مشروع قانون يدعو إلى خفض الضرائب على الشركات الصغيرة.",
        "واعتمد المجلس مشروع قرار جديد يطالب بانسحاب القوات من المنطقة.",
        "وقدمت المعارضة اقتراحا يدعو إلى انتخابات مبكرة في الربيع المقبل.",
    ],
)
def test_document_relative_clause_is_no_quotation(text: str) -> None:
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("ودعا الوزير إلى الهدوء وضبط النفس في الأحياء الشرقية.", "الوزير"),
        ("رئيس الوزراء دعا إلى الحوار الوطني الشامل بين الأطراف.", "رئيس الوزراء"),
        ("وأصدرت الوزارة بيانا يؤكد أن الإمدادات مستمرة دون انقطاع.", "الوزارة"),
    ],
)
def test_real_calls_and_statements_still_quoted(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.name == speaker


def test_relative_clause_inside_content_does_not_cut_it() -> None:
    q = only("وقال الوزير إن بلاده تدعم مشروع قرار يدعو إلى هدنة فورية في الإقليم.")
    assert q.text.endswith("هدنة فورية في الإقليم")


# -- 4. a question verb before marks: the cue inside the question belongs to the quoted speech -----


def test_question_verb_owns_its_quoted_question() -> None:
    text = "وتساءل النائب خالد المنصوري خلال الجلسة: «كيف يمكن للوزارة أن تتحدث عن إصلاح التعليم والمدارس بلا معلمين؟»."
    q = only(text)
    assert q.speaker is not None and q.speaker.name == "خالد المنصوري"
    assert q.text.startswith("كيف يمكن للوزارة")


def test_question_with_inner_say_verb_is_one_quotation() -> None:
    q = only("وتساءلت سلمى الراشد: «لماذا تقول الحكومة إن الأسعار مستقرة بينما يعاني الناس كل يوم؟».")
    assert q.speaker is not None and q.speaker.name == "سلمى الراشد"
