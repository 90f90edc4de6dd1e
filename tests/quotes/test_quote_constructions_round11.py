"""Round 11 (blind set 16): a quotation that opens its sentence belongs to the source named after it
(«...»، بحسب ما قال فلان), an expected act (من المنتظر أن تعلن) is no speaker's verb, bulleted
statements and rubric-led headlines (• الوزير فلان: ...، عاجل | الرئاسة: ...) have speakers, a city
before a colon is a dateline. All sentences are our own."""

from __future__ import annotations

from tests.quotes.quote_helpers import only, quotes, speaker_of


def test_a_quotation_opening_its_sentence_belongs_to_the_source_after_it() -> None:
    text = "وعاد الهدوء إلى المدينة.\n«انقطع الماء عن الحي كله منذ الفجر ولم يأت أحد»، بحسب ما قال سالم العتيبي، أحد سكان الحي، لمراسلنا."
    q = only(text)
    assert q.type == "direct" and q.text.startswith("انقطع الماء") and q.speaker.name == "سالم العتيبي"


def test_a_quoted_phrase_closing_a_cues_content_stays_with_the_cue() -> None:
    text = (
        "ونفت البلدية أن تكون أغلقت السوق، مؤكدة أن قرارها يأتي في إطار تنظيم الباعة، "
        "«وليس له علاقة بأي خلاف سياسي»، وفق ما صرح به مسؤول في البلدية."
    )
    # the quoted words end the content of مؤكدة أن: no separate quotation of the official
    assert not [q for q in quotes(text) if q.text.startswith("وليس له")]


def test_an_expected_act_is_not_the_speakers_verb() -> None:
    text = "ومن المنتظر أن تعلن اللجنة النتائج النهائية صباح الخميس، حسب ما أفادت به مصادر مطلعة."
    assert speaker_of(text, "تعلن اللجنة") == "مصادر مطلعة"


def test_bulleted_statements_have_their_speakers_even_with_long_titles() -> None:
    text = (
        "وفي ما يلي أبرز التصريحات:\n"
        "• وزير الداخلية سامي الخطيب: \"فرقنا تعمل منذ الساعات الأولى وتم إجلاء مئات العائلات\".\n"
        "- المدير العام للدفاع المدني العقيد سمير داود: نطلب من المواطنين الابتعاد عن مجاري الأودية.\n"
    )
    assert speaker_of(text, "فرقنا تعمل") == "سامي الخطيب"
    assert speaker_of(text, "نطلب من") == "سمير داود"


def test_a_rubric_before_a_headline_speaker_is_skipped() -> None:
    text = "عاجل | الرئاسة: تسخير كل الإمكانيات لإغاثة المتضررين من السيول\nعمان - تواصل فرق الإنقاذ عملها."
    assert speaker_of(text, "تسخير كل") == "الرئاسة"


def test_a_city_before_a_headline_colon_is_a_dateline() -> None:
    text = (
        "طنجة: انطلاق فرز الأصوات في الانتخابات الجزئية وسط جدل حول نسبة المشاركة\n"
        "وقال عبد الله الريفي، رئيس فرع الحزب بجهة طنجة، إن النسبة لا تعكس الحماس في الأحياء."
    )
    assert [q.text for q in quotes(text, full=True)] == ["النسبة لا تعكس الحماس في الأحياء"]


def test_a_role_word_that_is_also_a_given_name_stays_in_the_name() -> None:
    text = "ونفى محمد أمين الزواوي، منسق الحزب في الجهة، أن يكون حزبه قد استعمل أموال البلدية في الحملة."
    assert speaker_of(text, "يكون حزبه") == "محمد أمين الزواوي"


def test_a_purpose_cue_shares_the_subject_of_its_clause() -> None:
    text = (
        "وقال وزير الخارجية الأردني سمير الخطيب إن الحوار هو الحل. وقال نظيره الكيني جون أوتينو إن القرصنة تراجعت. "
        "وعاد الوزير الأردني ليؤكد أن بلاده ستواصل اتصالاتها مع جميع الأطراف."
    )
    assert speaker_of(text, "بلاده ستواصل") == "سمير الخطيب"


def test_a_negated_cue_after_a_particle_opens_its_own_quotation() -> None:
    text = "ونفى الوزير أن تكون هناك نية لخفض الدعم، لكنه لم يستبعد \"مراجعة أسعار بعض المنتجات النفطية\"."
    found = {q.text: q.speaker.name for q in quotes(text)}
    assert found == {"تكون هناك نية لخفض الدعم": "الوزير", "مراجعة أسعار بعض المنتجات النفطية": "الوزير"}


def test_a_narrated_person_speaks_in_the_next_sentence() -> None:
    text = (
        "وقالت الطبيبة ريم الصباغ إن الحالات تزداد. "
        "وفي قاعة الانتظار تحدثت أم خالد عن التغييرات التي طرأت على حياة الأسرة. "
        "وقالت: \"كنا نظن أن الوزن الزائد علامة صحة\". وتابعت: \"الآن نقرأ كل ملصق قبل الشراء\"."
    )
    assert speaker_of(text, "كنا نظن", full=True) == "أم خالد"
    assert speaker_of(text, "الآن نقرأ", full=True) == "أم خالد"


def test_a_sentence_that_reports_speech_introduces_no_narrated_speaker() -> None:
    text = (
        "وقال الكاتب العام للنقابة، الهادي الزواري، في تصريح أمام مستشفى شارل نيكول، إن المشاركة واسعة.\n"
        "وأوضح أن الأقسام الحيوية مستثناة من الإضراب."
    )
    first = speaker_of(text, "المشاركة واسعة", full=True)
    assert speaker_of(text, "الأقسام الحيوية", full=True) == first  # not the hospital's namesake


def test_a_glued_genitive_li_is_part_of_the_speaker_not_the_cues_preposition() -> None:
    text = "ودعا المكتب الإقليمي للمنظمة العربية للصحة، في بيان أصدره الأحد، الحكومات إلى \"فرض ضرائب أعلى على المشروبات السكرية\"."
    q = only(text)
    assert q.text.startswith("الحكومات إلى") and q.speaker.name == "المكتب الإقليمي للمنظمة العربية للصحة"


def test_an_emphatic_after_a_setting_is_part_of_the_setting() -> None:
    text = "وكشف البنك في المذكرة ذاتها عن توقعات بأن يسجل التضخم 14 في المئة بنهاية العام."
    assert speaker_of(text, "توقعات بأن") == "البنك"


def test_a_study_shows_but_pictures_do_not_speak() -> None:
    text = "وأظهرت الدراسة، التي نشرت في العدد الأخير من مجلة طبية وشملت أكثر من ستة آلاف تلميذ، أن ثلث المشاركين يعانون من زيادة الوزن."
    assert speaker_of(text, "ثلث المشاركين") == "الدراسة"
    assert quotes("وأظهرت الصور أن الحريق امتد إلى الطابق الثاني.") == []
    assert quotes("وظلت المدينة تنتظر المساعدات وقتا طويلا لتظهر نتائج الخطة.") == []


def test_a_casualty_toll_speaks_for_its_author() -> None:
    text = "وحسب آخر حصيلة للحماية المدنية، بلغ عدد الضحايا تسع وفيات و23 مصابا."
    assert speaker_of(text, "بلغ عدد") == "الحماية المدنية"
