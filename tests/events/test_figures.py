"""Figures: percentages, money and counts, with what they measure."""

from __future__ import annotations

import pytest

from qala.events.figures import find_figures
from qala.text.normalize import normalize
from qala.text.segment import segment_sentences


def figures(text: str):
    return find_figures(normalize(text), segment_sentences(text))


@pytest.mark.parametrize(
    ("text", "expr", "kind", "value", "unit", "measure"),
    [
        ("وأكد أن الصادرات الزراعية ارتفعت بأكثر من 25٪ هذا العام.", "25٪", "percent", 25.0, "%", "الصادرات الزراعية"),
        ("تراجعت البطالة إلى 9.5 بالمئة.", "9.5 بالمئة", "percent", 9.5, "%", "البطالة"),
        ("ارتفع حجم الاستثمارات الأجنبية بنسبة 14 في المائة.", "14 في المائة", "percent", 14.0, "%", "حجم الاستثمارات الأجنبية"),
        ("بلغت نسبة المشاركة ٦٣٫٥٪ في الجولة الأولى.", "٦٣٫٥٪", "percent", 63.5, "%", "نسبة المشاركة"),
        ("تعهد الصندوق بتقديم 45 مليون دولار للمشروع.", "45 مليون دولار", "money", 45_000_000.0, "USD", None),
        ("وقع الطرفان عقدا بقيمة 2.5 مليار ريال سعودي.", "2.5 مليار ريال سعودي", "money", 2_500_000_000.0, "SAR", "عقدا"),
        ("بلغت الخسائر 700 ألف جنيه.", "700 ألف جنيه", "money", 700_000.0, "جنيه", "الخسائر"),
        ("خصصت البلدية 1,200 دينار أردني للحديقة.", "1,200 دينار أردني", "money", 1200.0, "JOD", None),
        ("أسفر الحادث عن 7 قتلى.", "7 قتلى", "count", 7.0, "قتلى", None),
        ("أصيب 19 شخصا بجروح طفيفة.", "19 شخصا", "count", 19.0, "أشخاص", None),
        ("نقل خمسة جرحى إلى المستشفى.", "خمسة جرحى", "count", 5.0, "جرحى", None),
    ],
)
def test_figure_kinds(text, expr, kind, value, unit, measure):
    found = figures(text)
    assert [(f.text, f.kind, f.value, f.unit, f.measure) for f in found] == [(expr, kind, value, unit, measure)]
    assert text[found[0].start : found[0].end] == expr


def test_several_figures_in_one_sentence():
    found = figures("قتل 4 أشخاص و١١ جريحا في الحادث.")
    assert [(f.value, f.unit) for f in found] == [(4.0, "أشخاص"), (11.0, "جرحى")]


def test_durations_and_years_are_not_figures():
    assert figures("يعمل المصنع منذ 30 عاما وافتتح في عام 1994.") == []
