"""Round 8 (blind set 11): interviews printed as questions and answers (ج: is the interviewee),
a manner participle right after the cue, a reply to a topic whose participle carries the
subject, a noun after a subject pronoun (وهو طالب), anonymous sources before an aside on their
anonymity, and ما before a cue. All sentences are our own."""

from __future__ import annotations

from tests.quotes.quote_helpers import quotes, speaker_of

INTERVIEW = """وزير الزراعة: لا زيادة في أسعار الخبز هذا العام
الرباط - أكد وزير الزراعة كمال العلمي أن الحكومة لن ترفع أسعار الخبز، وذلك في حوار مع صحيفة محلية.
وفي ما يلي نص الحوار:
س: هل ستتأثر المحاصيل بالجفاف هذا العام؟
ج: نعم، ستتأثر بعض المناطق، لكن المخزون كاف لسنة كاملة. لا داعي للقلق.
س: وماذا عن الأسمدة؟
ج: الأسعار مستقرة. وقد أعلن وزير المالية سعيد الناصري أن الدعم سيستمر.
س: متى تنتهي الأزمة؟
ج: أتوقع تحسنا ملموسا في الربيع المقبل إذا هطلت الأمطار."""


def test_interview_answers_are_the_interviewees() -> None:
    found = quotes(INTERVIEW)
    answers = [q for q in found if q.text.startswith(("نعم، ستتأثر", "الأسعار مستقرة", "أتوقع تحسنا"))]
    assert len(answers) == 3
    # the last answer follows an answer that quoted someone else: it is still the minister's
    assert {q.speaker.name for q in answers if q.speaker} == {"كمال العلمي"}
    assert speaker_of(INTERVIEW, "الدعم سيستمر") == "سعيد الناصري"
    # the questions are the journalist's
    assert not [q for q in found if q.text.startswith(("هل ستتأثر", "متى تنتهي"))]


def test_a_manner_participle_after_the_cue_is_not_the_speaker() -> None:
    text = 'أما المزارع سالم العبيدي فقال إن السيول أتلفت محصوله. وأضاف متسائلا: "من سيعوضنا عن خسائرنا؟".'
    assert speaker_of(text, "من سيعوضنا") == "سالم العبيدي"


def test_a_reply_to_a_topic_lends_its_subject_to_the_participle() -> None:
    text = "قال النائب عادل ناصر إن الأرقام غير دقيقة. ورد الوزير على مداخلات النواب قائلا: نحن لا نخفي شيئا عن أحد."
    assert speaker_of(text, "نحن لا نخفي") == "الوزير"


def test_a_noun_after_a_subject_pronoun_is_no_cue() -> None:
    text = "«سأترك الجامعة إن لم يتغير شيء»، قال عمر الحسيني، وهو طالب في السنة الثالثة بكلية الهندسة."
    assert [q.text for q in quotes(text)] == ["سأترك الجامعة إن لم يتغير شيء"]


def test_an_anonymous_source_before_an_aside_on_anonymity() -> None:
    text = (
        "أكد المبعوث رشيد بلقاسم أن بلاده لن تدخر جهدا. غير أن دبلوماسيا غربيا مطلعا على المفاوضات، "
        "تحدث شريطة عدم الكشف عن هويته، قال إن الخلاف أعمق مما يبدو."
    )
    assert speaker_of(text, "الخلاف أعمق") == "دبلوماسي غربي"


def test_what_a_source_says_is_not_its_speaker() -> None:
    text = (
        "أعلنت نقابة الطيارين إضرابا مفتوحا. وألغت الشركة عشرات الرحلات احتجاجا من النقابة على ما تقول "
        "إنه تأخر في صرف المستحقات."
    )
    found = [q for q in quotes(text) if q.text.startswith("تأخر")]
    assert len(found) == 1 and found[0].speaker is not None and "ما" not in found[0].speaker.name.split()
