"""Speaker names are displayed with the article's own spelling of the name."""

import qala


def test_a_name_normalized_like_a_preposition_keeps_its_spelling() -> None:
    # normalization merges على (on) and علي (a given name); the preposition comes first here
    doc = qala.extract("وقف الوزير على المنصة أمس. وقال علي حسن إن الجفاف قضى على المحصول. وأضاف حسن أن الديون تتراكم.")
    names = [q.speaker.name for q in doc.quotes if q.speaker]
    assert names == ["علي حسن", "علي حسن"]
