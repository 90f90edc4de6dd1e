"""Speaker error classes seen on unseen articles: an object read as the subject (a relative
clause, a quantified addressee), a manner adjunct between verb and content, a family name before
a demonstrative object, a statement referring back to its issuer, and the named subject of a
sentence's first clause. Every sentence is made up for these tests."""

from __future__ import annotations

import pytest
from quote_helpers import quotes, speaker_of

from qala.quotes.extract import Extractor
from qala.quotes.frames import adjunct_end, never_subject
from qala.text.normalize import norm

# -- 1. the object of a stance/call verb is not its subject ------------------------------------

MINISTER = "وقال وزير الزراعة كمال الهاشمي إن المحصول وفير هذا العام.\n"


def test_relative_clause_after_a_denial_is_the_object() -> None:
    text = MINISTER + "ونفى ما نشرته بعض الصفحات عن تلف القمح في المخازن، مؤكدا أن المخزون يكفي حتى الربيع.\n"
    assert speaker_of(text, "ما نشرته") == "كمال الهاشمي"
    assert speaker_of(text, "المخزون يكفي") == "كمال الهاشمي"


@pytest.mark.parametrize("quantifier", ["جميع", "كافة", "كل"])
def test_quantified_addressee_of_a_call_verb(quantifier: str) -> None:
    text = "وأعربت الممثلة الأممية ليلى فرحات عن أسفها لتجدد الاشتباكات، ودعت " + quantifier + " الفصائل إلى وقف إطلاق النار فورا.\n"
    assert speaker_of(text, "وقف إطلاق") == "ليلى فرحات"


def test_subject_after_a_call_verb_still_speaks() -> None:
    text = "ودعت النقابة المعلمين إلى الالتزام بالإضراب يوم الاثنين.\n"
    # the object is part of the content (round 13; the development gold does the same with طالب X Y بـ)
    assert speaker_of(text, "المعلمين إلى الالتزام بالإضراب") == "النقابة"


@pytest.mark.parametrize(
    ("words", "cls", "expected"),
    [
        (["ما", "تردد"], "stance", True),
        (["الذي", "نشر"], "stance", True),
        (["جميع", "الاطراف"], "call", True),
        (["جميع", "الاطراف"], "stance", False),  # وأكد جميع المشاركين أن: a subject
        (["كل", "من", "الوزير"], "call", False),  # كل من X وY coordinates subjects
        (["الوزاره"], "call", False),
    ],
)
def test_never_subject(words: list[str], cls: str, expected: bool) -> None:
    assert never_subject([norm(w) for w in words], cls) is expected


# -- 2. a manner adjunct or circumstantial adverb is not the speaker ----------------------------


@pytest.mark.parametrize(
    "adjunct",
    ["بصوت خافت", "بنبرة حازمة", "بحزم", "بكل وضوح", "مبتسما", "ضاحكا"],
)
def test_manner_between_verb_and_content(adjunct: str) -> None:
    text = MINISTER + "ويضيف " + adjunct + " أن الأسعار ستنخفض قريبا.\n"
    assert speaker_of(text, "الأسعار ستنخفض") == "كمال الهاشمي"


def test_manner_adjunct_end_keeps_a_following_subject() -> None:
    ex = Extractor(norm("وقال بحزم الوزير إن القرار نهائي."))
    assert ex.toks[adjunct_end(ex.toks, 1, 4)].text == norm("الوزير")


def test_manner_after_the_subject_is_not_part_of_the_name() -> None:
    text = MINISTER + "وقال الهاشمي مبتسما إن المزارعين راضون.\n"
    assert speaker_of(text, "المزارعين راضون") == "كمال الهاشمي"


# -- 3. a name before a demonstrative object ------------------------------------------------------


def test_family_name_before_a_demonstrative_object() -> None:
    text = (
        "وقال المتحدث باسم الشرطة العقيد سامي نادر الفاضل إن التحقيق مستمر.\n"
        "وقال المحامي رضا الجبالي إن موكله بريء.\n"
        "في المقابل، وصف الفاضل هذه الرواية بأنها \"محض خيال\".\n"
    )
    assert speaker_of(text, "محض خيال") == "سامي نادر الفاضل"


def test_genitive_demonstrative_is_still_an_object() -> None:
    text = MINISTER + "وبرر سبب هذه الزيادة بأنها ناتجة عن الجفاف.\n"
    assert speaker_of(text, "ناتجة عن") == "كمال الهاشمي"


# -- 4. a statement refers back to its issuer ---------------------------------------------------


def test_statement_resolves_to_its_issuer() -> None:
    text = (
        "تعرضت شركة الواحة الرقمية لعطل واسع في شبكتها.\n"
        "وقالت الشركة في بيان نشرته مساء الجمعة إن \"فرقها تعمل على إصلاح الخلل\".\n"
        "وأكد البيان أن الخدمة ستعود خلال ساعات.\n"
    )
    assert speaker_of(text, "الخدمة ستعود") == "شركة الواحة الرقمية"


def test_statement_without_a_known_issuer_stays_a_document() -> None:
    text = "وأكد البيان أن الخدمة ستعود خلال ساعات.\n"
    q = [q for q in quotes(text) if q.text.startswith("الخدمة ستعود")]
    assert q and q[0].speaker is not None and q[0].speaker.kind == "document"


# -- 5. the named subject of the sentence's first clause ----------------------------------------


def test_first_clause_subject_beats_an_older_speaker() -> None:
    text = (
        "فازت رواية «الرمل» للكاتب التونسي منير الصالحي بجائزة السرد العربي.\n"
        "وقالت لجنة الجائزة في تقريرها إن الرواية \"تجربة لغوية فريدة في الكتابة\".\n"
        "وصعد الصالحي إلى المسرح مع ناشره، وقال في كلمة قصيرة: \"أهدي الجائزة إلى مدينتي الصغيرة\".\n"
    )
    assert speaker_of(text, "أهدي الجائزة") == "منير الصالحي"


def test_first_clause_with_a_thing_as_subject_carries() -> None:
    text = MINISTER + "وشهد المعرض إقبالا كبيرا، وقال: \"هذا دليل على ثقة الناس بالإنتاج المحلي\".\n"
    assert speaker_of(text, "هذا دليل") == "كمال الهاشمي"


def test_first_clause_verb_must_agree_with_the_cue() -> None:
    text = MINISTER + "وصعدت الفنانة سلمى العباسي إلى المنصة، وقال: \"الحفل كان ناجحا جدا\".\n"
    assert speaker_of(text, "الحفل كان") == "كمال الهاشمي"


def test_bare_definite_role_resolves_to_the_named_holder() -> None:
    text = (
        "أعلنت وزيرة البيئة الدكتورة رنا الحلبي، صباح الأحد، أن حملة التشجير ستشمل كل المحافظات.\n"
        "وقالت الوزيرة: \"زرعنا هذا العام ضعف ما زرعناه في العام الماضي\".\n"
    )
    assert speaker_of(text, "زرعنا هذا") == "رنا الحلبي"
