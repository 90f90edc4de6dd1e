"""Round 22: given names missing from quote_first_names.txt (حميد، إسحاق …) and given names that are
also nouns or verbs (أمل "hope", "he hoped"; كامل "complete") after a title. Our own sentences."""

from __future__ import annotations

from tests.quotes.quote_helpers import only, quotes, speaker_of


def test_a_compound_given_name_keeps_its_first_part() -> None:
    q = only("قال وزير النفط الإيراني حميد رضا نوري إن الإنتاج سيرتفع الشهر المقبل.")
    assert q.speaker.name == "حميد رضا نوري"
    text = "قال المتحدث باسم جبهة الوفاق، آدم إسحاق أبكر، إن الجبهة قبلت الاتفاق."
    assert speaker_of(text, "الجبهة", full=True) == "آدم إسحاق أبكر"


def test_the_preposition_basm_starts_no_name() -> None:
    # باسم is also a given name; in "المتحدث باسم" it is "in the name of"
    q = only("وقال المتحدث باسم وزارة الصحة إن المستشفيات استقبلت عشرين مصابا.")
    assert q.speaker.name == "المتحدث باسم وزارة الصحة"


def test_a_given_name_that_is_also_a_verb_after_a_title() -> None:
    q = only("وقالت الوزيرة أمل الخطيب إن الخطة جاهزة للتنفيذ.")
    assert q.speaker.name == "أمل الخطيب" and q.text.startswith("الخطة")
    q = only("وقال الوزير كامل إبراهيم إن الخطة جاهزة للتنفيذ.")
    assert q.speaker.name == "كامل إبراهيم"
    # at the start of a clause أمل is still the verb "hoped"
    q = only("وأمل الرئيس أن تنتهي الأزمة قبل نهاية العام.")
    assert q.speaker.name == "الرئيس" and q.text.startswith("تنتهي")


def test_data_published_by_an_institution_name_it() -> None:
    lead = "ارتفعت أسعار القمح بنسبة 12 بالمئة خلال الشهر الماضي، "
    assert only(lead + "وفق بيانات نشرها المعهد الوطني للإحصاء يوم الاثنين.").speaker.name == "المعهد الوطني للإحصاء"
    assert only(lead + "وفق بيانات المعهد الوطني للإحصاء.").speaker.name == "المعهد الوطني للإحصاء"
    # data of a thing, not of an institution: no author to name
    assert only(lead + "وفق بيانات الصادرات الرسمية.").speaker.name != "الصادرات الرسمية"


def test_a_coordinated_call_verb_goes_on_with_the_sentence_subject() -> None:
    text = "قالت جمعية المصارف في بيان إن المصارف ليست مسؤولة وحدها عن الأزمة، ودعت الدولة إلى تسديد ديونها للقطاع."
    assert speaker_of(text, "تسديد") == "جمعية المصارف"
    # a masculine speaker before: the feminine verb has its own subject
    text = "قال الوزير إن الأزمة عابرة، ودعت الحكومة إلى ضبط الأسعار في الأسواق المحلية."
    assert speaker_of(text, "ضبط") == "الحكومة"


def test_a_quoted_noun_is_no_participle_cue() -> None:
    # مقترحات is also the feminine plural of the participle مقترحا
    q = only('وقال الوزير إن الحكومة قدمت "مقترحات عملية" لفتح الطرق أمام السكان.')
    assert q.text.endswith("أمام السكان")


def test_an_organization_in_the_construct_state_then_the_object() -> None:
    text = "ودعت لجنة الشؤون المالية في مجلس النواب الطرفين إلى الجلوس فورا إلى طاولة الحوار."
    assert only(text).speaker.name == "لجنة الشؤون المالية في مجلس النواب"
    text = "ودعت هيئة الدفاع المدني السكان إلى الابتعاد عن المباني المتصدعة في الحي."
    assert only(text).speaker.name == "هيئة الدفاع المدني"
    text = "ودعت لجنة حماية الصحفيين السلطات إلى الإفراج عن المعتقلين فورا."
    assert only(text).speaker.name == "لجنة حماية الصحفيين"


def test_a_description_before_the_withheld_name() -> None:
    text = "وفي القاعة، قال أحد المتضررين، وهو موظف متقاعد فضل عدم ذكر اسمه، إنه خسر مدخرات ثلاثين عاما."
    q = only(text)
    assert q.speaker.name == "أحد المتضررين" and q.text.startswith("خسر")


def test_a_statement_closed_with_a_call() -> None:
    q = only('وختم البيان بالدعوة إلى "معالجة الخلافات عبر القنوات الدبلوماسية بعيدا عن التصعيد".')
    assert q.speaker.name == "البيان" and q.text.startswith("معالجة")


def test_what_an_agreement_stipulates() -> None:
    q = only("وينص الاتفاق، الذي اطلعت عليه الوكالة، على أن يطلق كل طرف سراح المحتجزين المرضى.")
    assert q.speaker.name == "الاتفاق" and q.text.startswith("يطلق")
    # نص "text" is a noun
    assert only("وقال الوزير إن نص الاتفاق واضح ولا يحتاج إلى تفسير.").speaker.name == "الوزير"


def test_investigations_are_evidence_not_a_source() -> None:
    assert quotes("وكشفت التحقيقات أن المتهم حول مبالغ كبيرة إلى حسابات في الخارج.") == []


def test_a_family_name_that_is_also_a_place_labels_a_headline() -> None:
    text = (
        "الكردي: جدول أعمال القمة المقبلة سيتصدره ملف الأمن الغذائي\n"
        "القاهرة - أكد الأمين العام المساعد للجامعة حسام الكردي أن الاستعدادات تسير وفق الجدول الزمني."
    )
    assert speaker_of(text, "جدول") == "حسام الكردي"


def test_a_committee_after_li_keeps_its_lam() -> None:
    q = only("وبحسب التقرير الأولي للجنة الفنية المكلفة بفحص الموقع، فإن المقبرة تضم ستة توابيت على الأقل.")
    assert q.speaker.name == "اللجنة الفنية المكلفة بفحص الموقع"


def test_a_relative_clause_on_a_fronted_report() -> None:
    q = only("وكان تقرير حكومي نشر الشهر الماضي قد أفاد بأن كلفة إعادة البناء بلغت نحو 22 مليار درهم.")
    assert q.speaker.name == "تقرير حكومي"


def test_what_an_agreement_lays_down_is_no_source() -> None:
    text = "وأكد المحافظ أن التعيين من اختصاص مجلس النواب بالتشاور مع المجلس الأعلى، وفق ما ينص عليه الاتفاق السياسي."
    assert [q.speaker.name for q in quotes(text)] == ["المحافظ"]
    # a verb of saying after وفق ما names a source
    q = only("وارتفعت الأسعار بنسبة كبيرة خلال الشهر الماضي، وفق ما ذكرته الوزارة.")
    assert q.speaker.name == "الوزارة"


def test_the_agreement_is_not_named_by_its_purpose() -> None:
    text = (
        "وتوصل الطرفان أمس إلى اتفاق لتبادل 212 أسيرا بوساطة إقليمية. "
        "وينص الاتفاق على أن يطلق كل طرف سراح المحتجزين المرضى في الدفعة الأولى."
    )
    assert speaker_of(text, "يطلق") == "الاتفاق"
