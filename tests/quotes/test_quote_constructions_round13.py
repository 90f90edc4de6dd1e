"""Round 13 (blind set 19): على spelled with ى is no given name when a speaker is looked for earlier
in the sentence, "any" + a noun is a stance participle's object (مستبعدا أي تصعيد), a circumstantial
clause after the speaker (وقال الرئيس وهو يلوح بيده) is not part of them, and a call verb's object
belongs to the content (ودعت النقابة العمال إلى). All sentences are our own."""

from __future__ import annotations

from tests.quotes.quote_helpers import quotes, speaker_of


def test_ala_is_not_the_name_ali_before_a_cue() -> None:
    text = "ودخلت وزارة الزراعة على خط الأزمة، إذ أعلنت في بلاغ مقتضب عن اجتماع يجمع الطرفين صباح الخميس."
    assert speaker_of(text, "اجتماع يجمع") == "وزارة الزراعة"


def test_any_and_a_noun_is_the_object_of_a_stance_participle() -> None:
    text = "وقال الوزير إن بلاده مستعدة للحوار، مستبعدا في الوقت نفسه أي تصعيد عسكري."
    found = {q.text: q.speaker.name for q in quotes(text)}
    assert found == {"بلاده مستعدة للحوار": "الوزير", "أي تصعيد عسكري": "الوزير"}


def test_a_circumstantial_clause_is_not_part_of_the_speaker() -> None:
    text = "وقال الرئيس وهو يلوح بيده إن الانتصار قريب."
    assert speaker_of(text, "الانتصار قريب") == "الرئيس"


def test_a_call_verbs_object_is_part_of_the_content() -> None:
    assert speaker_of("ودعت النقابة العمال إلى الإضراب العام يوم الاثنين.", "العمال إلى") == "النقابة"
    # a nisba adjective stays with the subject
    assert speaker_of("ودعا الاتحاد الأوروبي الدول الأعضاء إلى ضبط الحدود.", "الدول الأعضاء") == "الاتحاد الأوروبي"
    # with no object the content follows the preposition
    assert speaker_of("ودعا الوزير إلى الحضور بكثافة في الانتخابات المقبلة.", "الحضور بكثافة") == "الوزير"


def test_a_given_name_with_the_article_is_the_speakers_name() -> None:
    text = "وقال الكاتب العام للنقابة، الهادي الزواري، في تصريح أمام المستشفى، إن المشاركة واسعة."
    assert speaker_of(text, "المشاركة واسعة", full=True) == "الهادي الزواري"
