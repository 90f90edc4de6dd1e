"""Quotation-mark pairing that survives the typos of real news text.

Marks are paired per family (curly “ ” „, guillemets « », single ‹ › ‘ ’, straight ") inside a
stretch of text, by a linear dynamic programme over consecutive marks: each pair scores by how
well the marks' surroundings fit an opening and a closing mark, so reversed marks (المدينة” هذه ... “)
still pair, and with an odd count the mark left out is the one that fits least. A leftover opening
mark is an unclosed quotation running to the end of the stretch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FAMILIES = {"“": "c", "”": "c", "„": "c", "‟": "c", "«": "g", "»": "g", "‹": "s", "›": "s", "‘": "q", "’": "q", '"': "d"}
OPENERS = frozenset("“„‟«‹‘")
CLOSERS = frozenset("”»›’")
MARK_RE = re.compile("[" + re.escape("".join(FAMILIES)) + "]")
_BEFORE_OPEN = frozenset(" \t\n:،,؛;(-–[")  # what usually precedes an opening mark
_AFTER_CLOSE = frozenset(" \t\n.،,؛;:!?؟)…-–]")
# An unclosed quotation longer than this is cut: a long news paragraph is under ~2,000 characters,
# and without a bound a line of hostile text full of opening marks makes output quadratic.
MAX_UNCLOSED_CHARS = 4000


@dataclass(slots=True)
class MarkSpan:
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when unclosed
    end: int  # end of the content (the closing mark's offset, or the end of the stretch)

    @property
    def start(self) -> int:
        return self.open + 1


def _open_fit(text: str, i: int, lo: int) -> float:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    score = (before in _BEFORE_OPEN or before in OPENERS) + (not after.isspace())
    return score + (0.5 if text[i] in OPENERS else 0.0)


def _close_fit(text: str, i: int, hi: int) -> float:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < hi else " "
    score = (not before.isspace()) + (after in _AFTER_CLOSE or after in CLOSERS)
    return score + (0.5 if text[i] in CLOSERS else 0.0)


def pair_marks(text: str, lo: int, hi: int) -> list[MarkSpan]:
    """Quotation spans of `text[lo:hi]` (one paragraph stretch), in text order."""
    by_family: dict[str, list[int]] = {}
    for m in MARK_RE.finditer(text, lo, hi):
        by_family.setdefault(FAMILIES[m.group()], []).append(m.start())
    spans: list[MarkSpan] = []
    leftovers: list[tuple[int, bool]] = []  # (offset, fits an opening better) of the unpaired marks
    for marks in by_family.values():
        n = len(marks)
        # best[k]: best score for marks[k:]; choice[k]: True when k pairs with k + 1
        best = [0.0] * (n + 2)
        choice = [False] * (n + 1)
        for k in range(n - 1, -1, -1):
            skip = best[k + 1]
            pair = -1.0
            if k + 1 < n:
                pair = 2.0 + _open_fit(text, marks[k], lo) + _close_fit(text, marks[k + 1], hi) + best[k + 2]
            if pair > skip:
                best[k], choice[k] = pair, True
            else:
                best[k] = skip
        k = 0
        while k < n:
            if choice[k]:
                spans.append(MarkSpan(marks[k], marks[k + 1], marks[k + 1]))
                k += 2
                continue
            i = marks[k]
            leftovers.append((i, _open_fit(text, i, lo) > _close_fit(text, i, hi) and i + 1 < hi))
            k += 1
    leftovers.sort()
    unclosed: list[int] = []
    n = len(leftovers)
    k = 0
    while k < n:
        i, opening = leftovers[k]
        if not opening:
            k += 1
            continue
        nxt, nxt_opening = leftovers[k + 1] if k + 1 < n else (hi, True)
        if not nxt_opening and nxt - i <= MAX_UNCLOSED_CHARS:
            # «… خسرنا”، قال: a quotation opened with one family and closed with another
            spans.append(MarkSpan(i, nxt, nxt))
            k += 2
            continue
        unclosed.append(i)
        k += 1
    # An unclosed quotation runs to the end of the stretch, but a later unclosed opening mark starts a
    # new one: this keeps the total content linear in the input.
    for i, nxt in zip(unclosed, [*unclosed[1:], hi], strict=False):
        spans.append(MarkSpan(i, None, min(nxt, i + 1 + MAX_UNCLOSED_CHARS)))
    spans.sort(key=lambda s: s.open)
    return spans
