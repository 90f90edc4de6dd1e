"""A role's holder set off by commas (الناطق باسم الجبهة، فلان الفلاني، إن), found by the rules
alone: the given name may be one no hand-written list has (Wikidata's are read). Our own sentences."""

from __future__ import annotations

import pytest

from tests.quotes.quote_helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a given name of Wikidata's lists, not of quote_first_names.txt, and a family name no list has
        ("قال المتحدث باسم جبهة الإنقاذ، آدم يعقوب أبكر، إن الجبهة وافقت على المقترح.", "آدم يعقوب أبكر"),
        # the whole apposition, not the first two words
        ("قالت الناطقة باسم الوزارة، سلمى حسن دقلو، إن الوزارة تدرس الطلب.", "سلمى حسن دقلو"),
        # علي is a name between the commas, though normalized it is the preposition على
        ("وقال وزير المالية، محمد علي، إن العجز تراجع هذا العام.", "محمد علي"),
        # one given name alone, and a name whose closing comma is missing: it ends before إن
        ("وقال رئيس البلدية، أحمد، إن الأشغال مستمرة.", "أحمد"),
        ("وقال رئيس البلدية، أحمد سالم إن الأشغال مستمرة.", "أحمد سالم"),
    ],
)
def test_a_name_set_off_by_commas_after_a_role(text: str, expected: str) -> None:
    assert speaker_of(text, "ال") == expected


def test_an_apposition_that_is_no_name_leaves_the_role() -> None:
    # a setting, not a person, between the commas
    assert speaker_of("وقال وزير الخارجية، في مؤتمر صحفي، إن الاجتماع مهم.", "الاجتماع") == "وزير الخارجية"
