"""Round 17 (blind set 30): explaining (شرح) reports; a narrated person's relative clause set off by
commas is no story; "a copy of" a document; "amid" opens no subject; a sentence about a person who
opens it (لكن المزارع فلان …) lends them to the next cue; a statement's setting between commas; a
play's title in the apposition after a trailing cue; digits inside a fronted topic; outlets relaying
a speaker (نقلت وكالة … عن فلان قوله). All sentences are our own."""

from __future__ import annotations

from tests.quotes.quote_helpers import only, quotes, speaker_of


def test_explaining_reports_what_follows() -> None:
    text = "وقال المسؤول إن العودة مستمرة. ويشرح أبو خالد أن أولاده التحقوا بالمدرسة القريبة."
    assert speaker_of(text, "أولاده") == "أبو خالد"


def test_a_narrated_persons_relative_clause_between_commas_is_no_story() -> None:
    text = 'وفي حي الخالدية، تروي أم محمد، التي عادت مع بناتها من المخيم، أن "أصعب شيء كان إثبات ملكية البيت".'
    assert only(text).speaker.name == "أم محمد"
    # a story told by a film still is no report
    assert quotes("ويحكي الفيلم الذي عرض أمس أن البطل عاد إلى قريته بعد الحرب.") == []


def test_a_copy_of_a_document_is_the_document() -> None:
    q = only("وبحسب نسخة من مسودة القانون، فإن المشروع ينص على إنشاء مجلس أعلى للمياه.")
    assert q.speaker.name == "مسودة القانون"


def test_amid_opens_no_subject() -> None:
    text = 'بدأ المزارعون حصاد القمح وسط تفاؤل حذر بعد شتاء وصفته دائرة الأرصاد بأنه "الأفضل منذ سنوات".'
    assert [q.speaker.name for q in quotes(text)] == ["دائرة الأرصاد"]


def test_the_person_a_sentence_opens_with_speaks_next() -> None:
    text = (
        "وقالت الوزارة إن الموسم جيد. لكن المزارع سليمان العبادي من سهل حوران لا يشارك الوزارة تفاؤلها. "
        'ويقول: "السعر جيد على الورق".'
    )
    assert speaker_of(text, "السعر", full=True) == "سليمان العبادي"


def test_a_statements_setting_between_commas_leaves_the_speaker_whole() -> None:
    text = 'من جهتها، أقرت شركة النور، في بيان نشرته على صفحتها الرسمية، بوقوع "حادث أمني محدود" لدى أحد شركائها.'
    q = only(text)
    assert q.speaker.name == "شركة النور" and "حادث أمني محدود" in q.text


def test_a_title_in_the_apposition_after_a_trailing_cue_is_no_content() -> None:
    text = "«لم أكن أتوقع الجائزة»، قالت الممثلة المغربية سلمى بنعيسى، الفائزة بجائزة أفضل أداء عن دورها في مسرحية \"نساء بلا ظل\"."
    q = only(text)
    assert q.text == "لم أكن أتوقع الجائزة" and q.speaker.name == "سلمى بنعيسى"


def test_digits_inside_a_fronted_topic() -> None:
    text = (
        "وقال المخرج حاتم بلحاج إن العرض ناجح. أما المخرج العراقي كريم العبيدي، الذي نال عرضه \"الغرفة 7\" "
        'جائزة أفضل سينوغرافيا، فرأى أن المسرح "يستعيد عافيته ببطء".'
    )
    assert speaker_of(text, "المسرح") == "كريم العبيدي"


def test_an_outlet_relays_a_speaker_after_a_long_name() -> None:
    text = (
        "وفي طهران، نقلت وكالة الأنباء الإيرانية الرسمية (إرنا) عن المتحدث باسم الخارجية الإيرانية "
        'حميد رضا نوري قوله إن "الحديث عن اتفاق وشيك سابق لأوانه".'
    )
    q = only(text)
    assert q.text.startswith("الحديث") and q.speaker.name.endswith("نوري")


def test_a_test_result_is_evidence_not_a_source() -> None:
    text = 'وأوضح المتحدث هشام عبد الغفار أن الفحص الأولي يشير إلى أن التسريب "جرى عبر منظومة أحد الموردين".'
    assert [q.speaker.name for q in quotes(text)] == ["هشام عبد الغفار"]
