"""Round 21 (blind set 42): a family name the article gave, then a call verb's object (ودعا زهران
المستهلكين إلى); "according to X, it is expected that" (وبحسب X، يتوقع أن) is X's report. Our own
sentences."""

from __future__ import annotations

from tests.quotes.quote_helpers import only, quotes, speaker_of


def test_a_known_family_name_then_the_call_verbs_object() -> None:
    text = "وقال رئيس الجهاز كريم زهران إن الأسعار مرتفعة. ودعا زهران المستهلكين إلى الاحتفاظ بفواتير الشراء."
    assert speaker_of(text, "المستهلكين") == "كريم زهران"
    text = "وقال المزارع محمود الحاج إن الاعتداءات تتزايد. ودعا الحاج المؤسسات الدولية إلى إرسال متطوعين."
    assert speaker_of(text, "المؤسسات") == "محمود الحاج"


def test_according_to_a_source_it_is_expected_that() -> None:
    q = only("وبحسب وزارة الزراعة الفلسطينية، يتوقع أن ينتج الموسم الحالي نحو 14 ألف طن من الزيت.")
    assert q.speaker.name == "وزارة الزراعة الفلسطينية" and q.text.startswith("يتوقع")
    # a verb that reports on its own after the attribution keeps its own subject
    assert [x.speaker.name for x in quotes("ووفقا للوكالة، قال الوزير إن المحادثات مثمرة.")] == ["الوزير"]
