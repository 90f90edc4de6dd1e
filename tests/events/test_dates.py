"""Date expressions resolved against a document date (Wednesday 2024-05-15 unless stated)."""

from __future__ import annotations

import pytest

from qala.events.dates import find_times
from qala.text.normalize import normalize

DOC_DATE = "2024-05-15"  # a Wednesday


def times(text: str, date: str | None = DOC_DATE):
    return find_times(normalize(text), date)


@pytest.mark.parametrize(
    ("text", "expr", "value", "end_value", "granularity"),
    [
        ("افتتح الوزير المعرض اليوم.", "اليوم", "2024-05-15", None, "day"),
        ("وصل الوفد أمس.", "أمس", "2024-05-14", None, "day"),
        ("يغادر الوفد غدا.", "غدا", "2024-05-16", None, "day"),
        ("عقد الاجتماع اليوم الأربعاء في المقر.", "اليوم الأربعاء", "2024-05-15", None, "day"),
        ("التقى الوزيران أمس الثلاثاء.", "أمس الثلاثاء", "2024-05-14", None, "day"),
        ("وقعت الاتفاقية الأربعاء الماضي.", "الأربعاء الماضي", "2024-05-08", None, "day"),
        ("تبدأ الجولة الأحد المقبل.", "الأحد المقبل", "2024-05-19", None, "day"),
        ("وصل صباح اليوم إلى العاصمة.", "صباح اليوم", "2024-05-15", None, "day"),
        ("اندلع الحريق مساء أمس.", "مساء أمس", "2024-05-14", None, "day"),
        ("أعلنت النتائج يوم الاثنين.", "يوم الاثنين", "2024-05-13", None, "day"),
        ("نمت الصادرات العام الماضي.", "العام الماضي", "2023-01-01", "2023-12-31", "year"),
        ("يزور الوفد الأسبوع المقبل.", "الأسبوع المقبل", "2024-05-20", "2024-05-26", "week"),
        ("ارتفعت الأسعار الشهر الماضي.", "الشهر الماضي", "2024-04-01", "2024-04-30", "month"),
        ("تجرى الانتخابات في 12 يناير 2025.", "12 يناير 2025", "2025-01-12", None, "day"),
        ("وقع الاتفاق في 3 كانون الثاني/يناير 2021.", "3 كانون الثاني/يناير 2021", "2021-01-03", None, "day"),
        ("وصل في ٧ أيار ٢٠٢٢ إلى بيروت.", "٧ أيار ٢٠٢٢", "2022-05-07", None, "day"),
        ("عقدت الندوة في 20 مارس.", "20 مارس", "2024-03-20", None, "day"),
        ("صدر القرار بتاريخ 5/6/2023.", "5/6/2023", "2023-06-05", None, "day"),
        ("تأسست الشركة في شباط 2019.", "شباط 2019", "2019-02-01", "2019-02-28", "month"),
        ("بدأ المشروع عام 2015.", "عام 2015", "2015-01-01", "2015-12-31", "year"),
        ("تجرى الانتخابات في أيلول.", "أيلول", "2024-09-01", "2024-09-30", "month"),
        ("يفتتح المعرض مطلع مارس.", "مارس", "2024-03-01", "2024-03-31", "month"),
    ],
)
def test_gregorian_and_relative(text, expr, value, end_value, granularity):
    found = times(text)
    assert [(t.text, t.value, t.end_value, t.granularity) for t in found] == [(expr, value, end_value, granularity)]
    assert text[found[0].start : found[0].end] == expr


@pytest.mark.parametrize(
    ("text", "expr", "value", "end_value"),
    [
        ("أعلن الحدث في 15 رمضان 1445 هـ.", "15 رمضان 1445 هـ", "2024-03-25", None),
        ("صدر الأمر في 1 محرم 1446 للهجرة.", "1 محرم 1446 للهجرة", "2024-07-07", None),
        ("في شهر رمضان 1445 هـ زادت التبرعات.", "شهر رمضان 1445 هـ", "2024-03-11", "2024-04-09"),
    ],
)
def test_hijri_dates_convert_to_gregorian(text, expr, value, end_value):
    (t,) = times(text)
    assert (t.text, t.value, t.end_value, t.calendar) == (expr, value, end_value, "hijri")


def test_relative_dates_without_a_document_date_stay_unresolved():
    (t,) = times("وصل الوفد أمس.", None)
    assert t.text == "أمس" and t.value is None


def test_numbers_and_words_that_are_not_dates_are_ignored():
    assert times("نواجه الأزمة منذ 40 عاما وقتل 1200 شخص.") == []
    assert times("مارس اللاعب الرياضة منذ صغره.") == []  # مارس = "he practised"


def test_impossible_dates_are_not_resolved():
    (t,) = times("في 31 فبراير 2023 حدث ذلك.")
    assert t.value is None
