"""Date expressions, resolved against the document date.

Absolute dates (19 يناير 2022، 19 كانون الثاني/يناير 2022، 15 رمضان 1445 هـ، 19/1/2022), months and
years, weekdays (اليوم الأربعاء، الأربعاء الماضي، مساء الخميس) and relative phrases (أمس، صباح اليوم،
العام الماضي، الأسبوع المقبل). Matching runs on the normalized text (Arabic-Indic digits are ASCII
there), so offsets are mapped back to the raw text. Vocabulary lives in `data/lexicons/`
(months.tsv, weekdays.tsv, relative_dates.tsv, day_parts.txt). Weeks run Monday to Sunday (ISO).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right
from functools import cache

from hijridate import Hijri

from qala.document import TimeExpr
from qala.lexicon import load_list, load_table
from qala.text.normalize import Normalized, norm

# A bare weekday in news (يوم الأربعاء) means the latest such day on or before the document date:
# reports are written after the fact. Within this many days back, it is trusted.
BARE_WEEKDAY_LOOKBACK = 6
# Years outside this window are not read as a year after عام / in a date (4-digit amounts are).
MIN_YEAR, MAX_YEAR = 1900, 2100
MIN_HIJRI_YEAR, MAX_HIJRI_YEAR = 1300, 1600

_B = r"(?<![^\W\d_])"  # no letter right before (a proclitic is matched explicitly)
_E = r"(?![^\W_])"  # no letter or digit right after
_CLITIC = r"(?:و|ف|ب|ل|وب|ول|منذ\s+)?"


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _months() -> dict[str, tuple[int, str]]:
    return {norm(r["name"]): (int(r["month"]), r["calendar"]) for r in load_table("lexicons", "months.tsv")}


@cache
def _weekdays() -> dict[str, int]:
    return {norm(r["name"]): int(r["weekday"]) for r in load_table("lexicons", "weekdays.tsv")}


@cache
def _relative() -> dict[str, tuple[str, int]]:
    return {norm(r["phrase"]): (r["unit"], int(r["offset"])) for r in load_table("lexicons", "relative_dates.tsv")}


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    month = _alt(list(_months()))
    wd = _alt(list(_weekdays()))
    rel = _alt(list(_relative()))
    part = _alt([norm(p) for p in load_list("day_parts")])
    hijri_mark = r"(?:\s*(?:ه|هـ)(?![^\W_])|\s+(?:للهجره|هجريه|هجري))"
    year = r"(?:\s*[،,]?\s*(?:من\s+)?(?:عام|العام|سنه)?\s*(?P<year>\d{4})(?P<hijri>" + hijri_mark + r")?)?"
    return {
        "iso": re.compile(_B + r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _E),
        "numeric": re.compile(_B + r"(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})" + _E),
        "day_month": re.compile(
            _B + r"(?P<d>\d{1,2})\s*(?:من\s+)?(?P<month>" + month + r")(?:\s*[/(]\s*(?P<month2>" + month + r")\s*\)?)?"
            + _E + year
        ),
        "month_year": re.compile(
            _B + _CLITIC + r"(?:شهر\s+)?(?P<month>" + month + r")(?:\s*[/(]\s*(?P<month2>" + month + r")\s*\)?)?"
            + r"\s+(?:من\s+)?(?:عام\s+|العام\s+)?(?P<year>\d{4})(?P<hijri>" + hijri_mark + r")?" + _E
        ),
        # a month without a year, after a preposition (في أيلول، مطلع مارس): that month of the document's
        # year; the preposition keeps month names that are also words (مارس "he practised") out
        "month_only": re.compile(
            _B + r"(?:في|خلال|مطلع|اوائل|اواخر|منتصف|نهايه|بدايه)\s+(?:شهر\s+)?(?P<month>" + month + r")"
            + r"(?:\s*[/(]\s*(?P<month2>" + month + r")\s*\)?)?" + _E + r"(?!\s*[/(]?\s*\d)"
        ),
        "year": re.compile(_B + _CLITIC + r"(?:عام|العام|سنه|السنه)\s+(?P<year>\d{4})(?P<hijri>" + hijri_mark + r")?" + _E),
        "weekday": re.compile(
            _B + _CLITIC + r"(?:(?P<part>" + part + r")\s+)?(?:(?P<rel>اليوم|امس|غدا|يوم)\s+)?(?P<wd>" + wd + r")"
            + r"(?:\s+(?P<dir>الماضي|المنصرم|الفائت|المقبل|القادم))?" + _E
        ),
        "relative": re.compile(_B + _CLITIC + r"(?:(?P<part>" + part + r")\s+)?(?P<rel>" + rel + r")" + _E),
    }


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_range(y: int, m: int) -> tuple[str, str]:
    return _iso(dt.date(y, m, 1)), _iso(dt.date(y, m, calendar.monthrange(y, m)[1]))


def _hijri_to_greg(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(*Hijri(y, m, d).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def _hijri_month_range(y: int, m: int) -> tuple[str, str] | None:
    try:
        h = Hijri(y, m, 1)
        first = dt.date(*h.to_gregorian().datetuple())
        return _iso(first), _iso(first + dt.timedelta(days=h.month_length() - 1))
    except (ValueError, OverflowError):
        return None


def _shift_month(d: dt.date, months: int) -> tuple[int, int]:
    idx = d.year * 12 + d.month - 1 + months
    return idx // 12, idx % 12 + 1


class _Finder:
    """Collects non-overlapping time expressions over one normalized text."""

    def __init__(self, nt: Normalized, doc_date: dt.date | None) -> None:
        self.nt = nt
        self.date = doc_date
        self.found: list[TimeExpr] = []
        self.starts: list[int] = []  # taken normalized spans, sorted and non-overlapping
        self.ends: list[int] = []

    def add(self, start: int, end: int, value: str | None, end_value: str | None = None,
            granularity: str = "day", cal: str = "gregorian") -> None:
        i = bisect_right(self.starts, start)
        if (i > 0 and self.ends[i - 1] > start) or (i < len(self.starts) and self.starts[i] < end):
            return  # overlaps an expression found earlier (absolute forms are matched first)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        rs, re_ = self.nt.to_raw(start), self.nt.to_raw_end(end)
        self.found.append(TimeExpr(rs, re_, self.nt.raw[rs:re_], value, end_value, granularity, cal))


def find_times(nt: Normalized, doc_date: str | None) -> list[TimeExpr]:
    """All date expressions in a normalized text, with values resolved against `doc_date` (ISO)."""
    date = dt.date.fromisoformat(doc_date) if doc_date else None
    f = _Finder(nt, date)
    pats = _patterns()
    text = nt.text
    for name in ("iso", "numeric"):
        for m in pats[name].finditer(text):
            d = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
            if d and MIN_YEAR <= d.year <= MAX_YEAR:
                f.add(m.start(), m.end(), _iso(d))
    for m in pats["day_month"].finditer(text):
        _day_month(f, m, date)
    for m in pats["month_year"].finditer(text):
        _month_year(f, m)
    for m in pats["month_only"].finditer(text):
        month, cal = _months()[m["month"]]
        if date is not None and cal == "gregorian":
            first, last = _month_range(date.year, month)
            f.add(m.start("month"), m.end(), first, last, "month")
    for m in pats["year"].finditer(text):
        y = int(m["year"])
        s, e = _after_clitic(m), m.end()
        if m["hijri"] and MIN_HIJRI_YEAR <= y <= MAX_HIJRI_YEAR:
            first, last = _hijri_month_range(y, 1), _hijri_month_range(y, 12)
            if first and last:
                f.add(s, e, first[0], last[1], "year", "hijri")
        elif not m["hijri"] and MIN_YEAR <= y <= MAX_YEAR:
            f.add(s, e, f"{y}-01-01", f"{y}-12-31", "year")
    for m in pats["weekday"].finditer(text):
        _weekday(f, m, date)
    for m in pats["relative"].finditer(text):
        _relative_phrase(f, m, date)
    f.found.sort(key=lambda t: t.start)
    return f.found


def _after_clitic(m: re.Match[str]) -> int:
    """Start of a match without its proclitic (و، ب، ل، منذ): the date phrase proper."""
    s = m.group()
    for pre in ("منذ ", "وب", "ول", "و", "ف", "ب", "ل"):
        rest = s[len(pre):]
        if s.startswith(pre) and rest.lstrip().startswith(("عام", "العام", "سنه", "السنه", "شهر", *(_months()))):
            return m.start() + len(s) - len(rest.lstrip())
    return m.start()


def _day_month(f: _Finder, m: re.Match[str], date: dt.date | None) -> None:
    day = int(m["d"])
    month, cal = _months()[m["month"]]
    year = int(m["year"]) if m["year"] else None
    if m["hijri"] or cal == "hijri":
        if year is None or not MIN_HIJRI_YEAR <= year <= MAX_HIJRI_YEAR:
            f.add(m.start(), m.end() if year else m.end("month2") if m["month2"] else m.end("month"), None,
                  cal="hijri")
            return
        g = _hijri_to_greg(year, month, day)
        f.add(m.start(), m.end(), _iso(g) if g else None, cal="hijri")
        return
    end = m.end() if year else (m.end("month2") if m["month2"] else m.end("month"))
    if year is None and date is not None:
        year = date.year
    d = _valid(year, month, day) if year and MIN_YEAR <= year <= MAX_YEAR else None
    f.add(m.start(), end, _iso(d) if d else None)


def _month_year(f: _Finder, m: re.Match[str]) -> None:
    month, cal = _months()[m["month"]]
    year = int(m["year"])
    s = _after_clitic(m)
    if m["hijri"] or cal == "hijri":
        rng = _hijri_month_range(year, month) if MIN_HIJRI_YEAR <= year <= MAX_HIJRI_YEAR else None
        f.add(s, m.end(), rng[0] if rng else None, rng[1] if rng else None, "month", "hijri")
    elif MIN_YEAR <= year <= MAX_YEAR:
        first, last = _month_range(year, month)
        f.add(s, m.end(), first, last, "month")


def _weekday(f: _Finder, m: re.Match[str], date: dt.date | None) -> None:
    start = m.start("part") if m["part"] else m.start("rel") if m["rel"] else m.start("wd")
    if date is None:
        f.add(start, m.end(), None)
        return
    wd = _weekdays()[m["wd"]]
    rel, direction = m["rel"], m["dir"]
    if rel == "اليوم":
        d = date  # اليوم الأربعاء: the document date itself
    elif rel == "امس":
        d = date - dt.timedelta(days=1)
    elif rel == "غدا":
        d = date + dt.timedelta(days=1)
    elif direction in ("المقبل", "القادم"):
        d = date + dt.timedelta(days=(wd - date.weekday() - 1) % 7 + 1)
    elif direction:
        d = date - dt.timedelta(days=(date.weekday() - wd - 1) % 7 + 1)
    else:
        back = (date.weekday() - wd) % 7
        d = date - dt.timedelta(days=back) if back <= BARE_WEEKDAY_LOOKBACK else None
    f.add(start, m.end(), _iso(d) if d else None)


def _relative_phrase(f: _Finder, m: re.Match[str], date: dt.date | None) -> None:
    start = m.start("part") if m["part"] else m.start("rel")
    unit, offset = _relative()[m["rel"]]
    if date is None:
        f.add(start, m.end(), None, granularity=unit)
        return
    if unit == "day":
        f.add(start, m.end(), _iso(date + dt.timedelta(days=offset)))
    elif unit == "week":
        monday = date - dt.timedelta(days=date.weekday()) + dt.timedelta(weeks=offset)
        f.add(start, m.end(), _iso(monday), _iso(monday + dt.timedelta(days=6)), "week")
    elif unit == "month":
        y, mo = _shift_month(date, offset)
        first, last = _month_range(y, mo)
        f.add(start, m.end(), first, last, "month")
    else:
        y = date.year + offset
        f.add(start, m.end(), f"{y}-01-01", f"{y}-12-31", "year")
