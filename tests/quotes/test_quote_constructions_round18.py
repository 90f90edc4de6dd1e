"""Round 18 (blind set 32): "and that was during" ends a content; فُعول verbal nouns as a stance
participle's object; posts on social media sites; a crisis is no source; a wish (تمنى لو) is no
report; a sentence that opens with an adverbial and a negated verb lends its subject to its و-cue;
a particle's pronoun is the subject of a bare-object verb's participle. All sentences are our own."""

from __future__ import annotations

from tests.quotes.quote_helpers import only, quotes, speaker_of


def test_a_setting_after_wa_dhalika_ends_the_content() -> None:
    text = 'أكد وزير الخارجية سامي الحداد، اليوم الثلاثاء، أن بلاده ماضية في سياسة "التوازن"، وذلك خلال مؤتمر صحفي مشترك.'
    assert only(text).text == 'بلاده ماضية في سياسة "التوازن"'
    # a cause after وذلك stays in the content
    text = "وقال المدير إن الأرباح ارتفعت وذلك بفضل زيادة الصادرات."
    assert only(text).text.endswith("زيادة الصادرات")


def test_a_simple_verbal_noun_after_a_stance_participle() -> None:
    text = 'وأوضح الخبير يوسف الكندي أن المنخفض "سيستمر حتى الخميس"، متوقعا هطول أمطار غزيرة على المحافظات الشمالية.'
    assert speaker_of(text, "هطول") == "يوسف الكندي"
    text = "وأوضح المومني أن الحضور ارتفع بنسبة 22 في المئة، ونفى وجود أي نية لتغيير نظام الدوري."
    assert speaker_of(text, "وجود") == "المومني"


def test_posting_on_social_media_sites() -> None:
    text = "وعلى مواقع التواصل الاجتماعي، كتبت الفنانة ياسمين فكري: «نحترم كل رأي، لكن نرجو مشاهدة العمل كاملا»."
    assert only(text).speaker.name.endswith("ياسمين فكري")


def test_a_crisis_reveals_nothing_said() -> None:
    text = 'ويرى الكاتب محمود عبد الرؤوف أن الأزمة تكشف "غياب معايير واضحة" لما يمكن تناوله.'
    assert [q.speaker.name for q in quotes(text)] == ["محمود عبد الرؤوف"]


def test_a_wish_is_no_report() -> None:
    text = "«لا شيء يشبه هذه الليلة»، يقول اللاعب سامر الخطيب، مضيفا أنه تمنى لو كان والده حاضرا في المدرجات."
    assert len(quotes(text)) == 2


def test_an_opening_adverbial_and_a_negated_verb_before_a_coordinated_cue() -> None:
    text = (
        "وقال مدرب الفيصلي نبيل الطرابلسي إن الفوز مستحق. في المقابل، لم يخف مدرب الوحدات رائد العدوان خيبة أمله، "
        'وقال إن فريقه "دفع ثمن إهدار الفرص". لكنه انتقد جدولة المباريات، معتبرا أن «الجدول مرهق».'
    )
    assert speaker_of(text, "فريقه", full=True) == "رائد العدوان"
    assert speaker_of(text, "الجدول", full=True) == "رائد العدوان"


def test_a_participle_shares_the_subject_of_the_verb_opening_its_sentence() -> None:
    text = 'القاهرة – رفض المنتج شريف عبد المجيد، اليوم الثلاثاء، الاتهامات الموجهة إلى المسلسل، مؤكدا أن العمل "لا يحمل أي إساءة".'
    assert speaker_of(text, "العمل", full=True).endswith("عبد المجيد")
    text = (
        "وقال مصدر أمني إن القارب غرق. من جهته، حمل المتحدث باسم المنتدى نزار الحمروني السياسات الأوروبية "
        'المسؤولية، معتبرا أن "تشديد المراقبة لا يوقف الهجرة".'
    )
    assert speaker_of(text, "تشديد") == "نزار الحمروني"
