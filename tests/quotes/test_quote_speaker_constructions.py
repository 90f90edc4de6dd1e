"""Where a cue verb's subject is written: fronted topics (أما X فقال), auxiliaries (كان X قد قال),
pronoun-bearing particles (لكنها حذرت), adjuncts between verb and content (أفاد في نشرته بأن، وفقا
لصحيفة ...), a perspective sentence's subject (من جهته، أعرب X ...، وقال) and a speaker after the
quotation (تروي فلانة). Every sentence is made up for these tests."""

from __future__ import annotations

import pytest
from quote_helpers import quotes, speaker_of

from qala.quotes.extract import Extractor
from qala.quotes.frames import adjunct_end, fronted_subject
from qala.text.normalize import norm

# -- 1. fronted topic: أما X فقال ------------------------------------------------------------

TOPIC_ARTICLE = (
    "وقال رئيس البلدية كمال الساحلي إن أشغال الطريق ستنتهي قبل الصيف.\n"
    "أما مديرة المدرسة سعاد الهاشمي فقالت إن التلاميذ سيعودون إلى الأقسام يوم الأحد، مضيفة أن الحافلات جاهزة.\n"
    "أما الناطق الرسمي باسم الجمعية يوسف الدريدي فاعتبر أن القرار جاء متأخرا.\n"
    "أما المهندس نبيل القاسمي، وهو عضو في لجنة المتابعة، فأكد أن الجسر آمن.\n"
    "أما البلدية فقد أعلنت أن الماء سيعود مساء.\n"
)


@pytest.mark.parametrize(
    ("content", "speaker"),
    [
        ("التلاميذ سيعودون", "سعاد الهاشمي"),
        ("الحافلات جاهزة", "سعاد الهاشمي"),  # the carried speaker follows the topic, not the earlier one
        ("القرار جاء متأخرا", "يوسف الدريدي"),
        ("الجسر آمن", "نبيل القاسمي"),  # the apposition «، وهو ...،» is skipped
        ("الماء سيعود", "البلدية"),  # أما X فقد أعلنت
    ],
)
def test_fronted_topic_is_the_speaker(content: str, speaker: str) -> None:
    assert speaker_of(TOPIC_ARTICLE, content) == speaker


def test_a_fronted_place_or_pronoun_is_not_a_speaker() -> None:
    text = (
        "وقالت الوزيرة هالة السويدي إن الموسم الفلاحي جيد.\n"
        "أما في الجنوب فقال المحافظ رامي العبيدي إن المحاصيل تضررت.\n"
        "أما هي فقالت إن الدعم سيصل إلى كل الفلاحين.\n"
    )
    assert speaker_of(text, "المحاصيل تضررت") == "رامي العبيدي"
    assert speaker_of(text, "الدعم سيصل") == "هالة السويدي"  # أما هي: the feminine antecedent


# -- auxiliary: كان X قد قال ------------------------------------------------------------------


def test_subject_between_auxiliary_and_qad() -> None:
    text = (
        "وقال المدرب سامي الفرجاني إن الفريق جاهز للمباراة.\n"
        "وكان المرصد الوطني للمناخ قد أفاد في تقريره السنوي بأن درجات الحرارة ارتفعت.\n"
        "وكانت الكاتبة ريم السعدي قد أعلنت في وقت سابق أنها أنهت روايتها الثانية.\n"
    )
    assert speaker_of(text, "درجات الحرارة") == "المرصد الوطني للمناخ"
    assert speaker_of(text, "أنهت روايتها") == "ريم السعدي"


# -- 2. a particle carrying the subject pronoun -------------------------------------------------


@pytest.mark.parametrize("particle", ["لكنها", "ولكنها"])
def test_but_she_warned_resolves_to_the_feminine_antecedent(particle: str) -> None:
    text = (
        "وقال الخبير ماهر الزين إن الأسواق مستقرة.\n"
        f"من جهتها، رأت الباحثة نوال العمراني أن الأرقام مشجعة، {particle} حذرت من أن البطالة ما زالت مرتفعة.\n"
    )
    assert speaker_of(text, "البطالة ما زالت") == "نوال العمراني"


def test_but_he_complained_is_never_the_speaker_name() -> None:
    text = "وأوضح المزارع حسن العلوي أن المحصول جيد هذا العام، لكنه اشتكى من ارتفاع أسعار الأسمدة والبذور.\n"
    names = [q.speaker.name for q in quotes(text) if q.speaker]
    assert names and all(n == "حسن العلوي" for n in names)


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        ("وقال وزير المالية سامي الحداد إن العجز تراجع هذا العام، إلا أنه حذر من أن الديون ما زالت مرتفعة.", "العجز تراجع هذا العام", "الديون ما زالت مرتفعة"),
        ("وأوضحت الخبيرة نادية الكافي أن النمو بطيء، غير أنها أكدت أن الاستثمار يتحسن.", "النمو بطيء", "الاستثمار يتحسن"),
    ],
)
def test_a_particle_clause_is_a_new_quotation_of_the_same_speaker(sentence: str, first: str, second: str) -> None:
    qs = quotes(sentence)
    assert [q.text for q in qs] == [first, second]
    assert qs[0].speaker is not None and qs[1].speaker is not None
    assert qs[1].speaker.name == qs[0].speaker.name
    assert qs[1].speaker.resolution == "carried"


def test_a_sentence_opening_particle_never_lets_the_object_be_the_speaker() -> None:
    text = "وقالت النائبة هند الزواري إن المشروع مفيد للجهة. غير أنها انتقدت الحكومة بشدة بسبب تأخر التمويل.\n"
    qs = quotes(text)
    assert len(qs) >= 1
    assert all(q.speaker is not None and q.speaker.name == "هند الزواري" for q in qs)


@pytest.mark.parametrize(("sentence", "kind"), [
    ("وقال الوزير إن الخطة جاهزة، إلا أنه أكد أن التمويل ناقص.", "pronoun"),
    ("غير أنها حذرت من أن التمويل ناقص.", "pronoun"),
    ("لكنهم أكدوا أن التمويل ناقص.", "pronoun"),
    ("لكن الوزير أكد أن التمويل ناقص.", None),  # a noun subject after لكن: no pronoun
])
def test_anaphoric_particles(sentence: str, kind: str | None) -> None:
    ex = Extractor(norm(sentence))
    verb = max(i for i, t in enumerate(ex.toks) if t.text in ("اكد", "حذرت", "اكدوا"))
    found = fronted_subject(ex.toks, verb)
    assert (found.kind if found else None) == kind


# -- 3. adjuncts between the verb and the content ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        # a prepositional phrase whose object is indefinite (نشرته) and its adjective
        ("وقال المدير ماجد الصغير إن العمل مستمر. وأفاد المعهد الوطني للإحصاء في نشرته الفصلية بأن الأسعار استقرت.", "الأسعار استقرت", "المعهد الوطني للإحصاء"),
        # the subject after the phrase
        ("وأكد في كلمته الافتتاحية الوزير طارق البناني أن المعرض سيصبح سنويا.", "المعرض سيصبح", "طارق البناني"),
        ("وقال في وقت لاحق مصدر أمني إن المشتبه به اعتقل.", "المشتبه به", "مصدر أمني"),
    ],
)
def test_prepositional_phrase_is_skipped(sentence: str, content: str, speaker: str) -> None:
    assert speaker_of(sentence, content) == speaker


def test_outlet_attribution_between_verb_and_content_is_not_the_speaker() -> None:
    text = (
        "وقالت المخرجة سلوى النجار إن الفيلم سيعرض في الخريف.\n"
        "وكانت النجار قد صرحت، وفقا لمجلة «الشاشة» اللبنانية، بأنها صورت المشاهد في ثلاث مدن.\n"
        "وقالت، بحسب الإذاعة المحلية، إنها تعمل على فيلم وثائقي.\n"
    )
    assert speaker_of(text, "صورت المشاهد") == "سلوى النجار"
    assert speaker_of(text, "تعمل على فيلم") == "سلوى النجار"


def test_time_phrases_and_emphatic_adjectives_are_not_speakers() -> None:
    text = (
        "وقال رئيس النقابة مراد الجلاصي إن المفاوضات متوقفة.\n"
        "وأعلن الأسبوع الماضي أن الإضراب سيتواصل.\n"
        "وقال في الاجتماع نفسه إن الأجور لم تتغير منذ سنوات.\n"
        "وأكدت مساء الأحد الوزيرة سعاد المكي أن الحوار سيستأنف.\n"
    )
    assert speaker_of(text, "الإضراب سيتواصل") == "مراد الجلاصي"
    assert speaker_of(text, "الأجور لم تتغير") == "مراد الجلاصي"
    assert speaker_of(text, "الحوار سيستأنف") == "سعاد المكي"


def test_a_source_does_not_include_its_own_bulletin() -> None:
    text = "وأفاد المرصد الوطني للهجرة في نشرته الفصلية بأن عدد الوافدين تراجع.\n"
    assert speaker_of(text, "عدد الوافدين") == "المرصد الوطني للهجرة"


def test_ala_after_a_role_is_the_preposition_not_the_given_name() -> None:
    text = (
        "والتقى وزير الخارجية الليبي صالح المقريف نظيره المالطي في طرابلس.\n"
        "وفي المؤتمر الصحفي، شدد الوزير الليبي على أهمية فتح المعابر أمام المساعدات، لافتا إلى أن بلاده تتواصل مع الجميع.\n"
    )
    assert speaker_of(text, "أهمية فتح") == "صالح المقريف"
    assert speaker_of(text, "بلاده تتواصل") == "صالح المقريف"


def test_adjunct_end_spans_prepositions_attributions_and_stops_at_a_subject() -> None:
    def end_word(text: str) -> str:
        toks = Extractor(norm(text)).toks
        k = adjunct_end(toks, 0, len(toks))
        return toks[k].text if k < len(toks) else ""

    assert end_word("في تقريره الفصلي بأن الأسعار") == norm("بأن")
    assert end_word("ردا على سؤال حول الميزانية في البرلمان، الوزير") == "،"
    assert end_word("وفقا لمجلة «الشاشة» اللبنانية، بأنها") == "،"
    assert end_word("في المؤتمر الصحفي الوزير سامي") == norm("الوزير")
    assert end_word("سامي الحداد إن") == norm("سامي")  # no adjunct: unchanged
    assert end_word("باسم يوسف إن") == norm("باسم")  # باسم is also a given name


# -- 4. the subject of a perspective sentence's first clause -----------------------------------


def test_perspective_subject_carries_to_a_later_wa_verb_of_the_same_sentence() -> None:
    text = (
        "وقال وزير الاقتصاد التونسي فريد الماجري إن المباحثات كانت مثمرة.\n"
        "من جهته، أعرب الوزير الكندي عن ارتياحه لنتائج الزيارة، وقال: «نريد شراكة طويلة الأمد مع المنطقة». "
        "وتابع أن بلاده ستفتح مكتبا تجاريا في العاصمة.\n"
    )
    assert speaker_of(text, "نريد شراكة") == "الوزير الكندي"
    assert speaker_of(text, "بلاده ستفتح") == "الوزير الكندي"


def test_perspective_subject_with_an_attachment_before_the_name() -> None:
    text = (
        "وقال المدير سامر الخطيب إن الشركة تتوسع.\n"
        "من جهته، رحب الأمين العام للنقابة في ولاية صفاقس كريم الورتاني بالاتفاق، وقال إن العمال سيستفيدون منه.\n"
    )
    assert speaker_of(text, "العمال سيستفيدون") == "كريم الورتاني"


def test_perspective_pronoun_must_agree_with_the_cue() -> None:
    text = (
        "وقال المدير سامر الخطيب إن الشركة تتوسع.\n"
        "من جهتها، استقبلت الوزيرة منى الشامي الوفد، وقال: «هذه زيارة مهمة للطرفين».\n"
    )
    # من جهتها + masculine وقال: not the minister; the masculine antecedent
    assert speaker_of(text, "هذه زيارة") == "سامر الخطيب"


def test_without_a_perspective_phrase_the_previous_speaker_carries() -> None:
    text = (
        "وقال المدير سامر الخطيب إن الشركة تتوسع.\n"
        "واستقبل الوزير الكندي الوفد في مكتبه، وقال: «هذه زيارة مهمة للطرفين».\n"
    )
    assert speaker_of(text, "هذه زيارة") == "سامر الخطيب"


# -- 5. a speaker after the quotation with a narrative verb --------------------------------------


def test_narrative_verb_after_the_quotation() -> None:
    text = (
        "«سمعنا صوت الانفجار ثم انقطعت الكهرباء في الحي كله»، تروي سناء الورفلي، وهي معلمة تسكن قرب الميناء. "
        "وتضيف: «لم ننم تلك الليلة».\n"
        "«كانت الأمواج أعلى من أي وقت مضى هذا الشتاء»، يحكي الصياد عمار بلحاج.\n"
    )
    assert speaker_of(text, "سمعنا صوت") == "سناء الورفلي"
    assert speaker_of(text, "لم ننم") == "سناء الورفلي"
    assert speaker_of(text, "كانت الأمواج") == "عمار بلحاج"


def test_present_tense_verb_after_the_quotation_with_a_trailing_attribution() -> None:
    text = "«نحن نراهن على الشركات الصغيرة في المنطقة»، يقول المستثمر فادي الحلبي، وفق البيان نفسه.\n"
    assert speaker_of(text, "نحن نراهن") == "فادي الحلبي"
