"""Round 6 (blind set 8): transliterated names that look like circumstantial participles, اكتفى
بالقول, لفت without إلى, and the issuer of a statement a later cue refers back to (أصدر بيانا
اعتبر فيه). All sentences are our own."""

from __future__ import annotations

from tests.quotes.quote_helpers import quotes, speaker_of


def test_a_transliterated_name_is_not_a_participle() -> None:
    text = (
        "استقبل وزير الخارجية كريم العلوي نظيره الياباني تارو ماكيتا. وقال العلوي إن المحادثات مثمرة. "
        "من جانبه، أكد ماكيتا أن بلاده ستدعم مشاريع المياه."
    )
    # the subject is kept, not read as an adverb with the speaker carried from the quotation before
    assert speaker_of(text, "بلاده ستدعم") in {"ماكيتا", "تارو ماكيتا"}
    # a real circumstantial participle is still no speaker: the quotation is carried
    smiling = "وقال الوزير كريم العلوي إن المحادثات مثمرة. وأضاف مبتسما أن اللقاء المقبل سيكون في طوكيو."
    assert speaker_of(smiling, "اللقاء المقبل") == "كريم العلوي"


def test_merely_said_is_a_cue_but_settled_for_is_not() -> None:
    text = "وسئل المدرب رامي الخطيب عن مستقبله، فاكتفى الخطيب بالقول: أنا مركز على المباراة المقبلة فقط."
    assert speaker_of(text, "أنا مركز") == "رامي الخطيب"
    assert quotes("واكتفى الفريق بالتعادل السلبي في مباراته الأخيرة أمام ضيفه.") == []


def test_drew_attention_without_to_is_no_quotation() -> None:
    found = quotes("وقال مزارعون إن محاصيلهم تلفت بالكامل هذا الموسم بسبب الجفاف الشديد.")
    assert [q.text for q in found] == ["محاصيلهم تلفت بالكامل هذا الموسم بسبب الجفاف الشديد"]


def test_the_issuer_of_a_statement_the_cue_refers_back_to() -> None:
    text = (
        "أما وفد نقابة الصيادلة المستقلة فقد أصدر بيانا اعتبر فيه أن القرار الجديد يهدد مئات الصيدليات، "
        "داعيا الوزارة إلى مراجعته."
    )
    assert speaker_of(text, "القرار الجديد") == "وفد نقابة الصيادلة المستقلة"
    text = "أما اتحاد المزارعين فقد أصدر بيانا اعتبر فيه أن الحكومة تأخرت في صرف التعويضات."
    assert speaker_of(text, "الحكومة تأخرت") == "اتحاد المزارعين"
