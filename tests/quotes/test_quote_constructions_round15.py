"""Round 15 (blind sets 22 and 23): objects that agree with no singular verb, nouns that begin like
و + ال, participles of anonymity and of manner, quotations closed with another family's mark, the
person asked in an interview answering next, statements "in which" their issuer calls for
something, and relative clauses about the thing called for. All sentences are our own."""

from __future__ import annotations

from qala.quotes.marks import pair_marks
from tests.quotes.quote_helpers import only, quotes, speaker_of


def test_an_oblique_plural_or_a_feminine_institution_after_a_masculine_verb_is_its_object() -> None:
    text = "وقال وزير الزراعة كمال الدباغ إن الموسم جيد. ودعا المزارعين إلى \"ترشيد استهلاك المياه\"."
    assert speaker_of(text, "ترشيد") == "كمال الدباغ"
    text = "وأكد المدير سامي الخوري أن الشركة تخطط للتوسع. ودعا الحكومة إلى خفض الضرائب."
    assert speaker_of(text, "خفض") == "سامي الخوري"
    # الأمين is a role, not a plural: it stays the subject
    assert speaker_of("ودعا الأمين العام للحزب الأعضاء إلى الهدوء.", "الأعضاء", full=True) == "الأمين العام للحزب"


def test_words_that_begin_like_a_conjunction_and_the_article_are_nouns() -> None:
    assert only("وقال والد أحد اللاعبين إن الملعب غير آمن.").speaker.name == "والد أحد اللاعبين"
    assert only("وقال والي الولاية إن الطرق مغلقة.").speaker.name == "والي الولاية"
    # the conjunction before an article still goes
    assert speaker_of("وصل الوفد، والقوات الأمنية أكدت أن الطريق آمن.", "الطريق") == "القوات الأمنية"


def test_a_definite_noun_after_a_definite_role_is_the_call_verbs_object() -> None:
    text = "وقال الوالي صابر التوم إن الأمطار غزيرة. وطالب الوالي الحكومة المركزية والمنظمات الدولية بإرسال فرق طبية."
    found = [q for q in quotes(text, full=True) if q.text.startswith("الحكومة المركزية")]
    assert len(found) == 1 and found[0].speaker.name == "صابر التوم"


def test_anonymity_participles_hide_the_name_and_are_no_cue() -> None:
    q = only("وقال موظف في البلدية، طالبا عدم الكشف عن اسمه، إن الطريق أغلق منذ يومين.")
    assert q.speaker.name == "موظف في البلدية" and q.text.startswith("الطريق")
    q = only("وقالت موظفة، مفضلة عدم الكشف عن هويتها، إن الرواتب تأخرت.")
    assert q.speaker.name == "موظفة" and q.text.startswith("الرواتب")
    # a participle with another object is an ordinary stance cue
    assert [x.text for x in quotes("وقال النائب، رافضا الاتهامات، إن الحكومة فشلت.")][-1] == "الحكومة فشلت"


def test_an_expected_cue_with_only_its_object_reports_nothing() -> None:
    text = "وكشف مصدر في الوزارة أن اللجنة تدرس خطة جديدة، على أن يعلن عنها الشهر المقبل، دون أن يحدد موعدا."
    assert only(text).speaker.name == "مصدر في الوزارة"


def test_a_quotation_may_close_with_a_mark_of_another_family() -> None:
    text = 'قال المحامي: "موكلي لم يوقع على أي عقد»، ثم غادر القاعة.'
    spans = pair_marks(text, 0, len(text))
    assert [(text[s.open], text[s.close]) for s in spans if s.close is not None] == [('"', "»")]
    q = only("«نحن بين نارين، إذا رفعنا الأسعار هرب الزبون”، قال التاجر سمير الخالدي.")
    assert q.type == "direct" and q.text.endswith("الزبون") and q.speaker.name == "سمير الخالدي"
    # an unclosed mark with no closer after it still runs to the end of its paragraph
    assert only("وقال المدير: «سنفتح الفرع الجديد في الربيع").text.endswith("الربيع")


def test_the_addressee_after_a_speaker_is_not_part_of_it() -> None:
    assert only("«لن نستأنف الحكم»، قال المحامي الهواري للصحفيين.").speaker.name == "المحامي الهواري"


def test_a_feminine_manner_participle_is_no_speaker() -> None:
    text = "تحدثت الكاتبة سلمى الحايك عن طفولتها. وتعلق مبتسمة: «ما زلت أبحث عن تلك القرية»."
    assert only(text).speaker.name == "سلمى الحايك"
    text = "تحدثت الكاتبة سلمى الحايك عن طفولتها. وتقول ضاحكة: «ما زلت أبحث عن تلك القرية»."
    assert only(text).speaker.name == "سلمى الحايك"
    # a feminine role noun before a name is still the speaker
    assert only("وقالت مديرة المدرسة هند العلي: «الدوام مستمر».").speaker.name == "هند العلي"


def test_the_person_asked_or_narrated_in_the_sentence_before_speaks_next() -> None:
    text = (
        "وقالت لجنة الجائزة في بيان إن الرواية مميزة. في نهاية اللقاء، نسأل الكاتبة منى الحاج "
        'عما تكتبه الآن. تصمت قليلا ثم تقول: "رواية عن البحر".'
    )
    assert speaker_of(text, "رواية عن البحر", full=True) == "منى الحاج"
    text = (
        "وقالت وزارة الصحة إن الوضع تحت السيطرة. في مدرسة تحولت إلى مركز إيواء، تجلس فاطمة آدم، "
        "وهي أم لثلاثة أطفال. وتقول: “خسرنا كل شيء في ليلة واحدة”."
    )
    assert speaker_of(text, "خسرنا", full=True) == "فاطمة آدم"


def test_a_stance_participle_takes_a_simple_verbal_noun_as_object() -> None:
    text = "وقال الوزير سامي العلي إن الحكومة منفتحة على أي تعديل، نافيا وجود أي نية لرفع الضرائب."
    assert speaker_of(text, "وجود أي نية") == "سامي العلي"


def test_a_relayed_quotation_keeps_the_speakers_gender() -> None:
    text = (
        "وقال مدرب الفريق الأول سامر عبيدات إن فريقه جاهز. ونقلت صحيفة محلية عن مدرب الفريق الثاني "
        'خالد الرواشدة قوله إن فريقه "لا يخشى أحدا"، معتبرا أن الضغط "يقع على الخصم".'
    )
    assert speaker_of(text, "الضغط", full=True) == "خالد الرواشدة"
    text = (
        "وقال الوزير سامر عبيدات إن الحوار مستمر. ونقلت إذاعة محلية عن المتحدثة باسم الوزارة، "
        'هالة الكردي، قولها إن الباب "لم يغلق"، داعية النقابة إلى العودة. وتابعت: «نحن نتفهم الظروف».'
    )
    assert speaker_of(text, "نحن نتفهم", full=True) == "هالة الكردي"


def test_a_name_with_ibn_stays_whole_and_an_adverb_after_it_is_not_part_of_it() -> None:
    text = 'وقال المخرج كريم بن سالم إن الفيلم صعب. واشتكى بن سالم لاحقا من "ضعف التمويل" في البلاد.'
    assert speaker_of(text, '"ضعف', full=True) == "كريم بن سالم"


def test_a_relative_clause_about_what_was_called_for_is_no_quotation() -> None:
    text = "التزم المعلمون بالإضراب الذي دعت إليه نقابة المعلمين، في اليوم الأول من تحرك تقول النقابة إنه سيستمر."
    q = only(text)
    assert q.text == "سيستمر" and q.speaker.name == "نقابة المعلمين"


def test_a_statement_in_which_its_issuer_calls_for_something() -> None:
    text = (
        "وكانت الوزارة قد أصدرت بيانا مساء الأحد دعت فيه مديري المدارس إلى \"تسجيل الغياب بدقة\"، "
        "مذكرة بأن القانون يسمح بالحسم."
    )
    first, second = quotes(text)
    assert first.text.startswith("مديري المدارس إلى") and first.speaker.name == "الوزارة"
    assert second.text == "القانون يسمح بالحسم" and second.speaker.name == "الوزارة"
    # مذكرة after a preposition is a memo, not a cue
    assert only("وقال الوزير في مذكرة رسمية إن المدارس ستغلق.").speaker.name == "الوزير"


def test_estimates_name_their_owner_and_a_possessive_closes_a_content() -> None:
    q = only("وبحسب تقديرات برنامج الأغذية العالمي، فإن نصف السكان يعانون من الجوع.")
    assert q.speaker.name == "برنامج الأغذية العالمي" and q.text.startswith("نصف السكان")
    assert quotes("وبحسب التقديرات الأولية، فإن الخسائر كبيرة.") == []  # no owner: nobody speaks
    # حسب تقديره ("by his estimate") still closes the speaker's own content
    assert only("وقال الوزير إن الخسائر كبيرة، حسب تقديره.").text == "الخسائر كبيرة"


def test_a_headlines_second_clause_has_its_own_subject() -> None:
    text = 'ارتفاع الإصابات في البصرة والصحة العالمية تحذر من "موجة أوسع"\nقالت منظمة الصحة العالمية إن الوضع مقلق.'
    assert speaker_of(text, "موجة أوسع") == "منظمة الصحة العالمية"


def test_a_participle_after_the_subject_of_that_is_its_predicate() -> None:
    text = 'وقال الخبير سامي النمري إن الأسعار سترتفع. وأضاف أن الحكومة مطالبة بـ"مراجعة آلية التسعير" وربطها بشبكة حماية.'
    added = [q for q in quotes(text) if q.text.startswith("الحكومة")]
    assert len(added) == 1 and added[0].text.endswith("بشبكة حماية") and added[0].speaker.name == "سامي النمري"


def test_naql_without_a_source_is_moving_not_relaying() -> None:
    text = 'وقال والد أحد التلاميذ إن العائلات القادرة نقلت أبناءها إلى المدارس الخاصة، "أما نحن فلا نملك إلا الانتظار".'
    q = only(text)
    assert q.speaker.name == "والد أحد التلاميذ" and "الانتظار" in q.text
    assert only("ونقلت وكالة الأنباء عن الوزير قوله إن الحوار مستمر.").speaker.name == "الوزير"
    assert only("ونقلت مصادر مطلعة أن الوسيط قدم مقترحا جديدا.").speaker.name == "مصادر مطلعة"


def test_a_present_continuation_verb_after_its_subject_is_no_cue() -> None:
    text = 'وجاء في قرار الإحالة أن المتهمين يتابعون من أجل "تكوين عصابة إجرامية".'
    assert only(text).text.startswith("المتهمين يتابعون")
    assert speaker_of('وقال الوزير إن الوضع صعب. ثم يضيف: "لكننا سننجح".', "لكننا") == "الوزير"


def test_a_long_headline_label_speaks_from_its_conjoined_source() -> None:
    text = (
        "إضراب يشل المدارس في لبنان ورابطة الأساتذة: لن نعود إلى الصفوف قبل تصحيح الرواتب\n"
        "قالت رابطة أساتذة التعليم الثانوي في بيان إن الإضراب مستمر."
    )
    assert speaker_of(text, "لن نعود") in ("رابطة الأساتذة", "رابطة أساتذة التعليم الثانوي")


def test_a_coordinated_ministry_is_one_role() -> None:
    text = "وزير الخارجية والمغتربين: لن نقبل بالتدخل في شؤوننا\nقال وزير الخارجية والمغتربين سامي العلي إن بلاده لن تقبل."
    assert speaker_of(text, "لن نقبل") == "سامي العلي"


def test_a_role_of_an_organization_reads_its_genitive_and_its_name() -> None:
    text = 'الرئيس التنفيذي لبنك النور الوطني: أرباحنا تعكس "قوة الطلب"\nوقال الرئيس التنفيذي للبنك سمير الراوي إن الأرباح ارتفعت.'
    qs = quotes(text)
    assert [q.speaker.name for q in qs] == ["سمير الراوي", "سمير الراوي"]
    assert only("وقال الرئيس التنفيذي لشركة النور القابضة سمير الراوي إن الأرباح ارتفعت.").speaker.name == "سمير الراوي"


def test_a_quotation_opening_its_sentence_and_told_to_a_reporter() -> None:
    text = (
        "وقال الوزير إن الكهرباء ستتحسن. وفي السوق، كان سالم العبيدي يبيع الثلج. "
        "«الكهرباء تأتي ساعتين وتنقطع أربعا»، قال لمراسل الوكالة وهو يبتسم."
    )
    assert speaker_of(text, "الكهرباء تأتي", full=True) == "سالم العبيدي"


def test_a_present_verb_with_an_object_pronoun_after_a_long_topic() -> None:
    text = (
        "وقال المدرب إن الفريق جاهز. أما مساعده في الجهاز الفني وزميله السابق في المنتخب كريم الحداد، "
        'فيصفه بأنه "مدرب يعيش المباراة".'
    )
    assert speaker_of(text, "مدرب يعيش", full=True) == "كريم الحداد"


def test_an_organization_that_opens_the_sentence_speaks_in_its_coordinated_cue() -> None:
    text = 'وقال الوزير إن التعديل ضروري. وانتقدت كتلة التغيير النيابية المعارضة التعديل، وقالت في بيان إنه "لم يأت بجديد".'
    assert speaker_of(text, "لم يأت") == "كتلة التغيير النيابية"
