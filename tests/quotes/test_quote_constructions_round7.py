"""Round 7 (blind set 10): evidence is no source unless it names its owner, feminine cues with
masculine plurals of people as addressees, expected (أن تكشف عن) cues, meetings that issue a
statement, accusative anonymous sources with a comma-set aside, participles after a reported
clause, manner participles of female speakers, رد/علق على + a topic. All sentences are our own."""

from __future__ import annotations

from tests.quotes.quote_helpers import quotes, speaker_of


def test_evidence_confirms_nothing_said() -> None:
    for text in (
        "وأكدت نتائج الفرز الأولي تقدم مرشح المعارضة في ثلاث دوائر من أصل خمس دوائر انتخابية.",
        "وأكدت صور التقطتها طائرات مسيرة تراجع منسوب البحيرة إلى أدنى مستوى منذ عقدين.",
        "وجاء ذلك بحسب ما أظهرته لافتات رفعها المحتجون أمام مقر البلدية صباح اليوم.",
    ):
        assert quotes(text) == [], text
    # a statement or a study is a source (documents speak); only evidence is not
    assert speaker_of("وأكد تقرير حديث أن البطالة تراجعت إلى ثمانية في المئة.", "البطالة تراجعت") is not None


def test_evidence_of_a_named_organization_is_that_organization_speaking() -> None:
    text = "وتشير أرقام الهيئة الوطنية للإحصاء إلى أن الصادرات ارتفعت بنسبة خمسة في المئة."
    assert speaker_of(text, "الصادرات ارتفعت") == "الهيئة الوطنية للإحصاء"
    text = "ووفق معطيات وزارة الفلاحة، فإن المحصول سيتراجع هذا العام بسبب الجفاف."
    assert speaker_of(text, "المحصول سيتراجع") == "وزارة الفلاحة"


def test_a_feminine_cue_does_not_take_men_as_its_subject() -> None:
    text = (
        "قالت وزيرة الصحة سعاد الحمدي إن اللقاح آمن تماما. "
        "ودعت أولياء الأمور إلى تطعيم أبنائهم قبل بداية العام الدراسي."
    )
    assert speaker_of(text, "تطعيم أبنائهم") == "سعاد الحمدي"
    # with a masculine verb the same noun may well be the subject
    text = "ودعا أولياء الأمور وزارة التربية إلى تأجيل الامتحانات أسبوعا واحدا."
    assert speaker_of(text, "وزارة التربية") == "أولياء الأمور"


def test_an_expected_cue_with_only_its_complement_reports_nothing() -> None:
    text = "وتوقعت المحللة ريم الصافي أن تكشف البنوك عن نتائجها الفصلية خلال الأسبوع المقبل."
    found = quotes(text)
    assert [q.speaker.name if q.speaker else None for q in found] == ["ريم الصافي"]
    # with its own content clause the inner cue still reports something said
    text = "ورجح المحلل سامي الفرا أن يعلن الوزير أن الضرائب لن ترتفع في العام المقبل."
    assert {q.speaker.name for q in quotes(text) if q.speaker} == {"سامي الفرا", "الوزير"}


def test_a_meeting_does_not_speak_for_its_statement() -> None:
    text = (
        "اختتم وزراء النقل العرب اجتماعهم في عمان أمس. "
        "وأكد البيان الختامي الصادر عن الاجتماع أن ربط شبكات السكك الحديدية أولوية مشتركة. "
        "وشدد على ضرورة توحيد معايير السلامة في الموانئ."
    )
    assert speaker_of(text, "ربط شبكات") == "البيان الختامي"
    assert speaker_of(text, "ضرورة توحيد") == "البيان الختامي"
    # an organization that issues a report still speaks for it
    assert speaker_of("وقال تقرير صادر عن وزارة النقل إن الحوادث تراجعت.", "الحوادث تراجعت") == "وزارة النقل"


def test_an_accusative_anonymous_source_before_an_aside() -> None:
    text = (
        "وقال المدير العام عماد الشريف إن المصنع ملتزم بكل المعايير. "
        "غير أن مسؤولا في الوزارة، طلب عدم الكشف عن هويته، قال إن المفتشين سجلوا مخالفات عديدة."
    )
    assert speaker_of(text, "المفتشين سجلوا") == "مسؤول في الوزارة"
    text = "لكن مصدرا حكوميا، فضل عدم ذكر اسمه، أكد أن المفاوضات متعثرة منذ أسابيع."
    assert speaker_of(text, "المفاوضات متعثرة") == "مصدر حكومي"


def test_a_participle_after_a_reported_clause_keeps_its_speaker() -> None:
    text = (
        "وأشار المدرب سامي العلوي إلى أن غياب المهاجم يوسف الحداد أضعف الهجوم كثيرا، "
        "لافتا إلى أن عودته لن تكون قبل شهر."
    )
    assert speaker_of(text, "عودته لن تكون") == "سامي العلوي"


def test_a_female_speakers_manner_participle_is_not_her_name() -> None:
    text = 'التقينا الروائية ليلى بن سالم في بيتها بتونس. وقالت بن سالم مبتسمة: "سأعود إلى الكتابة قريبا".'
    assert speaker_of(text, "سأعود إلى") == "ليلى بن سالم"
    # an organization noun of the same shape (منظمة) is not cut from the phrase
    assert speaker_of("وقال رئيس منظمة الصحة إن الوباء انحسر.", "الوباء انحسر") == "رئيس منظمة الصحة"


def test_replying_to_a_question_is_a_topic_not_a_quotation() -> None:
    text = 'ورد المدرب خالد الزين بحزم على سؤال أحد الصحفيين: "لن أستقيل".'
    assert [q.text for q in quotes(text)] == ["لن أستقيل"]
    assert quotes("وعلق الوزير على مطالب النقابات مساء أمس.") == []
    # with a content clause the same cue still quotes
    assert speaker_of("وعلق الوزير على ذلك بالقول إن الميزانية لا تسمح بأي زيادة.", "ذلك بالقول") == "الوزير"
