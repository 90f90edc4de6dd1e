import qala


def test_a_speaker_phrase_with_a_trailing_role_gives_an_entity_named_by_the_name_only():
    text = "وقالت الدكتورة هدى العمري مديرة إدارة الأمراض المزمنة إن الحملة ناجحة."
    doc = qala.extract(text, date="2024-01-10")
    (quote,) = doc.quotes
    assert quote.speaker is not None and quote.speaker.name == "هدى العمري"
    entity = doc.entity(quote.speaker.entity)
    assert entity is not None and entity.name == "هدى العمري"
