"""Round 23 (blind sets 49, 50): verbs that are mostly not speech in a given form (يبلغ "amounts
to", أظهروا "showed"), a cue with only a pronoun complement, an object that would start with a
preposition. Our own sentences."""

from __future__ import annotations

from tests.quotes.quote_helpers import only, quotes, speaker_of


def test_the_present_of_ablagh_amounts_to() -> None:
    text = (
        "وأشار الوزير إلى أن الشركة ستشغل سفينتين بطاقة إجمالية تبلغ 1800 حاوية أسبوعيا، "
        "على أن ترتفع إلى أربع سفن بحلول عام 2028."
    )
    q = only(text)
    assert q.speaker.name == "الوزير" and q.text.endswith("2028")


def test_showing_good_conduct_is_not_speech() -> None:
    text = (
        'وأوضحت الرئاسة أن العفو يشمل المحكومين ممن قضوا نصف مدة عقوبتهم وأظهروا "سلوكا حسنا واستعدادا للاندماج"، '
        "ولا يشمل المدانين في قضايا الإرهاب."
    )
    q = only(text)
    assert q.type == "mixed" and q.text.endswith("الإرهاب")
    # with a complementizer أظهر still reports what a study showed
    assert only("وأظهرت دراسة حديثة أن نصف الأسر تعاني من الديون.").speaker.name == "دراسة حديثة"


def test_a_cue_with_only_a_pronoun_complement_reports_nothing() -> None:
    q = only("وأفادت مصادر مطلعة بأن قائمة ثانية قيد الدراسة، وقد يعلن عنها قبل عيد الأضحى.")
    assert q.speaker.name == "مصادر مطلعة" and q.text.endswith("الأضحى")


def test_an_announced_truce_is_no_speaker() -> None:
    assert quotes("ويشار إلى أن الهدنة الأممية الأولى في اليمن أعلنت في أبريل 2022 واستمرت ستة أشهر.") == []


def test_an_article_of_law_stipulates() -> None:
    q = only("وتنص المادة الثالثة من القانون على أن يعاقب بالحبس كل من يقود مركبة تحت تأثير المخدرات.")
    assert q.speaker.name == "المادة الثالثة من القانون" and q.text.startswith("يعاقب")
    assert only("وتنص المادة 33 من القانون المعدل على أن يعاقب بالحبس كل من يقود مركبة.").text.startswith("يعاقب")


def test_a_delegate_to_a_body_then_the_accused() -> None:
    text = 'بدوره، اتهم مندوب اليمن لدى الأمم المتحدة وليد عبده الشرجبي جماعة الحوثي بـ"عرقلة كل المبادرات".'
    q = only(text)
    assert q.speaker.name == "وليد عبده الشرجبي" and q.text.startswith("جماعة")


def test_upon_his_arrival_is_no_part_of_the_speaker() -> None:
    assert only("وقال الوزير لدى وصوله إلى المطار إن الزيارة مهمة للبلدين.").speaker.name == "الوزير"
    text = "وقال مندوب فرنسا لدى الأمم المتحدة إن المجلس سيجتمع غدا."
    assert only(text).speaker.name == "مندوب فرنسا لدى الأمم المتحدة"


def test_a_statement_of_an_office_names_the_office() -> None:
    q = only("وجاء في بيان لمكتب رئيس الوزراء أن لجنة وزارية عليا ستراجع إجراءات السلامة في المستشفيات.")
    assert q.speaker.name == "مكتب رئيس الوزراء"
    q = only("وجاء في البيان الختامي أن اللجنة ستراجع إجراءات السلامة في المستشفيات.")
    assert q.speaker.name == "البيان الختامي"


def test_a_place_noun_after_a_role_finds_no_holder() -> None:
    text = (
        "نقيب الأطباء في المدينة: لن نعود إلى العمل قبل ضمان حمايتنا\n"
        "وقال نقيب أطباء المدينة الدكتور حيدر الساعدي إن الأطباء يعملون تحت التهديد.\n"
        "في المقابل، أكد مدير عام صحة المدينة عباس الموسوي أن الإدارة تتفهم المطالب."
    )
    assert speaker_of(text, "لن نعود", full=True) != "عباس الموسوي"


def test_an_agency_relaying_between_commas() -> None:
    text = "وقال الوزير إن الاتفاق مهم. وأضاف الوزير، وفق ما نقلت عنه وكالة «إرنا»: «نحن نرى في الميناء شريكا استراتيجيا»."
    assert speaker_of(text, "نحن نرى") == "الوزير"


def test_in_answer_to_a_question_is_no_cue() -> None:
    text = "«الشراكة مع الصين ليست بديلا عن شراكاتنا الأخرى»، قال الوزير فيصل القحطاني ردا على سؤال حول موقف بلاده."
    assert [q.text[:7] for q in quotes(text)] == ["الشراكة"]


def test_a_plural_verb_takes_its_noun_as_object() -> None:
    text = "وقال المتعاملون إن السعر بلغ نحو 258 دولارا للطن، فيما استبعدوا مشاركة القمح الفرنسي بكميات كبيرة."
    assert speaker_of(text, "مشاركة") == "المتعاملون"


def test_a_speech_closed_with_a_call_without_marks() -> None:
    text = (
        "وقال نقيب الصيادلة عادل الجمال إن الأزمة خطيرة. "
        "وختم الجمال حديثه بالدعوة إلى إنشاء مخزون استراتيجي من الأدوية الحيوية يكفي ستة أشهر."
    )
    assert speaker_of(text, "إنشاء") == "عادل الجمال"
    q = only("واختتمت الوزيرة كلمتها بالتحذير من تداعيات الأزمة على الأسواق المحلية خلال الصيف.")
    assert q.speaker.name == "الوزيرة" and q.text.startswith("تداعيات")


def test_a_named_law_speaks_a_generic_one_does_not() -> None:
    q = only("وبحسب قانون انتخاب المجالس المحلية، يحق لأي قائمة الطعن في النتائج خلال ثلاثة أيام.")
    assert q.speaker.name == "قانون انتخاب المجالس المحلية" and q.speaker.kind == "document"
    assert quotes("ووفقا للقانون، يحق لأي قائمة الطعن في النتائج خلال ثلاثة أيام.") == []
