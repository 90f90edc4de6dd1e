"""Speaker resolution, round 3: a person introduced by the narration of the cue's own sentence
(X، رأت أن / أمر القاضي X ...، مؤكدا أن), an apposition after the speaker (قالت أم سعيد، وهي ...),
a kunya name, a comma-separated adverbial after a post place (تحت صورة له) and a document whose
ل-phrase names what it is about, not its author. Every sentence is made up for these tests."""

from __future__ import annotations

from quote_helpers import speaker_of

# -- 1. a person named by the narration of the cue's sentence -----------------------------------

EARLIER = "وقال وزير النقل حسان المرزوقي إن القطار الجديد سيدخل الخدمة في الربيع.\n"


def test_participle_after_a_narrative_subject_takes_that_person() -> None:
    text = EARLIER + "من جهته، أحال النائب العام القاضي فارس الدباغ الملف إلى المحكمة، مؤكدا أن التحقيق سيشمل جميع المسؤولين.\n"
    assert speaker_of(text, "التحقيق سيشمل", full=True) == "فارس الدباغ"


def test_bare_verb_after_an_apposed_name_takes_that_person() -> None:
    text = EARLIER + "لكن الناشطة في جمعية حماية المستهلك، ريم السقا، رأت أن الأسعار ستكون مرتفعة، مشيرة إلى أن الفقراء لن يستفيدوا.\n"
    assert speaker_of(text, "الأسعار ستكون", full=True) == "ريم السقا"
    assert speaker_of(text, "الفقراء لن", full=True) == "ريم السقا"


def test_a_narrative_person_whose_title_disagrees_is_not_taken() -> None:
    text = EARLIER + "واستقبلت الوزيرة هدى الكيلاني الوفد في مكتبها، مؤكدا أن المشروع سيكتمل قريبا.\n"
    assert speaker_of(text, "المشروع سيكتمل", full=True) == "حسان المرزوقي"


# -- 2. apposition and kunya ---------------------------------------------------------------------


def test_apposition_after_a_kunya_is_not_the_speaker() -> None:
    text = "وفي المخيم، قالت أم سعيد، وهي أرملة تعيل خمسة أطفال: «لا نملك شيئا منذ أسبوع»."
    assert speaker_of(text, "لا نملك") == "أم سعيد"


def test_apposition_after_a_plain_name() -> None:
    text = "وقال سامي الحداد، وهو صاحب متجر صغير في السوق: «الأسعار ارتفعت كثيرا هذا الشهر»."
    assert speaker_of(text, "الأسعار ارتفعت") == "سامي الحداد"


# -- 3. an adverbial after a post place ----------------------------------------------------------


def test_adverbial_after_a_post_place_is_not_the_speaker() -> None:
    text = 'أما المدرب نفسه، فكتب على صفحته في فيسبوك، تحت صورة له مع اللاعبين: "سنعود أقوى في الموسم المقبل".'
    assert speaker_of(text, "سنعود أقوى") == "المدرب"


# -- 4. a document and what it is about ----------------------------------------------------------


def test_document_about_a_thing_is_the_source_with_the_article_spelling() -> None:
    text = "وبحسب الدراسة الأولية للمشروع، فإن تكلفة البناء ستتضاعف خلال عامين."
    assert speaker_of(text, "تكلفة البناء") == "الدراسة الأولية للمشروع"


def test_document_of_an_organization_keeps_its_author() -> None:
    text = "وبحسب التقرير السنوي للهيئة الوطنية للإحصاء، فإن عدد السكان ارتفع بنسبة اثنين في المائة."
    assert speaker_of(text, "عدد السكان") != "التقرير السنوي للهيئة الوطنية للإحصاء"
