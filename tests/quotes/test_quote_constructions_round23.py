"""Round 23 (blind sets 49, 50): verbs that are mostly not speech in a given form (يبلغ "amounts
to", أظهروا "showed"), a cue with only a pronoun complement, an object that would start with a
preposition. Our own sentences."""

from __future__ import annotations

from tests.quotes.quote_helpers import only, quotes


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
