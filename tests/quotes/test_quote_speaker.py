"""Name helpers shared with the entities stage and the scorer (sentences and names made up)."""

from __future__ import annotations

import pytest

from qala.quotes.speaker import (
    name_tokens,
    names_match,
    same_person,
    speaker_kind,
    split_role_name,
    strip_titles,
)


def test_strip_titles_removes_leading_honorifics_only() -> None:
    assert strip_titles(name_tokens("الدكتور سامي الحداد")) == name_tokens("سامي الحداد")
    assert strip_titles(name_tokens("صاحب السمو الملكي الأمير خالد")) == name_tokens("خالد")
    assert strip_titles(name_tokens("الرئيس")) == name_tokens("الرئيس")  # never strips to nothing


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("سامح الدباغ", "الدباغ", True),
        ("الرئيس سامح الدباغ", "سامح الدباغ", True),
        ("وزارة الصحة", "وزارة الصحة", True),
        ("وزارة الصحة", "وزارة النقل", False),
        ("سامي الحداد", "ليلى منصور", False),
        ("إبراهيم مرعي", "ابراهيم مرعى", True),  # spelling variants normalize
    ],
)
def test_names_match(a: str, b: str, same: bool) -> None:
    assert names_match(a, b) is same


def test_same_person_needs_more_than_a_shared_given_name() -> None:
    assert same_person(name_tokens("محمد"), name_tokens("يوسف محمد"))  # family-name end
    assert not same_person(name_tokens("محمد علي خان"), name_tokens("يوسف محمد"))
    assert same_person(name_tokens("ناصر العامري"), name_tokens("ناصر بن خليفة العامري"))


@pytest.mark.parametrize(
    ("phrase", "role", "name"),
    [
        ("الرئيس التونسي سليم الغربي", "الرئيس التونسي", "سليم الغربي"),
        ("وزير الخارجية الأردني أيمن الصفدي", "وزير الخارجية الأردني", "أيمن الصفدي"),
        ("الرئيس الكيني موانغي", "الرئيس الكيني", "موانغي"),
        ("المتحدث باسم الشركة كريم ناصر", "المتحدث باسم الشركة", "كريم ناصر"),
        ("مدير المكتب ناصر بن خليفة العامري", "مدير المكتب", "ناصر بن خليفة العامري"),
        ("الرئيس الفرنسي", "الرئيس الفرنسي", ""),
    ],
)
def test_split_role_name(phrase: str, role: str, name: str) -> None:
    r, n = split_role_name(name_tokens(phrase))
    assert r == name_tokens(role)
    assert n == name_tokens(name)


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("مصدر عسكري", "anonymous"),
        ("مصادر مطلعة", "anonymous"),
        ("وزارة الداخلية", "organization"),
        ("البيان", "document"),
        ("الرئيس الفرنسي", "person"),
        ("المتحدث باسم الجيش نادر صالح", "person"),
    ],
)
def test_speaker_kind(phrase: str, kind: str) -> None:
    assert speaker_kind(name_tokens(phrase)) == kind
