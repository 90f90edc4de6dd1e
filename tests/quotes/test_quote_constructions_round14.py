"""Round 14 (blind set 21): "although that" (رغم أن) introduces no reported content, a topic reply
reports what follows "saying that" (ورد على ذلك بالقول إن), and a circumstance coordinated after a
name (قال فلان والدموع في عينيه) is not a second speaker. All sentences are our own."""

from __future__ import annotations

from tests.quotes.quote_helpers import only, speaker_of


def test_although_that_is_no_reported_content() -> None:
    text = "«لن نسمح بأن يتحول المستشفى إلى ساحة للصراع»، يقول الطبيب سامر الجبوري، الذي انضم إلى الوقفة رغم أن الإضراب لا يشمله."
    q = only(text)
    assert q.type == "direct" and q.text.startswith("لن نسمح") and q.speaker.name == "سامر الجبوري"
    assert speaker_of("وأكد الوزير، رغم أن الأزمة مستمرة، أن الاقتصاد قوي.", "الاقتصاد قوي") == "الوزير"


def test_a_topic_reply_reports_what_follows_saying_that() -> None:
    text = (
        "وقالت النائبة هالة القصري إن الملف كان متاحا للاطلاع. وردت الطرابلسي على ذلك بالقول إن الملف "
        "الذي وضع على ذمة المستشارين \"منقوص من الملاحق الفنية والمالية\"."
    )
    assert speaker_of(text, "الملف الذي وضع", full=True) == "الطرابلسي"


def test_a_circumstance_after_the_name_is_not_a_coordinated_speaker() -> None:
    text = "«حلمت بهذه اللحظة منذ كنت في الثانية عشرة من عمري»، قال الشناوي والدموع في عينيه."
    assert only(text).speaker.name == "الشناوي"
    # two roles of one person stay one phrase
    assert speaker_of("وقال رئيس مجلس الإدارة والعضو المنتدب للشركة سمير الخطيب إن الأرباح ارتفعت.", "الأرباح ارتفعت", full=True) == "سمير الخطيب"
