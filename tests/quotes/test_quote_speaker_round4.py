"""Speaker constructions of round 4: a manner adjunct after a trailing cue, a family name that
looks like ب + noun, and an organization made the subject by the narration."""

from __future__ import annotations

from quote_helpers import quotes, speaker_of


def test_manner_adjunct_after_trailing_cue_is_not_the_speaker() -> None:
    text = (
        "ونجت من الحادث ممرضة تدعى سلمى الراشدي. "
        "وقالت سلمى الراشدي إن الماء كان باردا جدا طوال الليل. "
        '"لم أر شيئا سوى الظلام"، قالت بصوت خافت.'
    )
    assert speaker_of(text, "لم أر شيئا") == "سلمى الراشدي"


def test_manner_adjunct_before_the_subject() -> None:
    text = "وقالت بنبرة حازمة وزيرة الصحة هدى السالمي إن المستشفيات ستفتح أبوابها للجميع."
    assert speaker_of(text, "المستشفيات") == "هدى السالمي"


def test_family_name_starting_with_b_l_is_the_speaker() -> None:
    text = (
        "افتتح رئيس البلدية عبد الرحيم بلخير المحطة الجديدة صباح اليوم. "
        "وقال بلخير في كلمة خلال حفل الافتتاح إن المحطة ستخدم آلاف الركاب يوميا."
    )
    assert speaker_of(text, "المحطة ستخدم") == "عبد الرحيم بلخير"


def test_prepositional_setting_after_cue_is_still_skipped() -> None:
    text = "وقال وزير النقل كمال المرزوقي في كلمة خلال حفل الافتتاح إن المحطة ستخدم آلاف الركاب."
    assert speaker_of(text, "المحطة ستخدم") == "كمال المرزوقي"


def test_organization_subject_of_narration_speaks_in_relative_clause() -> None:
    text = "رفع البنك المركزي التونسي أمس سعر الفائدة، في خطوة قال إنها تهدف إلى كبح التضخم المتصاعد في البلاد."
    assert speaker_of(text, "تهدف إلى") == "البنك المركزي التونسي"


def test_feminine_participles_take_the_organization_that_issued_a_statement() -> None:
    text = (
        "وقال الطبيب سامر الحلبي إن الوضع في المستشفيات صعب جدا. "
        "غير أن نقابة الأطباء أصدرت بيانا مساء الأحد، مؤكدة أن الإضراب سيستمر حتى تحقيق المطالب، "
        "ومشيرة إلى أن الحوار مع الوزارة متوقف تماما."
    )
    assert speaker_of(text, "الإضراب سيستمر") == "نقابة الأطباء"
    assert speaker_of(text, "الحوار مع الوزارة") == "نقابة الأطباء"


def test_organization_as_object_or_inside_reported_speech_is_not_the_speaker() -> None:
    text = (
        "وقال الخبير سامر الحلبي إن الوضع صعب. "
        "وزار الخبير البنك المركزي أمس، مؤكدا أن الأرقام الرسمية لا تعكس الواقع."
    )
    assert speaker_of(text, "الأرقام الرسمية") == "سامر الحلبي"
    text = (
        "وقال المحامي سامر الحلبي إن موكله بريء. "
        "ونفى أن يكون النادي قد خالف العقد، مؤكدا أن موكله سيلجأ إلى القضاء الرياضي."
    )
    assert speaker_of(text, "موكله سيلجأ") == "سامر الحلبي"


def test_disagreeing_organization_is_not_taken() -> None:
    text = (
        "وقالت الوزيرة هدى السالمي إن الميزانية جاهزة. "
        "وأصدر البنك المركزي قرارا جديدا أمس، مؤكدة أن القرار لن يمس الأجور."
    )
    found = [q for q in quotes(text) if q.text.startswith("القرار لن")]
    assert found and found[0].speaker is not None and found[0].speaker.name == "هدى السالمي"


_MEDIATOR = "وقال الوسيط خالد بن سعيد المري إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة. "


def test_source_introduced_after_a_quotation_is_carried() -> None:
    text = _MEDIATOR + (
        "«لن نتنازل عن أي شبر من أرضنا»، هكذا ختم رئيس الوفد، وزير الخارجية السابق يوسف الطاهر، "
        "كلمته أمام الصحفيين. وأضاف أن حكومته قدمت تنازلات كبيرة في الجولات السابقة، "
        "متهما الطرف الآخر بالمماطلة."
    )
    assert speaker_of(text, "حكومته قدمت") == "يوسف الطاهر"
    assert speaker_of(text, "الطرف الآخر") == "يوسف الطاهر"


def test_source_after_quotation_must_agree_with_the_cue() -> None:
    text = (
        "وقالت الوزيرة هدى السالمي إن الميزانية جاهزة. «لن نتنازل عن أي شبر»، ختم يوسف الطاهر كلمته. "
        "وأضافت أن الحكومة ستعرض الميزانية على البرلمان قريبا."
    )
    assert speaker_of(text, "الحكومة ستعرض") == "هدى السالمي"
