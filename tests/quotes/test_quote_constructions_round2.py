"""Constructions from a third blind held-out set: cue forms read as nouns (ألف طالب وطالبة، كان طالبا),
object-frame stance cues (اتهم X بـ) and توعد بـ, تحدث عن + a topic, and anonymity appositions between
speaker and content («، فضل عدم ذكر اسمه،»). Sentences written for these tests (fictional)."""

from __future__ import annotations

import pytest
from quote_helpers import only, quotes

from qala.quotes.extract import Extractor
from qala.quotes.lexicon import lexicon
from qala.quotes.tokens import anonymity_appositions
from qala.text.normalize import norm

# -- 1. a cue form is a noun after a number, quantity word or copula, or before its own feminine ----


@pytest.mark.parametrize(
    "text",
    [
        "وشارك في المهرجان نحو ثلاثة آلاف طالب وطالبة من مختلف المدارس.",
        "وسجلت الجامعة 450 طالبا جديدا في كلية الزراعة هذا الخريف.",
        "وكان الشاب طالبا بكلية الحقوق قبل أن يهاجر إلى كندا.",
        "وكانت طالبا في المعهد العالي للموسيقى حين بدأت الغناء.",
        "واعتقلت الشرطة خمسة متهمين بسرقة المحلات في السوق القديم.",
        "ويحصل كل طالب على منحة شهرية طوال سنوات الدراسة.",
    ],
)
def test_cue_form_read_as_a_noun_is_no_quotation(text: str) -> None:
    assert quotes(text) == []


def test_noun_reading_does_not_cut_the_content() -> None:
    q = only("وأوضح مدير التعليم أن أكثر من ألف طالب وطالبة تقدموا للامتحان، وأن النتائج ستعلن غدا.")
    assert q.text.endswith("النتائج ستعلن غدا"), q.text
    assert q.speaker is not None and q.speaker.name == "مدير التعليم"


@pytest.mark.parametrize(
    "text",
    [
        "وطالب النقيب بزيادة أجور العمال في القطاع العام.",
        "وأكدت مصادر عدة أن الاجتماع سيعقد في موعده.",
        "وقال مسؤول آخر إن الطريق سيفتح خلال يومين.",
    ],
)
def test_the_verb_reading_stays(text: str) -> None:
    assert len(quotes(text)) == 1


# -- 2. اتهم X Y بـ: the accuser speaks, the accused and the charge are the content; توعد بـ ------


def test_accusation_splits_subject_and_object() -> None:
    text = "وقال القيادي سامي نور الدين بركاتي إن الحركة لن تنسحب. واتهم بركاتي الجيش بقصف السوق المركزي بالمدفعية."
    q = quotes(text)[-1]
    assert q.text.startswith("الجيش بقصف السوق"), q.text
    assert q.speaker is not None and q.speaker.name == "سامي نور الدين بركاتي"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("واتهمت النقابة الإدارة بتجاهل مطالب الموظفين منذ أشهر.", "الإدارة بتجاهل", "النقابة"),
        ("واتهم الوزير المعارضة بعرقلة مشروع قانون الموازنة في البرلمان.", "المعارضة بعرقلة", "الوزير"),
        ("وفي الجلسة الأولى، اتهمته النيابة بالاستيلاء على أموال البلدية.", "بالاستيلاء على أموال", "النيابة"),
    ],
)
def test_accuser_is_the_speaker(text: str, content: str, speaker: str) -> None:
    q = only(text)
    assert q.text.startswith(content), q.text
    assert q.speaker is not None and q.speaker.name == speaker


def test_accused_without_accuser_is_a_passive() -> None:
    assert quotes("واتهم بالفساد قبل عامين ثم غادر البلاد.") == []


def test_threat_participle_is_a_quotation() -> None:
    q = quotes("وقالت المحامية ليلى سعدون إن موكلها بريء، متوعدة بمقاضاة كل من نشر صوره على الإنترنت.")
    assert [x.text for x in q][-1].startswith("بمقاضاة كل من نشر"), [x.text for x in q]
    assert q[-1].speaker is not None and q[-1].speaker.name == "ليلى سعدون"


# -- 3. تحدث عن + a topic is not reported content ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "وأجرت الإذاعة حوارا مع المغنية تحدثت فيه عن بداياتها وأحلامها.",
        "وتحدث الكاتب في الندوة عن روايته الأخيرة.",
        "وتحدث المخرج كمال الزين عن فيلمه الجديد «صيف في الميناء» الذي صوره في ثلاث مدن ساحلية.",
    ],
)
def test_talking_about_a_topic_is_no_quotation(text: str) -> None:
    assert quotes(text) == []


def test_talking_about_with_a_content_clause_is_a_quotation() -> None:
    q = only("وتحدث رئيس البلدية عن أن الأشغال ستنتهي قبل نهاية الصيف.")
    assert q.text.startswith("الأشغال ستنتهي"), q.text


def test_a_long_complement_states_something() -> None:
    q = only("وتحدثت الصحف المحلية عن غضب واسع بين المزارعين بسبب تأخر صرف تعويضات موسم الجفاف الماضي.")
    assert q.text.startswith("غضب واسع"), q.text


# -- 4. «، فضل عدم ذكر اسمه،» between speaker and complementizer ------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("وقال مسؤول في وزارة النقل، فضل عدم ذكر اسمه، إن الخط الجديد سيفتتح في الربيع.", "الخط الجديد", "مسؤول في وزارة النقل"),
        ("وأكدت مصادر دبلوماسية، طلبت عدم الكشف عن هويتها، أن القمة تأجلت إلى موعد لاحق.", "القمة تأجلت", "مصادر دبلوماسية"),
        ("وقال مصدر أمني، رفض الكشف عن اسمه، إن التحقيق ما زال في بدايته.", "التحقيق ما زال", "مصدر أمني"),
    ],
)
def test_anonymity_apposition_is_skipped(text: str, content: str, speaker: str) -> None:
    q = only(text)
    assert q.text.startswith(content), q.text
    assert q.speaker is not None and q.speaker.name == speaker
    assert q.speaker.kind == "anonymous"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("وقال مسؤول، فضل عدم ذكر اسمه، إن الخط سيفتتح.", True),
        ("وقال مسؤول، فضلت عدم الكشف عن هويتها إن الخط سيفتتح.", True),
        # asks for something else: an ordinary apposition, not one that withholds a name
        ("وقال رئيس الجلسة، طلب من الحضور الهدوء، إن التصويت سيجري غدا.", False),
    ],
)
def test_anonymity_apposition_needs_a_withheld_name(text: str, found: bool) -> None:
    toks = Extractor(norm(text)).toks
    assert bool(anonymity_appositions(toks, lexicon())) is found
