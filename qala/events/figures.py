"""Figures: percentages, money with its currency, and counts with the noun they count.

`38٪`, `17.2 بالمئة`, `12 في المائة`; `30 مليون دولار`, `2 مليار ريال سعودي`; `15 قتيلا`, `ثلاثة أشخاص`.
A figure is linked to what it measures when the sentence says so: the subject of a verb of change or
level (التجارة ... زادت بأكثر من 38٪ → التجارة; ارتفع حجم التبادل التجاري بنسبة 12٪ → حجم التبادل
التجاري), or the noun before بقيمة / بنسبة (صفقة بقيمة ...). Vocabulary: `data/lexicons/`
currencies.tsv, number_scales.tsv, number_words.tsv, count_nouns.tsv, change_verbs.txt, measure_preps.txt.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from qala.document import Figure, Sentence
from qala.lexicon import load_list, load_table
from qala.text.normalize import Normalized, norm

# How far back (in words) from a figure a verb of change may stand and still govern it.
MAX_VERB_DISTANCE = 8
# Longest measured noun phrase kept (حجم التبادل التجاري is 3).
MAX_MEASURE_WORDS = 4
# What a figure measures is named within this many characters before it (bounded work per figure).
MEASURE_WINDOW = 200

_PERCENT = r"%|بالمئه|بالمائه|بالميه|في المئه|في المائه|في الميه|بالمئة"
_NUM = r"\d+(?:[.,]\d+)*"
_WORD = re.compile(r"[^\W\d_]+|[0-9]+(?:[.,][0-9]+)*|[^\w\s]")
# Words that end the search for a measured noun phrase going backwards, or cut it going forwards.
_BOUNDARY = frozenset(norm(w) for w in ("أن", "إن", "ان", "التي", "الذي", "حيث", "كما", "و", "بعد", "قبل", "لكن", "وقد", "قد"))
_CUT = frozenset(norm(w) for w in ("بين", "في", "مع", "من", "على", "خلال", "إلى", "عن", "منذ", "لدى", "عند", "حتى",
                                    "عبر", "ضمن", "حول", "تجاه", "نحو"))
_APPROX = frozenset(
    norm(w) for w in ("ب", "بأكثر", "أكثر", "من", "إلى", "الى", "بنحو", "نحو", "حوالي", "بحوالي", "قرابة", "بقرابة",
                      "ما", "يقارب", "يناهز", "لنحو", "لحوالي", "أقل", "بأقل", "لتصل", "ليصل", "ليبلغ", "لتبلغ", "بنسبة", "مستوى")
)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)


@cache
def _tables() -> tuple[dict[str, str], dict[str, float], dict[str, float | None], dict[str, str]]:
    currencies = {norm(r["name"]): r["code"] for r in load_table("lexicons", "currencies.tsv")}
    scales = {norm(r["word"]): float(r["factor"]) for r in load_table("lexicons", "number_scales.tsv")}
    words = {norm(r["word"]): (float(r["value"]) if r["value"] else None) for r in load_table("lexicons", "number_words.tsv")}
    nouns = {norm(r["form"]): r["lemma"] for r in load_table("lexicons", "count_nouns.tsv")}
    return currencies, scales, words, nouns


@cache
def _figure_re() -> re.Pattern[str]:
    currencies, scales, words, nouns = _tables()
    return re.compile(
        r"(?:(?<![\w.,])|(?<=\sو)|(?<=^و))(?:(?P<num>" + _NUM + r")|(?P<word>" + _alt([w for w, v in words.items() if v]) + r"))"
        r"(?:\s*(?P<scale>" + _alt(list(scales)) + r")(?![^\W_]))?\s*"
        r"(?:(?P<pct>" + _PERCENT + r")|(?P<cur>" + _alt(list(currencies)) + r")(?![^\W_])"
        r"|(?P<noun>" + _alt(list(nouns)) + r")(?![^\W_]))"
    )


@cache
def _change_verbs() -> frozenset[str]:
    return frozenset(norm(w) for w in load_list("change_verbs"))


@cache
def _measure_preps() -> frozenset[str]:
    return frozenset(norm(w) for w in load_list("measure_preps"))


def _number(s: str) -> float:
    """17.2 → 17.2; 1,500 → 1500 (a comma before exactly three digits groups thousands)."""
    s = re.sub(r",(?=\d{3}(?:\D|$))", "", s).replace(",", ".")
    parts = s.split(".")
    if len(parts) > 2:
        s = "".join(parts[:-1]) + "." + parts[-1]
    return float(s)


def find_figures(nt: Normalized, sentences: list[Sentence]) -> list[Figure]:
    """Figures of a normalized text, each with its value, unit and (when stated) measure."""
    currencies, scales, words, nouns = _tables()
    out: list[Figure] = []
    text = nt.text
    starts = [s.start for s in sentences]
    for m in _figure_re().finditer(text):
        if m["num"]:
            value: float | None = _number(m["num"])
        else:
            value = words.get(m["word"])
            if m["pct"] or m["cur"]:
                continue  # "ثلاثة في المئة" is rare and often vague: digits only for % and money
        if value is not None and m["scale"]:
            value *= scales[m["scale"]]
        if m["pct"]:
            kind, unit = "percent", "%"
        elif m["cur"]:
            kind, unit = "money", currencies[m["cur"]] or m["cur"]
        else:
            kind, unit = "count", nouns[m["noun"]]
        rs, re_ = nt.to_raw(m.start()), nt.to_raw_end(m.end())
        measure = _measure(nt, m.start(), sentences, starts)
        out.append(Figure(rs, re_, nt.raw[rs:re_], kind, value, unit, measure))
    return out


def _sentence_start(raw_pos: int, sentences: list[Sentence], starts: list[int]) -> int:
    i = bisect_right(starts, raw_pos) - 1
    return sentences[i].start if i >= 0 and raw_pos < sentences[i].end else raw_pos


def _measure(nt: Normalized, nstart: int, sentences: list[Sentence], starts: list[int]) -> str | None:
    """What the figure at normalized offset `nstart` measures, in raw text, when the sentence says it."""
    s0 = max(nt.to_norm(_sentence_start(nt.to_raw(nstart), sentences, starts)), nstart - MEASURE_WINDOW)
    toks = [(m.start() + s0, m.end() + s0, m.group()) for m in _WORD.finditer(nt.text[s0:nstart])]
    if not toks:
        return None
    verbs = _change_verbs()
    # a verb of change shortly before the figure: its subject is the measure
    for vi in range(len(toks) - 1, max(-1, len(toks) - 1 - MAX_VERB_DISTANCE), -1):
        w = toks[vi][2]
        bare = w[1:] if w[:1] in ("و", "ف") and w[1:] in verbs else w
        if bare not in verbs:
            continue
        after = _trim_forward(toks[vi + 1 :])
        if after:
            return _raw(nt, after)
        before = _chunk_before(toks[:vi])
        return _raw(nt, before) if before else None
    # the noun before بقيمة / بنسبة
    i = len(toks) - 1
    while i >= 0 and toks[i][2] in _APPROX and toks[i][2] not in _measure_preps():
        i -= 1
    if i >= 1 and toks[i][2] in _measure_preps():
        j = i - 1
        start = j
        while start - 1 >= 0 and toks[start][2].startswith("ال") and _is_word(toks[start - 1][2]) \
                and not toks[start - 1][2].startswith("ال") and i - start < MAX_MEASURE_WORDS:
            start -= 1  # idafa: حجم التجارة
        if _is_word(toks[j][2]) and toks[j][2] not in _BOUNDARY and toks[j][2] not in _CUT:
            return _raw(nt, toks[start : j + 1])
    return None


def _is_word(w: str) -> bool:
    return w[:1].isalpha()


def _trim_forward(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Subject after a verb (VSO): words up to a preposition, an approximation word or punctuation."""
    out = []
    for t in toks:
        w = t[2]
        if not _is_word(w) or w in _APPROX or w in _CUT or (w.startswith("ب") and w[1:] in _APPROX):
            break
        out.append(t)
    return out[:MAX_MEASURE_WORDS]


def _chunk_before(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Subject before a verb (SVO): from the last boundary (أن، إن، punctuation) up to a preposition."""
    i = len(toks)
    while i > 0 and _is_word(toks[i - 1][2]) and toks[i - 1][2] not in _BOUNDARY:
        i -= 1
    out = []
    for t in toks[i:]:
        if t[2] in _CUT:
            break
        out.append(t)
    return out[:MAX_MEASURE_WORDS]


def _raw(nt: Normalized, toks: list[tuple[int, int, str]]) -> str | None:
    """The raw text of a measured phrase, without function words at either end (None if nothing is left)."""
    skip = _APPROX | _CUT | _BOUNDARY
    while toks and (toks[0][2] in skip or not _is_word(toks[0][2])):
        toks = toks[1:]
    while toks and (toks[-1][2] in skip or not _is_word(toks[-1][2])):
        toks = toks[:-1]
    if not toks:
        return None
    return nt.raw[nt.to_raw(toks[0][0]) : nt.to_raw_end(toks[-1][1])]
