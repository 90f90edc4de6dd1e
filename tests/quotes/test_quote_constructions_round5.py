"""Round 5 (blind set 7): closing a speech with words, idioms and negated cues that report nothing,
naming appositions, documents that speak for their named author, relative clauses set off by
commas, and headline offices written longer before the name. All sentences are our own."""

from __future__ import annotations

from tests.quotes.quote_helpers import only, quotes, speaker_of


def test_closing_a_speech_with_words_is_a_cue() -> None:
    text = (
        "التقى وزير النقل رامي الشمري بممثلي السائقين. وقال الشمري إن الطرق ستصان قبل الشتاء. "
        "واختتم الشمري كلمته بالقول إن «الطريق الآمن حق لكل مواطن»."
    )
    q = [q for q in quotes(text) if q.text.startswith("الطريق الآمن")]
    assert len(q) == 1 and q[0].type == "direct" and q[0].speaker is not None and q[0].speaker.name == "رامي الشمري"
    closing = "وختمت الناطقة باسم البلدية سلوى النقيب حديثها بالقول إن الحملة ستتواصل حتى الصيف."
    assert speaker_of(closing, "الحملة ستتواصل") == "سلوى النقيب"


def test_ending_a_visit_is_no_quotation() -> None:
    assert quotes("وختم الوفد الوزاري زيارته إلى العاصمة بجولة في الأسواق القديمة أمس.") == []


def test_said_its_word_is_an_idiom() -> None:
    assert quotes("وقال الجمهور كلمته في الانتخابات البلدية بعد حملة طويلة وصاخبة.") == []
    # the same verb with real content still quotes
    assert only("وقال الجمهور في استطلاع إن الحملة كانت طويلة.").text == "الحملة كانت طويلة"


def test_a_negated_cue_with_only_its_complement_reports_nothing() -> None:
    assert quotes("ولم تكشف الشركة عن أسماء المستثمرين المشاركين في الصفقة الجديدة.") == []
    # with a content clause the negated verb still reports
    assert only("ولم يستبعد المدير أن تواجه الشركة صعوبات مالية كبيرة.").text.startswith("تواجه الشركة")


def test_a_naming_apposition_gives_the_speakers_name() -> None:
    text = "وقالت إحدى المتطوعات، وهي طالبة تدعى رنا الحسيني: «نعمل منذ الفجر بلا توقف»."
    assert speaker_of(text, "نعمل منذ الفجر") == "رنا الحسيني"
    text = "وروى أحد الصيادين الذين نجوا من العاصفة، ويدعى مازن العطار، أنه سبح ثلاث ساعات."
    assert speaker_of(text, "سبح ثلاث ساعات") == "مازن العطار"


def test_is_named_is_not_claims() -> None:
    # تدعى (is named) and تدعي (claims) are one string once normalized; the article's spelling tells them apart
    text = "وقالت إحدى المتطوعات، وهي طالبة تدعى رنا الحسيني: «نعمل منذ الفجر بلا توقف»."
    assert len(quotes(text)) == 1
    assert only("وتدعي الشركة أن منتجاتها آمنة تماما على الأطفال.").text.startswith("منتجاتها آمنة")


def test_a_document_speaks_for_its_named_issuer() -> None:
    text = (
        "حذر تقرير صادر عن منظمة الصحة العالمية من أن السمنة بين الأطفال تضاعفت. "
        "وأشار التقرير، الذي نشر بمناسبة يوم الصحة، إلى أن الدول الفقيرة هي الأكثر تضررا. "
        "وأفادت دراسة أعدتها جامعة الخرطوم بأن نصف المدارس بلا مقاصف."
    )
    assert speaker_of(text, "السمنة بين الأطفال") == "منظمة الصحة العالمية"
    # the relative clause between the speaker and إلى أن is neither speaker nor content
    assert speaker_of(text, "الدول الفقيرة") == "منظمة الصحة العالمية"
    assert speaker_of(text, "نصف المدارس") == "جامعة الخرطوم"
    # with no named author the document is the speaker
    assert speaker_of("وأشار تقرير حديث إلى أن الأسعار ارتفعت بنسبة كبيرة.", "الأسعار ارتفعت") == "تقرير حديث"


def test_a_headline_office_finds_the_name_after_the_longer_title() -> None:
    text = (
        "وزير التموين: لا زيادة في سعر الخبز هذا العام\n"
        "أكد وزير التموين والتجارة الداخلية المصري حسام الدين عبد الرحيم أن سعر الخبز لن يتغير. "
        "في المقابل، نفى المتحدث باسم وزارة التموين أحمد الشاذلي أن تكون الوزارة رفعت سعر السكر."
    )
    assert speaker_of(text, "لا زيادة في سعر الخبز") == "حسام الدين عبد الرحيم"
