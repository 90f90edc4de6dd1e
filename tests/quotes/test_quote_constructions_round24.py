"""Round 24 (blind sets 54, 56): نص with the conjunction, حث as a call verb, a statement's author
named with لـ after a reporting verb. Our own sentences."""

from __future__ import annotations

from tests.quotes.quote_helpers import only, quotes, speaker_of


def test_a_decree_stipulated() -> None:
    q = only("ونص المرسوم الرئاسي، الذي نشر في الجريدة الرسمية، على أن استيراد أكثر من 800 منتج بات يخضع لتراخيص مسبقة.")
    assert q.speaker.name == "المرسوم الرئاسي" and q.text.startswith("استيراد")
    assert quotes("ونص الاتفاق واضح ولا يحتاج إلى تفسير من أي طرف.") == []


def test_urged_in_a_statement() -> None:
    q = only("وأصدرت الغرفة التجارية بيانا حثت فيه الحكومة على التدخل العاجل لحماية التجار.")
    assert q.speaker.name == "الغرفة التجارية" and q.text.startswith("الحكومة")


def test_a_statement_of_a_ministry_is_the_ministrys() -> None:
    text = (
        "وذكر بيان لوزارة الخارجية العراقية أن جهود الاسترداد أسفرت عن إعادة أكثر من 17 ألف قطعة، "
        "مبينا أن التنسيق مع الإنتربول أسهم في ذلك."
    )
    assert speaker_of(text, "جهود") == "وزارة الخارجية العراقية"
    assert speaker_of(text, "التنسيق") == "وزارة الخارجية العراقية"
    assert only("وذكر البيان أن الجهود أسفرت عن إعادة أكثر من 17 ألف قطعة.").speaker.name == "البيان"


def test_relayed_through_a_deputy_for_a_district() -> None:
    text = "ونقل عضو مجلس النواب عن دائرة أجدابيا، فرج الزوي، عن وزير النفط خليفة الورفلي قوله إن الحكومة مستعدة للحوار."
    assert only(text).speaker.name == "خليفة الورفلي"
    text = "ونقلت الوكالة عن مصدر دبلوماسي، فضل عدم الكشف عن هويته، أن خيار طرد السفير ليس مطروحا."
    assert only(text).speaker.name == "مصدر دبلوماسي"


def test_a_time_phrase_before_the_call_verbs_preposition() -> None:
    q = only("وكانت الوزيرة قد دعت في وقت سابق إلى إنشاء هيئة مستقلة لمراقبة صرف أموال الإعمار.")
    assert q.speaker.name == "الوزيرة"


def test_a_deputy_for_a_district_then_her_name() -> None:
    text = "من جهتها، حذرت النائبة عن دائرة قفصة سلمى بن عمارة من أن استمرار الإضراب سيزيد من احتقان الوضع."
    assert only(text).speaker.name == "سلمى بن عمارة"
    assert only("وقالت النائبة عن الحزب إن الإضراب مستمر.").speaker.name == "النائبة عن الحزب"


def test_a_speech_closed_by_calling_on_supporters() -> None:
    text = (
        "وقال المرشح سالم ولد أحمد إن الماء حق للجميع. "
        "وختم ولد أحمد كلمته بدعوة أنصاره إلى التوجه بكثافة إلى مكاتب التصويت يوم 22 يونيو."
    )
    assert speaker_of(text, "التوجه") == "سالم ولد أحمد"


def test_a_feeling_about_a_short_topic_reports_nothing() -> None:
    assert quotes("في المقابل، أبدى عدد من المستوردين قلقهم من القرار، وعقدوا اجتماعا طارئا في مقر الغرفة.") == []
    q = only("وأعرب الوزير عن قلقه من تدهور الأوضاع الإنسانية في المنطقة.")
    assert q.text.startswith("قلقه من تدهور")
    # a verbal noun and its complement state a situation: content
    text = "من جهتها، أعربت البعثة الأممية عن قلقها من استمرار الخلاف، ودعت جميع الأطراف إلى الحوار."
    assert any(q.text.startswith("قلقها من استمرار") for q in quotes(text))


def test_a_plural_participle_and_the_protesters_before_it() -> None:
    text = (
        "دخل إغلاق الميناء يومه الرابع، بعدما منع محتجون من أبناء المنطقة ناقلات النفط من الرسو، "
        "مطالبين بحصة من عائدات النفط وتوفير وظائف للشباب."
    )
    assert (speaker_of(text, "بحصة") or "").startswith("محتجون")
    # a singular noun in -ون is no subject
    text = "وأقر البرلمان قانون الاستثمار الجديد، مطالبين بتطبيقه فورا في جميع المحافظات."
    assert speaker_of(text, "بتطبيقه") != "قانون"


def test_a_report_of_a_bank_warned() -> None:
    # the speaker phrase reader keeps "تقرير للبنك الدولي" whole; resolution names its author
    assert only("وحذر تقرير للبنك الدولي من أن النمو سيتباطأ هذا العام.").speaker.name == "البنك الدولي"
